#include "RuleDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

RuleDialog::RuleDialog(const Rule &rule, const PolicyDatabase &db, QWidget *parent)
    : QDialog(parent)
    , m_rule(rule)
    , m_name(new QLineEdit(rule.name, this))
    , m_active(new QCheckBox(tr("Rule is &active"), this))
    , m_filterList(new QComboBox(this))
    , m_filterAction(new QComboBox(this))
    , m_tunnel(new QLineEdit(rule.tunnelEndpoint, this))
    , m_connection(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"ruleDialog"_s);
    setWindowTitle(tr("%1 Properties").arg(rule.name));
    m_name->setObjectName(u"nameEdit"_s);
    m_active->setObjectName(u"activeCheck"_s);
    m_active->setChecked(rule.active);
    m_filterList->setObjectName(u"filterListCombo"_s);
    for (const FilterList &l : db.filterLists)
        m_filterList->addItem(l.name, l.id);
    m_filterList->setCurrentIndex(m_filterList->findData(rule.filterListId));
    m_filterAction->setObjectName(u"filterActionCombo"_s);
    for (const FilterAction &a : db.filterActions)
        m_filterAction->addItem(a.name, a.id);
    m_filterAction->setCurrentIndex(m_filterAction->findData(rule.filterActionId));
    m_tunnel->setObjectName(u"tunnelEdit"_s);
    m_tunnel->setPlaceholderText(tr("none: this rule does not specify an IP tunnel"));
    m_connection->setObjectName(u"connectionCombo"_s);
    m_connection->addItem(tr("All network connections"), int(Rule::ConnectionType::All));
    m_connection->addItem(tr("Local area network (LAN)"), int(Rule::ConnectionType::Lan));
    m_connection->addItem(tr("Remote access"), int(Rule::ConnectionType::Dialup));
    m_connection->setCurrentIndex(m_connection->findData(int(rule.connectionType)));
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    // The default response rule has no list or action of its own: only activation applies.
    const bool ordinary = !rule.defaultResponse;
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_filterList),
                       static_cast<QWidget *>(m_filterAction), static_cast<QWidget *>(m_tunnel),
                       static_cast<QWidget *>(m_connection)})
        w->setEnabled(ordinary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_active);
    form->addRow(tr("IP &filter list:"), m_filterList);
    form->addRow(tr("Filter a&ction:"), m_filterAction);
    form->addRow(tr("&Tunnel endpoint:"), m_tunnel);
    form->addRow(tr("Connection t&ype:"), m_connection);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RuleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RuleDialog::reject);
}

Rule RuleDialog::rule() const
{
    Rule r = m_rule;
    r.active = m_active->isChecked();
    if (r.defaultResponse)
        return r;
    r.name = m_name->text().trimmed();
    r.filterListId = m_filterList->currentData().toLongLong();
    r.filterActionId = m_filterAction->currentData().toLongLong();
    r.tunnelEndpoint = m_tunnel->text().trimmed();
    r.connectionType = Rule::ConnectionType(m_connection->currentData().toInt());
    return r;
}

void RuleDialog::accept()
{
    if (const QStringList problems = rule().validate(); !problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
