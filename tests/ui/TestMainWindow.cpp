// The real main window on a throw-away store: changes made by ipseccmd show up, edits can be
// undone and redone, the search box filters, deleting asks (through the test seam), and the
// emergency path never blocks.

#include "UiTestSupport.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "ObjectEditor.h"
#include "ObjectTables.h"
#include "PolicyBrowser.h"
#include "Settings.h"
#include "models/ModelRoles.h"
#include "models/PoliciesTableModel.h"
#include "models/PolicyTreeModel.h"
#include "service/PolicyService.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "FileDialog.h"
#include "PropertiesController.h"
#include "dialogs/RuleDialog.h"
#include "monitor/MonitorView.h"
#include "tester/PacketTester.h"
#include "wizards/BlockPortWizard.h"
#include "wizards/SecurityRuleWizard.h"
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsStoreAndNotEnforced();
    void changeByCliAppears();
    void undoRedoEdit();
    void searchFilters();
    void deleteAsksAndUndoes();
    void assignAndUnassign();
    void emergencyErrorDoesNotBlock();
    void toolPanelsAndBlockPortWizard();
    void addRuleOpensTheRuleWizard();
    void exportSnapshotWritesJson();
    void ruleProperties();

private:
    QStringList policyNames() const;
    Policy policy(const QString &name) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    UiTestSupport::isolateSettings(m_settingsDir);
    Settings().setValue(Settings::Key::WatchIntervalMs, 100);
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = UiTestSupport::seededStore(*m_dir);
    QVERIFY(!m_store.isEmpty());
    PolicyService::Options o;
    o.storePath = m_store;
    auto service = PolicyService::open(o);
    QVERIFY2(service, service ? "" : qPrintable(service.error().message));
    m_service = std::move(service.value());
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_dir.reset();
}

QStringList TestMainWindow::policyNames() const
{
    const PoliciesTableModel *model = m_window->tables()->policiesModel();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, PoliciesTableModel::NameColumn).data().toString();
    return names;
}

Policy TestMainWindow::policy(const QString &name) const
{
    const auto db = m_service->load();
    const Policy *p = db ? db->policyByName(name) : nullptr;
    return p ? *p : Policy{};
}

void TestMainWindow::showsStoreAndNotEnforced()
{
    QCOMPARE(policyNames().size(), 5);
    QCOMPARE(m_window->browser()->model()->rowCount(), 5);
    QVERIFY(!m_service->isEnforcing()); // the test guard keeps the kernel out of reach
    auto *status = m_window->findChild<QLabel *>(u"assignmentStatus"_s);
    QVERIFY(status);
    QVERIFY2(status->text().contains(u"not enforced"_s), qPrintable(status->text()));
    auto *info = m_window->findChild<QWidget *>(u"notEnforcedInfoBar"_s);
    QVERIFY(info && info->isVisible());
    for (const char *name : {"emergencyUnassignAction", "undoAction", "redoAction", "assignAction",
                             "unassignAction", "deleteAction", "propertiesAction"})
        QVERIFY2(m_window->findChild<QAction *>(QString::fromLatin1(name)), name);
    auto *emergency = m_window->findChild<QAction *>(u"emergencyUnassignAction"_s);
    QCOMPARE(emergency->shortcut(), QKeySequence(u"Ctrl+Shift+E"_s));
    QCOMPARE(emergency->text(), u"Emergency Unassign"_s);
}

void TestMainWindow::changeByCliAppears()
{
    QVERIFY(!policyNames().contains(u"From CLI"_s));
    const auto r =
        UiTestSupport::ipseccmd(m_store, {u"-w"_s, u"REG"_s, u"-p"_s, u"From CLI"_s, u"-r"_s,
                                          u"R"_s, u"-f"_s, u"0=*:25:TCP"_s, u"-n"_s, u"BLOCK"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QTRY_VERIFY(policyNames().contains(u"From CLI"_s));
    QTRY_COMPARE(m_window->browser()->model()->rowCount(), 6);
}

void TestMainWindow::undoRedoEdit()
{
    Policy p = policy(u"Web Server"_s);
    QVERIFY(p.id > 0);
    const QString before = p.description;
    p.description = u"Edited in the console"_s;
    QVERIFY(m_window->editor()->updatePolicy(p));
    QCOMPARE(policy(u"Web Server"_s).description, u"Edited in the console"_s);
    const auto description = [this] {
        const PoliciesTableModel *model = m_window->tables()->policiesModel();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data().toString() == u"Web Server"_s)
                return model->index(row, PoliciesTableModel::DescriptionColumn).data().toString();
        return QString();
    };
    QTRY_COMPARE(description(), u"Edited in the console"_s);

    auto *undo = m_window->findChild<QAction *>(u"undoAction"_s);
    auto *redo = m_window->findChild<QAction *>(u"redoAction"_s);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(policy(u"Web Server"_s).description, before);
    QTRY_COMPARE(description(), before);
    QVERIFY(redo->isEnabled());
    redo->trigger();
    QCOMPARE(policy(u"Web Server"_s).description, u"Edited in the console"_s);
    QTRY_COMPARE(description(), u"Edited in the console"_s);

    // Create ↔ delete.
    Policy fresh;
    fresh.name = u"Made in the console"_s;
    QVERIFY(m_window->editor()->createPolicy(fresh));
    QTRY_VERIFY(policyNames().contains(fresh.name));
    m_window->undoStack()->undo();
    QTRY_VERIFY(!policyNames().contains(fresh.name));
    m_window->undoStack()->redo();
    QTRY_VERIFY(policyNames().contains(fresh.name));

    // An invalid edit is refused with the service's message and pushes nothing.
    const int count = m_window->undoStack()->count();
    p.name = QString();
    QVERIFY(!m_window->editor()->updatePolicy(p));
    QCOMPARE(m_window->undoStack()->count(), count);
}

void TestMainWindow::searchFilters()
{
    auto *search = m_window->findChild<QLineEdit *>(u"searchBox"_s);
    QVERIFY(search);
    auto *table = m_window->findChild<QTableView *>(u"policiesTable"_s);
    auto *tree = m_window->findChild<QTreeView *>(u"policyTree"_s);
    QVERIFY(table && tree);
    QCOMPARE(table->model()->rowCount(), 5);
    QTest::keyClicks(search, u"1434"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"Block UDP 1434 Filter"_s);
    // The tree keeps the parents of matching rows (the filter "... 1434 UDP").
    QCOMPARE(tree->model()->rowCount(), 1);
    QVERIFY(tree->model()->rowCount(tree->model()->index(0, 0)) >= 1);
    search->clear();
    QCOMPARE(table->model()->rowCount(), 5);
    QCOMPARE(tree->model()->rowCount(), 5);
    search->setText(u"no such thing"_s);
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(tree->model()->rowCount(), 0);
}

void TestMainWindow::deleteAsksAndUndoes()
{
    const Policy p = policy(u"Web Server"_s);
    const ObjectRef ref{ObjectRef::Kind::Policy, p.id, -1, p.id};
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!m_window->editor()->remove(ref));
    QVERIFY(policy(u"Web Server"_s).id == p.id);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(m_window->editor()->remove(ref));
    QTRY_VERIFY(!policyNames().contains(u"Web Server"_s));
    m_window->undoStack()->undo();
    QTRY_VERIFY(policyNames().contains(u"Web Server"_s));
    const auto db = m_service->load().value();
    const Policy *back = db.policyByName(u"Web Server"_s);
    QVERIFY(back);
    QCOMPARE(back->description, p.description);
    QCOMPARE(db.rulesOf(back->id).size(), 2); // default response rule + "Allow HTTP"
}

void TestMainWindow::assignAndUnassign()
{
    const Policy p = policy(u"Block UDP 1434 Filter"_s);
    QVERIFY(m_window->editor()->assign(p.id));
    auto *status = m_window->findChild<QLabel *>(u"assignmentStatus"_s);
    QTRY_VERIFY(status->text().contains(u"Assigned policy: Block UDP 1434 Filter"_s));
    QVERIFY(m_window->editor()->unassign());
    QTRY_VERIFY(status->text().contains(u"No policy is assigned"_s));
    m_window->undoStack()->undo();
    QTRY_VERIFY(policy(p.name).assigned);
}

void TestMainWindow::emergencyErrorDoesNotBlock()
{
    // Without a namespace the test guard refuses kernel access: the error goes to the status bar
    // and no modal dialog appears.
    auto *action = m_window->findChild<QAction *>(u"emergencyUnassignAction"_s);
    action->trigger();
    QVERIFY(!QApplication::activeModalWidget());
    auto *message = m_window->findChild<QLabel *>(u"emergencyMessage"_s);
    QVERIFY(message && message->isVisible());
    QVERIFY2(message->text().contains(u"failed"_s), qPrintable(message->text()));
    QVERIFY(!m_window->findChild<QToolButton *>(u"emergencyUndoButton"_s)->isVisible());
}

void TestMainWindow::toolPanelsAndBlockPortWizard()
{
    auto *monitor = m_window->findChild<QDockWidget *>(u"monitorDock"_s);
    auto *tester = m_window->findChild<QDockWidget *>(u"packetTesterDock"_s);
    QVERIFY(monitor && tester);
    QVERIFY(m_window->findChild<MonitorView *>());
    QVERIFY(m_window->findChild<PacketTester *>());
    auto *toggle = m_window->findChild<QAction *>(u"packetTesterDockToggle"_s);
    QVERIFY(toggle);
    toggle->trigger();
    QVERIFY(tester->isVisibleTo(m_window.get()));

    auto *blockPort = m_window->findChild<QAction *>(u"blockPortAction"_s);
    QVERIFY(blockPort);
    QCOMPARE(blockPort->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
    blockPort->trigger();
    QTRY_VERIFY(m_window->findChild<BlockPortWizard *>());
    m_window->findChild<BlockPortWizard *>()->reject();
}

void TestMainWindow::addRuleOpensTheRuleWizard()
{
    auto *controller = m_window->findChild<PropertiesController *>();
    QVERIFY(controller);
    controller->newRule(1);
    QTRY_VERIFY(m_window->findChild<SecurityRuleWizard *>());
    m_window->findChild<SecurityRuleWizard *>()->reject();
    auto *action = m_window->findChild<QAction *>(u"newRuleAction"_s);
    QVERIFY(action);
}

void TestMainWindow::exportSnapshotWritesJson()
{
    QTemporaryDir out;
    const QString path = out.filePath(u"snapshot.json"_s);
    FileDialog::setNextFileName(path);
    auto *action = m_window->findChild<QAction *>(u"exportSnapshotAction"_s);
    QVERIFY(action);
    action->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(doc.value(u"format"_s).toString(), u"ipsec-console-snapshot"_s);
    QCOMPARE(doc.value(u"formatVersion"_s).toInt(), 2);
    QVERIFY(!doc.value(u"host"_s).toObject().value(u"name"_s).toString().isEmpty());
    const QJsonArray policies = doc.value(u"policies"_s).toArray();
    QVERIFY(policies.size() >= 3);
    QStringList names;
    for (const auto &p : policies)
        names << p.toObject().value(u"name"_s).toString();
    QVERIFY(names.contains(u"Server (Request Security)"_s));
}

void TestMainWindow::ruleProperties()
{
    const Policy server = policy(u"Server (Request Security)"_s);
    const PolicyDatabase db = m_service->load().value();
    const Rule *icmp = nullptr;
    for (const Rule *r : db.rulesOf(server.id))
        if (r->name == u"All ICMP Traffic"_s)
            icmp = r;
    QVERIFY(icmp && icmp->active);
    auto *controller = m_window->findChild<PropertiesController *>();
    controller->showProperties({ObjectRef::Kind::Rule, icmp->id, -1, server.id});
    RuleDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<RuleDialog *>()));
    QCOMPARE(dialog->findChild<QComboBox *>(u"filterListCombo"_s)->currentText(),
             u"All ICMP Traffic"_s);
    dialog->findChild<QCheckBox *>(u"activeCheck"_s)->setChecked(false);
    dialog->accept();
    QTRY_VERIFY(!m_service->load()->rule(icmp->id)->active);
    m_window->undoStack()->undo();
    QTRY_VERIFY(m_service->load()->rule(icmp->id)->active);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
