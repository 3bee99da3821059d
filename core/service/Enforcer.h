#pragma once

#include "engine/EffectivePolicy.h"
#include "engine/XfrmCompiler.h"
#include "kernel/Spd.h"

#include <QCoreApplication>

namespace ipsec {

// Makes the kernel do what the effective policy says: compile, diff against the entries this
// project owns, apply make-before-break (the kernel layer rolls back on failure). Entries of
// other tools are never touched.
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
    };

    struct Options {
        bool ikeExemption = true;
        bool dryRun = false;
    };

    explicit Enforcer(kernel::Spd &spd);

    // Compiles the effective policy of db + dynamic filters and applies it.
    Result<Outcome> enforce(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dynamic,
                            const Options &options);
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
    static kernel::SpdEntry toSpd(const engine::XfrmEntry &entry);
    // Identity + priority + action + templates: equal keys need no change in the kernel.
    static QString stateKey(const kernel::SpdEntry &entry);
    // What the kernel should hold for a plan.
    static QList<kernel::SpdEntry> desiredEntries(const engine::XfrmPlan &plan);
    static Result<engine::XfrmPlan> compile(const PolicyDatabase &db,
                                            const QList<engine::DynamicFilter> &dynamic,
                                            const engine::ExpansionContext &context,
                                            bool ikeExemption, QStringList *warnings);

private:
    static Error applyError(const kernel::SpdApplyResult &result);
    kernel::Spd &m_spd;
};

} // namespace ipsec
