#pragma once

#include "snapshot/Snapshot.h"

namespace ipsec {

// How a snapshot is imported.
struct ImportOptions {
    enum class Mode {
        Replace, // the store becomes exactly the snapshot (assignment included)
        Merge,   // the snapshot's objects are added; a guid match is the same object, updated
    };
    // What to do when an imported object has the name of a different (other guid) object.
    enum class OnClash {
        Fail,      // refuse the whole import, naming every clash
        Rename,    // import it under a free name: "Name (2)"
        Skip,      // keep the existing object; rules use it instead of the imported one
        Overwrite, // the imported object replaces the existing one
    };
    Mode mode = Mode::Replace;
    OnClash onClash = OnClash::Fail;
    bool includeDynamic = false; // also restore (replace) or add (merge) the dynamic filters
    bool dryRun = false;         // report what would change, change nothing
};

// The state an import leads to, computed before anything is written.
struct ImportPlan {
    PolicyDatabase database; // what the store is to hold
    QList<engine::DynamicFilter> dynamicFilters;
    QStringList clashes; // each clash, named, with how it was settled
    QStringList notices;
};

class SnapshotMerge {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotMerge)
public:
    // Conflict (naming every clash) when options.onClash is Fail and names clash.
    static Result<ImportPlan> plan(const PolicyDatabase &live,
                                   const QList<engine::DynamicFilter> &liveDynamic,
                                   const Snapshot &incoming, const ImportOptions &options);

    static QString modeName(ImportOptions::Mode m);       // "replace", "merge"
    static QString onClashName(ImportOptions::OnClash c); // "fail", "rename", "skip", "overwrite"
    static Result<ImportOptions::OnClash> parseOnClash(const QString &text);
};

} // namespace ipsec
