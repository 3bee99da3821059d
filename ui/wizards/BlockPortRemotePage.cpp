#include "wizards/BlockPortRemotePage.h"

#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

BlockPortRemotePage::BlockPortRemotePage(QWidget *parent)
    : QWizardPage(parent)
    , m_any(makeRadio(tr("&Any IP address"), u"remoteAny"_s, this))
    , m_specific(makeRadio(tr("A specific IP address or &subnet:"), u"remoteSpecific"_s, this))
    , m_address(new QLineEdit(this))
    , m_error(makeErrorLabel(u"remoteError"_s, this))
{
    setTitle(tr("Remote Computers"));
    setSubTitle(tr("Block the traffic exchanged with these computers."));
    m_address->setObjectName(u"remoteAddressEdit"_s);
    m_address->setPlaceholderText(tr("e.g. 192.0.2.7 or 192.0.2.0/24"));
    m_any->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_any);
    group->addButton(m_specific);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_any);
    layout->addWidget(m_specific);
    layout->addWidget(m_address);
    layout->addWidget(m_error);
    layout->addStretch();
    registerField(u"remoteAny"_s, m_any);
    registerField(u"remoteSpecific"_s, m_specific);
    registerField(u"remoteAddress"_s, m_address);
    connect(m_specific, &QRadioButton::toggled, this, &BlockPortRemotePage::updateState);
    connect(m_address, &QLineEdit::textChanged, this, &BlockPortRemotePage::updateState);
    // Typing an address means "this address".
    connect(m_address, &QLineEdit::textEdited, m_specific,
            [this] { m_specific->setChecked(true); });
    updateState();
}

Result<Address> BlockPortRemotePage::parseRemote(const QString &text)
{
    auto address = Address::parse(text.trimmed());
    if (!address)
        return address.error();
    if (!address->isLiteral()) {
        return Error::usage(tr("\"%1\" is not an IP address or subnet; enter e.g. 192.0.2.7 or "
                               "192.0.2.0/24.")
                                .arg(text.trimmed()));
    }
    return address;
}

bool BlockPortRemotePage::isComplete() const
{
    return m_any->isChecked() || parseRemote(m_address->text()).ok();
}

void BlockPortRemotePage::updateState()
{
    QString error;
    if (m_specific->isChecked() && !m_address->text().trimmed().isEmpty()) {
        if (auto address = parseRemote(m_address->text()); !address)
            error = address.error().message;
    }
    m_error->setText(error);
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
