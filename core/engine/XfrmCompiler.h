#pragma once

// Turns the effective policy into XFRM SPD entries (DESIGN §5). Ordering is carried by
// distinct priorities derived from the same ranking the evaluator uses, so the kernel's
// "lowest priority wins" reproduces the evaluator's "first match" without depending on
// insertion order. "me" is compiled before expansion: the kernel's dir in/out already implies
// the local end, so that end becomes 0/0 of both families (whatever addresses the host has
// right now) while keeping a host's rank; "me" on the far end is the current addresses.

#include "engine/EffectivePolicy.h"
#include "engine/XfrmEntry.h"
#include "util/Result.h"

#include <QCoreApplication>

namespace ipsec::engine {

struct XfrmCompilerOptions {
    quint32 bandBase = 10000; // first (best) priority this project uses
    quint32 bandSize = 50000; // number of priorities it owns
    // Merge runs of single-port entries that differ only in that port into aligned
    // value/mask blocks (PortRunMerger.h). Verdicts are unchanged; entries get fewer.
    bool mergePortRuns = true;
};

// An entry that cannot be installed because a better-ranked one has the same (dir, selector):
// the kernel would treat them as one policy.
struct ShadowedEntry {
    XfrmEntry entry;           // priority left 0: never installed
    qsizetype winnerIndex = 0; // into XfrmPlan::entries
    bool conflicting = false;  // the winner does something else (action or template differs)
};

} // namespace ipsec::engine

Q_DECLARE_TYPEINFO(ipsec::engine::ShadowedEntry, Q_RELOCATABLE_TYPE);

namespace ipsec::engine {

struct XfrmPlan {
    QList<XfrmEntry> entries; // ascending priority = descending specificity
    QList<ShadowedEntry> shadowed;
    int portMergedAway = 0;           // entries saved by mergePortRuns
    QStringList toIpCommands() const; // one "ip xfrm policy add …" line per entry (--dry-run)
};

class XfrmCompiler {
    Q_DECLARE_TR_FUNCTIONS(ipsec::engine::XfrmCompiler)
public:
    // Fails (ErrorCode::Kernel) only when the entries do not fit in the priority band.
    static Result<XfrmPlan> compile(const EffectivePolicy &policy,
                                    const XfrmCompilerOptions &options = {});
};

} // namespace ipsec::engine
