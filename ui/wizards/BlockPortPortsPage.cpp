#include "wizards/BlockPortPortsPage.h"

#include "wizards/PortList.h"
#include "wizards/WizardSupport.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

BlockPortPortsPage::BlockPortPortsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_ports(new QLineEdit(this))
    , m_error(makeErrorLabel(u"portsError"_s, this))
{
    setTitle(tr("Ports"));
    setSubTitle(tr("Enter one port, or a list of ports and ranges separated by commas."));
    m_ports->setObjectName(u"portsEdit"_s);
    m_ports->setPlaceholderText(tr("e.g. 1434 or 135,137-139,445"));
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Port(s):"), m_ports);
    layout->addRow(m_error);
    registerField(u"ports*"_s, m_ports);
    connect(m_ports, &QLineEdit::textChanged, this, &BlockPortPortsPage::updateError);
}

bool BlockPortPortsPage::isComplete() const
{
    return QWizardPage::isComplete() && PortList::parse(m_ports->text()).ok();
}

void BlockPortPortsPage::updateError()
{
    // No complaint about an empty field until the user has typed something.
    const auto list = PortList::parse(m_ports->text());
    m_error->setText(list || m_ports->text().isEmpty() ? QString() : list.error().message);
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
