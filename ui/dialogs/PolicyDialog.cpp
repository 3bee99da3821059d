#include "PolicyDialog.h"

#include "KeyExchangeDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

PolicyDialog::PolicyDialog(const Policy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
    , m_name(new QLineEdit(policy.name, this))
    , m_description(new QPlainTextEdit(policy.description, this))
    , m_polling(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"policyDialog"_s);
    setWindowTitle(policy.id ? tr("%1 Properties").arg(policy.name) : tr("New IP Security Policy"));
    m_name->setObjectName(u"nameEdit"_s);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_polling->setObjectName(u"pollingSpin"_s);
    m_polling->setRange(1, 43200);
    m_polling->setSuffix(tr(" minute(s)"));
    m_polling->setValue(policy.pollingIntervalMinutes);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *general = new QWidget(this);
    general->setObjectName(u"generalTab"_s);
    auto *form = new QFormLayout(general);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Check for policy changes every:"), m_polling);
    // Key exchange settings: edited in their own window, stored with the rest on OK.
    auto *keyExchange = new QPushButton(tr("&Settings..."), general);
    keyExchange->setObjectName(u"keyExchangeButton"_s);
    m_keyExchangeSummary = new QLabel(general);
    m_keyExchangeSummary->setObjectName(u"keyExchangeSummary"_s);
    m_keyExchangeSummary->setWordWrap(true);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyExchangeSummary, 1);
    keyRow->addWidget(keyExchange);
    form->addRow(tr("Key exchange using these settings:"), keyRow);
    connect(keyExchange, &QPushButton::clicked, this, &PolicyDialog::editKeyExchange);
    showKeyExchange();
    form->addRow(m_error);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"policyTabs"_s);
    if (policy.id != 0)
        tabs->addTab(rulesTab(), tr("Rules"));
    tabs->addTab(general, tr("General"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PolicyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PolicyDialog::reject);
}

QWidget *PolicyDialog::rulesTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(u"rulesTab"_s);
    m_rules = new QTableWidget(0, 3, tab);
    m_rules->setObjectName(u"rulesTable"_s);
    m_rules->setHorizontalHeaderLabels(
        {tr("IP Filter List"), tr("Filter Action"), tr("Authentication Methods")});
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->verticalHeader()->hide();
    m_rules->horizontalHeader()->setStretchLastSection(true);
    auto *add = new QPushButton(tr("A&dd…"), tab);
    add->setObjectName(u"addRuleButton"_s);
    m_edit = new QPushButton(tr("&Edit…"), tab);
    m_edit->setObjectName(u"editRuleButton"_s);
    m_remove = new QPushButton(tr("&Remove"), tab);
    m_remove->setObjectName(u"removeRuleButton"_s);
    m_useWizard = new QCheckBox(tr("Use Add &Wizard"), tab);
    m_useWizard->setObjectName(u"useAddWizardCheck"_s);
    m_useWizard->setChecked(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_useWizard);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(new QLabel(tr("IP security &rules:"), tab));
    static_cast<QLabel *>(layout->itemAt(0)->widget())->setBuddy(m_rules);
    layout->addWidget(m_rules, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this,
            [this] { Q_EMIT addRuleRequested(m_useWizard->isChecked()); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentRuleId())
            Q_EMIT editRuleRequested(id);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentRuleId())
            Q_EMIT removeRuleRequested(id);
    });
    connect(m_rules, &QTableWidget::itemDoubleClicked, this, [this] {
        if (const qint64 id = currentRuleId())
            Q_EMIT editRuleRequested(id);
    });
    connect(m_rules, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != 0)
            return;
        Q_EMIT ruleActiveChanged(item->data(Qt::UserRole).toLongLong(),
                                 item->checkState() == Qt::Checked);
    });
    connect(m_rules, &QTableWidget::currentCellChanged, this, [this] {
        m_edit->setEnabled(currentRuleId() != 0);
        m_remove->setEnabled(currentRuleId() != 0);
    });
    m_edit->setEnabled(false);
    m_remove->setEnabled(false);
    return tab;
}

void PolicyDialog::setRules(const PolicyDatabase &db)
{
    if (!m_rules)
        return;
    const QScopedValueRollback filling(m_filling, true);
    const qint64 current = currentRuleId();
    m_rules->setRowCount(0);
    for (const Rule *r : db.rulesOf(m_policy.id)) {
        const int row = m_rules->rowCount();
        m_rules->insertRow(row);
        const FilterList *list = db.filterList(r->filterListId);
        const FilterAction *action = db.filterAction(r->filterActionId);
        auto *name = new QTableWidgetItem(r->defaultResponse ? tr("<Dynamic>")
                                                             : (list ? list->name : QString()));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(r->active ? Qt::Checked : Qt::Unchecked);
        name->setData(Qt::UserRole, r->id);
        m_rules->setItem(row, 0, name);
        m_rules->setItem(row, 1,
                         new QTableWidgetItem(r->defaultResponse
                                                  ? tr("Default Response")
                                                  : (action ? action->name : QString())));
        QStringList methods;
        for (const AuthMethod &m : r->authMethods)
            methods << m.toString();
        m_rules->setItem(row, 2, new QTableWidgetItem(methods.join(u", "_s)));
        if (r->id == current)
            m_rules->setCurrentCell(row, 0);
    }
    m_rules->resizeColumnsToContents();
    m_edit->setEnabled(currentRuleId() != 0);
    m_remove->setEnabled(currentRuleId() != 0);
}

qint64 PolicyDialog::currentRuleId() const
{
    if (!m_rules || m_rules->currentRow() < 0)
        return 0;
    const QTableWidgetItem *item = m_rules->item(m_rules->currentRow(), 0);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void PolicyDialog::editKeyExchange()
{
    auto *dialog = new KeyExchangeDialog(m_policy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Policy edited = dialog->policy();
        m_policy.mainModeMethods = edited.mainModeMethods;
        m_policy.mainModeLifetimeSeconds = edited.mainModeLifetimeSeconds;
        m_policy.quickModesPerMainMode = edited.quickModesPerMainMode;
        m_policy.mainModePfs = edited.mainModePfs;
        showKeyExchange();
    });
    dialog->open(); // no nested event loop
}

void PolicyDialog::showKeyExchange()
{
    const int seconds = m_policy.mainModeLifetimeSeconds;
    const QString lifetime = seconds % 60 == 0 ? tr("%n minute(s)", nullptr, seconds / 60)
                                               : tr("%n second(s)", nullptr, seconds);
    const QString sessions = m_policy.quickModesPerMainMode == 0
                                 ? tr("no session limit")
                                 : tr("%n session(s)", nullptr, m_policy.quickModesPerMainMode);
    const int methods =
        int(m_policy.mainModeMethods.isEmpty() ? MainModeMethod::windowsDefaults().size()
                                               : m_policy.mainModeMethods.size());
    m_keyExchangeSummary->setText(
        tr("new key after %1 or %2; %3; %n method(s)", nullptr, methods)
            .arg(lifetime, sessions,
                 m_policy.mainModePfs ? tr("master key PFS") : tr("no master key PFS")));
}

Policy PolicyDialog::policy() const
{
    Policy p = m_policy;
    p.name = m_name->text().trimmed();
    p.description = m_description->toPlainText();
    p.pollingIntervalMinutes = m_polling->value();
    return p;
}

void PolicyDialog::accept()
{
    if (const QStringList problems = policy().validate(); !problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
