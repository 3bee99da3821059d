#include "FilterDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

FilterDialog::AddressKind kindOf(const Address &a)
{
    switch (a.kind()) {
    case Address::Kind::Me:
        return FilterDialog::MyAddress;
    case Address::Kind::Any:
        return FilterDialog::AnyAddress;
    case Address::Kind::Host:
        return FilterDialog::SpecificHost;
    case Address::Kind::Subnet:
        return FilterDialog::SpecificSubnet;
    case Address::Kind::DnsName:
    case Address::Kind::Server: // shown as <GATEWAY> etc., which reads back as the server type
        break;
    }
    return FilterDialog::DnsName;
}

QSpinBox *portSpin(quint16 value, const QString &name, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(name);
    spin->setRange(0, 65535);
    spin->setSpecialValueText(FilterDialog::tr("Any"));
    spin->setValue(value);
    return spin;
}

} // namespace

FilterDialog::FilterDialog(const Filter &filter, QWidget *parent)
    : QDialog(parent)
    , m_filter(filter)
    , m_protocol(new QComboBox(this))
    , m_mirrored(new QCheckBox(tr("&Mirrored: also match packets with the exact opposite source "
                                  "and destination"),
                               this))
    , m_description(new QLineEdit(filter.description, this))
    , m_error(new QLabel(this))
{
    setObjectName(u"filterDialog"_s);
    setWindowTitle(tr("Filter Properties"));
    auto *form = new QFormLayout(this);
    m_source = addEnd(u"source"_s, filter.source);
    form->addRow(tr("&Source address:"), m_source.kind);
    form->addRow(tr("IP address or DNS name:"), m_source.address);
    form->addRow(tr("Subnet mask:"), m_source.mask);
    m_destination = addEnd(u"destination"_s, filter.destination);
    form->addRow(tr("&Destination address:"), m_destination.kind);
    form->addRow(tr("IP address or DNS name:"), m_destination.address);
    form->addRow(tr("Subnet mask:"), m_destination.mask);
    m_mirrored->setObjectName(u"mirroredCheck"_s);
    m_mirrored->setChecked(filter.mirrored);
    form->addRow(m_mirrored);

    m_protocol->setObjectName(u"protocolCombo"_s);
    m_protocol->setEditable(true); // a protocol number may be typed
    m_protocol->addItems({u"ANY"_s, u"TCP"_s, u"UDP"_s, u"ICMP"_s, u"RAW"_s});
    m_protocol->setCurrentText(filter.protocol.name());
    form->addRow(tr("&Protocol:"), m_protocol);
    m_sourcePort = portSpin(filter.sourcePort, u"sourcePortSpin"_s, this);
    m_destinationPort = portSpin(filter.destinationPort, u"destinationPortSpin"_s, this);
    form->addRow(tr("F&rom port:"), m_sourcePort);
    form->addRow(tr("&To port:"), m_destinationPort);
    m_description->setObjectName(u"descriptionEdit"_s);
    form->addRow(tr("D&escription:"), m_description);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &FilterDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FilterDialog::reject);
}

FilterDialog::End FilterDialog::addEnd(const QString &prefix, const Address &value)
{
    End end{new QComboBox(this), new QLineEdit(this), new QLineEdit(this)};
    end.kind->setObjectName(prefix + u"KindCombo"_s);
    end.address->setObjectName(prefix + u"AddressEdit"_s);
    end.mask->setObjectName(prefix + u"MaskEdit"_s);
    end.kind->addItems({tr("My IP Address"), tr("Any IP Address"), tr("A specific IP Address"),
                        tr("A specific IP Subnet"), tr("A specific DNS Name")});
    end.kind->setCurrentIndex(kindOf(value));
    if (value.isLiteral())
        end.address->setText(value.address().toString());
    else if (value.isDnsName())
        end.address->setText(value.name());
    if (value.isSubnet())
        end.mask->setText(value.isIPv6() ? QString::number(value.prefixLength())
                                         : value.netmask().toString());
    const auto update = [end] {
        const int kind = end.kind->currentIndex();
        end.address->setEnabled(kind >= SpecificHost);
        end.mask->setEnabled(kind == SpecificSubnet);
    };
    update();
    connect(end.kind, &QComboBox::currentIndexChanged, this, update);
    return end;
}

Result<Address> FilterDialog::address(const End &end) const
{
    const QString text = end.address->text().trimmed();
    switch (end.kind->currentIndex()) {
    case MyAddress:
        return Address::me();
    case AnyAddress:
        return Address::any();
    case DnsName:
        return Address::dnsName(text);
    default:
        break;
    }
    QHostAddress host;
    if (!host.setAddress(text))
        return Error::usage(tr("\"%1\" is not an IP address.").arg(text));
    if (end.kind->currentIndex() == SpecificHost)
        return Address::host(host);
    const auto family = host.protocol() == QAbstractSocket::IPv6Protocol ? Address::Family::IPv6
                                                                         : Address::Family::IPv4;
    const auto prefix = Address::parseMask(end.mask->text().trimmed(), family);
    if (!prefix)
        return prefix.error();
    return Address::subnet(host, prefix.value());
}

Result<Filter> FilterDialog::filter() const
{
    Filter f = m_filter;
    auto source = address(m_source);
    if (!source)
        return Error::usage(tr("Source address: %1").arg(source.error().message));
    auto destination = address(m_destination);
    if (!destination)
        return Error::usage(tr("Destination address: %1").arg(destination.error().message));
    auto protocol = Protocol::parse(m_protocol->currentText().trimmed());
    if (!protocol)
        return Error::usage(tr("Protocol: %1").arg(protocol.error().message));
    f.source = source.value();
    f.destination = destination.value();
    f.protocol = protocol.value();
    f.sourcePort = quint16(m_sourcePort->value());
    f.destinationPort = quint16(m_destinationPort->value());
    f.mirrored = m_mirrored->isChecked();
    f.description = m_description->text();
    if (const QStringList problems = f.validate(); !problems.isEmpty())
        return Error::usage(problems.join(u'\n'));
    return f;
}

void FilterDialog::accept()
{
    if (const auto f = filter(); !f) {
        m_error->setText(f.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
