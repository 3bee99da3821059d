#pragma once

#include "commands/StoreChangeUndo.h"
#include "syntax/IpsecCmd.h"
#include "wizards/BlockPortPlan.h"

#include <QWizard>
#include <optional>

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class BlockPortSummaryPage;
class ServiceWorker;

// "Block a port" in the way of KB 813878: builds the ipseccmd commands that block TCP and/or
// UDP ports inbound and/or outbound, shows them, and runs them through the service on Finish.
class BlockPortWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        Page_Protocol,
        Page_Ports,
        Page_Direction,
        Page_Remote,
        Page_Mode,
        Page_Policy,
        Page_Summary,
    };

    explicit BlockPortWizard(PolicyClient &service, QWidget *parent = nullptr);

    // What the pages offer and say: DB (what the window shows) instead of asking the service,
    // which may hang as long as the agent does.
    void setDatabase(const PolicyDatabase &db) { m_db = db; }
    Result<PolicyDatabase> database() const;
    // Finish runs the commands through WORKER (off the GUI thread with the agent).
    void setWorker(ServiceWorker *worker) { m_worker = worker; }

    // What the pages say so far (ports empty while the port page is invalid).
    BlockPortPlan plan() const;
    QList<syntax::IpsecCmdCommand> commands() const;
    // commands() as shell-safe lines, one per command.
    QStringList commandLines() const;
    // What the service reported for the commands carried out so far.
    QStringList messages() const { return m_messages; }
    // The state before Finish ran the first command, set when the wizard changed something
    // (all its commands, or a part it could not take back): its whole change is one undo step.
    const std::optional<StoreChangeUndo> &undo() const { return m_undo; }
    // Set when a part of the change stayed after a command failed (the wizard closes then).
    QString failure() const { return m_failure; }
    bool isRunning() const { return m_running; }

    PolicyClient &service() const { return m_service; }

    // Runs the commands, all or none: when one fails, those before it are taken back, the
    // wizard stays open and shows the error.
    void accept() override;
    void reject() override;
    int nextId() const override;

private:
    struct Outcome {
        std::optional<StoreChangeUndo> undo; // the store changed and stays changed
        QStringList messages;
        std::optional<Error> error;
        int failedAt = -1;
        QString rollbackError; // the commands before the failed one stayed
    };
    static Outcome execute(PolicyClient &service, const QList<syntax::IpsecCmdCommand> &all,
                           bool force);
    void start(bool force);
    void finished(const Outcome &outcome, bool force);

    PolicyClient &m_service;
    ServiceWorker *m_worker = nullptr;
    std::optional<PolicyDatabase> m_db;
    BlockPortSummaryPage *m_summary = nullptr;
    QStringList m_messages;
    std::optional<StoreChangeUndo> m_undo;
    QString m_failure;
    bool m_running = false;
};

} // namespace ipsec::ui
