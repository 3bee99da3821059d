// The finish of the console: names never squeezed, docks that leave room at 1024×700, the
// Packet Tester's tab order, unique mnemonics in menus and the wizard, Qt's own strings in
// German, the filter-list label's mnemonic, and exports whose format follows the chosen type.

#include "UiTestSupport.h"

#include "FileDialog.h"
#include "MainWindow.h"
#include "Settings.h"
#include "dialogs/FilterListDialog.h"
#include "models/PoliciesTableModel.h"
#include "service/PolicyService.h"
#include "tester/PacketTester.h"
#include "util/Translations.h"
#include "wizards/BlockPortWizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

namespace {

QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Letters used twice among TEXTS, as "x: a, b".
QStringList clashes(const QStringList &texts)
{
    QMultiHash<QChar, QString> byLetter;
    for (const QString &t : texts)
        if (const QChar m = mnemonic(t); !m.isNull())
            byLetter.insert(m, t);
    QStringList out;
    for (const QChar letter : byLetter.uniqueKeys())
        if (byLetter.count(letter) > 1)
            out << QString(letter) + u": "_s + QStringList(byLetter.values(letter)).join(u", "_s);
    return out;
}

// Public in QAbstractItemView, protected in its subclasses.
int hint(const QAbstractItemView *view, int column)
{
    return view->sizeHintForColumn(column);
}

} // namespace

class TestConsoleFinish : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void namesAreNotSqueezed();
    void docksFit1024x700();
    void packetTesterTabOrder();
    void uniqueMnemonicsInMenus();
    void uniqueMnemonicsInTheWizard();
    void filterListLabelHasABuddy();
    void exportFollowsTheChosenType();
    void qtOwnStringsInGerman();

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PolicyService> m_service;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsoleFinish::initTestCase()
{
    UiTestSupport::isolateSettings(m_settingsDir);
}

void TestConsoleFinish::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString store = UiTestSupport::seededStore(*m_dir);
    QVERIFY(!store.isEmpty());
    // A long policy name: it must show whole.
    const auto r = UiTestSupport::ipseccmd(
        store, {u"-w"_s, u"REG"_s, u"-p"_s,
                u"Block every NetBIOS, SMB and RPC port on the branch office servers"_s, u"-r"_s,
                u"R"_s, u"-f"_s, u"*=0:445:TCP"_s, u"-n"_s, u"BLOCK"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    PolicyService::Options o;
    o.storePath = store;
    auto service = PolicyService::open(o);
    QVERIFY(service);
    m_service = std::move(service.value());
    m_window = std::make_unique<MainWindow>(*m_service);
    m_window->resize(1024, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConsoleFinish::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_dir.reset();
}

void TestConsoleFinish::namesAreNotSqueezed()
{
    auto *table = m_window->findChild<QTableView *>(u"policiesTable"_s);
    QVERIFY(table);
    const int name = PoliciesTableModel::NameColumn;
    QVERIFY2(table->columnWidth(name) >= hint(table, name),
             qPrintable(u"%1 < %2"_s.arg(table->columnWidth(name)).arg(hint(table, name))));
    // The last column (Last Modified) does not take the width the names need.
    const int last = table->model()->columnCount() - 1;
    QVERIFY(!table->horizontalHeader()->stretchLastSection()
            || table->columnWidth(last) <= hint(table, last) + 20);
    auto *tree = m_window->findChild<QTreeView *>(u"policyTree"_s);
    QVERIFY2(tree->columnWidth(0) >= hint(tree, 0),
             qPrintable(u"%1 < %2"_s.arg(tree->columnWidth(0)).arg(hint(tree, 0))));
}

void TestConsoleFinish::docksFit1024x700()
{
    auto *monitor = m_window->findChild<QDockWidget *>(u"monitorDock"_s);
    m_window->findChild<QAction *>(u"monitorDockToggle"_s)->trigger();
    QTRY_VERIFY(monitor->isVisible());
    QApplication::processEvents();
    QWidget *central = m_window->centralWidget();
    QVERIFY2(central->height() >= 700 / 2,
             qPrintable(u"central %1, dock %2"_s.arg(central->height()).arg(monitor->height())));
    QVERIFY(monitor->height() <= 700 * 2 / 5);
    QVERIFY(m_window->minimumSizeHint().width() <= 1024);
    QVERIFY(m_window->minimumSizeHint().height() <= 700);
}

void TestConsoleFinish::packetTesterTabOrder()
{
    auto *tester = m_window->findChild<PacketTester *>();
    QVERIFY(tester);
    m_window->findChild<QAction *>(u"packetTesterDockToggle"_s)->trigger();
    QTRY_VERIFY(tester->isVisible());
    auto *source = tester->findChild<QLineEdit *>(u"sourceEdit"_s);
    QVERIFY(source);
    source->setFocus();
    QTRY_VERIFY(source->hasFocus());
    QTest::keyClick(source, Qt::Key_Tab);
    QWidget *next = QApplication::focusWidget();
    QVERIFY(next);
    QVERIFY2(qobject_cast<QSpinBox *>(next) || qobject_cast<QSpinBox *>(next->parentWidget()),
             next->metaObject()->className());
}

void TestConsoleFinish::uniqueMnemonicsInMenus()
{
    for (QAction *menuAction : m_window->menuBar()->actions()) {
        QMenu *menu = menuAction->menu();
        QStringList texts;
        for (QAction *a : menu->actions())
            if (!a->isSeparator() && a->isVisible())
                texts << a->text();
        QVERIFY2(clashes(texts).isEmpty(), qPrintable(clashes(texts).join(u"; "_s)));
    }
    QStringList bar;
    for (QAction *a : m_window->menuBar()->actions())
        bar << a->text();
    QVERIFY2(clashes(bar).isEmpty(), qPrintable(clashes(bar).join(u"; "_s)));
}

void TestConsoleFinish::uniqueMnemonicsInTheWizard()
{
    BlockPortWizard wizard(*m_service);
    wizard.show();
    QStringList buttons;
    for (auto which :
         {QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton})
        buttons << wizard.buttonText(which);
    for (int id : wizard.pageIds()) {
        QStringList texts = buttons;
        for (QAbstractButton *b : wizard.page(id)->findChildren<QAbstractButton *>())
            texts << b->text();
        for (QLabel *l : wizard.page(id)->findChildren<QLabel *>())
            if (l->buddy())
                texts << l->text();
        QVERIFY2(clashes(texts).isEmpty(), qPrintable(wizard.page(id)->objectName() + u": "_s
                                                      + clashes(texts).join(u"; "_s)));
    }
}

void TestConsoleFinish::filterListLabelHasABuddy()
{
    FilterListDialog dialog(FilterList{});
    auto *label = dialog.findChild<QLabel *>(u"filtersLabel"_s);
    QVERIFY(label);
    QVERIFY(label->buddy()); // else the label shows "IP &filters:" literally
}

void TestConsoleFinish::exportFollowsTheChosenType()
{
    QTemporaryDir out;
    auto *action = m_window->findChild<QAction *>(u"exportSnapshotAction"_s);
    const QString txt = out.filePath(u"x.txt"_s);
    FileDialog::setNextFileName(txt);
    FileDialog::setNextSelectedFilter(u"HTML report (*.html)"_s);
    action->trigger();
    QFile html(txt);
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().startsWith("<!DOCTYPE html>"));
    // No type chosen and a name that says none: refused, nothing written.
    const QString unknown = out.filePath(u"y.txt"_s);
    FileDialog::setNextFileName(unknown);
    action->trigger();
    QVERIFY(!QFile::exists(unknown));
    // A netsh script named .cmd.
    const QString cmd = out.filePath(u"z"_s);
    FileDialog::setNextFileName(cmd);
    FileDialog::setNextSelectedFilter(u"netsh script (*.cmd)"_s);
    action->trigger();
    QVERIFY(QFile::exists(cmd + u".cmd"_s));
}

void TestConsoleFinish::qtOwnStringsInGerman()
{
    installTranslations(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), u"&Ja"_s);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(t);
}

QTEST_MAIN(TestConsoleFinish)
#include "TestConsoleFinish.moc"
