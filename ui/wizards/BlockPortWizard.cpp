#include "wizards/BlockPortWizard.h"
#include "ApplyAnyway.h"

#include "service/PolicyClient.h"
#include "wizards/BlockPortPolicyPage.h"
#include "wizards/BlockPortPortsPage.h"
#include "wizards/BlockPortRemotePage.h"
#include "wizards/BlockPortSummaryPage.h"
#include "wizards/ChoicePage.h"

#include <QRadioButton>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

BlockPortWizard::BlockPortWizard(PolicyClient &service, QWidget *parent)
    : QWizard(parent)
    , m_service(service)
{
    setObjectName(u"blockPortWizard"_s);
    setWindowTitle(tr("Block a Port"));
    setOption(QWizard::NoBackButtonOnStartPage);

    auto *protocol = new ChoicePage(tr("Protocol"), tr("Which traffic do you want to block?"),
                                    {{tr("&TCP"), u"protocolTcp"_s},
                                     {tr("&UDP"), u"protocolUdp"_s},
                                     {tr("Bot&h TCP and UDP"), u"protocolBoth"_s}},
                                    1, this);
    auto *direction = new ChoicePage(
        tr("Direction"),
        tr("Block the traffic that reaches this computer, that leaves it, or both."),
        {{tr("&Inbound (other computers to this port here)"), u"directionInbound"_s},
         {tr("&Outbound (this computer to the port elsewhere)"), u"directionOutbound"_s},
         {tr("Bot&h directions"), u"directionBoth"_s}},
        0, this);
    auto *mode = new ChoicePage(
        tr("Static or Dynamic"), tr("Where the blocking filters live."),
        {{tr("&Static: stored in a policy (ipseccmd -w REG)"), u"modeStatic"_s},
         {tr("&Dynamic: in force at once, until the policy agent restarts"), u"modeDynamic"_s}},
        0, this);
    if (!m_service.isEnforcing()) {
        // Dynamic filters exist only in the kernel; a store-only console cannot add them.
        mode->findChild<QRadioButton *>(u"modeDynamic"_s)->setEnabled(false);
        mode->addNote(u"modeNote"_s,
                      tr("Dynamic filters are not available: the console does not enforce the "
                         "policy in the kernel (it needs root)."));
    }
    m_summary = new BlockPortSummaryPage(*this);

    setPage(Page_Protocol, protocol);
    setPage(Page_Ports, new BlockPortPortsPage(this));
    setPage(Page_Direction, direction);
    setPage(Page_Remote, new BlockPortRemotePage(this));
    setPage(Page_Mode, mode);
    setPage(Page_Policy, new BlockPortPolicyPage(*this));
    setPage(Page_Summary, m_summary);
    const QStringList names{u"protocolPage"_s, u"portsPage"_s,  u"directionPage"_s, u"remotePage"_s,
                            u"modePage"_s,     u"policyPage"_s, u"summaryPage"_s};
    for (int id : pageIds())
        page(id)->setObjectName(names.at(id));
    setStartId(Page_Protocol);
}

int BlockPortWizard::nextId() const
{
    switch (currentId()) {
    case Page_Mode:
        return field(u"modeStatic"_s).toBool() ? Page_Policy : Page_Summary;
    case Page_Summary:
        return -1;
    default:
        return QWizard::nextId();
    }
}

BlockPortPlan BlockPortWizard::plan() const
{
    BlockPortPlan p;
    if (field(u"protocolTcp"_s).toBool())
        p.protocols = BlockPortPlan::Protocols::Tcp;
    else if (field(u"protocolBoth"_s).toBool())
        p.protocols = BlockPortPlan::Protocols::Both;
    if (auto ports = PortList::parse(field(u"ports"_s).toString()))
        p.ports = ports.value();
    if (field(u"directionOutbound"_s).toBool())
        p.directions = BlockPortPlan::Directions::Outbound;
    else if (field(u"directionBoth"_s).toBool())
        p.directions = BlockPortPlan::Directions::Both;
    if (field(u"remoteSpecific"_s).toBool()) {
        if (auto remote = BlockPortRemotePage::parseRemote(field(u"remoteAddress"_s).toString()))
            p.remote = remote.value();
    }
    p.staticMode = field(u"modeStatic"_s).toBool();
    if (p.staticMode) {
        p.policyName = field(u"policyExisting"_s).toBool() ? field(u"existingPolicy"_s).toString()
                                                           : field(u"policyName"_s).toString();
        p.assign = field(u"assignNow"_s).toBool();
    }
    return p;
}

QList<syntax::IpsecCmdCommand> BlockPortWizard::commands() const
{
    return plan().commands();
}

QStringList BlockPortWizard::commandLines() const
{
    QStringList lines;
    for (const auto &c : commands())
        lines << syntax::IpsecCmdPrinter::commandLine(c, u"ipseccmd"_s);
    return lines;
}

void BlockPortWizard::accept()
{
    const auto all = commands();
    const QStringList lines = commandLines();
    if (m_done.isEmpty()) {
        auto state = StoreChangeUndo::capture(m_service);
        m_undo = state ? std::optional<StoreChangeUndo>(state.value()) : std::nullopt;
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (m_done.contains(lines.at(i)))
            continue;
        const auto &command = all.at(i);
        auto report = ApplyAnyway::run(m_service, this, [&] {
            return command.staticMode ? m_service.executeStatic(command)
                                      : m_service.executeDynamic(command);
        });
        if (!report) {
            QString text = tr("Command %1 of %2 failed: %3\n%4")
                               .arg(i + 1)
                               .arg(all.size())
                               .arg(report.error().message, lines.at(i));
            if (!m_done.isEmpty()) {
                text += u'\n'
                        + tr("The commands before it were carried out; Finish runs only the "
                             "remaining ones.");
            }
            m_summary->showError(text);
            return;
        }
        m_done.insert(lines.at(i));
        m_messages << report->messages << report->notices;
    }
    QWizard::accept();
}

} // namespace ipsec::ui
