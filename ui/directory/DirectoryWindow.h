#pragma once

#include "ObjectRef.h"
#include "service/PolicyClient.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QUndoStack;

namespace ipsec {
struct PolicyDatabase;
}
namespace ipsec::ds {
struct DirectoryOptions;
}

namespace ipsec::ui {

class ObjectEditor;
class PolicyBrowser;
class PropertiesController;
class ServiceWorker;

// "IP Security Policies on Active Directory", as the snap-in shows a domain: the directory's
// policies, their rules, filter lists and actions, created, edited, assigned (in the GPO the
// store writes to) and deleted through the same service layer, editor and dialogs as the local
// store. Every call runs on the worker thread: the directory may be slow or gone, the window
// never waits for it.
class DirectoryWindow : public QMainWindow {
    Q_OBJECT
public:
    // A service on the directory store (PolicyService::openOn(ds::DirectoryStore)); owned.
    using ClientFactory = std::function<Result<std::unique_ptr<PolicyClient>>()>;
    // The directory of the options (the console's --directory, --bind-dn,
    // --bind-password-file), else of the environment (IPSEC_CONSOLE_DIRECTORY, …) or the
    // domain membership; the GPO from --gpo or IPSEC_CONSOLE_GPO. Nothing is contacted yet.
    static Result<std::unique_ptr<PolicyClient>>
    clientFor(const ds::DirectoryOptions &explicitOptions);

    explicit DirectoryWindow(std::unique_ptr<PolicyClient> client, QWidget *parent = nullptr);
    ~DirectoryWindow() override;

    void reload();
    PolicyBrowser *browser() const { return m_browser; }
    ObjectEditor *editor() const { return m_editor; }
    ObjectRef currentObject() const { return m_current; }
    // The last reload's problem, or empty.
    QString problem() const { return m_problem; }

Q_SIGNALS:
    // A reload was shown (or its error).
    void reloaded();

private:
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &shortcut = {});
    void applyReload(const Result<PolicyDatabase> &db);
    void setCurrentObject(const ObjectRef &object);
    void updateActions();

    std::unique_ptr<PolicyClient> m_client;
    ServiceWorker *m_worker = nullptr;
    QUndoStack *m_undoStack = nullptr;
    PolicyBrowser *m_browser = nullptr;
    ObjectEditor *m_editor = nullptr;
    PropertiesController *m_properties = nullptr;
    QLabel *m_status = nullptr;
    std::unique_ptr<PolicyDatabase> m_db;
    ObjectRef m_current;
    QString m_problem;
    bool m_reloadPending = false;

    QAction *m_refreshAction = nullptr;
    QAction *m_newPolicyAction = nullptr;
    QAction *m_newRuleAction = nullptr;
    QAction *m_newFilterListAction = nullptr;
    QAction *m_newFilterActionAction = nullptr;
    QAction *m_propertiesAction = nullptr;
    QAction *m_assignAction = nullptr;
    QAction *m_unassignAction = nullptr;
    QAction *m_deleteAction = nullptr;
};

} // namespace ipsec::ui
