#pragma once

#include "service/PolicyService.h"

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

// The agent's work thread: owns the PolicyService (and the dry-run one), runs every operation
// the bus side admitted, one at a time, and the enforcement of outside changes. The bus thread
// never waits for it: it answers Status from state(), a copy kept current here.
//
// Everything but post(), state() and requestEnforcement() runs on the worker's own thread.
class AgentWorker : public QObject {
    Q_OBJECT
public:
    struct Options {
        ipsec::PolicyService::Options service;
        int watchIntervalMs = 1000;
        // > 0: ask the domain's directory at least this often (default: the domain policy's
        // polling interval, else Group Policy's 90 minutes).
        int pollIntervalSeconds = 0;
    };

    // What Status reports, as of the last job or change.
    struct State {
        QString netns;
        QString storePath;
        qint64 revision = 0;
        bool enforcing = false;
        bool ikeExemption = true;
        std::optional<ipsec::PendingConfirmation> pending;
    };

    using Outcome = ipsec::Result<QVariantList>;
    using Operation = std::function<Outcome(ipsec::PolicyService &)>;
    struct Job {
        Operation operation;
        bool dryRun = false;
        ipsec::ChangeOptions change;
        bool revealSecrets = false;
        // Called on the worker thread with the operation's outcome (may send the D-Bus reply).
        std::function<void(const Outcome &)> done;
    };

    explicit AgentWorker(Options options);
    ~AgentWorker() override;

    // Worker thread (the agent calls them blocking, before it serves the bus).
    ipsec::Result<void> open();
    ipsec::Result<ipsec::ServiceReport> startUp();
    void shutDown(); // closes the services on their own thread

    // Any thread. urgent jobs (the bookkeeping of an emergency) go before waiting ones.
    void post(Job job, bool urgent = false);
    State state() const;
    // Any thread: the policy is enforced again soon (several requests in a row: once), e.g.
    // because addresses or routes changed.
    void requestEnforcement(const QString &reason);

Q_SIGNALS:
    void changed(qint64 revision);
    void dynamicFiltersChanged();
    void confirmationPending(qint64 deadlineMsecsUtc, const QString &description);
    void confirmationEnded(bool kept, const QString &message);

private:
    void runNext();
    void enforceOutsideChange();
    // Asks the domain's directory for this computer's policy (PolicyService::refreshPolicy) and
    // plans the next poll; says what changed in the log, a failure once until it changes.
    void pollDomain();
    void refreshState();
    ipsec::Result<ipsec::PolicyService *> serviceFor(bool dryRun);

    Options m_options;
    std::unique_ptr<ipsec::PolicyService> m_service;
    std::unique_ptr<ipsec::PolicyService> m_dryRunService; // opened on the first --dry-run
    QTimer *m_enforceTimer = nullptr;
    QTimer *m_pollTimer = nullptr;
    QString m_lastPollProblem;
    QString m_enforceReason;

    mutable QMutex m_mutex; // guards m_jobs, m_state and m_enforceReason
    std::deque<Job> m_jobs;
    State m_state;
};
