#pragma once

#include "commands/StoreChangeUndo.h"
#include "syntax/IpsecCmd.h"
#include "wizards/BlockPortPlan.h"

#include <QSet>

#include <QWizard>
#include <optional>

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class BlockPortSummaryPage;

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

    // What the pages say so far (ports empty while the port page is invalid).
    BlockPortPlan plan() const;
    QList<syntax::IpsecCmdCommand> commands() const;
    // commands() as shell-safe lines, one per command.
    QStringList commandLines() const;
    // What the service reported for the commands carried out so far.
    QStringList messages() const { return m_messages; }
    // The state before Finish ran the first command: the wizard's whole change is one undo step.
    const std::optional<StoreChangeUndo> &undo() const { return m_undo; }

    PolicyClient &service() const { return m_service; }

    // Runs the commands; stays open and shows the error when one fails.
    void accept() override;
    int nextId() const override;

private:
    PolicyClient &m_service;
    BlockPortSummaryPage *m_summary = nullptr;
    QSet<QString> m_done; // command lines already carried out (a retry skips them)
    QStringList m_messages;
    std::optional<StoreChangeUndo> m_undo;
};

} // namespace ipsec::ui
