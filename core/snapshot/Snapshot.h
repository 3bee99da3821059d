#pragma once

#include "engine/EffectivePolicy.h"
#include "model/PolicyDatabase.h"

#include <QCoreApplication>
#include <QStringList>

#include <map>
#include <optional>

namespace ipsec {

// Where and when a snapshot was taken. Everything here describes the taking, not the policy:
// two snapshots of the same policy differ only in these fields.
struct SnapshotHost {
    QString name;      // the machine's host name
    QString storePath; // the store file it was read from
    QString netns;     // the network namespace; empty: the machine's own
    // Where the enforced policy came from when it was taken: empty (local), "domain" or
    // "cached domain", with the domain policy's name. The domain's policy itself is not part
    // of the snapshot (it lives in the directory); database holds the local store.
    QString policySource;
    QString domainPolicy;
};

// What the kernel enforced when the snapshot was taken (read-only record: an import never
// writes it; the kernel follows from the store and the dynamic filters).
struct KernelRecord {
    QStringList entries; // the project's entries as `ip xfrm policy` lines
    int foreignEntries = 0;
    bool inSync = true;
    std::map<QString, qint64> counters;
    friend bool operator==(const KernelRecord &, const KernelRecord &) = default;
};

// One snapshot: the whole policy state of a store (or one policy of it) at one moment. The
// database holds ids that are positions in the document (1-based per kind); rules refer to
// lists and actions through them, as in a store.
struct Snapshot {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Snapshot)
public:
    static constexpr int FormatVersion = 2;

    QString programVersion;
    QString created; // ISO 8601, UTC
    SnapshotHost host;
    QString scopePolicy; // empty: the whole store; else the one policy exported
    PolicyDatabase database;
    QList<engine::DynamicFilter> dynamicFilters;
    std::optional<KernelRecord> kernel; // unset: the kernel could not be read (not root)

    // The named policy (case-insensitive) with its rules and the lists and actions they use;
    // NotFound when the database has no such policy.
    Result<Snapshot> restrictedTo(const QString &policyName) const;
};

} // namespace ipsec
