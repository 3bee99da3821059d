#include "wizards/IpFilterProtocolPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {
constexpr int Other = -1;
}

IpFilterProtocolPage::IpFilterProtocolPage(QWidget *parent)
    : QWizardPage(parent)
    , m_type(new QComboBox(this))
    , m_number(new QSpinBox(this))
{
    setTitle(tr("IP Protocol Type"));
    setSubTitle(tr("Select the IP protocol type; for TCP and UDP you choose the ports next."));
    m_type->setObjectName(u"protocolTypeCombo"_s);
    const QList<std::pair<QString, int>> types{
        {tr("Any"), 0},       {u"EGP"_s, 8},   {u"HMP"_s, 20},    {u"ICMP"_s, 1},
        {tr("Other"), Other}, {u"RAW"_s, 255}, {u"RDP"_s, 27},    {u"RVD"_s, 66},
        {u"TCP"_s, 6},        {u"UDP"_s, 17},  {u"XNS-IDP"_s, 22}};
    for (const auto &[name, number] : types)
        m_type->addItem(name, number);
    m_number->setObjectName(u"protocolNumberSpin"_s);
    m_number->setRange(0, 255);
    m_number->setEnabled(false);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Protocol type:"), m_type);
    layout->addRow(tr("Protocol &number:"), m_number);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const int number = m_type->currentData().toInt();
        m_number->setEnabled(number == Other);
        if (number != Other)
            m_number->setValue(number);
    });
}

Protocol IpFilterProtocolPage::protocol() const
{
    return Protocol(quint8(m_number->value()));
}

} // namespace ipsec::ui
