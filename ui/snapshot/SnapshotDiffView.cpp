#include "snapshot/SnapshotDiffView.h"

#include <QHeaderView>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

SnapshotDiffView::SnapshotDiffView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(u"snapshotDiffTree"_s);
    setColumnCount(4);
    setHeaderLabels({tr("Change"), tr("Object"), tr("Name / field"), tr("Before → after")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void SnapshotDiffView::setChanges(const QList<SnapshotChange> &changes)
{
    clear();
    for (const SnapshotChange &c : changes) {
        QString kind;
        switch (c.kind) {
        case SnapshotChange::Kind::Added:
            kind = tr("Added");
            break;
        case SnapshotChange::Kind::Removed:
            kind = tr("Removed");
            break;
        case SnapshotChange::Kind::Changed:
            kind = tr("Changed");
            break;
        }
        auto *item =
            new QTreeWidgetItem(this, {kind, SnapshotDiff::objectTitle(c.object), c.name, {}});
        item->setData(0, Qt::UserRole, SnapshotDiff::kindKey(c.kind));
        item->setData(1, Qt::UserRole, SnapshotDiff::objectKey(c.object));
        for (const FieldChange &f : c.fields)
            new QTreeWidgetItem(item, {{}, {}, f.field, tr("%1 → %2").arg(f.before, f.after)});
    }
    expandAll();
}

} // namespace ipsec::ui
