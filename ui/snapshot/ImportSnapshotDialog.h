#pragma once

#include "service/PolicyClient.h"
#include "snapshot/SnapshotMerge.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class ServiceWorker;
class SnapshotDiffView;

// File → Import Snapshot…: replace or merge, the clash rule, and a preview of what the import
// will change (the planned state against the live one) before anything is written.
class ImportSnapshotDialog : public QDialog {
    Q_OBJECT
public:
    // snapshot: already read (and so checked) from the file.
    // WORKER: the live state is read and the import made through it (off the GUI thread with
    // the agent); null: directly.
    ImportSnapshotDialog(PolicyClient &client, const QString &fileName, QByteArray document,
                         Snapshot snapshot, QWidget *parent = nullptr,
                         ServiceWorker *worker = nullptr);

    ImportOptions options() const;
    SnapshotDiffView *preview() const { return m_preview; }
    // Runs the import through the client; the dialog closes when it succeeded.
    void import();

private:
    void readLive();
    void liveRead(const Result<Snapshot> &live);
    void updatePreview();
    void imported(const Result<ServiceReport> &report);

    PolicyClient &m_client;
    ServiceWorker *m_worker = nullptr;
    std::optional<Result<Snapshot>> m_live; // the live state, once read
    bool m_importing = false;
    QByteArray m_document;
    Snapshot m_snapshot;
    QRadioButton *m_replace = nullptr;
    QRadioButton *m_merge = nullptr;
    QComboBox *m_onClash = nullptr;
    QCheckBox *m_dynamic = nullptr;
    SnapshotDiffView *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_importButton = nullptr;
};

} // namespace ipsec::ui
