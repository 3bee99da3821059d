#include "directory/DirectoryWindow.h"

#include "ObjectEditor.h"
#include "PolicyBrowser.h"
#include "PropertiesController.h"
#include "ServiceWorker.h"
#include "ds/DirectoryStore.h"
#include "model/PolicyDatabase.h"
#include "service/PolicyService.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

Result<std::unique_ptr<PolicyClient>>
DirectoryWindow::clientFor(const ds::DirectoryOptions &explicitOptions)
{
    auto options = ds::DirectoryOptions::resolve(explicitOptions);
    if (!options)
        return options.error();
    // Connecting waits for the network: the first read on the worker thread does it.
    auto store =
        std::make_shared<ds::DirectoryStore>(ds::DirectoryStore::Options{*options, QString()});
    auto service = PolicyService::openOn(store, {});
    if (!service)
        return service.error();
    return std::unique_ptr<PolicyClient>(std::move(service.value()));
}

DirectoryWindow::DirectoryWindow(std::unique_ptr<PolicyClient> client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(std::move(client))
    , m_undoStack(new QUndoStack(this))
    , m_browser(new PolicyBrowser(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"directoryWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("IP Security Policies on Active Directory — %1").arg(m_client->storePath()));
    m_worker = new ServiceWorker(*m_client, this);
    m_worker->setRunsOffThread(true); // LDAP waits for the network
    m_editor = new ObjectEditor(*m_client, m_undoStack, this);
    m_editor->setObjectName(u"directoryEditor"_s);
    m_editor->setWorker(m_worker);
    m_properties = new PropertiesController(*m_client, *m_editor, this);
    setCentralWidget(m_browser);
    m_status->setObjectName(u"directoryStatus"_s);
    statusBar()->addWidget(m_status, 1);
    connect(m_worker, &ServiceWorker::busyChanged, this, [this](bool busy, const QString &what) {
        if (busy)
            statusBar()->showMessage(what);
        else
            statusBar()->clearMessage();
    });

    m_refreshAction = addAction(u"directoryRefreshAction"_s, tr("&Refresh"), QKeySequence::Refresh);
    m_newPolicyAction = addAction(u"directoryNewPolicyAction"_s, tr("&Create IP Security Policy…"),
                                  QKeySequence::New);
    m_newRuleAction = addAction(u"directoryNewRuleAction"_s, tr("Add &Rule…"));
    m_newFilterListAction =
        addAction(u"directoryNewFilterListAction"_s, tr("New IP &Filter List…"));
    m_newFilterActionAction =
        addAction(u"directoryNewFilterActionAction"_s, tr("New Filter Ac&tion…"));
    m_propertiesAction = addAction(u"directoryPropertiesAction"_s, tr("&Properties"),
                                   QKeySequence(Qt::ALT | Qt::Key_Return));
    m_assignAction =
        addAction(u"directoryAssignAction"_s, tr("&Assign"), QKeySequence(Qt::CTRL | Qt::Key_G));
    m_unassignAction = addAction(u"directoryUnassignAction"_s, tr("&Un-assign"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_deleteAction = addAction(u"directoryDeleteAction"_s, tr("&Delete"), QKeySequence::Delete);

    connect(m_refreshAction, &QAction::triggered, this, &DirectoryWindow::reload);
    connect(m_newPolicyAction, &QAction::triggered, m_properties, &PropertiesController::newPolicy);
    connect(m_newRuleAction, &QAction::triggered, this,
            [this] { m_properties->newRule(m_current.policyId, this); });
    connect(m_newFilterListAction, &QAction::triggered, m_properties,
            &PropertiesController::newFilterList);
    connect(m_newFilterActionAction, &QAction::triggered, m_properties,
            &PropertiesController::newFilterAction);
    connect(m_propertiesAction, &QAction::triggered, this,
            [this] { m_properties->showProperties(m_current); });
    connect(m_assignAction, &QAction::triggered, this,
            [this] { m_editor->assign(m_current.policyId); });
    connect(m_unassignAction, &QAction::triggered, m_editor, &ObjectEditor::unassign);
    connect(m_deleteAction, &QAction::triggered, this, [this] { m_editor->remove(m_current); });
    connect(m_browser, &PolicyBrowser::currentObjectChanged, this,
            &DirectoryWindow::setCurrentObject);
    connect(m_browser, &PolicyBrowser::objectActivated, m_properties,
            &PropertiesController::showProperties);
    connect(m_browser, &PolicyBrowser::renameRequested, m_editor, &ObjectEditor::rename);
    connect(m_editor, &ObjectEditor::changed, this, &DirectoryWindow::reload);
    connect(m_editor, &ObjectEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_editor, &ObjectEditor::error, this,
            [this](const QString &text) { m_status->setText(tr("Error: %1").arg(text)); });
    connect(m_properties, &PropertiesController::error, m_editor, &ObjectEditor::error);
    connect(m_browser, &PolicyBrowser::contextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_newPolicyAction, m_newRuleAction, m_assignAction, m_unassignAction});
        menu->addSeparator();
        menu->addActions({m_deleteAction, m_propertiesAction});
        menu->popup(pos);
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_refreshAction);
    QAction *close = file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    close->setObjectName(u"directoryCloseAction"_s);
    QMenu *action = menuBar()->addMenu(tr("&Action"));
    action->addActions(
        {m_newPolicyAction, m_newRuleAction, m_newFilterListAction, m_newFilterActionAction});
    action->addSeparator();
    action->addActions({m_assignAction, m_unassignAction, m_deleteAction, m_propertiesAction});
    QToolBar *tools = addToolBar(tr("Directory"));
    tools->setObjectName(u"directoryToolBar"_s);
    tools->addActions(
        {m_refreshAction, m_newPolicyAction, m_assignAction, m_deleteAction, m_propertiesAction});

    updateActions();
    reload();
}

DirectoryWindow::~DirectoryWindow()
{
    // A job still waiting for the directory uses the service: the worker leaves it running
    // (never waited for), so the service stays too rather than vanish under it.
    const bool busy = m_worker->isBusy();
    delete m_worker;
    if (busy)
        (void)m_client.release();
}

QAction *DirectoryWindow::addAction(const QString &name, const QString &text,
                                    const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    QWidget::addAction(action);
    return action;
}

void DirectoryWindow::reload()
{
    if (m_reloadPending)
        return;
    m_reloadPending = true;
    PolicyClient *client = m_client.get();
    m_worker->post(tr("Reading the directory…"), [this, client]() -> ServiceWorker::Continuation {
        auto db = client->load();
        return [this, db] {
            m_reloadPending = false;
            applyReload(db);
        };
    });
}

void DirectoryWindow::applyReload(const Result<PolicyDatabase> &db)
{
    if (!db) {
        m_problem = db.error().message;
        m_status->setText(tr("The directory cannot be read: %1").arg(m_problem));
        Q_EMIT reloaded();
        return;
    }
    m_problem.clear();
    if (!m_db) {
        m_db = std::make_unique<PolicyDatabase>();
        m_editor->setDatabase(m_db.get());
        m_properties->setDatabase(m_db.get(), true);
    }
    *m_db = db.value(); // in place: the editor keeps a pointer to it
    m_browser->setDatabase(*m_db);
    if (m_current.isValid() && !m_browser->selectObject(m_current))
        m_current = {};
    const Policy *assigned = m_db->assignedPolicy();
    m_status->setText(assigned ? tr("%n policies in the directory; assigned in the GPO: %1",
                                    nullptr, int(m_db->policies.size()))
                                     .arg(assigned->name)
                               : tr("%n policies in the directory; the GPO assigns none", nullptr,
                                    int(m_db->policies.size())));
    m_properties->databaseUpdated();
    updateActions();
    Q_EMIT reloaded();
}

void DirectoryWindow::setCurrentObject(const ObjectRef &object)
{
    m_current = object;
    updateActions();
}

void DirectoryWindow::updateActions()
{
    const bool onPolicy = m_current.policyId != 0 && m_db && m_db->policy(m_current.policyId);
    m_assignAction->setEnabled(onPolicy);
    m_unassignAction->setEnabled(m_db && m_db->assignedPolicy());
    m_newRuleAction->setEnabled(onPolicy);
    m_propertiesAction->setEnabled(m_current.isValid());
    m_deleteAction->setEnabled(m_current.isValid());
}

} // namespace ipsec::ui
