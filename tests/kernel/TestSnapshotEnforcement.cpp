// A snapshot restores what was enforced: the article's blocking policy is exported, deleted,
// and brought back by `ipseccmd snapshot import --replace`; real UDP datagrams between two
// namespaces show the kernel blocks again. A refused import leaves the kernel as it was. Every
// command gets --netns B; the machine's own namespace is checked unchanged at the end.

#include "NetnsFixture.h"
#include "TrafficProbe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestSnapshotEnforcement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void importReplaceRestoresTheBlock();

private:
    Run run(const QStringList &args);
    Flow inbound(quint16 port) const
    {
        return Flow::udp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), port);
    }
    bool blocked(quint16 port) const { return !TrafficProbe::delivered(inbound(port), 500); }
    bool open(quint16 port) const { return TrafficProbe::waitUntilDelivered({inbound(port)}, 5); }

    NetnsFixture m_ns;
    VethPair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_rootBefore;
};

void TestSnapshotEnforcement::initTestCase()
{
    if (!NetnsFixture::isRoot())
        return;
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
}

void TestSnapshotEnforcement::init()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Enforcement tests need root (network namespaces, veth pairs, XFRM).");
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    QVERIFY(TrafficProbe::waitUntilDelivered({inbound(1434), inbound(1435)}));
}

void TestSnapshotEnforcement::cleanup()
{
    m_ns.removeAll();
    m_pair = {};
    m_dir.reset();
}

void TestSnapshotEnforcement::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot())
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

Run TestSnapshotEnforcement::run(const QStringList &args)
{
    if (m_pair.b.isEmpty())
        return {};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s,
            QStringList(args) << u"--store"_s << m_dir->filePath(u"policy.db"_s) << u"--netns"_s
                              << m_pair.b);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void TestSnapshotEnforcement::importReplaceRestoresTheBlock()
{
    const QString policy = u"Block UDP 1434 Filter"_s;
    Run r = run({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-r"_s, u"Block Inbound UDP 1434 Rule"_s,
                 u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(blocked(1434));
    QVERIFY(open(1435));
    const QStringList enforced = m_ns.kernelState(m_pair.b);
    QVERIFY(!enforced.isEmpty());

    const QString snap = m_dir->filePath(u"snap.json"_s);
    r = run({u"snapshot"_s, u"export"_s, snap});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile file(snap);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    // As root the snapshot records the kernel's entries: XFRM entries as `ip xfrm` lines, the
    // nftables table's elements as `nft add element` lines (issue 11).
    const QJsonArray entries = doc[u"kernel"_s][u"entries"_s].toArray();
    QStringList lines;
    for (const QJsonValue &e : entries)
        lines << e.toString();
    QVERIFY2(!lines.filter(u"1434"_s).isEmpty(), qPrintable(lines.join(u'\n')));
    QCOMPARE(lines.filter(u"ip xfrm policy"_s).size(), m_ns.policies(m_pair.b).size());

    // Undo the article's steps: nothing is blocked any more.
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-y"_s}).code, 0);
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-o"_s}).code, 0);
    QVERIFY(m_ns.kernelState(m_pair.b).isEmpty());
    QVERIFY(open(1434));

    // A refused import changes neither the store nor the kernel.
    QFile bad(m_dir->filePath(u"bad.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"ipsec-console-snapshot\"}");
    bad.close();
    r = run({u"snapshot"_s, u"import"_s, bad.fileName(), u"--replace"_s});
    QCOMPARE(r.code, 2);
    QVERIFY(m_ns.kernelState(m_pair.b).isEmpty());

    // The import brings the assigned policy back and enforces it before it is kept.
    r = run({u"snapshot"_s, u"import"_s, snap, u"--replace"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"Kernel: "_s), qPrintable(r.out));
    QCOMPARE(m_ns.kernelState(m_pair.b), enforced);
    QVERIFY(blocked(1434));
    QVERIFY(open(1435));

    // The live state, kernel entries included, is the snapshot again.
    r = run({u"snapshot"_s, u"diff"_s, snap});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
}

QTEST_GUILESS_MAIN(TestSnapshotEnforcement)
#include "TestSnapshotEnforcement.moc"
