// One current object: what the tree highlights is what Delete, Properties, Assign and Add Rule
// act on, through tab switches, F5, searches, changes made by other programs, undo and deletes.
// Driven with keys and clicks on the real main window.

#include "UiTestSupport.h"

#include "FileDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ObjectEditor.h"
#include "Settings.h"
#include "dialogs/PolicyDialog.h"
#include "service/PolicyService.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestCurrentObject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tabSwitchKeepsTheTreeHighlight();
    void refreshKeepsTheTreeHighlight();
    void searchHighlightsAHit();
    void changesByOthersAndUndoKeepIt();
    void deletedObjectFallsBackToItsPolicy();
    void tableRowIsHighlightedInTheTree();
    void importKeepsTheTreeHighlight();
    void searchByPortShowsTheRule();

private:
    QModelIndex treeIndex(const QString &text, const QModelIndex &parent = {}) const;
    void clickTree(const QString &text);
    void clickTable(const QString &table, const QString &text);
    void clickTab(int tab);
    QString deleteQuestion();
    QString propertiesTitle();
    QAction *action(const char *name) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
    QTreeView *m_tree = nullptr;
};

void TestCurrentObject::initTestCase()
{
    UiTestSupport::isolateSettings(m_settingsDir);
    Settings().setValue(Settings::Key::WatchIntervalMs, 100);
}

void TestCurrentObject::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = UiTestSupport::seededStore(*m_dir);
    QVERIFY(!m_store.isEmpty());
    PolicyService::Options o;
    o.storePath = m_store;
    auto service = PolicyService::open(o);
    QVERIFY2(service, service ? "" : qPrintable(service.error().message));
    m_service = std::move(service.value());
    // A filter list no rule uses: it is only in the Filter Lists table.
    FilterList worm;
    worm.name = u"Worm ports"_s;
    Filter f;
    f.source = Address::any();
    f.destination = Address::me();
    f.protocol = Protocol::tcp();
    f.destinationPort = 445;
    worm.filters << f;
    QVERIFY(m_service->createFilterList(worm));
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tree = m_window->findChild<QTreeView *>(u"policyTree"_s);
    QVERIFY(m_tree);
}

void TestCurrentObject::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_dir.reset();
}

QAction *TestCurrentObject::action(const char *name) const
{
    return m_window->findChild<QAction *>(QString::fromLatin1(name));
}

QModelIndex TestCurrentObject::treeIndex(const QString &text, const QModelIndex &parent) const
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

void TestCurrentObject::clickTree(const QString &text)
{
    const QModelIndex index = treeIndex(text);
    QVERIFY2(index.isValid(), qPrintable(text));
    m_tree->scrollTo(index);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualRect(index).center());
    QCOMPARE(m_tree->currentIndex().data().toString(), text);
}

void TestCurrentObject::clickTab(int tab)
{
    auto *tabs = m_window->findChild<QTabWidget *>(u"objectTabs"_s);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tab).center());
    QCOMPARE(tabs->currentIndex(), tab);
}

void TestCurrentObject::clickTable(const QString &table, const QString &text)
{
    auto *view = m_window->findChild<QTableView *>(table);
    QVERIFY(view);
    auto *tabs = m_window->findChild<QTabWidget *>(u"objectTabs"_s);
    for (int tab = 0; tab < tabs->count(); ++tab)
        if (tabs->widget(tab)->isAncestorOf(view) || tabs->widget(tab) == view)
            clickTab(tab);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data().toString() == text) {
            view->scrollTo(index);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                              view->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(u"no row "_s + text));
}

// Presses Delete where the focus is and answers No; the question's text.
QString TestCurrentObject::deleteQuestion()
{
    // Forget the last question: the same text asked again must count.
    MessageBox::setNextAnswer(QMessageBox::No);
    MessageBox::question(nullptr, {}, {}, QMessageBox::No, QMessageBox::No);
    MessageBox::setNextAnswer(QMessageBox::No);
    const QString before = MessageBox::lastText();
    QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
    QTest::keyClick(focus, Qt::Key_Delete);
    const QString text = MessageBox::lastText();
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    return text == before ? QString() : text;
}

QString TestCurrentObject::propertiesTitle()
{
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(),
                    Qt::Key_Return, Qt::AltModifier);
    auto *dialog = m_window->findChild<PolicyDialog *>();
    if (!dialog)
        return {};
    const QString name = dialog->policy().name;
    dialog->reject();
    (void)QTest::qWaitFor([this] { return !m_window->findChild<PolicyDialog *>(); }, 2000);
    // The window manager gives the focus back to the main window.
    m_window->activateWindow();
    (void)QTest::qWaitForWindowActive(m_window.get());
    return name;
}

void TestCurrentObject::tabSwitchKeepsTheTreeHighlight()
{
    clickTable(u"filterListsTable"_s, u"Worm ports"_s);
    QVERIFY(deleteQuestion().contains(u"Worm ports"_s));
    clickTree(u"Server (Request Security)"_s);
    clickTab(0);
    clickTab(1); // the Worm ports row is still picked on this tab
    clickTab(2);
    m_tree->setFocus();
    const QString question = deleteQuestion();
    QVERIFY2(question.contains(u"Server (Request Security)"_s), qPrintable(question));
    QVERIFY(action("assignAction")->isEnabled());
    QVERIFY(action("newRuleAction")->isEnabled());
    QVERIFY(action("propertiesAction")->isEnabled());
    QVERIFY2(action("deleteAction")->text().contains(u"Server (Request Security)"_s),
             qPrintable(action("deleteAction")->text()));
    QVERIFY(action("assignAction")->text().contains(u"Server (Request Security)"_s));
    QCOMPARE(propertiesTitle(), u"Server (Request Security)"_s);
}

void TestCurrentObject::refreshKeepsTheTreeHighlight()
{
    clickTable(u"filterListsTable"_s, u"Worm ports"_s);
    clickTree(u"Web Server"_s);
    QTest::keyClick(m_tree, Qt::Key_F5);
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Web Server"_s);
    const QString question = deleteQuestion();
    QVERIFY2(question.contains(u"Web Server"_s), qPrintable(question));
    QCOMPARE(propertiesTitle(), u"Web Server"_s);
    // Assigning acts on the highlighted policy.
    QVERIFY(action("assignAction")->isEnabled());
    QTest::keyClick(m_tree, Qt::Key_G, Qt::ControlModifier);
    QTRY_VERIFY2(m_service->load()->policyByName(u"Web Server"_s)->assigned,
                 qPrintable(m_window->statusBar()->currentMessage()));
}

void TestCurrentObject::searchHighlightsAHit()
{
    clickTable(u"filterListsTable"_s, u"Worm ports"_s);
    clickTree(u"Web Server"_s);
    auto *search = m_window->findChild<QLineEdit *>(u"searchBox"_s);
    QTest::keyClicks(search, u"Secure Server"_s);
    // The hit is highlighted and what the actions name.
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Secure Server (Require Security)"_s);
    QVERIFY(m_tree->selectionModel()->isSelected(m_tree->currentIndex()));
    m_tree->setFocus();
    QString question = deleteQuestion();
    QVERIFY2(question.contains(u"Secure Server (Require Security)"_s), qPrintable(question));
    // Clearing the search keeps the hit highlighted.
    search->clear();
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Secure Server (Require Security)"_s);
    m_tree->setFocus();
    question = deleteQuestion();
    QVERIFY2(question.contains(u"Secure Server (Require Security)"_s), qPrintable(question));
    // A search without hits leaves nothing to act on.
    QTest::keyClicks(search, u"no such thing"_s);
    QVERIFY(!action("deleteAction")->isEnabled());
    QVERIFY(!action("propertiesAction")->isEnabled());
}

void TestCurrentObject::changesByOthersAndUndoKeepIt()
{
    clickTable(u"filterListsTable"_s, u"Worm ports"_s);
    clickTree(u"Client (Respond Only)"_s);
    const auto r =
        UiTestSupport::ipseccmd(m_store, {u"-w"_s, u"REG"_s, u"-p"_s, u"From CLI"_s, u"-r"_s,
                                          u"R"_s, u"-f"_s, u"0=*:25:TCP"_s, u"-n"_s, u"BLOCK"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QTRY_VERIFY(treeIndex(u"From CLI"_s).isValid());
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Client (Respond Only)"_s);
    m_tree->setFocus();
    QVERIFY(deleteQuestion().contains(u"Client (Respond Only)"_s));

    Policy p = *m_service->load()->policyByName(u"Client (Respond Only)"_s);
    p.description = u"edited"_s;
    QVERIFY(m_window->editor()->updatePolicy(p));
    QTest::keyClick(m_tree, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(m_service->load()->policyByName(u"Client (Respond Only)"_s)->description
                != u"edited"_s);
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Client (Respond Only)"_s);
    QVERIFY(deleteQuestion().contains(u"Client (Respond Only)"_s));
}

void TestCurrentObject::deletedObjectFallsBackToItsPolicy()
{
    clickTree(u"Web Server"_s);
    m_tree->expand(m_tree->currentIndex());
    clickTree(u"Allow HTTP"_s);
    m_tree->setFocus();
    QVERIFY(deleteQuestion().contains(u"Allow HTTP"_s));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(m_tree, Qt::Key_Delete);
    QTRY_VERIFY(!treeIndex(u"Allow HTTP"_s).isValid());
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Web Server"_s);
    QVERIFY(deleteQuestion().contains(u"Web Server"_s));
    // Undo brings the rule back; the policy stays highlighted.
    QTest::keyClick(m_tree, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(treeIndex(u"Allow HTTP"_s).isValid());
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Web Server"_s);
}

void TestCurrentObject::tableRowIsHighlightedInTheTree()
{
    clickTree(u"Web Server"_s);
    clickTable(u"policiesTable"_s, u"Block UDP 1434 Filter"_s);
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Block UDP 1434 Filter"_s);
    QVERIFY(deleteQuestion().contains(u"Block UDP 1434 Filter"_s));
    // A filter list no rule uses: the tree highlights nothing else.
    clickTable(u"filterListsTable"_s, u"Worm ports"_s);
    QVERIFY(!m_tree->selectionModel()->hasSelection());
    QVERIFY(deleteQuestion().contains(u"Worm ports"_s));
    QVERIFY(!action("assignAction")->isEnabled());
}

// A snapshot of another store (the same names, other guids) imported under new names: the
// highlighted policy stays what Delete, Properties and Assign act on.
void TestCurrentObject::importKeepsTheTreeHighlight()
{
    QTemporaryDir other;
    const QString otherStore = UiTestSupport::seededStore(other);
    QVERIFY(!otherStore.isEmpty());
    PolicyService::Options o;
    o.storePath = otherStore;
    o.enforcement = PolicyService::Enforcement::Off;
    auto otherService = PolicyService::open(o);
    QVERIFY(otherService);
    const auto document = otherService.value()->exportSnapshot();
    QVERIFY(document);
    const QString file = other.filePath(u"other.json"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(*document).toJson());
    f.close();
    const qsizetype policies = m_service->load()->policies.size();

    clickTable(u"filterListsTable"_s, u"Worm ports"_s);
    clickTree(u"Web Server"_s);
    FileDialog::setNextFileName(file);
    action("importSnapshotAction")->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"importSnapshotDialog"_s)));
    auto *onClash = dialog->findChild<QComboBox *>(u"onClashCombo"_s);
    onClash->setCurrentIndex(onClash->findData(int(ImportOptions::OnClash::Rename)));
    auto *import = dialog->findChild<QPushButton *>(u"importButton"_s);
    QTRY_VERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QTRY_VERIFY(m_service->load()->policies.size() > policies);
    QTRY_VERIFY(treeIndex(u"Web Server (2)"_s).isValid() || m_tree->model()->rowCount() > 5);
    QCOMPARE(m_tree->currentIndex().data().toString(), u"Web Server"_s);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_tree->setFocus();
    const QString question = deleteQuestion();
    QVERIFY2(question.contains(u"Web Server"_s) && !question.contains(u"Web Server ("_s),
             qPrintable(question));
    QCOMPARE(propertiesTitle(), u"Web Server"_s);
    QVERIFY(action("assignAction")->text().contains(u"“Web Server”"_s));
}

// "Which rule handles port 443?" (a port in no name): the rule is highlighted, its policy
// expanded, and Delete names it. An address inside the rule's subnet finds it too.
void TestCurrentObject::searchByPortShowsTheRule()
{
    clickTree(u"Block UDP 1434 Filter"_s);
    auto *search = m_window->findChild<QLineEdit *>(u"searchBox"_s);
    for (const QString &query : {u"443"_s, u"tcp 443"_s, u"10.1.2.3"_s}) {
        search->clear();
        QTest::keyClicks(search, query);
        const QModelIndex current = m_tree->currentIndex();
        QCOMPARE(current.data().toString(), u"Allow HTTP"_s);
        QVERIFY(m_tree->selectionModel()->isSelected(current));
        QCOMPARE(current.parent().data().toString(), u"Web Server"_s);
        QVERIFY(m_tree->isExpanded(current.parent()));
        m_tree->setFocus();
        const QString question = deleteQuestion();
        QVERIFY2(question.contains(u"the rule Allow HTTP"_s), qPrintable(question));
    }
}

QTEST_MAIN(TestCurrentObject)
#include "TestCurrentObject.moc"
