#include "wizards/IpFilterWizard.h"

#include "wizards/AddressChooserPage.h"
#include "wizards/IpFilterProtocolPage.h"
#include "wizards/WizardSupport.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

QSpinBox *makePortSpin(const QString &objectName, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, 65535);
    spin->setSpecialValueText(IpFilterWizard::tr("any port"));
    return spin;
}

// Shows the filter and refuses Finish while Filter::validate() has objections.
class CompletingPage : public QWizardPage {
public:
    explicit CompletingPage(IpFilterWizard &wizard)
        : QWizardPage(&wizard)
        , m_wizard(wizard)
        , m_problems(makeErrorLabel(u"filterError"_s, this))
    {
        setTitle(IpFilterWizard::tr("Completing the IP Filter Wizard"));
        (new QVBoxLayout(this))->addWidget(m_problems);
    }
    void initializePage() override
    {
        m_problems->setText(m_wizard.filter().validate().join(u'\n'));
    }
    bool validatePage() override { return m_wizard.filter().validate().isEmpty(); }

private:
    IpFilterWizard &m_wizard;
    QLabel *m_problems;
};

} // namespace

IpFilterWizard::IpFilterWizard(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(u"ipFilterWizard"_s);
    setWindowTitle(tr("IP Filter Wizard"));

    auto *description = new QWizardPage(this);
    description->setObjectName(u"descriptionPage"_s);
    description->setTitle(tr("IP Filter Description and Mirrored property"));
    auto *descriptionEdit = new QLineEdit(description);
    descriptionEdit->setObjectName(u"filterDescriptionEdit"_s);
    auto *mirrored = new QCheckBox(tr("&Mirrored. Match packets with the exact opposite source "
                                      "and destination addresses."),
                                   description);
    mirrored->setObjectName(u"mirroredCheck"_s);
    mirrored->setChecked(true);
    auto *descriptionLayout = new QFormLayout(description);
    descriptionLayout->addRow(tr("&Description:"), descriptionEdit);
    descriptionLayout->addRow(mirrored);
    m_source = new AddressChooserPage(tr("IP Traffic Source"),
                                      tr("Specify the source address of the IP traffic."),
                                      u"source"_s, AddressChooserPage::Kind::Me, this);
    m_destination = new AddressChooserPage(tr("IP Traffic Destination"),
                                           tr("Specify the destination address of the IP traffic."),
                                           u"destination"_s, AddressChooserPage::Kind::Any, this);
    m_protocol = new IpFilterProtocolPage(this);

    auto *ports = new QWizardPage(this);
    ports->setObjectName(u"portsPage"_s);
    ports->setTitle(tr("IP Protocol Port"));
    auto *portsLayout = new QFormLayout(ports);
    portsLayout->addRow(tr("&From this port:"), makePortSpin(u"sourcePortSpin"_s, ports));
    portsLayout->addRow(tr("&To this port:"), makePortSpin(u"destinationPortSpin"_s, ports));

    setPage(Page_Description, description);
    setPage(Page_Source, m_source);
    setPage(Page_Destination, m_destination);
    setPage(Page_Protocol, m_protocol);
    setPage(Page_Ports, ports);
    setPage(Page_Completing, new CompletingPage(*this));
    m_source->setObjectName(u"sourcePage"_s);
    m_destination->setObjectName(u"destinationPage"_s);
    m_protocol->setObjectName(u"protocolPage"_s);
    page(Page_Completing)->setObjectName(u"completingPage"_s);
}

int IpFilterWizard::nextId() const
{
    switch (currentId()) {
    case Page_Protocol:
        return m_protocol->protocol().hasPorts() ? Page_Ports : Page_Completing;
    case Page_Completing:
        return -1;
    default:
        return QWizard::nextId();
    }
}

Filter IpFilterWizard::filter() const
{
    Filter f;
    f.description = findChild<QLineEdit *>(u"filterDescriptionEdit"_s)->text();
    f.mirrored = findChild<QCheckBox *>(u"mirroredCheck"_s)->isChecked();
    if (auto a = m_source->address())
        f.source = a.value();
    if (auto a = m_destination->address())
        f.destination = a.value();
    f.protocol = m_protocol->protocol();
    if (f.protocol.hasPorts()) {
        f.sourcePort = quint16(findChild<QSpinBox *>(u"sourcePortSpin"_s)->value());
        f.destinationPort = quint16(findChild<QSpinBox *>(u"destinationPortSpin"_s)->value());
    }
    return f;
}

} // namespace ipsec::ui
