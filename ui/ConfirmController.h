#pragma once

#include <QObject>

class QActionGroup;
class QMenu;
class QWidget;

namespace ipsec {
class PolicyClient;
struct PendingConfirmation;
} // namespace ipsec

namespace ipsec::ui {

class ConfirmChangesDialog;
class InfoBar;
class ServiceWorker;

// Changes that roll themselves back, in the console: applies the "ask to keep kernel changes"
// setting and the console's own $SSH_CONNECTION to the client, shows the "Keep these changes?"
// countdown while a change waits, and tells in the info bar when one was rolled back.
class ConfirmController : public QObject {
    Q_OBJECT
public:
    ConfirmController(PolicyClient &client, InfoBar *infoBar, QWidget *parent);

    // Off / 15 / 30 / 60 / 120 seconds, checkable; the choice is saved in the settings.
    QMenu *menu() const { return m_menu; }
    ConfirmChangesDialog *dialog() const { return m_dialog; }
    // Sets the client's change options from the settings and the environment.
    void applySettings();
    // Keep goes through WORKER (off the GUI thread with the agent).
    void setWorker(ServiceWorker *worker) { m_worker = worker; }

Q_SIGNALS:
    // A change was rolled back: the store holds other objects than the undo history knows.
    void rolledBack();

private:
    void pending(const ipsec::PendingConfirmation &pending);
    void ended(bool kept, const QString &message);

    void keep();

    PolicyClient &m_client;
    ServiceWorker *m_worker = nullptr;
    InfoBar *m_infoBar = nullptr;
    ConfirmChangesDialog *m_dialog = nullptr;
    QMenu *m_menu = nullptr;
    QActionGroup *m_choices = nullptr;
};

} // namespace ipsec::ui
