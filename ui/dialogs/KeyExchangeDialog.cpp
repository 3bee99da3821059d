#include "KeyExchangeDialog.h"

#include "IkeMethodDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

int minutesOf(int seconds)
{
    return (seconds + 59) / 60;
}

QString cipherName(MainModeMethod::Cipher c)
{
    switch (c) {
    case MainModeMethod::Cipher::Des:
        return KeyExchangeDialog::tr("DES");
    case MainModeMethod::Cipher::TripleDes:
        return KeyExchangeDialog::tr("3DES");
    case MainModeMethod::Cipher::Aes128:
        return KeyExchangeDialog::tr("AES-128");
    case MainModeMethod::Cipher::Aes192:
        return KeyExchangeDialog::tr("AES-192");
    case MainModeMethod::Cipher::Aes256:
        return KeyExchangeDialog::tr("AES-256");
    }
    return {};
}

QString groupName(int group)
{
    switch (group) {
    case 1:
        return KeyExchangeDialog::tr("Low (1)");
    case 2:
        return KeyExchangeDialog::tr("Medium (2)");
    default:
        return KeyExchangeDialog::tr("High (2048)");
    }
}

} // namespace

KeyExchangeDialog::KeyExchangeDialog(const Policy &policy, QWidget *parent)
    : QDialog(parent)
    , m_policy(policy)
    , m_methods(policy.mainModeMethods.isEmpty() ? MainModeMethod::windowsDefaults()
                                                 : policy.mainModeMethods)
    , m_pfs(new QCheckBox(tr("Master key &perfect forward secrecy (PFS)"), this))
    , m_minutes(new QSpinBox(this))
    , m_sessions(new QSpinBox(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_add(new QPushButton(tr("A&dd..."), this))
    , m_edit(new QPushButton(tr("&Edit..."), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("Move &up"), this))
    , m_down(new QPushButton(tr("Move d&own"), this))
    , m_error(new QLabel(this))
{
    setObjectName(u"keyExchangeDialog"_s);
    setWindowTitle(tr("Key Exchange Settings"));
    m_pfs->setObjectName(u"masterPfsCheck"_s);
    m_pfs->setChecked(policy.mainModePfs);
    m_minutes->setObjectName(u"lifetimeMinutesSpin"_s);
    // 0 is allowed into the field so that it can be refused with a sentence on OK.
    m_minutes->setRange(0, Policy::MaxMainModeLifetimeSeconds / 60);
    m_minutes->setSuffix(tr(" minute(s)"));
    m_minutes->setValue(minutesOf(policy.mainModeLifetimeSeconds));
    m_sessions->setObjectName(u"sessionsSpin"_s);
    m_sessions->setRange(0, Policy::MaxQuickModesPerMainMode);
    m_sessions->setSpecialValueText(tr("no limit"));
    m_sessions->setSuffix(tr(" session(s)"));
    m_sessions->setValue(policy.quickModesPerMainMode);
    m_sessions->setEnabled(!policy.mainModePfs);
    // Master key PFS: every quick mode needs a main mode of its own (as in the snap-in).
    connect(m_pfs, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_sessions->setValue(1);
        m_sessions->setEnabled(!on);
    });

    m_table->setObjectName(u"ikeMethodsTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Type"), tr("Encryption"), tr("Integrity"), tr("Diffie-Hellman Group")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_add->setObjectName(u"addIkeMethodButton"_s);
    m_edit->setObjectName(u"editIkeMethodButton"_s);
    m_remove->setObjectName(u"removeIkeMethodButton"_s);
    m_up->setObjectName(u"moveIkeMethodUpButton"_s);
    m_down->setObjectName(u"moveIkeMethodDownButton"_s);
    connect(m_table, &QTableWidget::currentCellChanged, this, &KeyExchangeDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { editMethod(row); });
    connect(m_add, &QPushButton::clicked, this, [this] { editMethod(-1); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editMethod(m_table->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_methods.size())
            return;
        m_methods.removeAt(row);
        fill(qMin(row, int(m_methods.size()) - 1));
    });
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(+1); });

    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    auto *rekey = new QGroupBox(tr("Authenticate and generate a new key"), this);
    auto *form = new QFormLayout(rekey);
    form->addRow(tr("After every:"), m_minutes);
    form->addRow(tr("After every:"), m_sessions);
    auto *methods = new QGroupBox(tr("Key Exchange Security Methods"), this);
    auto *buttonColumn = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_up, m_down})
        buttonColumn->addWidget(b);
    buttonColumn->addStretch();
    auto *methodRow = new QHBoxLayout(methods);
    methodRow->addWidget(m_table, 1);
    methodRow->addLayout(buttonColumn);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pfs);
    layout->addWidget(rekey);
    layout->addWidget(methods, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &KeyExchangeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fill(0);
}

void KeyExchangeDialog::fill(int currentRow)
{
    m_table->setRowCount(int(m_methods.size()));
    for (int row = 0; row < m_methods.size(); ++row) {
        const MainModeMethod &m = m_methods.at(row);
        const QStringList cells{tr("IKE"), cipherName(m.cipher),
                                m.hash == MainModeMethod::Hash::Md5 ? tr("MD5") : tr("SHA1"),
                                groupName(m.dhGroup)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    if (currentRow >= 0 && currentRow < m_methods.size())
        m_table->setCurrentCell(currentRow, 0);
    updateButtons();
}

void KeyExchangeDialog::updateButtons()
{
    const int row = m_table->currentRow();
    const bool has = row >= 0 && row < m_methods.size();
    m_edit->setEnabled(has);
    m_remove->setEnabled(has);
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row + 1 < m_methods.size());
}

void KeyExchangeDialog::editMethod(int row)
{
    const bool adding = row < 0 || row >= m_methods.size();
    auto *dialog = new IkeMethodDialog(adding ? MainModeMethod{} : m_methods.at(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, adding, row] {
        const MainModeMethod m = dialog->method();
        if (adding) {
            m_methods.append(m);
            fill(int(m_methods.size()) - 1);
        } else {
            m_methods[row] = m;
            fill(row);
        }
    });
    dialog->open(); // no nested event loop
}

void KeyExchangeDialog::move(int delta)
{
    const int row = m_table->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || row >= m_methods.size() || to >= m_methods.size())
        return;
    m_methods.swapItemsAt(row, to);
    fill(to);
}

Policy KeyExchangeDialog::policy() const
{
    Policy p = m_policy;
    // Windows' defaults unchanged stay "the defaults" (nothing stored for them).
    p.mainModeMethods =
        m_policy.mainModeMethods.isEmpty() && m_methods == MainModeMethod::windowsDefaults()
            ? QList<MainModeMethod>{}
            : m_methods;
    // A lifetime in seconds that is not whole minutes (ipseccmd -1k 90S) stays as it was
    // while its minutes are not changed.
    if (m_minutes->value() != minutesOf(m_policy.mainModeLifetimeSeconds))
        p.mainModeLifetimeSeconds = m_minutes->value() * 60;
    p.mainModePfs = m_pfs->isChecked();
    p.quickModesPerMainMode = p.mainModePfs ? 1 : m_sessions->value();
    return p;
}

void KeyExchangeDialog::accept()
{
    QStringList problems;
    if (m_methods.isEmpty())
        problems << tr("Add at least one key exchange security method: without one no main "
                       "mode can be negotiated.");
    if (m_minutes->value() < 1)
        problems << tr("The key lifetime must be at least 1 minute.");
    else
        problems << policy().validate();
    if (!problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
