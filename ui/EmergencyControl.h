#pragma once

#include "service/PolicyClient.h"

#include <QObject>

class QAction;
class QLabel;
class QStatusBar;
class QToolButton;

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class ServiceWorker;

// The one-click emergency unassign: no dialog on the way; the status bar tells what was
// removed and offers to put it back.
class EmergencyControl : public QObject {
    Q_OBJECT
public:
    EmergencyControl(PolicyClient &service, QStatusBar *statusBar, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    // Reassign goes through WORKER (off the GUI thread with the agent).
    void setWorker(ServiceWorker *worker) { m_worker = worker; }

    void unassignNow();
    void undo();
    // True while an emergency unassign runs on its own thread.
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // The kernel and the store were changed behind the service's back: reload now.
    void stateChanged();
    // This console's emergency unassign worked; SUMMARY says what it removed. Shown at once,
    // even when the agent (which reports the emergency afterwards) hangs.
    void unassigned(const QString &summary);

private:
    void unassignOnOwnThread();
    void showResult(const Result<ServiceReport> &report);
    void showReassigned(const Result<ServiceReport> &report);
    void showMessage(const QString &text, bool error);

    PolicyClient &m_service;
    QAction *m_action = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_undo = nullptr;
    bool m_running = false;
    bool m_reassigning = false;
    ServiceWorker *m_worker = nullptr;
};

} // namespace ipsec::ui
