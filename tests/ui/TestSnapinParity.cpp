// What the snap-in has and the console lacked: rename in place (F2) for policies, rules,
// filter lists and actions; context menus per kind of object; Policy Properties with a Rules
// tab; Create IP Security Policy… opening the IP Security Policy wizard.

#include "UiTestSupport.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"
#include "dialogs/IkeMethodDialog.h"
#include "dialogs/KeyExchangeDialog.h"
#include "dialogs/PolicyDialog.h"
#include "service/PolicyService.h"
#include "wizards/IpSecurityPolicyWizard.h"
#include "wizards/SecurityRuleWizard.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestSnapinParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void renameInPlace_data();
    void renameInPlace();
    void contextMenusPerKind();
    void policyPropertiesRulesTab();
    void keyExchangeSettings();
    void createPolicyOpensTheWizard();

private:
    QModelIndex treeIndex(const QString &text, const QModelIndex &parent = {}) const;
    void clickTree(const QString &text);
    QStringList contextMenuActions(const QString &text);
    // Policy Properties of `policy` (highlighted, Alt+Return), then its Key Exchange Settings.
    KeyExchangeDialog *openKeyExchange(const QString &policy, PolicyDialog **properties);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
    QTreeView *m_tree = nullptr;
};

void TestSnapinParity::initTestCase()
{
    UiTestSupport::isolateSettings(m_settingsDir);
    Settings().setValue(Settings::Key::WatchIntervalMs, 100);
}

void TestSnapinParity::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = UiTestSupport::seededStore(*m_dir);
    QVERIFY(!m_store.isEmpty());
    PolicyService::Options o;
    o.storePath = m_store;
    auto service = PolicyService::open(o);
    QVERIFY(service);
    m_service = std::move(service.value());
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tree = m_window->findChild<QTreeView *>(u"policyTree"_s);
    m_tree->expandAll();
}

void TestSnapinParity::cleanup()
{
    if (QWidget *modal = QApplication::activeModalWidget())
        modal->close();
    m_window.reset();
    m_service.reset();
    m_dir.reset();
}

QModelIndex TestSnapinParity::treeIndex(const QString &text, const QModelIndex &parent) const
{
    const QAbstractItemModel *model = m_tree->model();
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
        if (const QModelIndex found = treeIndex(text, index); found.isValid())
            return found;
    }
    return {};
}

void TestSnapinParity::clickTree(const QString &text)
{
    const QModelIndex index = treeIndex(text);
    QVERIFY2(index.isValid(), qPrintable(text));
    m_tree->scrollTo(index);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualRect(index).center());
}

void TestSnapinParity::renameInPlace_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("oldName");
    QTest::addColumn<QString>("newName");
    QTest::newRow("policy") << u"policy"_s << u"Web Server"_s << u"Web Server"_s << u"Web Front"_s;
    QTest::newRow("rule") << u"rule"_s << u"Allow HTTP"_s << u"Allow HTTP"_s << u"Allow Web"_s;
    QTest::newRow("filter list") << u"list"_s << u"IP Filter List: All ICMP Traffic"_s
                                 << u"All ICMP Traffic"_s << u"ICMP"_s;
    QTest::newRow("filter action")
        << u"action"_s << u"Filter Action: Permit"_s << u"Permit"_s << u"Let through"_s;
}

void TestSnapinParity::renameInPlace()
{
    QFETCH(QString, kind);
    QFETCH(QString, item);
    QFETCH(QString, oldName);
    QFETCH(QString, newName);
    const auto names = [this, kind] {
        const auto db = m_service->load().value();
        QStringList all;
        if (kind == u"policy"_s)
            for (const Policy &p : db.policies)
                all << p.name;
        if (kind == u"rule"_s)
            for (const Rule &r : db.rules)
                all << r.name;
        if (kind == u"list"_s)
            for (const FilterList &l : db.filterLists)
                all << l.name;
        if (kind == u"action"_s)
            for (const FilterAction &a : db.filterActions)
                all << a.name;
        return all;
    };
    QVERIFY(names().contains(oldName));
    clickTree(item);
    QTest::keyClick(m_tree, Qt::Key_F2);
    auto *editor = m_tree->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    QCOMPARE(editor->text(), oldName); // the plain name, not "IP Filter List: …"
    editor->selectAll();
    QTest::keyClicks(editor, newName);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(names().contains(newName));
    QVERIFY(!names().contains(oldName));
    m_window->undoStack()->undo();
    QTRY_VERIFY(names().contains(oldName));
}

QStringList TestSnapinParity::contextMenuActions(const QString &text)
{
    const QModelIndex index = treeIndex(text);
    if (!index.isValid())
        return {};
    m_tree->scrollTo(index);
    const QPoint pos = m_tree->visualRect(index).center();
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, pos);
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, m_tree->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(m_tree->viewport(), &event);
    QMenu *menu = nullptr;
    for (QMenu *m : m_window->findChildren<QMenu *>(u"contextMenu"_s))
        if (m->isVisible())
            menu = m;
    if (!menu)
        return {};
    QStringList names;
    for (QAction *a : menu->actions())
        if (!a->isSeparator())
            names << a->objectName();
    menu->close();
    return names;
}

void TestSnapinParity::contextMenusPerKind()
{
    const QStringList policy = contextMenuActions(u"Web Server"_s);
    QVERIFY2(policy.contains(u"assignAction"_s), qPrintable(policy.join(u' ')));
    QVERIFY(policy.contains(u"newRuleAction"_s));
    QVERIFY(policy.contains(u"renameAction"_s));
    QVERIFY(policy.contains(u"propertiesAction"_s));
    const QStringList rule = contextMenuActions(u"Allow HTTP"_s);
    QVERIFY2(!rule.contains(u"assignAction"_s), qPrintable(rule.join(u' ')));
    QVERIFY(rule.contains(u"renameAction"_s));
    QVERIFY(rule.contains(u"deleteAction"_s));
    const QStringList list = contextMenuActions(u"IP Filter List: All ICMP Traffic"_s);
    QVERIFY2(!list.contains(u"assignAction"_s), qPrintable(list.join(u' ')));
    QVERIFY(list.contains(u"newFilterListAction"_s));
    QVERIFY(!list.contains(u"newPolicyAction"_s));
    const QStringList action = contextMenuActions(u"Filter Action: Permit"_s);
    QVERIFY(action.contains(u"newFilterActionAction"_s));
    QVERIFY(!action.contains(u"newRuleAction"_s));
}

void TestSnapinParity::policyPropertiesRulesTab()
{
    const auto db = m_service->load().value();
    const Policy *server = db.policyByName(u"Server (Request Security)"_s);
    QVERIFY(server);
    const int ruleCount = int(db.rulesOf(server->id).size());
    clickTree(u"Server (Request Security)"_s);
    QTest::keyClick(m_tree, Qt::Key_Return, Qt::AltModifier);
    PolicyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<PolicyDialog *>()));
    auto *tabs = dialog->findChild<QTabWidget *>(u"policyTabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(0), u"Rules"_s);
    auto *rules = dialog->findChild<QTableWidget *>(u"rulesTable"_s);
    QCOMPARE(rules->rowCount(), ruleCount);
    QVERIFY(dialog->findChild<QCheckBox *>(u"useAddWizardCheck"_s)->isChecked());

    // Untick the first rule's active box: the rule is inactive in the store, and undoable.
    const qint64 ruleId = rules->item(0, 0)->data(Qt::UserRole).toLongLong();
    QVERIFY(m_service->load()->rule(ruleId)->active);
    rules->item(0, 0)->setCheckState(Qt::Unchecked);
    QTRY_VERIFY(!m_service->load()->rule(ruleId)->active);
    QCOMPARE(rules->item(0, 0)->checkState(), Qt::Unchecked);

    // Remove asks with the rule's name, and the table follows.
    rules->setCurrentCell(0, 0);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"removeRuleButton"_s), Qt::LeftButton);
    QTRY_COMPARE(rules->rowCount(), ruleCount - 1);
    QVERIFY(!m_service->load()->rule(ruleId));

    // Add with the wizard opens the Security Rule wizard.
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"addRuleButton"_s), Qt::LeftButton);
    QTRY_VERIFY(dialog->findChild<SecurityRuleWizard *>());
    dialog->findChild<SecurityRuleWizard *>()->reject();
    dialog->reject();

    m_window->undoStack()->undo(); // the removed rule comes back
    QTRY_COMPARE(int(m_service->load()->rulesOf(server->id).size()), ruleCount);
}

KeyExchangeDialog *TestSnapinParity::openKeyExchange(const QString &policy,
                                                     PolicyDialog **properties)
{
    clickTree(policy);
    QTest::keyClick(m_tree, Qt::Key_Return, Qt::AltModifier);
    PolicyDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<PolicyDialog *>()); }, 3000))
        return nullptr;
    *properties = dialog;
    auto *tabs = dialog->findChild<QTabWidget *>(u"policyTabs"_s);
    tabs->setCurrentWidget(dialog->findChild<QWidget *>(u"generalTab"_s));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"keyExchangeButton"_s), Qt::LeftButton);
    KeyExchangeDialog *keys = nullptr;
    (void)QTest::qWaitFor([&] { return (keys = dialog->findChild<KeyExchangeDialog *>()); }, 3000);
    return keys;
}

// Issue 14: Policy Properties → General → Key Exchange Settings: methods added, moved and
// removed, lifetime and sessions, master key PFS; stored through the service on OK (one
// undoable change), nothing on Cancel, bad values refused with a sentence.
void TestSnapinParity::keyExchangeSettings()
{
    const QString name = u"Server (Request Security)"_s;
    const auto stored = [this, &name] {
        return *m_service->load()->policyByName(name);
    };
    QVERIFY(stored().hasDefaultKeyExchange());
    const auto ok = [](QDialog *d) {
        d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    };

    // Bad input is refused with a sentence; Cancel stores nothing.
    PolicyDialog *properties = nullptr;
    KeyExchangeDialog *keys = openKeyExchange(name, &properties);
    QVERIFY(keys);
    auto *table = keys->findChild<QTableWidget *>(u"ikeMethodsTable"_s);
    QCOMPARE(table->rowCount(), 4); // Windows' defaults
    QCOMPARE(table->item(0, 1)->text(), u"3DES"_s);
    auto *minutes = keys->findChild<QSpinBox *>(u"lifetimeMinutesSpin"_s);
    QCOMPARE(minutes->value(), 480);
    minutes->setValue(0);
    ok(keys);
    QVERIFY(keys->isVisible());
    QVERIFY2(keys->findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"at least 1 minute"_s),
             qPrintable(keys->findChild<QLabel *>(u"errorLabel"_s)->text()));
    minutes->setValue(30);
    auto *remove = keys->findChild<QPushButton *>(u"removeIkeMethodButton"_s);
    for (int i = 0; i < 4; ++i) {
        table->setCurrentCell(0, 0);
        QTest::mouseClick(remove, Qt::LeftButton);
    }
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!remove->isEnabled());
    ok(keys);
    QVERIFY(keys->isVisible());
    QVERIFY2(keys->findChild<QLabel *>(u"errorLabel"_s)->text().contains(u"at least one"_s),
             qPrintable(keys->findChild<QLabel *>(u"errorLabel"_s)->text()));
    keys->reject();
    QTRY_VERIFY(!properties->findChild<KeyExchangeDialog *>());
    ok(properties);
    QTRY_VERIFY(!m_window->findChild<PolicyDialog *>());
    QTest::qWait(200);
    QVERIFY(stored().hasDefaultKeyExchange());

    // Add a method, move it up, set lifetime and sessions: OK, then OK: stored.
    keys = openKeyExchange(name, &properties);
    QVERIFY(keys);
    table = keys->findChild<QTableWidget *>(u"ikeMethodsTable"_s);
    QTest::mouseClick(keys->findChild<QPushButton *>(u"addIkeMethodButton"_s), Qt::LeftButton);
    IkeMethodDialog *method = nullptr;
    QTRY_VERIFY((method = keys->findChild<IkeMethodDialog *>()));
    auto *group = method->findChild<QComboBox *>(u"groupCombo"_s);
    group->setCurrentIndex(group->findData(3)); // High (2048)
    ok(method);
    QTRY_COMPARE(table->rowCount(), 5);
    QCOMPARE(table->currentRow(), 4);
    QTest::mouseClick(keys->findChild<QPushButton *>(u"moveIkeMethodUpButton"_s), Qt::LeftButton);
    QCOMPARE(table->currentRow(), 3);
    QCOMPARE(table->item(3, 3)->text(), u"High (2048)"_s);
    keys->findChild<QSpinBox *>(u"lifetimeMinutesSpin"_s)->setValue(60);
    keys->findChild<QSpinBox *>(u"sessionsSpin"_s)->setValue(5);
    ok(keys);
    QTRY_VERIFY(!properties->findChild<KeyExchangeDialog *>());
    QVERIFY2(properties->findChild<QLabel *>(u"keyExchangeSummary"_s)->text().contains(u"60 "_s),
             qPrintable(properties->findChild<QLabel *>(u"keyExchangeSummary"_s)->text()));
    QVERIFY(stored().hasDefaultKeyExchange()); // not before the policy's OK
    ok(properties);
    QTRY_VERIFY(!m_window->findChild<PolicyDialog *>());
    QTRY_COMPARE(stored().mainModeLifetimeSeconds, 3600);
    const Policy after = stored();
    QCOMPARE(MainModeMethod::listToString(after.mainModeMethods),
             u"3DES-SHA1-2 3DES-MD5-2 DES-SHA1-1 3DES-SHA1-3 DES-MD5-1"_s);
    QCOMPARE(after.quickModesPerMainMode, 5);
    QVERIFY(!after.mainModePfs);

    // Master key PFS means one session per main mode.
    keys = openKeyExchange(name, &properties);
    QVERIFY(keys);
    QCOMPARE(keys->findChild<QTableWidget *>(u"ikeMethodsTable"_s)->rowCount(), 5);
    keys->findChild<QCheckBox *>(u"masterPfsCheck"_s)->setChecked(true);
    QVERIFY(!keys->findChild<QSpinBox *>(u"sessionsSpin"_s)->isEnabled());
    ok(keys);
    QTRY_VERIFY(!properties->findChild<KeyExchangeDialog *>());
    ok(properties);
    QTRY_VERIFY(!m_window->findChild<PolicyDialog *>());
    QTRY_VERIFY(stored().mainModePfs);
    QCOMPARE(stored().quickModesPerMainMode, 1);

    // Each OK was one change of the undo stack.
    m_window->undoStack()->undo();
    QTRY_VERIFY(!stored().mainModePfs);
    m_window->undoStack()->undo();
    QTRY_VERIFY(stored().hasDefaultKeyExchange());
}

void TestSnapinParity::createPolicyOpensTheWizard()
{
    QTest::keyClick(m_tree, Qt::Key_N, Qt::ControlModifier);
    IpSecurityPolicyWizard *wizard = nullptr;
    QTRY_VERIFY((wizard = m_window->findChild<IpSecurityPolicyWizard *>()));
    QVERIFY(!m_window->findChild<PolicyDialog *>());
    wizard->reject();
}

QTEST_MAIN(TestSnapinParity)
#include "TestSnapinParity.moc"
