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

// The one-click emergency unassign: no dialog on the way; the status bar tells what was
// removed and offers to put it back.
class EmergencyControl : public QObject {
    Q_OBJECT
public:
    EmergencyControl(PolicyClient &service, QStatusBar *statusBar, QObject *parent = nullptr);

    QAction *action() const { return m_action; }

    void unassignNow();
    void undo();
    // True while an emergency unassign runs on its own thread.
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // The kernel and the store were changed behind the service's back: reload now.
    void stateChanged();

private:
    void unassignOnOwnThread();
    void showResult(const Result<ServiceReport> &report);
    void showMessage(const QString &text, bool error);

    PolicyClient &m_service;
    QAction *m_action = nullptr;
    QLabel *m_message = nullptr;
    QToolButton *m_undo = nullptr;
    bool m_running = false;
};

} // namespace ipsec::ui
