#pragma once

#include "service/PolicyClient.h"

#include <QCoreApplication>

#include <optional>

// How `ipseccmd confirm` finds an ipseccmd that waits for confirmation in-process (no agent):
// pending-confirmation.json in the namespace's runtime folder names the waiting process, which
// keeps the changes on SIGUSR1 and writes the outcome back into the record.
class ConfirmationRecord {
    Q_DECLARE_TR_FUNCTIONS(ConfirmationRecord)
public:
    struct Content {
        qint64 pid = 0;
        QDateTime deadline;
        QString description;
        std::optional<bool> kept; // set once the wait ended
        QString message;
    };

    explicit ConfirmationRecord(const QString &netns);
    QString path() const { return m_path; }

    ipsec::Result<void> writeWaiting(qint64 pid, const ipsec::PendingConfirmation &pending);
    ipsec::Result<void> writeOutcome(qint64 pid, bool kept, const QString &message);
    std::optional<Content> read() const;
    void remove();

    // The `confirm` command: signals the waiting process and waits for its answer.
    ipsec::Result<ipsec::ServiceReport> confirmWaiting(int timeoutMs = 10000);

private:
    ipsec::Result<void> write(const Content &content);
    QString m_netns;
    QString m_path;
};
