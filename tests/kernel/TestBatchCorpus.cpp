// The corpus of real public Windows scripts (tests/data/scripts, origins in its README), each
// run as Windows runs it: `ipseccmd batch FILE` (cmd.exe's way: line by line, on after a failing
// line), as root, enforcing in a throw-away namespace B joined to A by a veth pair. Each script's
// exit status and failing lines are what Windows gives on a first run, and real traffic checks
// its intended effect. The machine's own SPD never changes.

#include "NetnsFixture.h"
#include "TrafficProbe.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Expect {
    enum Dir { In, Out };
    Dir dir = In;
    Flow::Proto proto = Flow::Proto::Tcp;
    quint16 port = 0;
    bool delivered = true;
};

} // namespace

class TestBatchCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void corpus_data();
    void corpus();

private:
    NetnsFixture m_ns;
    VethPair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_rootBefore;
};

void TestBatchCorpus::initTestCase()
{
    if (!NetnsFixture::isRoot())
        return;
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
}

void TestBatchCorpus::init()
{
    if (!NetnsFixture::isRoot())
        QSKIP("the corpus runs enforce in network namespaces: root only.");
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    const Flow warm = Flow::tcp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), 7);
    QVERIFY2(TrafficProbe::waitUntilDelivered({warm}), "the veth link carries no traffic");
}

void TestBatchCorpus::cleanup()
{
    m_ns.removeAll();
    m_pair = {};
    m_dir.reset();
}

void TestBatchCorpus::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot())
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

void TestBatchCorpus::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    // The summary's "failed at line(s) ..."; empty: none failed; "!A, B": lines A and B did not
    // fail (for a script that is mostly other tools).
    QTest::addColumn<QString>("failedLines");
    QTest::addColumn<QList<Expect>>("traffic");
    using E = Expect;
    const auto tcp = Flow::Proto::Tcp;
    const auto udp = Flow::Proto::Udp;
    // Worm ports closed (GBK names; line 6 lacks its line break in the original: fails there on
    // Windows too; the filters' add creates the list anyway).
    QTest::newRow("ace-close-dangerous-ports")
        << u"ace-close-dangerous-ports.bat"_s << 1 << u"6"_s
        << QList<E>{{E::In, tcp, 445, false}, {E::In, tcp, 135, false}, {E::In, tcp, 8080, true}};
    // Terminal access list (GBK, "name = value" spacing): only 203.86.32.248 is blocked.
    QTest::newRow("kjyw-ipsec") << u"kjyw-ipsec.bat"_s << 0 << QString()
                                << QList<E>{{E::In, tcp, 3389, true}};
    QTest::newRow("kjyw-ipsec1") << u"kjyw-ipsec1.bat"_s << 1 << u"17"_s << QList<E>{};
    // safedog: the built-in Permit clashes (line 5); never assigned.
    QTest::newRow("kjyw-ipsec2") << u"kjyw-ipsec2.bat"_s << 1 << u"5"_s
                                 << QList<E>{{E::In, tcp, 8080, true}};
    QTest::newRow("kjyw-ipsec3") << u"kjyw-ipsec3.bat"_s << 1 << u"19"_s << QList<E>{};
    QTest::newRow("kjyw-ipsec4") << u"kjyw-ipsec4.bat"_s << 1 << u"11"_s << QList<E>{};
    QTest::newRow("kjyw-ipsec5") << u"kjyw-ipsec5.bat"_s << 1 << u"3"_s << QList<E>{};
    // Outbound TCP ports and all outbound UDP from me blocked.
    QTest::newRow("kjyw-windows2003_drop_port")
        << u"kjyw-windows2003_drop_port.bat"_s << 0 << QString()
        << QList<E>{{E::Out, tcp, 21, false},
                    {E::Out, tcp, 3389, false},
                    {E::Out, udp, 9999, false},
                    {E::Out, tcp, 8081, true}};
    QTest::newRow("kjyw-windows2003_drop_port1")
        << u"kjyw-windows2003_drop_port1.bat"_s << 0 << QString()
        << QList<E>{{E::Out, tcp, 21, false}, {E::Out, tcp, 8081, true}};
    // ipsecpol \\127.0.0.1: the local computer; block everything but HTTP(S) until reboot.
    QTest::newRow("sec505-dynamic-ipsecpol")
        << u"sec505-IPSecPol_Dynamic_Block_All_But_HTTP_Win2000.bat"_s << 0 << QString()
        << QList<E>{{E::In, tcp, 80, true}, {E::In, tcp, 8080, false}};
    // The same as a static policy; "-y -o" of a first run finds no MyPol (line 5, as on Windows).
    QTest::newRow("sec505-static-ipsecpol")
        << u"sec505-IPSecPol_Static_Block_All_But_HTTP_Win2000.bat"_s << 1 << u"5"_s
        << QList<E>{{E::In, tcp, 80, true}, {E::In, tcp, 443, true}, {E::In, tcp, 8080, false}};
    // netsh advfirewall consec: not netsh ipsec, refused with the line named.
    QTest::newRow("sec505-advfirewall-consec")
        << u"sec505-NetShell-Add-IPSec-Rule.bat"_s << 1 << u"8"_s << QList<E>{};
    QTest::newRow("sec505-dynamic-demo")
        << u"sec505-NetShell_Demo_Dynamic_IPSec.cmd"_s << 0 << QString() << QList<E>{};
    // A forensics snapshot of everything: its netsh ipsec show lines (139, 140) run, the other
    // tools (reg, auditpol, ...) are refused line by line and the run goes on to the end.
    QTest::newRow("sec505-snapshot") << u"sec505-Old-Snapshot.bat"_s << 1 << u"!139, 140"_s
                                     << QList<E>{{E::In, tcp, 8080, true}};
    // Built but not assigned (assign=no): nothing enforced.
    QTest::newRow("sec505-static-netsh") << u"sec505-NetShell_Make_Static_IPSec_Policy.cmd"_s << 0
                                         << QString() << QList<E>{{E::In, tcp, 8080, true}};
}

void TestBatchCorpus::corpus()
{
    QFETCH(QString, file);
    QFETCH(int, code);
    QFETCH(QString, failedLines);
    QFETCH(QList<Expect>, traffic);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s,
            {u"--no-agent"_s, u"--store"_s, m_dir->filePath(u"policy.db"_s), u"--netns"_s, m_pair.b,
             u"batch"_s,
             qEnvironmentVariable("IPSEC_SOURCE_DIR") + u"/tests/data/scripts/"_s + file});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QString describe = u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(p.exitCode()).arg(out, err);
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == code, qPrintable(describe));
    if (failedLines.isEmpty()) {
        QVERIFY2(out.contains(u"none failed"_s), qPrintable(describe));
    } else if (failedLines.startsWith(u'!')) {
        const QRegularExpression summary(u"failed at line\\(s\\) ([0-9, ]+)\\."_s);
        const auto m = summary.match(err);
        QVERIFY2(m.hasMatch(), qPrintable(describe));
        const QStringList failed = m.captured(1).split(u", "_s);
        for (const QString &n : failedLines.mid(1).split(u", "_s))
            QVERIFY2(!failed.contains(n), qPrintable(u"line "_s + n + u" failed\n"_s + describe));
    } else
        QVERIFY2(err.contains(u"failed at line(s) "_s + failedLines + u'.'), qPrintable(describe));
    QStringList wrong;
    for (const Expect &e : std::as_const(traffic)) {
        const Flow f =
            e.dir == Expect::In
                ? Flow{e.proto, m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), e.port}
                : Flow{e.proto, m_pair.b, VethPair::b4(), 0, m_pair.a, VethPair::a4(), e.port};
        if (TrafficProbe::delivered(f, 400) != e.delivered)
            wrong << u"%1: %2"_s.arg(f.toString(), e.delivered ? u"blocked, expected through"_s
                                                               : u"through, expected blocked"_s);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n') + u'\n' + describe));
}

QTEST_GUILESS_MAIN(TestBatchCorpus)
#include "TestBatchCorpus.moc"
