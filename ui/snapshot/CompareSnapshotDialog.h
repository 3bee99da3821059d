#pragma once

#include "snapshot/SnapshotDiff.h"

#include <QDialog>

class QLabel;

namespace ipsec::ui {

class SnapshotDiffView;

// File → Compare with Snapshot…: what changed between a snapshot file and the live state.
class CompareSnapshotDialog : public QDialog {
    Q_OBJECT
public:
    CompareSnapshotDialog(const QString &fileName, const QList<SnapshotChange> &changes,
                          QWidget *parent = nullptr);
    SnapshotDiffView *view() const { return m_view; }

private:
    SnapshotDiffView *m_view = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace ipsec::ui
