#pragma once

#include "ObjectRef.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
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
class SnapshotController;

// The console's shell: menus, toolbar, status bar; the panes and controllers do the work.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(PolicyClient &service, QWidget *parent = nullptr);
    ~MainWindow() override;

    void reload();

    PolicyBrowser *browser() const { return m_browser; }
    ObjectTables *tables() const { return m_tables; }
    ObjectEditor *editor() const { return m_editor; }
    QUndoStack *undoStack() const { return m_undoStack; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &shortcut = {});
    void createActions();
    void createMenus();
    void setCurrentObject(const ObjectRef &object);
    void updateActions();
    void showContextMenu(const QPoint &globalPos);
    void updateStatus(const PolicyDatabase &db);
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
    SnapshotController *m_snapshots = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    ObjectRef m_current;
    bool m_policyAssigned = false;

    QAction *m_assignAction = nullptr;
    QAction *m_unassignAction = nullptr;
    QAction *m_propertiesAction = nullptr;
    QAction *m_deleteAction = nullptr;
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
};

} // namespace ipsec::ui
