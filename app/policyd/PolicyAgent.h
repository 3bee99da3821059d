#pragma once

#include "AgentWorker.h"
#include "Authorizer.h"
#include "client/AgentProtocol.h"
#include "client/DBusMarshalling.h"
#include "service/PolicyService.h"

#include <QDBusContext>
#include <QThread>

#include <functional>
#include <memory>

class UrgentLane;
class PeerLane;

// What PolicyAgent checks before anything else (sizes of a call's arguments).
struct CallLimits {
    CallLimits() = default;
    CallLimits(QStringList s, qsizetype list = 0, qsizetype document = 0, QString kind = {})
        : strings(std::move(s))
        , listLength(list)
        , documentLength(document)
        , documentKind(std::move(kind))
    {
    }
    QStringList strings;          // each at most MaxStringLength
    qsizetype listLength = 0;     // at most MaxListLength
    qsizetype documentLength = 0; // at most MaxDocumentLength
    QString documentKind;         // "script", "snapshot": for the refusal
};

// ipsec-policyd's D-Bus object: one method per PolicyClient operation. The bus thread only
// admits calls (sizes and values checked first, then the sender authorized without blocking)
// and hands the work to the AgentWorker's thread, which replies when done; so Status (from a
// copy of the state) and EmergencyUnassign (the kernel entries are removed right here) answer
// at once however busy the worker is. The service's signals go out as D-Bus signals.
// Adding an operation = one slot that calls serve() with the action and a lambda.
class PolicyAgent : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "io.github.ipsecconsole.PolicyAgent1")
public:
    struct Options {
        ipsec::PolicyService::Options service;
        QString adminGroup = QStringLiteral("sudo");
        int watchIntervalMs = 1000;
        int pollIntervalSeconds = 0; // > 0: ask the domain at least this often (--poll-interval)
        // The bus of the second connection (UrgentLane); the first one is given.
        QDBusConnection::BusType busType = QDBusConnection::SystemBus;
        bool urgentLane = true;
    };

    PolicyAgent(QDBusConnection bus, Options options, QObject *parent = nullptr);
    ~PolicyAgent() override;

    // Opens the store (and the kernel, as root) on the worker thread.
    ipsec::Result<void> open();
    bool isEnforcing() const { return m_worker->state().enforcing; }
    // Start of the agent (as a Windows Policy Agent start): the dynamic filters are gone, every
    // kernel entry of the project that the static policy does not want is removed, the
    // assigned policy is enforced.
    ipsec::Result<ipsec::ServiceReport> startUp();
    // Exports the object and takes the bus name; then the urgent lane's (a warning when that
    // fails: clients use the first name then).
    ipsec::Result<void> registerOnBus();
    // Enforces the store again soon without a change of it (EnforcementWatch): `why` is logged.
    void enforceSoon(const QString &why);

    // Guards against clients that send too much: a longer string or list is refused.
    static constexpr qsizetype MaxStringLength = 64 * 1024;
    static constexpr qsizetype MaxListLength = 1'000'000;
    // netsh scripts and snapshot documents are longer than any name.
    static constexpr qsizetype MaxDocumentLength = 16 * 1024 * 1024;

    // For the urgent lane (any thread): what Status answers, and an authorized
    // EmergencyUnassign of `caller`, answered through `send` (any thread, once); `context` (of
    // the calling thread) times the early answer.
    using Outcome = AgentWorker::Outcome;
    using Reply = std::function<void(const Outcome &)>;
    QVariantMap statusMap() const;
    void runEmergency(const QString &caller, const ipsec::AgentProtocol::CallOptions &options,
                      const Reply &send, QObject *context);
    static QString emergencyWhat() { return tr("unassign in an emergency"); }

public Q_SLOTS:
    // Reading (everybody)
    Q_SCRIPTABLE QVariantMap Status();
    Q_SCRIPTABLE ipsec::PolicyDatabase Load();
    Q_SCRIPTABLE QList<ipsec::engine::DynamicFilter> DynamicFilters();
    // The dynamic main-mode and quick-mode policies and settings, as JSON (RuntimeState).
    Q_SCRIPTABLE QString DynamicIke();
    Q_SCRIPTABLE ipsec::KernelView KernelView();
    Q_SCRIPTABLE QString ExportSnapshot(const QString &policy); // empty: everything

    // Changes (root, polkit or the admin group)
    Q_SCRIPTABLE ipsec::ServiceReport ExecuteStatic(const QStringList &argv,
                                                    const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport ExecuteDynamic(const QStringList &argv,
                                                     const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport ExecuteNetsh(const QString &script, const QString &origin,
                                                   const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport ImportSnapshot(const QString &document, int mode, int onClash,
                                                     bool includeDynamic, bool dryRun,
                                                     const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport AssignPolicy(const QString &name, const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport UnassignPolicy(const QString &name,
                                                     const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport DeletePolicyByName(const QString &name,
                                                         const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport
    CreatePolicy(const ipsec::Policy &policy, const QVariantMap &options, ipsec::Policy &created);
    Q_SCRIPTABLE ipsec::ServiceReport UpdatePolicy(const ipsec::Policy &policy,
                                                   const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport DeletePolicy(qlonglong id, const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport CreateRule(const ipsec::Rule &rule,
                                                 const QVariantMap &options, ipsec::Rule &created);
    Q_SCRIPTABLE ipsec::ServiceReport UpdateRule(const ipsec::Rule &rule,
                                                 const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport DeleteRule(qlonglong id, const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport CreateFilterList(const ipsec::FilterList &list,
                                                       const QVariantMap &options,
                                                       ipsec::FilterList &created);
    Q_SCRIPTABLE ipsec::ServiceReport UpdateFilterList(const ipsec::FilterList &list,
                                                       const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport DeleteFilterList(qlonglong id, const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport CreateFilterAction(const ipsec::FilterAction &action,
                                                         const QVariantMap &options,
                                                         ipsec::FilterAction &created);
    Q_SCRIPTABLE ipsec::ServiceReport UpdateFilterAction(const ipsec::FilterAction &action,
                                                         const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport DeleteFilterAction(qlonglong id, const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport
    AddDynamicFilters(const QList<ipsec::engine::DynamicFilter> &filters,
                      const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport ClearDynamicFilters(const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport Enforce(const QVariantMap &options);
    // Fetches the domain's policy now (ipseccmd refresh, gpupdate /force).
    Q_SCRIPTABLE ipsec::ServiceReport RefreshPolicy(const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport Confirm(const QVariantMap &options);

    // Emergency (root, polkit's emergency action or the admin group)
    Q_SCRIPTABLE ipsec::ServiceReport EmergencyUnassign(const QVariantMap &options);
    Q_SCRIPTABLE ipsec::ServiceReport Reassign(const QVariantMap &options);

Q_SIGNALS:
    Q_SCRIPTABLE void Changed(qlonglong revision);
    Q_SCRIPTABLE void DynamicFiltersChanged();
    Q_SCRIPTABLE void ConfirmationPending(qlonglong deadlineMsecsUtc, const QString &description);
    Q_SCRIPTABLE void ConfirmationEnded(bool kept, const QString &message);

private:
    using Operation = AgentWorker::Operation;
    using Limits = CallLimits;
    // Checks sizes and decoded values, authorizes the sender, then runs the operation on the
    // worker with the call's options, which replies. revealSecrets: a reading call whose
    // answer holds preshared keys, masked unless the caller may change the policy.
    void serve(Authorizer::Action action, const QString &what, const QVariantMap *options,
               Operation operation, const Limits &limits = {}, bool withSecrets = false);
    void sendOutcome(const QDBusMessage &call, const Outcome &outcome);
    void emergencyUnassign(const QString &caller, const ipsec::AgentProtocol::CallOptions &options,
                           const Reply &send, QObject *context);
    static Outcome report(const ipsec::Result<ipsec::ServiceReport> &r);
    template <typename T>
    void create(const QString &what, const T &object, const QVariantMap &options,
                std::function<ipsec::Result<ipsec::ServiceReport>(ipsec::PolicyService &, T &)> op,
                qsizetype listLength = 0);

    QDBusConnection m_bus;
    Options m_options;
    Authorizer m_authorizer;
    QThread m_thread;
    AgentWorker *m_worker;              // lives on m_thread
    std::unique_ptr<UrgentLane> m_lane; // its own thread
    std::unique_ptr<PeerLane> m_peers;  // its own threads
};
