#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class ServiceWorker;

// The console's snapshot commands (File menu): export (whole store or the selected policy) in
// JSON, netsh, ipseccmd or HTML; import with a preview; compare a snapshot with the live state.
// Dialogs open window-modal without a nested event loop, files are chosen through FileDialog.
class SnapshotController : public QObject {
    Q_OBJECT
public:
    SnapshotController(PolicyClient &client, QWidget *window);

    // Service calls go through WORKER (off the GUI thread with the agent).
    void setWorker(ServiceWorker *worker) { m_worker = worker; }

    QAction *exportAction() const { return m_export; }
    QAction *exportPolicyAction() const { return m_exportPolicy; }
    QAction *importAction() const { return m_import; }
    QAction *compareAction() const { return m_compare; }

    // The policy (store id) "Export Selected Policy…" exports; 0 disables it.
    void setCurrentPolicy(qint64 policyId);

    // POLICYID: export only that policy (0: everything).
    void exportSnapshot(qint64 policyId = 0);
    void exportCurrentPolicy();
    void importSnapshot();
    void compareWithSnapshot();

Q_SIGNALS:
    // For the status bar.
    void message(const QString &text);

private:
    QByteArray readSnapshotFile(const QString &path, QString *error);

    // Runs JOB through the worker (or now, without one); THEN gets its result.
    template <typename Work, typename Then>
    void call(const QString &what, Work job, Then then);

    PolicyClient &m_client;
    ServiceWorker *m_worker = nullptr;
    QWidget *m_window;
    qint64 m_currentPolicy = 0;
    QAction *m_export = nullptr;
    QAction *m_exportPolicy = nullptr;
    QAction *m_import = nullptr;
    QAction *m_compare = nullptr;
};

} // namespace ipsec::ui
