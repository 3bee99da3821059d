#include "wizards/AddressChooserPage.h"

#include "wizards/WizardSupport.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

AddressChooserPage::AddressChooserPage(const QString &title, const QString &subTitle,
                                       const QString &prefix, Kind initial, QWidget *parent)
    : QWizardPage(parent)
    , m_kind(new QComboBox(this))
    , m_address(new QLineEdit(this))
    , m_error(makeErrorLabel(prefix + u"Error"_s, this))
{
    setTitle(title);
    setSubTitle(subTitle);
    m_kind->setObjectName(prefix + u"KindCombo"_s);
    m_kind->addItem(tr("My IP Address"), int(Kind::Me));
    m_kind->addItem(tr("Any IP Address"), int(Kind::Any));
    m_kind->addItem(tr("A specific DNS Name"), int(Kind::DnsName));
    m_kind->addItem(tr("A specific IP Address"), int(Kind::Host));
    m_kind->addItem(tr("A specific IP Subnet"), int(Kind::Subnet));
    m_kind->setCurrentIndex(m_kind->findData(int(initial)));
    m_address->setObjectName(prefix + u"AddressEdit"_s);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Address:"), m_kind);
    layout->addRow(tr("&Value:"), m_address);
    layout->addRow(m_error);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AddressChooserPage::updateState);
    connect(m_address, &QLineEdit::textChanged, this, &AddressChooserPage::updateState);
    updateState();
}

AddressChooserPage::Kind AddressChooserPage::kind() const
{
    return Kind(m_kind->currentData().toInt());
}

Result<Address> AddressChooserPage::address() const
{
    const QString text = m_address->text().trimmed();
    switch (kind()) {
    case Kind::Me:
        return Address::me();
    case Kind::Any:
        return Address::any();
    case Kind::DnsName:
        return Address::dnsName(text);
    case Kind::Host:
    case Kind::Subnet:
        break;
    }
    auto address = Address::parse(text);
    if (!address)
        return address.error();
    if (kind() == Kind::Host && !address->isHost())
        return Error::usage(tr("\"%1\" is not one IP address, e.g. 192.0.2.7.").arg(text));
    if (kind() == Kind::Subnet && !address->isSubnet()) {
        return Error::usage(
            tr("\"%1\" is not an IP subnet, e.g. 192.0.2.0/24 or 192.0.2.0/255.255.255.0.")
                .arg(text));
    }
    return address;
}

bool AddressChooserPage::isComplete() const
{
    return address().ok();
}

void AddressChooserPage::updateState()
{
    const bool needsValue = kind() != Kind::Me && kind() != Kind::Any;
    m_address->setEnabled(needsValue);
    const auto a = address();
    m_error->setText(a || m_address->text().isEmpty() ? QString() : a.error().message);
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
