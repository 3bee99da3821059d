#pragma once

#include "snapshot/Snapshot.h"

#include <QJsonArray>

namespace ipsec {

// One field of a changed object, as text.
struct FieldChange {
    QString field; // the document's key, e.g. "description"
    QString before;
    QString after;
    friend bool operator==(const FieldChange &, const FieldChange &) = default;
};

// One difference between two snapshots, by object.
struct SnapshotChange {
    enum class Kind { Added, Removed, Changed };
    enum class Object {
        Policy,
        Rule,
        FilterList,
        Filter,
        FilterAction,
        Assignment,
        DynamicFilter,
        KernelEntry
    };
    Kind kind = Kind::Changed;
    Object object = Object::Policy;
    QString name;              // "Policy", "Policy / Rule", "List / filter text", the entry's text
    QUuid guid;                // null for the assignment and kernel entries
    QList<FieldChange> fields; // Changed only
    friend bool operator==(const SnapshotChange &, const SnapshotChange &) = default;
};

// Compares two snapshots object by object: matched by guid, else by name (an object matched by
// name with another guid shows the guid as a changed field). Row ids, the last-modified times
// (bookkeeping that every edit touches) and the metadata (host, time, version) are left out.
// Kernel entries are compared only when both snapshots recorded them and the policy (objects,
// assignment, dynamic filters) is the same: then they show drift; otherwise they follow from the
// policy's differences. Their priority numbers never count (renumbering is not a change).
class SnapshotDiff {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotDiff)
public:
    static QList<SnapshotChange> compare(const Snapshot &before, const Snapshot &after);

    static QString kindKey(SnapshotChange::Kind k);       // "added", "removed", "changed"
    static QString objectKey(SnapshotChange::Object o);   // "policy", "rule", "filterList", ...
    static QString objectTitle(SnapshotChange::Object o); // translated, for people

    // "+ policy "X" {guid}" lines, changed fields indented below; "No differences." when empty.
    static QString toText(const QList<SnapshotChange> &changes);
    static QJsonArray toJson(const QList<SnapshotChange> &changes);
};

} // namespace ipsec
