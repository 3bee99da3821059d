#include "MainWindow.h"
#include "directory/DirectoryWindow.h"

#include "ConfirmController.h"
#include "EmergencyControl.h"
#include "FileDialog.h"
#include "InfoBar.h"
#include "ObjectEditor.h"
#include "ObjectTables.h"
#include "PolicyBrowser.h"
#include "PropertiesController.h"
#include "ServiceWorker.h"
#include "Settings.h"
#include "StateBanner.h"
#include "commands/StoreChangeUndo.h"
#include "model/PolicyDatabase.h"
#include "models/DisplayText.h"
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
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
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
    , m_banner(new StateBanner(this))
    , m_search(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    // Two consoles on two stores must not look alike: the title names the store and namespace.
    const QString store = QFileInfo(service.storePath()).fileName();
    setWindowTitle(service.netns().isEmpty()
                       ? tr("IP Security Policies on Local Computer — %1").arg(store)
                       : tr("IP Security Policies on Local Computer — %1, namespace %2")
                             .arg(store, service.netns()));
    setWindowFilePath(service.storePath());
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
    layout->addWidget(m_banner);
    layout->addWidget(m_infoBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_search->setObjectName(u"searchBox"_s);
    m_search->setPlaceholderText(tr("Search policies, rules, filters…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_status->setObjectName(u"assignmentStatus"_s);
    statusBar()->addWidget(m_status, 1);
    m_worker = new ServiceWorker(service, this);
    m_editor->setWorker(m_worker);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0); // busy: no percentage
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyText = new QLabel(this);
    m_busyText->setObjectName(u"busyText"_s);
    m_busyText->hide();
    statusBar()->addPermanentWidget(m_busyText);
    statusBar()->addPermanentWidget(m_busy);
    connect(m_worker, &ServiceWorker::busyChanged, this, [this](bool busy, const QString &what) {
        m_busy->setVisible(busy);
        m_busyText->setVisible(busy);
        m_busyText->setText(what);
    });
    m_emergency = new EmergencyControl(service, statusBar(), this);
    m_emergency->setWorker(m_worker);
    m_properties = new PropertiesController(service, *m_editor, this);
    m_confirm = new ConfirmController(service, m_infoBar, this);
    m_confirm->setWorker(m_worker);
    // A rollback recreates the store's objects: the undo history no longer matches them.
    connect(m_confirm, &ConfirmController::rolledBack, m_undoStack, &QUndoStack::clear);

    createActions();
    createToolPanels();
    createMenus();

    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::search);
    connect(m_browser, &PolicyBrowser::currentObjectChanged, this, &MainWindow::setCurrentObject);
    connect(m_tables, &ObjectTables::currentObjectChanged, this, &MainWindow::pickFromTable);
    connect(m_browser, &PolicyBrowser::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_tables, &ObjectTables::contextMenuRequested, this, &MainWindow::showContextMenu);
    if (m_worker->runsOffThread()) // in-process, the store's watch brings the change
        connect(m_editor, &ObjectEditor::changed, this, &MainWindow::reload);
    connect(m_editor, &ObjectEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_editor, &ObjectEditor::error, this,
            [this](const QString &text) { statusBar()->showMessage(tr("Error: %1").arg(text)); });
    connect(m_properties, &PropertiesController::error, m_editor, &ObjectEditor::error);
    connect(m_browser, &PolicyBrowser::objectActivated, m_properties,
            &PropertiesController::showProperties);
    connect(m_tables, &ObjectTables::objectActivated, this, [this](const ObjectRef &object) {
        pickFromTable(object);
        m_properties->showProperties(object);
    });
    connect(m_emergency, &EmergencyControl::stateChanged, this, &MainWindow::reload);
    // Said at once, even when the agent (which reports the emergency after it) hangs.
    connect(m_emergency, &EmergencyControl::unassigned, this, [this](const QString &summary) {
        m_banner->showState(
            StateBanner::State::Emergency,
            tr("Emergency unassign in effect since %1. %2 The host is not protected by its "
               "IPsec policy.")
                .arg(QLocale().toString(QTime::currentTime(), u"HH:mm"_s), summary),
            tr("&Reassign"));
    });
    connect(m_banner, &StateBanner::actionRequested, this, &MainWindow::resolveBannerState);
    // Drift and an emergency unassign made by another program show up without a store change.
    auto *poll = new QTimer(this);
    poll->setObjectName(u"statePollTimer"_s);
    poll->setInterval(std::max(500, Settings().integer(Settings::Key::WatchIntervalMs) * 5));
    connect(poll, &QTimer::timeout, this, &MainWindow::pollState);
    poll->start();
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

void MainWindow::setDirectoryClientFactory(DirectoryClientFactory factory)
{
    m_directoryClientFactory = std::move(factory);
}

void MainWindow::openDirectoryView()
{
    // Making the service contacts nothing; the window reads on its worker thread.
    auto client =
        m_directoryClientFactory ? m_directoryClientFactory() : DirectoryWindow::clientFor({});
    if (!client) {
        statusBar()->showMessage(
            tr("The directory cannot be opened: %1").arg(client.error().message));
        return;
    }
    auto *window = new DirectoryWindow(std::move(client.value()), this);
    window->setWindowFlag(Qt::Window);
    window->show();
}

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
    m_assignAction->setIconText(tr("Assign"));
    m_propertiesAction =
        addAction(u"propertiesAction"_s, tr("&Properties"), QKeySequence(Qt::ALT | Qt::Key_Return));
    m_propertiesAction->setIconText(tr("Properties"));
    m_deleteAction = addAction(u"deleteAction"_s, tr("&Delete"), QKeySequence::Delete);
    m_deleteAction->setIconText(tr("Delete"));
    m_renameAction = addAction(u"renameAction"_s, tr("Re&name"), QKeySequence(Qt::Key_F2));
    m_newPolicyAction =
        addAction(u"newPolicyAction"_s, tr("&Create IP Security Policy…"), QKeySequence::New);
    m_newRuleAction = addAction(u"newRuleAction"_s, tr("Add &Rule…"));
    m_newFilterListAction = addAction(u"newFilterListAction"_s, tr("New IP &Filter List…"));
    m_newFilterActionAction = addAction(u"newFilterActionAction"_s, tr("New Filter Ac&tion…"));
    m_refreshAction = addAction(u"refreshAction"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_findAction = addAction(u"findAction"_s, tr("&Find"), QKeySequence::Find);
    m_quitAction = addAction(u"quitAction"_s, tr("&Quit"), QKeySequence::Quit);
    m_blockPortAction =
        addAction(u"blockPortAction"_s, tr("&Block a Port…"), QKeySequence(Qt::CTRL | Qt::Key_B));
    m_blockPortAction->setToolTip(tr("Block a protocol and port with a wizard"));
    if (QFile::exists(u":/icons/block-port.svg"_s))
        m_blockPortAction->setIcon(QIcon(u":/icons/block-port.svg"_s));
    connect(m_blockPortAction, &QAction::triggered, this, &MainWindow::openBlockPortWizard);
    m_directoryAction =
        addAction(u"directoryViewAction"_s, tr("&IP Security Policies on Active Directory…"));
    connect(m_directoryAction, &QAction::triggered, this, &MainWindow::openDirectoryView);
    m_snapshots = new SnapshotController(m_service, this);
    m_snapshots->setWorker(m_worker);
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
    connect(m_renameAction, &QAction::triggered, this, &MainWindow::renameCurrent);
    connect(m_browser, &PolicyBrowser::renameRequested, m_editor, &ObjectEditor::rename);
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
    for (QAction *a :
         {m_assignAction, m_unassignAction, m_renameAction, m_deleteAction, m_propertiesAction})
        action->addAction(a);
    action->addSeparator();
    action->addAction(m_blockPortAction);
    action->addAction(m_directoryAction);
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
        // Shown, a panel takes a quarter of the window's height, never half of it.
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
            if (visible && !dock->isFloating())
                resizeDocks({dock}, {std::max(160, height() / 4)}, Qt::Vertical);
        });
        return dock;
    };
    QDockWidget *monitor =
        panel(u"monitorDock"_s, tr("Monitor"), new MonitorView(m_service, this, m_worker));
    QDockWidget *tester = panel(u"packetTesterDock"_s, tr("Packet Tester"),
                                new PacketTester(m_service, this, m_worker));
    tabifyDockWidget(monitor, tester);
}

void MainWindow::openBlockPortWizard()
{
    auto *wizard = new BlockPortWizard(m_service, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWorker(m_worker);
    if (m_db)
        wizard->setDatabase(*m_db); // what the window shows: no read that could hang
    // Finished, or closed after a failure whose first part stayed: what changed is one step.
    connect(wizard, &QWizard::finished, this, [this, wizard] {
        if (!wizard->failure().isEmpty())
            statusBar()->showMessage(tr("Error: %1").arg(wizard->failure()));
        if (!wizard->undo())
            return;
        // Redo runs the commands again; undo goes back to the state before the first one.
        auto undo = std::make_shared<StoreChangeUndo>(*wizard->undo());
        const auto plan = wizard->plan();
        const QList<syntax::IpsecCmdCommand> commands = wizard->commands();
        m_editor->recordDone(
            tr("Block %1").arg(plan.ports.text),
            [this, undo, commands] {
                if (auto state = StoreChangeUndo::capture(m_service))
                    *undo = state.value();
                ServiceReport all;
                for (const auto &c : commands) {
                    auto r =
                        c.staticMode ? m_service.executeStatic(c) : m_service.executeDynamic(c);
                    if (!r)
                        return r;
                    all.messages << r->messages;
                }
                return Result<ServiceReport>(all);
            },
            [this, undo] { return undo->revert(m_service); });
        if (m_worker->runsOffThread())
            reload(); // in-process, the store's watch brings the change
    });
    wizard->show();
}

// The tree's highlight is the truth; a table row picked by the user is highlighted in the tree
// too (where the tree shows it), and the tables follow the tree without switching tabs.
void MainWindow::setCurrentObject(const ObjectRef &object)
{
    m_current = object;
    m_tables->selectObject(object);
    currentObjectUpdated();
}

void MainWindow::pickFromTable(const ObjectRef &object)
{
    m_current = object;
    m_browser->selectObject(object);
    currentObjectUpdated();
}

void MainWindow::currentObjectUpdated()
{
    updateActions();
    m_snapshots->setCurrentPolicy(m_current.policyId);
}

// The search text read by meaning (ports, protocols, addresses) and as words; the hits are
// computed once per keystroke and shared by the tree and the tables.
void MainWindow::applyQuery()
{
    const auto query = engine::FilterQuery::parse(m_search->text());
    const auto hits = m_db ? query.find(*m_db) : engine::FilterQuery::Hits{};
    m_browser->setQuery(query, hits);
    if (m_db)
        m_tables->setQuery(query, hits, *m_db);
}

void MainWindow::search(const QString &text)
{
    applyQuery();
    // The first hit is highlighted; without a search the highlight stays where it was.
    const ObjectRef target = text.isEmpty() ? m_current : m_browser->firstHit();
    m_current = m_browser->selectObject(target) ? target : ObjectRef{};
    m_tables->selectObject(m_current);
    currentObjectUpdated();
}

bool MainWindow::exists(const ObjectRef &object) const
{
    if (!m_db)
        return false;
    using Kind = ObjectRef::Kind;
    switch (object.kind) {
    case Kind::Policy:
        return m_db->policy(object.id) != nullptr;
    case Kind::Rule:
        return m_db->rule(object.id) != nullptr
               && m_db->rule(object.id)->policyId == object.policyId;
    case Kind::FilterList:
        return m_db->filterList(object.id) != nullptr;
    case Kind::FilterAction:
        return m_db->filterAction(object.id) != nullptr;
    case Kind::Filter:
        return m_db->filterList(object.id) != nullptr && object.filterIndex >= 0
               && object.filterIndex < m_db->filterList(object.id)->filters.size();
    case Kind::None:
        break;
    }
    return false;
}

QString MainWindow::nameOf(const ObjectRef &object) const
{
    if (!exists(object))
        return {};
    using Kind = ObjectRef::Kind;
    switch (object.kind) {
    case Kind::Policy:
        return m_db->policy(object.id)->name;
    case Kind::Rule:
        return DisplayText::ruleName(*m_db, *m_db->rule(object.id));
    case Kind::FilterList:
        return m_db->filterList(object.id)->name;
    case Kind::FilterAction:
        return m_db->filterAction(object.id)->name;
    case Kind::Filter:
        return DisplayText::filterSummary(
            m_db->filterList(object.id)->filters.at(object.filterIndex));
    case Kind::None:
        break;
    }
    return {};
}

void MainWindow::updateActions()
{
    // Menu texts name what they act on; toolbar buttons keep their short text.
    const auto quoted = [](QString name) {
        return name.replace(u'&', u"&&"_s);
    };
    const bool onPolicy = m_current.policyId != 0 && m_db && m_db->policy(m_current.policyId);
    const QString policyName =
        onPolicy ? quoted(m_db->policy(m_current.policyId)->name) : QString();
    const QString name = quoted(nameOf(m_current));
    m_assignAction->setEnabled(onPolicy);
    m_assignAction->setText(onPolicy ? tr("&Assign “%1”").arg(policyName) : tr("&Assign"));
    m_unassignAction->setEnabled(m_policyAssigned);
    m_propertiesAction->setEnabled(!name.isEmpty());
    m_propertiesAction->setText(name.isEmpty() ? tr("&Properties")
                                               : tr("&Properties of “%1”").arg(name));
    m_deleteAction->setEnabled(!name.isEmpty());
    m_deleteAction->setText(name.isEmpty() ? tr("&Delete") : tr("&Delete “%1”").arg(name));
    using Kind = ObjectRef::Kind;
    const bool renamable =
        !name.isEmpty() && m_current.kind != Kind::Filter
        && !(m_current.kind == Kind::Rule && m_db->rule(m_current.id)->defaultResponse);
    m_renameAction->setEnabled(renamable);
    m_newRuleAction->setEnabled(onPolicy);
    m_newRuleAction->setText(onPolicy ? tr("Add &Rule to “%1”…").arg(policyName)
                                      : tr("Add &Rule…"));
}

void MainWindow::renameCurrent()
{
    if (!m_renameAction->isEnabled())
        return;
    if (m_browser->selectObject(m_current) && m_browser->renameCurrent())
        return;
    // Not in the tree (a filter list or action no rule uses): ask in a small dialog.
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename"), tr("New &name:"),
                                               QLineEdit::Normal, nameOf(m_current), &ok);
    if (ok)
        m_editor->rename(m_current, name);
}

// What the snap-in offers on each kind of object.
void MainWindow::showContextMenu(const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"contextMenu"_s);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    using Kind = ObjectRef::Kind;
    switch (m_current.kind) {
    case Kind::Policy:
        menu->addActions({m_assignAction, m_unassignAction});
        menu->addSeparator();
        menu->addActions({m_newRuleAction, m_blockPortAction});
        menu->addSeparator();
        menu->addAction(m_snapshots->exportPolicyAction());
        break;
    case Kind::Rule:
        menu->addAction(m_newRuleAction);
        break;
    case Kind::FilterList:
        menu->addAction(m_newFilterListAction);
        break;
    case Kind::FilterAction:
        menu->addAction(m_newFilterActionAction);
        break;
    case Kind::Filter:
        break;
    case Kind::None:
        menu->addActions({m_newPolicyAction, m_newFilterListAction, m_newFilterActionAction});
        break;
    }
    if (m_current.isValid()) {
        menu->addSeparator();
        if (m_current.kind != Kind::Filter)
            menu->addAction(m_renameAction);
        menu->addActions({m_deleteAction, m_propertiesAction});
        menu->setDefaultAction(m_propertiesAction);
    }
    menu->popup(globalPos);
}

// Reading goes through the worker too: through the agent the reads run off the GUI thread, and
// a reload asked for while one is under way is folded into it.
void MainWindow::reload()
{
    if (!m_worker->runsOffThread()) {
        applyReload(m_service.load(), readKernel(m_service));
        return;
    }
    if (m_reloadPending)
        return;
    m_reloadPending = true;
    PolicyClient *client = &m_service;
    m_worker->post(tr("Reading the policy…"), [this, client]() -> ServiceWorker::Continuation {
        auto db = client->load();
        auto kernel = readKernel(*client);
        return [this, db, kernel] {
            m_reloadPending = false;
            applyReload(db, kernel);
        };
    });
}

std::optional<Result<KernelView>> MainWindow::readKernel(PolicyClient &client)
{
    if (!client.isEnforcing())
        return std::nullopt;
    return client.kernelView();
}

void MainWindow::pollState()
{
    if (!m_db)
        return;
    if (!m_worker->runsOffThread()) {
        updateStatus(*m_db, readKernel(m_service));
        return;
    }
    if (m_worker->isBusy())
        return; // the state comes with the answer that is awaited
    PolicyClient *client = &m_service;
    m_worker->post(tr("Reading the kernel…"), [this, client]() -> ServiceWorker::Continuation {
        auto kernel = readKernel(*client);
        return [this, kernel] {
            if (m_db)
                updateStatus(*m_db, kernel);
        };
    });
}

void MainWindow::applyReload(const Result<PolicyDatabase> &db,
                             const std::optional<Result<KernelView>> &kernel)
{
    if (!db) {
        m_status->setText(tr("The policy store cannot be read: %1").arg(db.error().message));
        return;
    }
    if (!m_db) {
        m_db = std::make_unique<PolicyDatabase>();
        m_editor->setDatabase(m_db.get());
        m_properties->setDatabase(m_db.get(), m_worker->runsOffThread());
    }
    *m_db = db.value(); // in place: the tables' search and the editor keep a pointer to it
    m_browser->setDatabase(*m_db);
    m_tables->setDatabase(*m_db);
    if (!m_search->text().isEmpty())
        applyQuery(); // the hits of the new contents
    // What was highlighted stays highlighted; when it is gone, its policy (or nothing) is.
    if (!exists(m_current)) {
        const ObjectRef policy{ObjectRef::Kind::Policy, m_current.policyId, -1, m_current.policyId};
        m_current = exists(policy) ? policy : ObjectRef{};
    }
    if (!m_browser->selectObject(m_current) && !m_search->text().isEmpty())
        m_current = {}; // hidden by the search: nothing is highlighted, nothing is acted on
    m_tables->selectObject(m_current);
    updateStatus(*m_db, kernel);
    currentObjectUpdated();
    m_properties->databaseUpdated();
}

void MainWindow::resolveBannerState(StateBanner::State state)
{
    if (state == StateBanner::State::Emergency) {
        m_emergency->undo(); // reassign; reloads
        return;
    }
    if (state == StateBanner::State::Drift) {
        PolicyClient *client = &m_service;
        m_worker->post(tr("Re-applying the policy…"),
                       [this, client]() -> ServiceWorker::Continuation {
                           const auto report = client->enforce();
                           return [this, report] {
                               if (!report)
                                   statusBar()->showMessage(
                                       tr("Re-applying failed: %1").arg(report.error().message));
                               else
                                   statusBar()->showMessage(
                                       (report->messages + report->notices).join(u' '), 10000);
                               reload();
                           };
                       });
    }
}

void MainWindow::updateBanner(const std::optional<KernelView> &view)
{
    // An emergency unassign (made here or by another program) outranks drift; the client
    // reports it with what the kernel holds, through the agent as in-process.
    if (view && view->emergency) {
        const EmergencyState &r = *view->emergency;
        const int removed = r.removedEntries;
        m_banner->showState(
            StateBanner::State::Emergency,
            tr("Emergency unassign in effect since %1 — %n entr(y/ies) removed. The host is not "
               "protected by its IPsec policy.",
               nullptr, removed)
                .arg(QLocale().toString(r.when.toLocalTime().time(), u"HH:mm"_s)),
            tr("&Reassign"));
        return;
    }
    if (view && !view->inSync()) {
        m_banner->showState(StateBanner::State::Drift,
                            tr("The kernel does NOT enforce the stored policy: %1 entries "
                               "missing, %2 extra.")
                                .arg(view->missing.size())
                                .arg(view->extra.size()),
                            tr("Re-a&pply"));
        return;
    }
    m_banner->showState(StateBanner::State::None, {}, {});
}

void MainWindow::updateStatus(const PolicyDatabase &db,
                              const std::optional<Result<KernelView>> &kernelRead)
{
    const Policy *assigned = db.assignedPolicy();
    m_policyAssigned = assigned != nullptr;
    QString text =
        assigned ? tr("Assigned policy: %1.").arg(assigned->name) : tr("No policy is assigned.");
    // A policy assigned from the domain overrides the local assignment (PolicySource).
    if (const PolicySourceStatus source = m_service.policySource();
        source.source != PolicySourceStatus::Source::Local) {
        text = source.source == PolicySourceStatus::Source::Domain
                   ? tr("Policy assigned from the domain: %1.").arg(source.policyName)
                   : tr("Policy assigned from the domain: %1 (cached copy; the directory cannot "
                        "be used).")
                         .arg(source.policyName);
        if (assigned)
            text += u' ' + tr("The local policy %1 is overridden.").arg(assigned->name);
    }
    std::optional<KernelView> kernel;
    if (!kernelRead) {
        text += u' ' + tr("Changes are stored but not enforced (needs root or the policy agent).");
    } else if (const auto &view = *kernelRead; !view) {
        text += u' ' + tr("Enforced; the kernel cannot be read: %1").arg(view.error().message);
    } else if (kernel = view.value(); view->inSync()) {
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
    // Unreadable (an agent that does not answer): the banner keeps what was last known.
    if (!kernelRead || *kernelRead)
        updateBanner(kernel);
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
