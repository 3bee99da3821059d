#pragma once

#include "snapshot/SnapshotDiff.h"

#include <QTreeWidget>

namespace ipsec::ui {

// The changes between two snapshots as a tree: one row per changed object (what happened, the
// kind of object, its name), its changed fields below it (field, before, after).
class SnapshotDiffView : public QTreeWidget {
    Q_OBJECT
public:
    explicit SnapshotDiffView(QWidget *parent = nullptr);
    void setChanges(const QList<SnapshotChange> &changes);
};

} // namespace ipsec::ui
