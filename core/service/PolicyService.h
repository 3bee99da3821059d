#pragma once

#include "engine/EffectivePolicy.h"
#include "kernel/SpdEntry.h"
#include "model/PolicyDatabase.h"
#include "syntax/IpsecCmd.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QObject>

#include <map>
#include <memory>
#include <optional>

namespace ipsec {

class PolicyStore;
class StoreWriter;
class RuntimeState;
namespace kernel {
class Spd;
}

// What a command did, line by line, for the user.
struct ServiceReport {
    QStringList messages;
    QStringList notices;    // things the user should know but that are not errors
    QStringList ipCommands; // --dry-run: the kernel plan as `ip xfrm policy` lines
};

// What the kernel enforces now, for netdiag, `show` and the monitor.
struct KernelView {
    QList<kernel::SpdEntry> owned;       // installed by this project
    QList<kernel::SpdEntry> foreign;     // everybody else's, never touched
    QList<kernel::SpdEntry> missing;     // the policy wants them, the kernel lacks them
    QList<kernel::SpdEntry> extra;       // the kernel has them (ours), the policy does not
    std::map<QString, quint64> counters; // /proc/net/xfrm_stat; empty when unavailable
    bool inSync() const { return missing.isEmpty() && extra.isEmpty(); }
};

// The single door to the policy store and the kernel for the console, the command-line tools
// and the agent. Business rules of the ipsecpol/ipseccmd model live here; every change of the
// store is enforced in the kernel in the same step (when enforcing).
class PolicyService : public QObject {
    Q_OBJECT
public:
    enum class Enforcement {
        Auto, // enforce when root (the kernel can be changed), store only otherwise
        Off,  // store only
    };

    struct Options {
        QString storePath; // empty: PolicyStore::resolvePath()
        QString netns;     // the namespace the caller entered (for runtime state); empty: current
        bool readOnly = false;
        Enforcement enforcement = Enforcement::Auto;
        // Exempt IKE (UDP 500/4500) from the filters; unset: as last chosen in this namespace.
        std::optional<bool> ikeExemption;
        bool dryRun = false; // compute and report, change nothing
        // Testing hook: the kernel fails after this many changes (-1: never).
        int kernelFailAfter = -1;
    };

    static Result<std::unique_ptr<PolicyService>> open(const Options &options);
    ~PolicyService() override;

    QString storePath() const;
    QString netns() const;
    bool isEnforcing() const;
    bool ikeExemption() const { return m_ikeExemption; }
    Result<PolicyDatabase> load() const;
    // Watches for changes of other processes; changed() follows.
    void setWatchInterval(int intervalMs);

    // Static mode of ipsecpol/ipseccmd (-w given): create/modify/assign/unassign/delete, as one
    // transaction, enforced before it commits.
    Result<ServiceReport> executeStatic(const syntax::IpsecCmdCommand &command);
    // Dynamic mode: -f without -w adds dynamic filters, -u removes them all.
    Result<ServiceReport> executeDynamic(const syntax::IpsecCmdCommand &command);

    // Intent-level operations used by every front end.
    Result<ServiceReport> assignPolicy(const QString &name);
    Result<ServiceReport> unassignPolicy(const QString &name = {}); // empty: whatever is assigned
    Result<ServiceReport> deletePolicy(const QString &name);
    // Object editing for the console: each call validates, is one transaction, and is enforced
    // before it commits. Inserted objects get their id and guid filled in.
    Result<ServiceReport> createPolicy(Policy &policy);
    Result<ServiceReport> updatePolicy(const Policy &policy);
    Result<ServiceReport> deletePolicy(qint64 policyId);
    Result<ServiceReport> createRule(Rule &rule);
    Result<ServiceReport> updateRule(const Rule &rule);
    Result<ServiceReport> deleteRule(qint64 ruleId);
    Result<ServiceReport> createFilterList(FilterList &list);
    Result<ServiceReport> updateFilterList(const FilterList &list); // name, description, filters
    Result<ServiceReport> deleteFilterList(qint64 listId);
    Result<ServiceReport> createFilterAction(FilterAction &action);
    Result<ServiceReport> updateFilterAction(const FilterAction &action);
    Result<ServiceReport> deleteFilterAction(qint64 actionId);

    Result<ServiceReport> addDynamicFilters(const QList<engine::DynamicFilter> &filters);
    Result<ServiceReport> clearDynamicFilters();
    Result<QList<engine::DynamicFilter>> dynamicFilters() const;
    // Applies the store's assigned policy and the dynamic filters again.
    Result<ServiceReport> enforce();
    Result<KernelView> kernelView();
    // The current policy state as a versioned JSON document: the store's contents and
    // assignment, the dynamic filters, what the kernel enforces (when readable), host, time and
    // program version.
    Result<QJsonObject> exportSnapshot();

    // Removes every kernel entry of the project (static and dynamic) at once, marks the store
    // unassigned and remembers what was in force. Works when the store cannot be opened.
    static Result<ServiceReport> emergencyUnassign(const Options &options);
    // Puts back what the last emergency unassign removed.
    static Result<ServiceReport> reassign(const Options &options);

Q_SIGNALS:
    void changed(qint64 revision);

private:
    PolicyService(std::unique_ptr<PolicyStore> store, Options options);
    Result<void> openKernel();
    Result<void> enforceState(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dyn,
                              ServiceReport &report);
    Result<ServiceReport>
    changeStore(const std::function<Result<void>(StoreWriter &, ServiceReport &)> &change);

    // One object edit: refused with the validation problems, else applied and reported.
    Result<ServiceReport> validatedChange(const QStringList &problems,
                                          const std::function<Result<void>(StoreWriter &)> &change,
                                          const QString &done);

    std::unique_ptr<PolicyStore> m_store;
    std::unique_ptr<kernel::Spd> m_spd;
    std::unique_ptr<RuntimeState> m_runtime;
    Options m_options;
    bool m_ikeExemption = true;
};

} // namespace ipsec
