#pragma once

#include "engine/DynamicIke.h"
#include "engine/EffectivePolicy.h"
#include "kernel/SpdEntry.h"
#include "model/PolicyDatabase.h"
#include "service/PolicySource.h"
#include "snapshot/SnapshotMerge.h"
#include "syntax/IpsecCmd.h"
#include "util/Result.h"
#include "vici/SaList.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <map>

namespace ipsec {

// What a command did, line by line, for the user.
struct ServiceReport {
    QStringList messages;
    QStringList notices;    // things the user should know but that are not errors
    QStringList ipCommands; // --dry-run: the kernel plan as `ip xfrm policy` lines
    // Lines of a script run line by line that failed ("ORIGIN line N: why"); the other lines
    // were applied. Empty when everything worked.
    QStringList errors;
};

// How a script is applied.
enum class ScriptMode {
    Atomic,     // all or nothing: the first failing line leaves everything as it was
    LineByLine, // as netsh and cmd.exe do: a failing line is reported and the next one runs
};

// An emergency unassign in effect (made by this console or by another program): what
// `reassign` would put back.
struct EmergencyState {
    QDateTime when;         // UTC
    int removedEntries = 0; // the kernel entries it removed
    QString assignedPolicy; // the policy that was enforced; empty when none
};

// What the kernel enforces now, for netdiag, `show` and the monitor.
struct KernelView {
    QList<kernel::SpdEntry> owned;       // installed by this project
    QList<kernel::SpdEntry> foreign;     // everybody else's, never touched
    QList<kernel::SpdEntry> missing;     // the policy wants them, the kernel lacks them
    QList<kernel::SpdEntry> extra;       // the kernel has them (ours), the policy does not
    std::map<QString, quint64> counters; // /proc/net/xfrm_stat; empty when unavailable
    // Set while an emergency unassign is in effect: why the kernel holds nothing of ours.
    std::optional<EmergencyState> emergency;
    // charon's IKE and IPsec SAs (issue 14), or why negotiation is unavailable.
    vici::IkeView ike;
    // The nftables backend (issue 11): "nft" when block/permit are in the table, else "xfrm".
    QString backend;
    QStringList nftMissing; // "set element" (or chain) lines the policy wants, the table lacks
    QStringList nftExtra;   // … the table holds, the policy does not
    // Per-filter hit counters of the table: "packets<TAB>set element<TAB>rule names", most
    // hits first; keyless rules as "packets<TAB>chain verdict<TAB>rule names".
    QStringList nftHits;
    int nftRules = 0;    // rules of the table's chains (0: no table)
    int nftElements = 0; // set elements of the table
    bool inSync() const
    {
        return missing.isEmpty() && extra.isEmpty() && nftMissing.isEmpty() && nftExtra.isEmpty();
    }
};

// How the changes that follow are applied (every change that reaches the kernel).
struct ChangeOptions {
    // > 0: the change is rolled back unless confirm() is called within this many seconds.
    int confirmWithinSeconds = 0;
    // Apply even when the change would block the caller's own SSH connection.
    bool force = false;
    // The caller's $SSH_CONNECTION ("client-ip client-port server-ip server-port"); empty when
    // the caller is not on SSH.
    QString sshConnection;
};

// A change waiting for its confirmation.
struct PendingConfirmation {
    QDateTime deadline;  // UTC; the previous state comes back then
    QString description; // what was changed, for the user
};

// The one interface of the policy operations, implemented in-process by PolicyService (root,
// or a user's own store) and over D-Bus by the policy agent's proxy. The console and the
// command-line tools use only this.
class PolicyClient : public QObject {
    Q_OBJECT
public:
    enum class Backend {
        InProcess, // this process works on the store and the kernel itself
        Agent,     // ipsec-policyd does, over D-Bus
    };

    using QObject::QObject;
    ~PolicyClient() override = default;

    virtual Backend backend() const = 0;
    virtual QString storePath() const = 0;
    virtual QString netns() const = 0;
    // Whether changes reach the kernel (root, the agent) or only the store.
    virtual bool isEnforcing() const = 0;
    virtual bool ikeExemption() const = 0;
    virtual Result<PolicyDatabase> load() const = 0;
    // Watches for changes made by others; changed() follows.
    virtual void setWatchInterval(int intervalMs) = 0;

    void setChangeOptions(const ChangeOptions &options) { m_changeOptions = options; }
    const ChangeOptions &changeOptions() const { return m_changeOptions; }

    // Static mode of ipsecpol/ipseccmd (-w given): one transaction, enforced before it commits.
    virtual Result<ServiceReport> executeStatic(const syntax::IpsecCmdCommand &command) = 0;
    // Dynamic mode: -f without -w adds dynamic filters, -u removes them all.
    virtual Result<ServiceReport> executeDynamic(const syntax::IpsecCmdCommand &command) = 0;
    // A `netsh ipsec` script (or one command), enforced once before the store commits. Atomic:
    // parsed whole first, then every static and dynamic command applied as one step; any error
    // leaves store, dynamic filters and kernel as they were. LineByLine: each line is read and
    // applied on its own (a store savepoint each); a failing line is rolled back alone and named
    // in ServiceReport::errors, the others stay. origin names the script in messages (a file
    // name, or "command line").
    virtual Result<ServiceReport> executeNetsh(const QString &script, const QString &origin,
                                               ScriptMode mode = ScriptMode::Atomic) = 0;

    virtual Result<ServiceReport> assignPolicy(const QString &name) = 0;
    virtual Result<ServiceReport> unassignPolicy(const QString &name = {}) = 0; // empty: any
    virtual Result<ServiceReport> deletePolicy(const QString &name) = 0;
    // Object editing: each call validates, is one transaction, and is enforced before it
    // commits. Inserted objects get their id and guid filled in.
    virtual Result<ServiceReport> createPolicy(Policy &policy) = 0;
    virtual Result<ServiceReport> updatePolicy(const Policy &policy) = 0;
    virtual Result<ServiceReport> deletePolicy(qint64 policyId) = 0;
    virtual Result<ServiceReport> createRule(Rule &rule) = 0;
    virtual Result<ServiceReport> updateRule(const Rule &rule) = 0;
    virtual Result<ServiceReport> deleteRule(qint64 ruleId) = 0;
    virtual Result<ServiceReport> createFilterList(FilterList &list) = 0;
    virtual Result<ServiceReport> updateFilterList(const FilterList &list) = 0;
    virtual Result<ServiceReport> deleteFilterList(qint64 listId) = 0;
    virtual Result<ServiceReport> createFilterAction(FilterAction &action) = 0;
    virtual Result<ServiceReport> updateFilterAction(const FilterAction &action) = 0;
    virtual Result<ServiceReport> deleteFilterAction(qint64 actionId) = 0;

    virtual Result<ServiceReport> addDynamicFilters(const QList<engine::DynamicFilter> &f) = 0;
    virtual Result<ServiceReport> clearDynamicFilters() = 0;
    virtual Result<QList<engine::DynamicFilter>> dynamicFilters() const = 0;
    // The dynamic main-mode and quick-mode policies and `set config` settings (netsh ipsec
    // dynamic); none where the implementation keeps no dynamic store.
    virtual Result<engine::DynamicIke> dynamicIke() const { return engine::DynamicIke{}; }
    // Applies the store's assigned policy and the dynamic filters again.
    virtual Result<ServiceReport> enforce() = 0;
    virtual Result<KernelView> kernelView() = 0;
    // Asks the domain's directory now for the IPsec policy it assigns to this computer and
    // enforces it instead of the local one (or the local one when it assigns none): ipseccmd
    // refresh, gpupdate /force, secedit /refreshpolicy machine_policy.
    virtual Result<ServiceReport> refreshPolicy();
    // Where the enforced policy comes from: local, domain or cached domain (the status file
    // beside the store, which holds no secrets).
    virtual PolicySourceStatus policySource() const;
    // What is enforced: the domain's policy when one is in force and readable here (root,
    // in-process), else load().
    virtual Result<PolicyDatabase> loadEffective() const { return load(); }
    // The current policy state as a versioned snapshot document (SnapshotJson): the store's
    // contents and assignment, the dynamic filters, what the kernel enforces (when readable),
    // host, time and program version. With a policy name: that policy and the filter lists
    // and actions its rules use (NotFound when there is none).
    virtual Result<QJsonObject> exportSnapshot(const QString &policyName = {}) = 0;
    // Reads the document strictly (nothing changes when it is refused), then, as one store
    // transaction enforced before it commits, makes the store hold the snapshot (Replace) or
    // adds its objects (Merge; a guid match is the same object). Name clashes are reported,
    // each named, and settled by options.onClash (Fail: Conflict, nothing changes).
    virtual Result<ServiceReport> importSnapshot(const QByteArray &document,
                                                 const ImportOptions &options) = 0;

    // Removes every kernel entry of the project at once, marks the store unassigned and
    // remembers what was in force; reassign() puts it back.
    virtual Result<ServiceReport> emergencyUnassign() = 0;
    virtual Result<ServiceReport> reassign() = 0;

    // Keeps the changes made with a confirmation deadline; an error when none is pending.
    virtual Result<ServiceReport> confirm() = 0;
    virtual std::optional<PendingConfirmation> pendingConfirmation() const = 0;

Q_SIGNALS:
    void changed(qint64 revision);
    // The dynamic filters changed (they live outside the store).
    void dynamicFiltersChanged();
    // A change now waits for confirm() until the deadline.
    void confirmationPending(const ipsec::PendingConfirmation &pending);
    // The wait ended: kept (confirmed) or rolled back (deadline passed); message says which.
    void confirmationEnded(bool kept, const QString &message);

private:
    ChangeOptions m_changeOptions;
};

} // namespace ipsec
