// The programs' start: libraries that only some commands need (libldap and liblber with SASL
// and GnuTLS for the directory, libnftables for listings) are not loaded before main but on
// first use, and their absence is a clear error of the commands that need them.
//   minimalLoading: the dynamic loader's own account (LD_DEBUG=files) of what `ipseccmd
//   --version`, `ipsec-policyd --version` and `ipsec-console --help` load.
//   directoryModule: a directory command loads the LDAP module from the build tree (and then
//   fails as for an unreachable directory, exit 4); with the module's path wrong
//   (IPSEC_CONSOLE_LDAP_MODULE) the same command names the file, also exit 4.
//   nftablesMissing (root, in a namespace): a listing without libnftables names the library.

#include "kernel/NetnsFixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString build(const QString &relative)
{
    return QStringLiteral(IPSEC_BINARY_DIR) + u'/' + relative;
}

QProcessEnvironment cleanEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_LDAP_MODULE"_s);
    env.remove(u"IPSEC_CONSOLE_TEST_NFTABLES_SONAME"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"IPSEC_CONSOLE_STORE"_s, dir.filePath(u"policy.db"_s));
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, dir.filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    return env;
}

} // namespace

class TestStartup : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void minimalLoading_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("ipseccmd") << build(u"app/ipseccmd/ipseccmd"_s)
                                  << QStringList{u"--version"_s};
        QTest::newRow("ipsec-policyd")
            << build(u"app/policyd/ipsec-policyd"_s) << QStringList{u"--version"_s};
        QTest::newRow("ipsec-console")
            << build(u"app/console/ipsec-console"_s) << QStringList{u"--help"_s};
    }

    void minimalLoading()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QProcessEnvironment env = cleanEnvironment(dir);
        env.insert(u"LD_DEBUG"_s, u"files"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        const Run r = run(program, args, env);
        QCOMPARE(r.code, 0);
        // "     12345:\tfile=libQt6Core.so.6 [0];  needed by ./ipseccmd [0]"
        static const QRegularExpression loaded(u"file=(\\S+) \\[\\d+\\];  (needed|dynamically)"_s);
        QStringList files;
        for (auto it = loaded.globalMatch(r.err); it.hasNext();)
            files << it.next().captured(1);
        QVERIFY2(files.contains(u"libQt6Core.so.6"_s), qPrintable(r.err.left(2000)));
        static const QRegularExpression unwanted(u"libldap|liblber|libsasl2|libnftables"_s);
        QVERIFY2(
            files.filter(unwanted).isEmpty(),
            qPrintable(u"loaded before the first use: "_s + files.filter(unwanted).join(u", "_s)));
        qInfo("%s loads %lld libraries", qPrintable(program.section(u'/', -1)),
              qlonglong(files.size()));
    }

    void directoryModule()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = cleanEnvironment(dir);
        env.insert(u"IPSEC_CONSOLE_DIRECTORY"_s, u"ldap://127.0.0.1:1"_s);
        env.remove(u"IPSEC_CONSOLE_BIND_DN"_s);
        const QString ipseccmd = build(u"app/ipseccmd/ipseccmd"_s);
        const QStringList args{u"-w"_s, u"DS"_s, u"-p"_s, u"X"_s, u"-x"_s};

        // The build tree's module is loaded: the answer is libldap's.
        Run r = run(ipseccmd, args, env);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(u"cannot be reached"_s), qPrintable(r.err));

        const QString missing = dir.filePath(u"nowhere/ipsec-console-ldap.so"_s);
        env.insert(u"IPSEC_CONSOLE_LDAP_MODULE"_s, missing);
        r = run(ipseccmd, args, env);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(u"LDAP module "_s + missing + u" could not be loaded"_s),
                 qPrintable(r.err));

        // A file that is not the module (another library) is refused as clearly.
        env.insert(u"IPSEC_CONSOLE_LDAP_MODULE"_s, u"libz.so.1"_s);
        r = run(ipseccmd, args, env);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(u"LDAP module libz.so.1 could not be loaded"_s), qPrintable(r.err));
    }

    void nftablesMissing()
    {
        if (!NetnsFixture::isRoot())
            QSKIP("needs root to create a network namespace");
        NetnsFixture netns;
        const QString ns = netns.create();
        QVERIFY2(!ns.isEmpty(), qPrintable(netns.lastError()));
        QTemporaryDir dir;
        QProcessEnvironment env = cleanEnvironment(dir);
        env.insert(u"IPSEC_CONSOLE_BACKEND"_s, u"nft"_s);
        const QString ipseccmd = build(u"app/ipseccmd/ipseccmd"_s);
        const QStringList common{u"--no-agent"_s, u"--netns"_s, ns};
        // Assigning writes through libnftnl: no libnftables needed.
        env.insert(u"IPSEC_CONSOLE_TEST_NFTABLES_SONAME"_s, u"libnftables-missing.so.1"_s);
        Run r = run(ipseccmd,
                    QStringList{u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-r"_s, u"R"_s, u"-f"_s,
                                u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s}
                        + common,
                    env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(NetnsFixture::enforcedBlocks(ns) > 0);
        // Reading the table needs it: the kernel part of the listing is a clear error that
        // names it (the store's part is still shown).
        r = run(ipseccmd, QStringList{u"show"_s, u"filters"_s} + common, env);
        QVERIFY2(r.out.contains(u"Kernel: nftables: the library libnftables.so.1 could not be "
                                u"loaded (libnftables-missing.so.1"_s),
                 qPrintable(r.out + r.err));
        // With the library the same listing reads the table.
        env.remove(u"IPSEC_CONSOLE_TEST_NFTABLES_SONAME"_s);
        r = run(ipseccmd, QStringList{u"show"_s, u"filters"_s} + common, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Kernel: "_s) && !r.out.contains(u"libnftables"_s),
                 qPrintable(r.out));
        r = run(ipseccmd, QStringList{u"emergency-unassign"_s} + common, env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(NetnsFixture::enforcedBlocks(ns), 0);
    }
};

QTEST_GUILESS_MAIN(TestStartup)
#include "TestStartup.moc"
