#include "MainWindow.h"

#include "ConfirmController.h"
#include "EmergencyControl.h"
#include "FileDialog.h"
#include "InfoBar.h"
#include "ObjectEditor.h"
#include "ObjectTables.h"
#include "PolicyBrowser.h"
#include "PropertiesController.h"
#include "Settings.h"
#include "monitor/MonitorView.h"
#include "service/PolicyClient.h"
#include "snapshot/SnapshotController.h"
#include "tester/PacketTester.h"
#include "wizards/BlockPortWizard.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFile>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

MainWindow::MainWindow(PolicyClient &service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_undoStack(new QUndoStack(this))
    , m_browser(new PolicyBrowser(this))
    , m_tables(new ObjectTables(this))
    , m_editor(new ObjectEditor(service, m_undoStack, this))
    , m_infoBar(new InfoBar(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("IP Security Policies on Local Computer"));
    m_undoStack->setObjectName(u"undoStack"_s);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(u"browserSplitter"_s);
    splitter->addWidget(m_browser);
    splitter->addWidget(m_tables);
    splitter->setStretchFactor(1, 2);
    m_infoBar->setObjectName(u"notEnforcedInfoBar"_s);
    m_infoBar->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_infoBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_search->setObjectName(u"searchBox"_s);
    m_search->setPlaceholderText(tr("Search policies, rules, filters…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_status->setObjectName(u"assignmentStatus"_s);
    statusBar()->addWidget(m_status, 1);
    m_emergency = new EmergencyControl(service, statusBar(), this);
    m_properties = new PropertiesController(service, *m_editor, this);
    m_confirm = new ConfirmController(service, m_infoBar, this);
    // A rollback recreates the store's objects: the undo history no longer matches them.
    connect(m_confirm, &ConfirmController::rolledBack, m_undoStack, &QUndoStack::clear);

    createActions();
    createToolPanels();
    createMenus();

    connect(m_search, &QLineEdit::textChanged, m_browser, &PolicyBrowser::setFilterText);
    connect(m_search, &QLineEdit::textChanged, m_tables, &ObjectTables::setFilterText);
    connect(m_browser, &PolicyBrowser::currentObjectChanged, this, &MainWindow::setCurrentObject);
    connect(m_tables, &ObjectTables::currentObjectChanged, this, &MainWindow::setCurrentObject);
    connect(m_browser, &PolicyBrowser::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_tables, &ObjectTables::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_editor, &ObjectEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_editor, &ObjectEditor::error, this,
            [this](const QString &text) { statusBar()->showMessage(tr("Error: %1").arg(text)); });
    connect(m_properties, &PropertiesController::error, m_editor, &ObjectEditor::error);
    connect(m_browser, &PolicyBrowser::objectActivated, m_properties,
            &PropertiesController::showProperties);
    connect(m_tables, &ObjectTables::objectActivated, m_properties,
            &PropertiesController::showProperties);
    connect(m_emergency, &EmergencyControl::stateChanged, this, &MainWindow::reload);
    connect(&m_service, &PolicyClient::changed, this, &MainWindow::reload);

    restoreSettings();
    m_service.setWatchInterval(Settings().integer(Settings::Key::WatchIntervalMs));
    if (!m_service.isEnforcing()) {
        m_infoBar->setText(tr("You are not root and no policy agent is running: this console "
                              "edits the policy store %1, but changes are not enforced in the "
                              "kernel.")
                               .arg(m_service.storePath()));
        m_infoBar->show();
    }
    reload();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::addAction(const QString &name, const QString &text,
                               const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    QWidget::addAction(action); // shortcuts work without a menu being open
    return action;
}

void MainWindow::createActions()
{
    m_assignAction =
        addAction(u"assignAction"_s, tr("&Assign"), QKeySequence(Qt::CTRL | Qt::Key_G));
    m_unassignAction = addAction(u"unassignAction"_s, tr("&Un-assign"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_propertiesAction =
        addAction(u"propertiesAction"_s, tr("&Properties"), QKeySequence(Qt::ALT | Qt::Key_Return));
    m_deleteAction = addAction(u"deleteAction"_s, tr("&Delete"), QKeySequence::Delete);
    m_newPolicyAction =
        addAction(u"newPolicyAction"_s, tr("Create IP Security &Policy…"), QKeySequence::New);
    m_newRuleAction = addAction(u"newRuleAction"_s, tr("Add &Rule…"));
    m_newFilterListAction = addAction(u"newFilterListAction"_s, tr("New IP &Filter List…"));
    m_newFilterActionAction = addAction(u"newFilterActionAction"_s, tr("New Filter A&ction…"));
    m_refreshAction = addAction(u"refreshAction"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_findAction = addAction(u"findAction"_s, tr("&Find"), QKeySequence::Find);
    m_quitAction = addAction(u"quitAction"_s, tr("&Quit"), QKeySequence::Quit);
    m_blockPortAction =
        addAction(u"blockPortAction"_s, tr("&Block a Port…"), QKeySequence(Qt::CTRL | Qt::Key_B));
    m_blockPortAction->setToolTip(tr("Block a protocol and port with a wizard"));
    if (QFile::exists(u":/icons/block-port.svg"_s))
        m_blockPortAction->setIcon(QIcon(u":/icons/block-port.svg"_s));
    connect(m_blockPortAction, &QAction::triggered, this, &MainWindow::openBlockPortWizard);
    m_snapshots = new SnapshotController(m_service, this);
    connect(m_snapshots, &SnapshotController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(u"undoAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(u"redoAction"_s);
    m_redoAction->setShortcut(QKeySequence::Redo);
    QWidget::addAction(m_undoAction);
    QWidget::addAction(m_redoAction);
    QWidget::addAction(m_emergency->action());

    connect(m_assignAction, &QAction::triggered, this,
            [this] { m_editor->assign(m_current.policyId); });
    connect(m_unassignAction, &QAction::triggered, m_editor, &ObjectEditor::unassign);
    connect(m_deleteAction, &QAction::triggered, this, [this] { m_editor->remove(m_current); });
    connect(m_propertiesAction, &QAction::triggered, this,
            [this] { m_properties->showProperties(m_current); });
    connect(m_newPolicyAction, &QAction::triggered, m_properties, &PropertiesController::newPolicy);
    connect(m_newRuleAction, &QAction::triggered, this,
            [this] { m_properties->newRule(m_current.policyId); });
    connect(m_newFilterListAction, &QAction::triggered, m_properties,
            &PropertiesController::newFilterList);
    connect(m_newFilterActionAction, &QAction::triggered, m_properties,
            &PropertiesController::newFilterAction);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::reload);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);
    updateActions();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    file->addAction(m_refreshAction);
    file->addSeparator();
    for (QAction *a : {m_snapshots->exportAction(), m_snapshots->exportPolicyAction(),
                       m_snapshots->importAction(), m_snapshots->compareAction()})
        file->addAction(a);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    QMenu *action = menuBar()->addMenu(tr("&Action"));
    action->setObjectName(u"actionMenu"_s);
    for (QAction *a :
         {m_newPolicyAction, m_newRuleAction, m_newFilterListAction, m_newFilterActionAction})
        action->addAction(a);
    action->addSeparator();
    for (QAction *a : {m_assignAction, m_unassignAction, m_deleteAction, m_propertiesAction})
        action->addAction(a);
    action->addSeparator();
    action->addAction(m_blockPortAction);
    action->addAction(m_emergency->action());
    action->addMenu(m_confirm->menu());
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(u"mainToolBar"_s);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_emergency->action());
    tools->addSeparator();
    tools->addAction(m_blockPortAction);
    for (QAction *a : {m_newPolicyAction, m_assignAction, m_unassignAction, m_propertiesAction})
        tools->addAction(a);
    tools->addSeparator();
    tools->addWidget(m_search);
}

void MainWindow::createToolPanels()
{
    // What the kernel enforces now, and "what happens to this packet?", beside the policy.
    const auto panel = [this](const QString &name, const QString &title, QWidget *content) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(content);
        dock->toggleViewAction()->setObjectName(name + u"Toggle"_s);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        dock->hide();
        return dock;
    };
    QDockWidget *monitor = panel(u"monitorDock"_s, tr("Monitor"), new MonitorView(m_service, this));
    QDockWidget *tester =
        panel(u"packetTesterDock"_s, tr("Packet Tester"), new PacketTester(m_service, this));
    tabifyDockWidget(monitor, tester);
}

void MainWindow::openBlockPortWizard()
{
    auto *wizard = new BlockPortWizard(m_service, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
}

void MainWindow::setCurrentObject(const ObjectRef &object)
{
    m_current = object;
    updateActions();
    m_snapshots->setCurrentPolicy(m_current.policyId);
}

void MainWindow::updateActions()
{
    const bool onPolicy = m_current.policyId != 0;
    m_assignAction->setEnabled(onPolicy);
    m_unassignAction->setEnabled(m_policyAssigned);
    m_propertiesAction->setEnabled(m_current.isValid());
    m_deleteAction->setEnabled(m_current.isValid());
    m_newRuleAction->setEnabled(onPolicy);
}

void MainWindow::showContextMenu(const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"contextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (m_current.policyId != 0)
        menu->addActions({m_assignAction, m_unassignAction, m_newRuleAction});
    menu->addSeparator();
    menu->addActions({m_newPolicyAction, m_newFilterListAction, m_newFilterActionAction});
    if (m_current.isValid()) {
        menu->addSeparator();
        menu->addActions({m_deleteAction, m_propertiesAction});
    }
    menu->popup(globalPos);
}

void MainWindow::reload()
{
    const auto db = m_service.load();
    if (!db) {
        m_status->setText(tr("The policy store cannot be read: %1").arg(db.error().message));
        return;
    }
    m_browser->setDatabase(db.value());
    m_tables->setDatabase(db.value());
    updateStatus(db.value());
    updateActions();
}

void MainWindow::updateStatus(const PolicyDatabase &db)
{
    const Policy *assigned = db.assignedPolicy();
    m_policyAssigned = assigned != nullptr;
    QString text =
        assigned ? tr("Assigned policy: %1.").arg(assigned->name) : tr("No policy is assigned.");
    if (!m_service.isEnforcing()) {
        text += u' ' + tr("Changes are stored but not enforced (needs root or the policy agent).");
    } else if (const auto view = m_service.kernelView(); !view) {
        text += u' ' + tr("Enforced; the kernel cannot be read: %1").arg(view.error().message);
    } else if (view->inSync()) {
        text += u' '
                + tr("Enforced; the kernel is in sync (%n entr(y/ies)).", nullptr,
                     int(view->owned.size()));
    } else {
        text += u' '
                + tr("Enforced, but the kernel is NOT in sync: %1 missing, %2 extra.")
                      .arg(view->missing.size())
                      .arg(view->extra.size());
    }
    m_status->setText(text);
}

void MainWindow::restoreSettings()
{
    Settings settings;
    if (!restoreGeometry(settings.bytes(Settings::Key::MainWindowGeometry)))
        resize(1100, 650);
    restoreState(settings.bytes(Settings::Key::MainWindowState));
    if (auto *splitter = findChild<QSplitter *>(u"browserSplitter"_s))
        splitter->restoreState(settings.bytes(Settings::Key::BrowserSplitterState));
    m_tables->setCurrentTab(settings.integer(Settings::Key::CurrentTab));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings settings;
    settings.setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    settings.setValue(Settings::Key::MainWindowState, saveState());
    if (auto *splitter = findChild<QSplitter *>(u"browserSplitter"_s))
        settings.setValue(Settings::Key::BrowserSplitterState, splitter->saveState());
    settings.setValue(Settings::Key::CurrentTab, m_tables->currentTab());
    event->accept();
}

} // namespace ipsec::ui
