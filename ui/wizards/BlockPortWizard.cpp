#include "wizards/BlockPortWizard.h"
#include "MessageBox.h"
#include "ServiceWorker.h"

#include "service/PolicyClient.h"
#include "service/SshGuard.h"
#include "wizards/BlockPortPolicyPage.h"
#include "wizards/BlockPortPortsPage.h"
#include "wizards/BlockPortRemotePage.h"
#include "wizards/BlockPortSummaryPage.h"
#include "wizards/ChoicePage.h"

#include <QAbstractButton>
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

Result<PolicyDatabase> BlockPortWizard::database() const
{
    if (m_db)
        return *m_db;
    return m_service.load();
}

void BlockPortWizard::accept()
{
    if (!m_running)
        start(false);
}

void BlockPortWizard::reject()
{
    if (!m_running) // the commands run: their outcome must reach the undo history
        QWizard::reject();
}

// Runs on the worker thread with the agent: no widgets here.
BlockPortWizard::Outcome BlockPortWizard::execute(PolicyClient &service,
                                                  const QList<syntax::IpsecCmdCommand> &all,
                                                  bool force)
{
    Outcome o;
    auto before = StoreChangeUndo::capture(service);
    if (!before) {
        o.error = before.error();
        o.failedAt = 0;
        return o;
    }
    const ChangeOptions options = service.changeOptions();
    if (force) {
        ChangeOptions forced = options;
        forced.force = true;
        service.setChangeOptions(forced);
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        const auto &command = all.at(i);
        auto report =
            command.staticMode ? service.executeStatic(command) : service.executeDynamic(command);
        if (!report) {
            o.error = report.error();
            o.failedAt = int(i);
            // All or none: what the commands before it did is taken back.
            if (i > 0) {
                if (auto back = before->revert(service); !back) {
                    o.rollbackError = back.error().message;
                    o.undo = before.value();
                }
            }
            break;
        }
        o.messages << report->messages << report->notices;
    }
    if (force)
        service.setChangeOptions(options);
    if (!o.error)
        o.undo = before.value();
    return o;
}

void BlockPortWizard::start(bool force)
{
    m_running = true;
    for (auto which : {QWizard::FinishButton, QWizard::BackButton, QWizard::CancelButton})
        button(which)->setEnabled(false);
    m_summary->showError(tr("Working…"));
    PolicyClient *service = &m_service;
    const auto all = commands();
    const auto work = [service, all, force] {
        return execute(*service, all, force);
    };
    const auto then = [this, force](const Outcome &outcome) {
        finished(outcome, force);
    };
    if (m_worker)
        m_worker->run(tr("Blocking %1…").arg(plan().ports.text), this, work, then);
    else
        then(work());
}

void BlockPortWizard::finished(const Outcome &outcome, bool force)
{
    m_running = false;
    for (auto which : {QWizard::FinishButton, QWizard::BackButton, QWizard::CancelButton})
        button(which)->setEnabled(true);
    m_undo = outcome.undo;
    m_messages = outcome.messages;
    if (!outcome.error) {
        m_summary->showError({});
        QWizard::accept();
        return;
    }
    const Error &error = *outcome.error;
    const ChangeOptions options = m_service.changeOptions();
    if (!force && !outcome.undo && SshGuard::isRefusal(error, options.sshConnection)
        && MessageBox::warningWithAction(this, tr("Your SSH Connection"), error.message,
                                         tr("&Apply Anyway"))) {
        start(true); // nothing stayed: all commands again
        return;
    }
    const QStringList lines = commandLines();
    const qsizetype count = lines.size();
    QString text = tr("Command %1 of %2 failed: %3\n%4")
                       .arg(outcome.failedAt + 1)
                       .arg(count)
                       .arg(error.message, lines.value(outcome.failedAt));
    if (outcome.failedAt > 0 && !outcome.undo) {
        text += u'\n' + tr("The commands before it were taken back: nothing was changed.");
    } else if (outcome.undo) {
        // The part that stayed is one step of Edit ▸ Undo (the window records it).
        m_failure = text + u'\n'
                    + tr("The commands before it could not be taken back (%1); Edit ▸ Undo "
                         "takes them back.")
                          .arg(outcome.rollbackError);
        m_summary->showError(m_failure);
        QWizard::reject();
        return;
    }
    m_summary->showError(text);
}

} // namespace ipsec::ui
