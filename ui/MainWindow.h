#pragma once

#include "ObjectRef.h"
#include "StateBanner.h"
#include "service/PolicyClient.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QUndoStack;

namespace ipsec {
class PolicyClient;
struct PolicyDatabase;
} // namespace ipsec

namespace ipsec::ui {

class ConfirmController;
class EmergencyControl;
class InfoBar;
class ObjectEditor;
class ObjectTables;
class PolicyBrowser;
class PropertiesController;
class ServiceWorker;
class SnapshotController;

// The console's shell: menus, toolbar, status bar; the panes and controllers do the work.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(PolicyClient &service, QWidget *parent = nullptr);
    ~MainWindow() override;

    void reload();
    // What menus, toolbar, context menus and confirmations act on: the highlighted object.
    ObjectRef currentObject() const { return m_current; }

    PolicyBrowser *browser() const { return m_browser; }
    ObjectTables *tables() const { return m_tables; }
    ObjectEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const { return m_undoStack; }

    // "IP Security Policies on Active Directory": the window opened on a service on the
    // directory store. Tests replace how that service is made (default: from the environment).
    using DirectoryClientFactory = std::function<Result<std::unique_ptr<PolicyClient>>()>;
    void setDirectoryClientFactory(DirectoryClientFactory factory);
    void openDirectoryView();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &shortcut = {});
    void createActions();
    void createMenus();
    void setCurrentObject(const ObjectRef &object);
    void pickFromTable(const ObjectRef &object);
    void currentObjectUpdated();
    void search(const QString &text);
    void applyQuery();
    bool exists(const ObjectRef &object) const;
    QString nameOf(const ObjectRef &object) const;
    void updateActions();
    void showContextMenu(const QPoint &globalPos);
    void renameCurrent();
    void updateStatus(const PolicyDatabase &db, const std::optional<Result<KernelView>> &kernel);
    static std::optional<Result<KernelView>> readKernel(PolicyClient &client);
    void applyReload(const Result<PolicyDatabase> &db,
                     const std::optional<Result<KernelView>> &kernel);
    void pollState();
    void updateBanner(const std::optional<KernelView> &view);
    void resolveBannerState(StateBanner::State state);
    void restoreSettings();
    void createToolPanels();
    void openBlockPortWizard();

    PolicyClient &m_service;
    QUndoStack *m_undoStack = nullptr;
    PolicyBrowser *m_browser = nullptr;
    ObjectTables *m_tables = nullptr;
    ObjectEditor *m_editor = nullptr;
    PropertiesController *m_properties = nullptr;
    EmergencyControl *m_emergency = nullptr;
    ConfirmController *m_confirm = nullptr;
    InfoBar *m_infoBar = nullptr;
    StateBanner *m_banner = nullptr;
    ServiceWorker *m_worker = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    bool m_reloadPending = false;
    SnapshotController *m_snapshots = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    ObjectRef m_current;
    std::unique_ptr<PolicyDatabase> m_db; // what the views show
    bool m_policyAssigned = false;

    QAction *m_assignAction = nullptr;
    QAction *m_unassignAction = nullptr;
    QAction *m_propertiesAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_newPolicyAction = nullptr;
    QAction *m_newRuleAction = nullptr;
    QAction *m_newFilterListAction = nullptr;
    QAction *m_newFilterActionAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_blockPortAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_directoryAction = nullptr;
    DirectoryClientFactory m_directoryClientFactory;
};

} // namespace ipsec::ui
