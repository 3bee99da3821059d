#pragma once

#include "engine/EffectivePolicy.h"
#include "engine/NftCompiler.h"
#include "engine/XfrmCompiler.h"
#include "kernel/NftBackend.h"
#include "kernel/Spd.h"

#include <QCoreApplication>

#include <memory>

namespace ipsec {

// Makes the kernel do what the effective policy says: compile, diff against the entries this
// project owns, apply make-before-break (the kernel layer rolls back on failure). Entries of
// other tools are never touched.
//
// Two backends (issue 11): with an NftBackend, block and permit go to the project's nftables
// table (one transaction) and XFRM keeps only the negotiate layer (NftCompiler::
// negotiateLayer); without one, every filter is an XFRM entry as before. Each backend clears
// what the other one left: the first nft enforce removes the project's old XFRM block/permit
// entries (they are owned entries the new plan lacks), an XFRM enforce deletes the table.
class Enforcer {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Enforcer)
public:
    struct Outcome {
        int added = 0;
        int removed = 0;
        int replaced = 0;
        int unchanged = 0;
        QStringList warnings;   // shadowed filters, unenforceable actions, unresolved names
        QStringList ipCommands; // the plan as `ip xfrm policy` lines (dry run)
        // nftables backend: the table's rules and set elements, and whether it was rewritten.
        bool nft = false;
        int nftRules = 0;
        int nftElements = 0;
        bool nftChanged = false;
        // Only set elements changed (one add/delete element transaction), not the ruleset.
        bool nftIncremental = false;
        int nftElementsAdded = 0;
        int nftElementsRemoved = 0;
    };

    struct Options {
        bool ikeExemption = true;
        bool dryRun = false;
    };

    // nft: the nftables backend when block/permit go there (nullptr: XFRM only).
    // nftToClear: in XFRM mode, a backend whose leftover table is deleted (may be nullptr).
    explicit Enforcer(kernel::Spd &spd, kernel::NftBackend *nft = nullptr,
                      kernel::NftBackend *nftToClear = nullptr);

    // Compiles the effective policy of db + dynamic filters and applies it.
    Result<Outcome> enforce(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dynamic,
                            const Options &options);
    // What enforce() would make the kernel hold for db + dynamic filters, without touching it:
    // the XFRM entries and, with the nftables backend (nft), the table.
    struct Desired {
        QList<kernel::SpdEntry> xfrm;
        kernel::NftTableSpec table;
    };
    static Result<Desired> desired(const PolicyDatabase &db,
                                   const QList<engine::DynamicFilter> &dynamic, bool ikeExemption,
                                   bool nft);
    // Installs exactly these owned entries (re-assign after an emergency without a store).
    Result<Outcome> install(const QList<kernel::SpdEntry> &desired, bool dryRun);
    // Deletes these owned entries (batched), all or nothing.
    Result<void> remove(const QList<kernel::SpdEntry> &owned);
    // Every owned entry, as the kernel has it.
    Result<QList<kernel::SpdEntry>> ownedEntries();

    static engine::XfrmCompilerOptions compilerOptions();
    // netsh's server types (DNS, DHCP, GATEWAY) as the system has them now, each read once per
    // function object (one enforcement).
    static std::function<engine::ServerAddresses(Address::ServerType)> systemServers();
    // This system's addresses, host name resolver and servers, as filters expand now.
    static engine::ExpansionContext systemContext();
    // The effective policy of db + dynamic filters in systemContext(): what enforce(),
    // desired() and the drift check compile.
    static engine::EffectivePolicy effectivePolicy(const PolicyDatabase &db,
                                                   const QList<engine::DynamicFilter> &dynamic,
                                                   bool ikeExemption);
    static kernel::SpdEntry toSpd(const engine::XfrmEntry &entry);
    // Identity + priority + action + templates: equal keys need no change in the kernel.
    static QString stateKey(const kernel::SpdEntry &entry);
    // What the kernel should hold for a plan.
    static QList<kernel::SpdEntry> desiredEntries(const engine::XfrmPlan &plan);
    static Result<engine::XfrmPlan> compile(const PolicyDatabase &db,
                                            const QList<engine::DynamicFilter> &dynamic,
                                            const engine::ExpansionContext &context,
                                            bool ikeExemption, QStringList *warnings);
    static Result<engine::XfrmPlan> compile(const engine::EffectivePolicy &effective,
                                            QStringList *warnings);

    // The nftables backend's two layers for one effective policy.
    struct SplitPlan {
        engine::XfrmPlan full; // every filter as XFRM entries (the xfrm backend)
        engine::NftPlan nft;
        engine::XfrmPlan xfrm; // the negotiate layer next to the table
    };
    static Result<SplitPlan> compileSplit(const engine::EffectivePolicy &effective,
                                          QStringList *warnings);
    // Which filters (sources of the plan) the kernel's table lacks or holds in excess, as
    // "set element" lines; empty when it matches the plan.
    static QStringList nftMissing(const engine::NftPlan &plan, const kernel::NftTableState &st);
    static QStringList nftExtra(const engine::NftPlan &plan, const kernel::NftTableState &st);
    // Per-filter hit counters: "packets<TAB>what<TAB>rules" for every element or keyless rule
    // that counted packets, most first (KernelView::nftHits).
    // The commands that turn the table `st` into `plan` by adding and deleting set elements
    // only, with the commands that undo them; nullopt when the structure differs (other sets,
    // rules or set flags): then the whole table is replaced.
    struct NftDelta {
        QString commands;
        QString undo;
        int added = 0;
        int removed = 0;
    };
    static std::optional<NftDelta> nftDelta(const engine::NftPlan &plan,
                                            const kernel::NftTableState &st);
    // The plan in the kernel's terms (binary set elements), as NftBackend applies it.
    static kernel::NftTableSpec nftSpec(const engine::NftPlan &plan);
    static QStringList nftHits(const engine::EffectivePolicy &effective,
                               const engine::NftPlan &plan, const kernel::NftTableState &st);

private:
    static Error applyError(const kernel::SpdApplyResult &result);
    Result<Outcome> enforceNft(const engine::EffectivePolicy &effective, bool dryRun);
    kernel::Spd &m_spd;
    kernel::NftBackend *m_nft = nullptr;
    kernel::NftBackend *m_nftToClear = nullptr;
};

} // namespace ipsec
