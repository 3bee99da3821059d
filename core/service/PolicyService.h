#pragma once

#include "ds/DirectoryOptions.h"
#include "service/ConfirmationGuard.h"
#include "service/PolicyClient.h"
#include "service/RuntimeLock.h"

#include <memory>
#include <optional>

namespace ipsec {

class AbstractPolicyStore;
class StoreWriter;
class RuntimeState;
namespace kernel {
class Spd;
class NftBackend;
} // namespace kernel

// The single door to the policy store and the kernel for the console, the command-line tools
// and the agent. Business rules of the ipsecpol/ipseccmd model live here; every change of the
// store is enforced in the kernel in the same step (when enforcing).
class PolicyService : public PolicyClient {
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
        // Where block and permit filters go (issue 11): "nft" (the project's nftables table;
        // XFRM keeps negotiate) or "xfrm" (every filter an XFRM entry). Empty:
        // $IPSEC_CONSOLE_BACKEND, else nft; nft falls back to xfrm, with a notice, where the
        // kernel has no nf_tables.
        QString kernelBackend;
        // The domain's directory as the caller named it (--directory, --computer, --bind-dn,
        // --bind-password-file); resolved (environment, discovery) when it is used.
        ds::DirectoryOptions directory;
    };

    // "nft" or "xfrm" for an Options::kernelBackend value (empty: the default); an error for
    // anything else.
    static Result<QString> resolveKernelBackend(const QString &requested);

    static Result<std::unique_ptr<PolicyService>> open(const Options &options);
    // A service on another store (the directory: ds::DirectoryStore): the same operations and
    // editing rules; nothing is enforced in the kernel (options.storePath is not used).
    static Result<std::unique_ptr<PolicyService>> openOn(std::shared_ptr<AbstractPolicyStore> store,
                                                         const Options &options);
    ~PolicyService() override;

    QString storePath() const override;
    QString netns() const override;
    bool isEnforcing() const override;
    Backend backend() const override { return Backend::InProcess; }
    bool ikeExemption() const override { return m_ikeExemption; }
    // Preshared keys masked unless revealsSecrets().
    Result<PolicyDatabase> load() const override;
    Result<qint64> revision() const;
    // Whether load() and exportSnapshot() show preshared keys. Default: to root and to the owner
    // of the store file (who can read it anyway); the agent sets it per caller.
    void setRevealSecrets(bool reveal) { m_revealSecrets = reveal; }
    bool revealsSecrets() const { return m_revealSecrets; }
    // Watches for changes of other processes; changed() follows.
    void setWatchInterval(int intervalMs) override;

    // Static mode of ipsecpol/ipseccmd (-w given): create/modify/assign/unassign/delete, as one
    // transaction, enforced before it commits.
    Result<ServiceReport> executeStatic(const syntax::IpsecCmdCommand &command) override;
    // Dynamic mode: -f without -w adds dynamic filters, -u removes them all.
    Result<ServiceReport> executeDynamic(const syntax::IpsecCmdCommand &command) override;
    // netsh ipsec scripts: all or nothing, see PolicyClient; the commands are applied by
    // NetshRunner.
    Result<ServiceReport> executeNetsh(const QString &script, const QString &origin,
                                       ScriptMode mode = ScriptMode::Atomic) override;

    // Intent-level operations used by every front end.
    Result<ServiceReport> assignPolicy(const QString &name) override;
    Result<ServiceReport> unassignPolicy(const QString &name = {}) override; // empty: any
    Result<ServiceReport> deletePolicy(const QString &name) override;
    // Object editing for the console: each call validates, is one transaction, and is enforced
    // before it commits. Inserted objects get their id and guid filled in.
    Result<ServiceReport> createPolicy(Policy &policy) override;
    Result<ServiceReport> updatePolicy(const Policy &policy) override;
    Result<ServiceReport> deletePolicy(qint64 policyId) override;
    Result<ServiceReport> createRule(Rule &rule) override;
    Result<ServiceReport> updateRule(const Rule &rule) override;
    Result<ServiceReport> deleteRule(qint64 ruleId) override;
    Result<ServiceReport> createFilterList(FilterList &list) override;
    Result<ServiceReport> updateFilterList(const FilterList &list) override; // name, desc., filters
    Result<ServiceReport> deleteFilterList(qint64 listId) override;
    Result<ServiceReport> createFilterAction(FilterAction &action) override;
    Result<ServiceReport> updateFilterAction(const FilterAction &action) override;
    Result<ServiceReport> deleteFilterAction(qint64 actionId) override;

    Result<ServiceReport> addDynamicFilters(const QList<engine::DynamicFilter> &filters) override;
    Result<ServiceReport> clearDynamicFilters() override;
    Result<QList<engine::DynamicFilter>> dynamicFilters() const override;
    Result<engine::DynamicIke> dynamicIke() const override;
    // Applies the store's assigned policy and the dynamic filters again.
    Result<ServiceReport> enforce() override;
    Result<KernelView> kernelView() override;
    // Domain policy (PolicyServiceDomain.cpp): fetch now and enforce what the domain assigns.
    Result<ServiceReport> refreshPolicy() override;
    PolicySourceStatus policySource() const override;
    Result<PolicyDatabase> loadEffective() const override;
    // The agent's poll: as refreshPolicy(), but the kernel is changed only when the policy did.
    Result<ServiceReport> pollDomainPolicy();
    // Seconds until the agent asks the directory again (the policy's polling interval).
    int nextPollSeconds(int cap) const;
    Result<QJsonObject> exportSnapshot(const QString &policyName = {}) override;
    Result<ServiceReport> importSnapshot(const QByteArray &document,
                                         const ImportOptions &options) override;
    // The current state as a snapshot value (what exportSnapshot() writes).
    Result<Snapshot> currentSnapshot();

    // Removes every kernel entry of the project (static and dynamic) at once, marks the store
    // unassigned and remembers what was in force. Works when the store cannot be opened.
    // removedBefore: kernel entries the caller already removed (removeOwnedKernelEntries()),
    // recorded for reassign with the others.
    static Result<ServiceReport>
    emergencyUnassign(const Options &options, const QList<kernel::SpdEntry> &removedBefore = {});
    // The first step of an emergency unassign alone: every kernel entry of the project removed
    // at once (nothing else read or written); returns them.
    static Result<QList<kernel::SpdEntry>> removeOwnedKernelEntries(const Options &options);
    // Puts back what the last emergency unassign removed.
    // `change` carries the caller's SSH connection and --force for the SSH guard.
    static Result<ServiceReport> reassign(const Options &options, const ChangeOptions &change = {});
    Result<ServiceReport> emergencyUnassign() override;
    Result<ServiceReport> emergencyUnassignAfter(const QList<kernel::SpdEntry> &removedBefore);
    Result<ServiceReport> reassign() override;

    Result<ServiceReport> confirm() override;
    std::optional<PendingConfirmation> pendingConfirmation() const override;
    // Rolls a change waiting for confirmation back now (the waiting program is being stopped).
    void rollBackNow();

private:
    void announceOutsideChange();
    PolicyService(std::shared_ptr<AbstractPolicyStore> store, Options options);
    Result<void> openKernel();
    // The namespace's runtime lock while this service changes the kernel (not for a dry run,
    // nor without the kernel: then only the store changes, and SQLite serializes that).
    Result<std::optional<RuntimeLock>> lockRuntime() const;
    // What enforce(), the dynamic filters' changes and their rollbacks read: the store's
    // assigned policy alone (AbstractPolicyStore::loadAssigned()), or the whole store when the
    // change is remembered for a rollback (it restores every object).
    Result<PolicyDatabase> loadForEnforcing() const;
    Result<void> enforceState(const PolicyDatabase &local, const QList<engine::DynamicFilter> &dyn,
                              ServiceReport &report);
    // The database to enforce for the local store's state `local` (PolicySource decides); a
    // notice when the domain's policy overrides a local assignment. An emergency unassign
    // suspends the domain's policy too, until reassign.
    const PolicyDatabase &effectivePolicy(const PolicyDatabase &local, ServiceReport &report);
    Result<ServiceReport> fetchDomainPolicy(bool enforceAlways);
    // dynamicFilters: the dynamic filters to enforce with the new store state (default: the
    // current ones).
    Result<ServiceReport>
    changeStore(const std::function<Result<void>(StoreWriter &, ServiceReport &)> &change,
                const QList<engine::DynamicFilter> *dynamicFilters = nullptr);

    // One object edit: refused with the validation problems, else applied and reported.
    Result<ServiceReport> validatedChange(const QStringList &problems,
                                          const std::function<Result<void>(StoreWriter &)> &change,
                                          const QString &done);

    // Changes that roll themselves back and the SSH lock-out guard (PolicyServiceGuards.cpp).
    bool remembersState() const;
    Result<std::optional<ConfirmationGuard::State>> stateBefore(StoreWriter *writer);
    void changeApplied(const std::optional<ConfirmationGuard::State> &before,
                       ServiceReport &report);
    Result<void> checkSshConnection(const PolicyDatabase &db,
                                    const QList<engine::DynamicFilter> &dyn, ServiceReport &report);
    Result<ServiceReport> restoreState(const ConfirmationGuard::State &state);
    void discardPendingForEmergency(ServiceReport &report);

    // The local store is shared with the other services of this thread.
    std::shared_ptr<AbstractPolicyStore> m_store;
    std::unique_ptr<kernel::Spd> m_spd;
    // The nftables table (issue 11): in use for block/permit when m_useNft, else only kept to
    // delete a table an earlier nft enforce left (may be null: no nf_tables).
    std::unique_ptr<kernel::NftBackend> m_nft;
    bool m_useNft = false;
    QString m_backendNotice; // said once: nft was asked for but is not available
    std::unique_ptr<RuntimeState> m_runtime;
    Options m_options;
    bool m_ikeExemption = true;
    std::unique_ptr<ConfirmationGuard> m_confirmation;
    // Which policy is enforced: the domain's or the local one (the one place that decides).
    std::unique_ptr<PolicySource> m_source;
    bool m_revealSecrets = true;
    // While a netsh script runs: its working copy of the dynamic IKE policies, which charon's
    // connections follow before they are recorded.
    const engine::DynamicIke *m_pendingIke = nullptr;
    void syncIke(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dyn,
                 ServiceReport &report);
    bool m_restoring = false;   // a rollback puts back an earlier state: no SSH guard, no joining
    bool m_reassigning = false; // reassign(): an emergency record no longer suspends the domain
};

} // namespace ipsec
