// The console's snapshot commands on a throw-away store: export in each format (file type from
// the name), the selected policy only, import with its preview and clash rule, compare with
// the live state. Files are chosen through the FileDialog seam; dialogs open without blocking.

#include "UiTestSupport.h"

#include "FileDialog.h"
#include "MainWindow.h"
#include "service/PolicyService.h"
#include "snapshot/CompareSnapshotDialog.h"
#include "snapshot/ImportSnapshotDialog.h"
#include "snapshot/SnapshotController.h"
#include "snapshot/SnapshotDiffView.h"
#include "snapshot/SnapshotReader.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestSnapshotUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void menuHasTheCommands();
    void exportEachFormat_data();
    void exportEachFormat();
    void exportSelectedPolicy();
    void importMergeWithPreview();
    void importClashRefusedThenRenamed();
    void importBadFileChangesNothing();
    void compareShowsTheChanges();

private:
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }
    QString exportTo(const QString &fileName);
    QByteArray read(const QString &path) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestSnapshotUi::initTestCase()
{
    static QTemporaryDir settings;
    UiTestSupport::isolateSettings(settings);
}

void TestSnapshotUi::init()
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

void TestSnapshotUi::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_dir.reset();
}

QString TestSnapshotUi::exportTo(const QString &fileName)
{
    const QString path = m_dir->filePath(fileName);
    FileDialog::setNextFileName(path);
    action(u"exportSnapshotAction"_s)->trigger();
    return path;
}

QByteArray TestSnapshotUi::read(const QString &path) const
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestSnapshotUi::menuHasTheCommands()
{
    for (const QString &name : {u"exportSnapshotAction"_s, u"exportPolicySnapshotAction"_s,
                                u"importSnapshotAction"_s, u"compareSnapshotAction"_s})
        QVERIFY2(action(name), qPrintable(name));
    // "Export Selected Policy…" follows the selection: off without a policy.
    m_window->findChild<SnapshotController *>()->setCurrentPolicy(0);
    QVERIFY(!action(u"exportPolicySnapshotAction"_s)->isEnabled());
}

void TestSnapshotUi::exportEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("json") << u"s.json"_s << QByteArray("\"format\": \"ipsec-console-snapshot\"");
    QTest::newRow("netsh") << u"s.cmd"_s
                           << QByteArray("netsh ipsec static add policy name=\"Web Server\"");
    QTest::newRow("ipseccmd") << u"s.sh"_s
                              << QByteArray("ipseccmd -w REG -p 'Web Server:180' -r 'Allow HTTP'");
    QTest::newRow("html") << u"s.html"_s << QByteArray("<h3>Web Server</h3>");
}

void TestSnapshotUi::exportEachFormat()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, expected);
    const QByteArray bytes = read(exportTo(file));
    QVERIFY2(bytes.contains(expected), bytes.left(2000).constData());
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Snapshot saved to"_s));
}

void TestSnapshotUi::exportSelectedPolicy()
{
    auto *controller = m_window->findChild<SnapshotController *>();
    QVERIFY(controller);
    const Policy *web = nullptr;
    const PolicyDatabase db = m_service->load().value();
    web = db.policyByName(u"Web Server"_s);
    controller->setCurrentPolicy(web->id);
    QVERIFY(action(u"exportPolicySnapshotAction"_s)->isEnabled());
    const QString path = m_dir->filePath(u"web.json"_s);
    FileDialog::setNextFileName(path);
    action(u"exportPolicySnapshotAction"_s)->trigger();
    auto s = SnapshotReader::read(read(path));
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QCOMPARE(s->scopePolicy, u"Web Server"_s);
    QCOMPARE(s->database.policies.size(), 1);
}

void TestSnapshotUi::importMergeWithPreview()
{
    // A snapshot of another store with one extra policy: merging adds exactly that.
    QTemporaryDir other;
    const QString otherStore = UiTestSupport::seededStore(other);
    QVERIFY(!otherStore.isEmpty());
    QCOMPARE(UiTestSupport::ipseccmd(otherStore,
                                     {u"-w"_s, u"REG"_s, u"-p"_s, u"Mail"_s, u"-r"_s, u"SMTP"_s,
                                      u"-f"_s, u"*+0:25:TCP"_s, u"-n"_s, u"PASS"_s})
                 .code,
             0);
    const QString snap = other.filePath(u"other.json"_s);
    QCOMPARE(UiTestSupport::ipseccmd(otherStore, {u"snapshot"_s, u"export"_s, snap}).code, 0);

    const QByteArray before = read(m_store);
    FileDialog::setNextFileName(snap);
    action(u"importSnapshotAction"_s)->trigger();
    ImportSnapshotDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ImportSnapshotDialog *>()));
    QVERIFY(dialog->findChild<QRadioButton *>(u"mergeRadio"_s)->isChecked());
    // The seeded stores made the same names with other guids: clashes, refused by default.
    auto *button = dialog->findChild<QPushButton *>(u"importButton"_s);
    QVERIFY(!button->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(u"importStatusLabel"_s)
                ->text()
                .contains(u"exists with another guid"_s));
    auto *clash = dialog->findChild<QComboBox *>(u"onClashCombo"_s);
    clash->setCurrentIndex(clash->findData(int(ImportOptions::OnClash::Skip)));
    QVERIFY(button->isEnabled());
    auto *tree = dialog->findChild<SnapshotDiffView *>(u"snapshotDiffTree"_s);
    QVERIFY(tree);
    QStringList rows;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        rows << tree->topLevelItem(i)->text(0) + u' ' + tree->topLevelItem(i)->text(2);
    QVERIFY2(rows.contains(u"Added Mail"_s), qPrintable(rows.join(u'|')));
    QCOMPARE(read(m_store), before); // the previews wrote nothing
    button->click();
    QTRY_VERIFY(!m_window->findChild<ImportSnapshotDialog *>());
    QVERIFY(m_service->load()->policyByName(u"Mail"_s));
}

void TestSnapshotUi::importClashRefusedThenRenamed()
{
    const QString snap = exportTo(u"self.json"_s);
    // Delete and recreate the policy: the same name, another guid.
    QCOMPARE(
        UiTestSupport::ipseccmd(m_store, {u"-w"_s, u"REG"_s, u"-p"_s, u"Web Server"_s, u"-o"_s})
            .code,
        0);
    QCOMPARE(UiTestSupport::ipseccmd(m_store,
                                     {u"-w"_s, u"REG"_s, u"-p"_s, u"Web Server"_s, u"-r"_s,
                                      u"Other"_s, u"-f"_s, u"0=*:22:TCP"_s, u"-n"_s, u"BLOCK"_s})
                 .code,
             0);
    FileDialog::setNextFileName(snap);
    action(u"importSnapshotAction"_s)->trigger();
    ImportSnapshotDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ImportSnapshotDialog *>()));
    auto *clash = dialog->findChild<QComboBox *>(u"onClashCombo"_s);
    clash->setCurrentIndex(clash->findData(int(ImportOptions::OnClash::Rename)));
    dialog->findChild<QPushButton *>(u"importButton"_s)->click();
    QTRY_VERIFY(!m_window->findChild<ImportSnapshotDialog *>());
    const PolicyDatabase db = m_service->load().value();
    QVERIFY(db.policyByName(u"Web Server"_s));
    QVERIFY(db.policyByName(u"Web Server (2)"_s));
}

void TestSnapshotUi::importBadFileChangesNothing()
{
    const QString bad = m_dir->filePath(u"bad.json"_s);
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"ipsec-console-snapshot\", \"formatVersion\": 2, \"policies\": 5}");
    f.close();
    const QByteArray before = read(m_store);
    FileDialog::setNextFileName(bad);
    action(u"importSnapshotAction"_s)->trigger();
    QVERIFY(!m_window->findChild<ImportSnapshotDialog *>());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"Error: Snapshot $:"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(read(m_store), before);
}

void TestSnapshotUi::compareShowsTheChanges()
{
    const QString snap = exportTo(u"before.json"_s);
    QCOMPARE(
        UiTestSupport::ipseccmd(m_store, {u"-w"_s, u"REG"_s, u"-p"_s, u"Web Server"_s, u"-x"_s})
            .code,
        0);
    FileDialog::setNextFileName(snap);
    action(u"compareSnapshotAction"_s)->trigger();
    CompareSnapshotDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<CompareSnapshotDialog *>()));
    QVERIFY(dialog->findChild<QLabel *>(u"compareSummaryLabel"_s)
                ->text()
                .startsWith(u"1 difference"_s));
    auto *tree = dialog->view();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->data(1, Qt::UserRole).toString(), u"assignment"_s);
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(3), u"(none) → Web Server"_s);
    dialog->reject();
}

QTEST_MAIN(TestSnapshotUi)
#include "TestSnapshotUi.moc"
