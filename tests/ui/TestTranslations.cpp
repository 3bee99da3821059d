// The German translation is complete, compiled into the programs, and loaded by locale; the
// English plural forms are loaded for every locale.

#include "MainWindow.h"
#include "service/PolicyService.h"
#include "util/Translations.h"

#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace ipsec;

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void compiledIn();
    void germanMainWindow();
    void englishPlurals();
    void germanIsComplete();
};

void TestTranslations::germanIsComplete()
{
    // Every user-visible string has its German text: lupdate marks missing ones "unfinished".
    for (const QString &name : {u"ipsec-console_de.ts"_s, u"ipsec-console_en.ts"_s}) {
        QFile ts(qEnvironmentVariable("IPSEC_SOURCE_DIR") + u"/translations/"_s + name);
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        QCOMPARE(text.count("type=\"unfinished\""), 0);
        QVERIFY(text.count("<message") > 0);
    }
}

void TestTranslations::compiledIn()
{
    QVERIFY(QFile::exists(u":/i18n/ipsec-console_de.qm"_s));
    QVERIFY(QFile::exists(u":/i18n/ipsec-console_en.qm"_s));
    QTranslator de;
    QVERIFY(de.load(u":/i18n/ipsec-console_de.qm"_s));
    QCOMPARE(de.language(), u"de_DE"_s);
}

void TestTranslations::germanMainWindow()
{
    installTranslations(QLocale(QLocale::German, QLocale::Germany));
    QTemporaryDir dir;
    PolicyService::Options o;
    o.storePath = dir.filePath(u"policy.db"_s);
    o.enforcement = PolicyService::Enforcement::Off;
    auto service = PolicyService::open(o);
    QVERIFY(service);
    ui::MainWindow window(*service.value());
    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text();
    QVERIFY2(menus.contains(u"&Bearbeiten"_s), qPrintable(menus.join(u", "_s)));
    auto *emergency = window.findChild<QAction *>(u"emergencyUnassignAction"_s);
    QVERIFY(emergency);
    QCOMPARE(emergency->text(), u"Notfall-Aufhebung"_s);
}

void TestTranslations::englishPlurals()
{
    QTranslator en;
    QVERIFY(en.load(u":/i18n/ipsec-console_en.qm"_s));
    QCoreApplication::installTranslator(&en);
    QCOMPARE(
        QCoreApplication::translate("ipsec::StaticCommand", "%n filter(s), action %1", nullptr, 1),
        u"1 filter, action %1"_s);
    QCOMPARE(
        QCoreApplication::translate("ipsec::StaticCommand", "%n filter(s), action %1", nullptr, 3),
        u"3 filters, action %1"_s);
    QCoreApplication::removeTranslator(&en);
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
