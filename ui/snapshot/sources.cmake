target_sources(ipsec_ui PRIVATE
    snapshot/SnapshotController.h snapshot/SnapshotController.cpp
    snapshot/SnapshotDiffView.h snapshot/SnapshotDiffView.cpp
    snapshot/ImportSnapshotDialog.h snapshot/ImportSnapshotDialog.cpp
    snapshot/CompareSnapshotDialog.h snapshot/CompareSnapshotDialog.cpp)
