// netsh ipsec scripts end to end: each sample script of tests/data/netsh is run by the real
// `netsh` program against namespace B ("this host"); the store must hold the policy the script
// describes and real packets from namespace A show that the kernel enforces it. A script with
// an error leaves store bytes, dynamic rules and the kernel SPD exactly as they were. The
// machine's own namespace is never touched (every command gets --netns B; checked at the end).

#include "NetnsFixture.h"
#include "TrafficProbe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return u"exit %1\nstdout:\n%2\nstderr:\n%3"_s.arg(code).arg(out, err);
    }
};

struct Expect {
    Flow flow;
    bool delivered = true;
};

QString sample(const QString &name)
{
    return qEnvironmentVariable("IPSEC_SOURCE_DIR") + u"/tests/data/netsh/"_s + name;
}

} // namespace

#define CHECK_RUN(r, expected) QVERIFY2((r).code == (expected), qPrintable((r).describe()))

#define CHECK_TRAFFIC(...)                                                                         \
    do {                                                                                           \
        const QStringList bad_ = trafficMismatches(__VA_ARGS__);                                   \
        QVERIFY2(bad_.isEmpty(), qPrintable(bad_.join(u'\n')));                                    \
    } while (false)

class TestNetshEnforcement : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void hardenBatchFile();
    void banList();
    void quarantine();
    void dynamicScript();
    void dynamicMainAndQuickModePolicies();
    void errorAtLineLeavesEverything_data();
    void errorAtLineLeavesEverything();

private:
    using Env = QList<std::pair<QString, QString>>;
    Run run(const QStringList &args, const Env &env = {});
    Run script(const QString &name) { return run({u"-f"_s, sample(name)}); }
    QJsonArray showJson(const QStringList &what);
    // The project's kernel state, both backends: XFRM entries and the nftables table.
    QStringList spdLines() { return m_ns.kernelState(m_pair.b); }
    QByteArray stateBytes() const; // store files and dynamic rules, hashed
    Flow in(const QHostAddress &from, quint16 dport, Flow::Proto proto = Flow::Proto::Udp) const;
    Flow out(const QHostAddress &to, quint16 dport, Flow::Proto proto = Flow::Proto::Udp) const;
    static QStringList trafficMismatches(const QList<Expect> &expected);

    NetnsFixture m_ns;
    VethPair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_rootBefore;
};

void TestNetshEnforcement::initTestCase()
{
    if (!NetnsFixture::isRoot())
        return;
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
}

void TestNetshEnforcement::init()
{
    if (!NetnsFixture::isRoot())
        QSKIP("netsh enforcement tests need root (network namespaces, veth pairs, XFRM).");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    QList<Flow> warmUp;
    for (const QHostAddress &a :
         {VethPair::a4(), VethPair::a4second(), VethPair::a6(), VethPair::a6second()})
        warmUp << in(a, 7) << out(a, 7) << in(a, 7, Flow::Proto::Tcp);
    QVERIFY2(TrafficProbe::waitUntilDelivered(warmUp), "the veth link carries no traffic");
    QVERIFY(spdLines().isEmpty());
}

void TestNetshEnforcement::cleanup()
{
    m_ns.removeAll();
    m_pair = {};
    m_dir.reset();
}

void TestNetshEnforcement::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

Run TestNetshEnforcement::run(const QStringList &args, const Env &extraEnv)
{
    if (m_pair.b.isEmpty())
        return {}; // never against the machine's own namespace
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.remove(u"IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    for (const auto &[key, value] : extraEnv)
        env.insert(key, value);
    QStringList full = args;
    full << u"--store"_s << m_dir->filePath(u"policy.db"_s) << u"--netns"_s << m_pair.b;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/netsh"_s, full);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonArray TestNetshEnforcement::showJson(const QStringList &what)
{
    const Run r = run(what + QStringList{u"--json"_s});
    if (r.code != 0)
        qWarning("%s", qPrintable(r.describe()));
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

QByteArray TestNetshEnforcement::stateBytes() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &name : {u"policy.db"_s, u"policy.db-wal"_s}) {
        QFile f(m_dir->filePath(name));
        if (!f.exists() || (f.size() == 0 && name != u"policy.db"_s))
            continue;
        if (f.open(QIODevice::ReadOnly))
            hash.addData(f.readAll());
    }
    // The dynamic rules live in the runtime folder.
    for (const QString &sub :
         QDir(m_dir->filePath(u"run"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir d(m_dir->filePath(u"run/"_s + sub));
        for (const QString &file : d.entryList(QDir::Files, QDir::Name)) {
            QFile f(d.filePath(file));
            if (f.open(QIODevice::ReadOnly)) {
                hash.addData(file.toUtf8());
                hash.addData(f.readAll());
            }
        }
    }
    return hash.result().toHex();
}

Flow TestNetshEnforcement::in(const QHostAddress &from, quint16 dport, Flow::Proto proto) const
{
    const bool v6 = from.protocol() == QAbstractSocket::IPv6Protocol;
    return Flow{proto, m_pair.a, from, 0, m_pair.b, v6 ? VethPair::b6() : VethPair::b4(), dport};
}

Flow TestNetshEnforcement::out(const QHostAddress &to, quint16 dport, Flow::Proto proto) const
{
    const bool v6 = to.protocol() == QAbstractSocket::IPv6Protocol;
    return Flow{proto, m_pair.b, v6 ? VethPair::b6() : VethPair::b4(), 0, m_pair.a, to, dport};
}

QStringList TestNetshEnforcement::trafficMismatches(const QList<Expect> &expected)
{
    QList<Flow> flows;
    QList<bool> want;
    for (const Expect &e : expected) {
        flows << e.flow;
        want << e.delivered;
    }
    QList<bool> got = TrafficProbe::run(flows);
    // A lost first packet is no verdict: retry those expected through, never those expected
    // dropped.
    for (int attempt = 0; attempt < 2; ++attempt) {
        for (qsizetype i = 0; i < flows.size(); ++i)
            if (want.at(i) && !got.at(i))
                got[i] = TrafficProbe::delivered(flows.at(i));
    }
    return TrafficProbe::mismatches(flows, got, want);
}

void TestNetshEnforcement::hardenBatchFile()
{
    using P = Flow::Proto;
    const QHostAddress a4 = VethPair::a4(), a6 = VethPair::a6(), admin = VethPair::a4second();
    const Run r = script(u"harden.cmd"_s);
    CHECK_RUN(r, 0);
    QVERIFY2(r.out.contains(u"Assigned policy \"Worm Hardening\"."_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Kernel: "_s), qPrintable(r.out));
    const QJsonArray lists =
        showJson({u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"name=Worm ports"_s});
    QCOMPARE(lists.size(), 1);
    QCOMPARE(lists.first()["filters"_L1].toArray().size(), 4);

    CHECK_TRAFFIC({{in(a4, 1434), false},
                   {in(a6, 1434), false},
                   {in(a4, 1435), true},
                   {in(a4, 135, P::Tcp), false},
                   {in(a4, 139, P::Tcp), false},
                   {in(a4, 445, P::Tcp), false},
                   {in(a6, 445, P::Tcp), false},
                   {in(a4, 80, P::Tcp), true},
                   {in(admin, 445, P::Tcp), true}, // the permit exception (more specific)
                   {in(admin, 139, P::Tcp), false},
                   {out(a4, 445, P::Tcp), true}, // inbound only
                   {out(a4, 1434), true}});
}

void TestNetshEnforcement::banList()
{
    const Run r = script(u"banlist.netsh"_s);
    CHECK_RUN(r, 0);
    const QJsonArray policies =
        showJson({u"ipsec"_s, u"static"_s, u"show"_s, u"policy"_s, u"name=Ban list"_s});
    QCOMPARE(policies.size(), 1);
    QCOMPARE(policies.first()["assigned"_L1].toBool(), true);
    // 10.77.0.8/29 holds A's second address; fd77::11 is banned as one host; both directions.
    CHECK_TRAFFIC({{in(VethPair::a4second(), 7), false},
                   {out(VethPair::a4second(), 7), false},
                   {in(VethPair::a6second(), 7), false},
                   {out(VethPair::a6second(), 7), false},
                   {in(VethPair::a4(), 7), true},
                   {out(VethPair::a4(), 7), true},
                   {in(VethPair::a6(), 7), true},
                   {in(VethPair::a4(), 7, Flow::Proto::Tcp), true}});
}

void TestNetshEnforcement::quarantine()
{
    using P = Flow::Proto;
    const QHostAddress a4 = VethPair::a4();
    const Run r = script(u"quarantine.cmd"_s);
    CHECK_RUN(r, 0);
    QVERIFY2(r.out.contains(u"Assigned policy \"Quarantine\"."_s), qPrintable(r.out));
    CHECK_TRAFFIC({{in(a4, 22, P::Tcp), true},  // SSH in (and its replies out)
                   {in(a4, 80, P::Tcp), false}, // nothing else in
                   {in(a4, 1434), false},
                   {out(a4, 53), true}, // DNS out
                   {out(a4, 54), false},
                   {out(a4, 80, P::Tcp), true}, // HTTP out, replies in
                   {out(a4, 443, P::Tcp), false}});
}

void TestNetshEnforcement::dynamicScript()
{
    const QHostAddress a4 = VethPair::a4(), admin = VethPair::a4second();
    Run r = script(u"dynamic.netsh"_s);
    CHECK_RUN(r, 0);
    const QJsonArray dyn = showJson({u"ipsec"_s, u"dynamic"_s, u"show"_s, u"all"_s});
    QCOMPARE(dyn.size(), 3); // one rule, and one split into its two directions
    CHECK_TRAFFIC({{in(a4, 1434), false},
                   {in(a4, 1435), true},
                   {in(admin, 7), false}, // actioninbound=block
                   {out(admin, 7), true}, // actionoutbound=permit
                   {out(a4, 1434), true}});

    // set rule changes one direction's action and keeps the other.
    r = run({u"ipsec"_s, u"dynamic"_s, u"set"_s, u"rule"_s, u"srcaddr=10.77.0.11"_s,
             u"dstaddr=me"_s, u"actionoutbound=block"_s});
    CHECK_RUN(r, 0);
    CHECK_TRAFFIC({{in(admin, 7), false}, {out(admin, 7), false}, {in(a4, 1434), false}});
    r = run({u"ipsec"_s, u"dynamic"_s, u"set"_s, u"rule"_s, u"srcaddr=10.77.0.11"_s,
             u"dstaddr=me"_s, u"actioninbound=permit"_s, u"actionoutbound=permit"_s});
    CHECK_RUN(r, 0);
    CHECK_TRAFFIC({{in(admin, 7), true}, {out(admin, 7), true}, {in(a4, 1434), false}});
    r = run({u"ipsec"_s, u"dynamic"_s, u"set"_s, u"rule"_s, u"srcaddr=10.77.0.11"_s,
             u"dstaddr=me"_s, u"actioninbound=block"_s});
    CHECK_RUN(r, 0);

    // One-liners delete them again, as netsh does.
    r = run({u"ipsec"_s, u"dynamic"_s, u"delete"_s, u"rule"_s, u"srcaddr=any"_s, u"dstaddr=me"_s,
             u"protocol=UDP"_s, u"dstport=1434"_s, u"mirrored=no"_s});
    CHECK_RUN(r, 0);
    CHECK_TRAFFIC({{in(a4, 1434), true}, {in(admin, 7), false}});
    r = run({u"ipsec"_s, u"dynamic"_s, u"delete"_s, u"all"_s});
    CHECK_RUN(r, 0);
    CHECK_TRAFFIC({{in(admin, 7), true}, {in(a4, 1434), true}});
    QCOMPARE(spdLines(), QStringList{});
    r = run({u"ipsec"_s, u"dynamic"_s, u"delete"_s, u"rule"_s, u"any"_s, u"me"_s});
    CHECK_RUN(r, 3);
    QVERIFY2(r.err.contains(u"No dynamic rule matches any -> me"_s), qPrintable(r.err));
}

void TestNetshEnforcement::dynamicMainAndQuickModePolicies()
{
    // Issue 14: dynamic main mode and quick mode policies are stored in the dynamic store,
    // listed as netsh lists them, named by dynamic rules; bad input changes nothing.
    const QStringList d{u"ipsec"_s, u"dynamic"_s};
    Run r = run(d
                + QStringList{u"add"_s, u"mmpolicy"_s, u"name=Strong MM"_s,
                              u"mmsecmethods=3DES-SHA1-3 3DES-SHA1-2"_s, u"mmlifetime=90"_s,
                              u"softsaexpirationtime=300"_s, u"qmpermm=4"_s});
    CHECK_RUN(r, 0);
    QVERIFY2(r.out.contains(u"Added dynamic main mode policy \"Strong MM\""_s), qPrintable(r.out));
    r = run(d
            + QStringList{u"add"_s, u"qmpolicy"_s, u"name=QM"_s, u"soft=yes"_s, u"pfsgroup=GRP2"_s,
                          u"qmsecmethods=ESP[3DES,SHA1]:50000k/1800s"_s, u"default=yes"_s});
    CHECK_RUN(r, 0);
    r = run(d + QStringList{u"show"_s, u"mmpolicy"_s, u"name=strong mm"_s});
    CHECK_RUN(r, 0);
    for (const QString &want :
         {u"Main Mode Policy Name   : Strong MM"_s, u"Soft SA Expiration Time : 300"_s,
          u"QM Limit per MM         : 4"_s, u"MM Lifetime             : 90 min"_s,
          u"3DES        SHA1       3"_s, u"3DES        SHA1       2"_s})
        QVERIFY2(r.out.contains(want), qPrintable(want + u"\n"_s + r.out));
    r = run(d + QStringList{u"show"_s, u"qmpolicy"_s, u"all"_s});
    CHECK_RUN(r, 0);
    for (const QString &want :
         {u"Quick Mode Policy Name  : QM"_s, u"Default Policy          : YES"_s,
          u"PFS Group               : GRP2"_s, u"50000/1800"_s})
        QVERIFY2(r.out.contains(want), qPrintable(want + u"\n"_s + r.out));
    const QJsonArray mm = showJson(d + QStringList{u"show"_s, u"mmpolicy"_s});
    QCOMPARE(mm.size(), 1);
    QCOMPARE(mm[0].toObject().value(u"methods"_s).toString(), u"3DES-SHA1-3 3DES-SHA1-2"_s);

    // Errors as Windows gives them: duplicates, unknown names, in use; nothing is stored.
    const QByteArray before = stateBytes();
    r = run(d + QStringList{u"add"_s, u"mmpolicy"_s, u"name=STRONG MM"_s});
    CHECK_RUN(r, 5);
    QVERIFY2(r.err.contains(u"already exists"_s), qPrintable(r.err));
    r = run(d + QStringList{u"set"_s, u"qmpolicy"_s, u"name=nosuch"_s, u"soft=no"_s});
    CHECK_RUN(r, 3);
    QVERIFY2(r.err.contains(u"There is no dynamic quick mode policy named \"nosuch\""_s),
             qPrintable(r.err));
    r = run(d
            + QStringList{u"add"_s, u"rule"_s, u"srcaddr=me"_s, u"dstaddr=any"_s,
                          u"mmpolicy=nosuch"_s, u"actioninbound=negotiate"_s, u"psk=k"_s});
    CHECK_RUN(r, 3);
    QVERIFY2(r.err.contains(u"mmpolicy=nosuch"_s), qPrintable(r.err));
    r = run(d + QStringList{u"add"_s, u"qmpolicy"_s, u"name=Bad"_s, u"pfsgroup=GRP7"_s});
    CHECK_RUN(r, 2);
    r = run(d + QStringList{u"delete"_s, u"mmpolicy"_s, u"name=other"_s});
    CHECK_RUN(r, 3);
    QCOMPARE(stateBytes(), before);

    // A rule names them: its quick mode policy's fallback reaches the kernel (soft = optional
    // templates), and the policies in use cannot be deleted.
    r = run(d
            + QStringList{u"add"_s, u"rule"_s, u"srcaddr=me"_s, u"dstaddr=any"_s, u"protocol=UDP"_s,
                          u"dstport=5001"_s, u"mmpolicy=Strong MM"_s, u"qmpolicy=QM"_s,
                          u"actioninbound=negotiate"_s, u"actionoutbound=negotiate"_s,
                          u"psk=secret key"_s});
    CHECK_RUN(r, 0);
    const QString policies = m_ns.ipOutput({u"-netns"_s, m_pair.b, u"xfrm"_s, u"policy"_s});
    QVERIFY2(policies.contains(u"level use"_s), qPrintable(policies));
    r = run(d + QStringList{u"delete"_s, u"mmpolicy"_s, u"name=Strong MM"_s});
    CHECK_RUN(r, 5);
    QVERIFY2(r.err.contains(u"is used by 1 dynamic rule"_s), qPrintable(r.err));
    r = run(d + QStringList{u"show"_s, u"rule"_s});
    QVERIFY2(r.out.contains(u"Strong MM"_s) && r.out.contains(u"PRESHARE:\"***\""_s)
                 && !r.out.contains(u"secret key"_s),
             qPrintable(r.out));
    // set qmpolicy soft=no: the rule follows, Require Security in the kernel.
    r = run(d + QStringList{u"set"_s, u"qmpolicy"_s, u"name=QM"_s, u"soft=no"_s});
    CHECK_RUN(r, 0);
    const QString required = m_ns.ipOutput({u"-netns"_s, m_pair.b, u"xfrm"_s, u"policy"_s});
    QVERIFY2(required.contains(u"tmpl"_s) && !required.contains(u"level use"_s),
             qPrintable(required));
    // The preshared key is kept for root only, beside the readable dynamic rules.
    const QDir runtime(m_dir->filePath(u"run"_s));
    const QString folder = runtime.entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0);
    QFile keys(runtime.filePath(folder + u"/dynamic-keys.json"_s));
    QVERIFY(keys.exists());
    QCOMPARE(int(keys.permissions() & (QFile::ReadOther | QFile::ReadGroup)), 0);
    QFile rules(runtime.filePath(folder + u"/dynamic.json"_s));
    QVERIFY(rules.open(QIODevice::ReadOnly));
    QVERIFY(!rules.readAll().contains("secret key"));

    // set config: meaningful keys are stored and shown; others are accepted with a note.
    r = run(d + QStringList{u"set"_s, u"config"_s, u"property=strongcrlcheck"_s, u"value=2"_s});
    CHECK_RUN(r, 0);
    r = run(d + QStringList{u"set"_s, u"config"_s, u"property=bootmode"_s, u"value=block"_s});
    CHECK_RUN(r, 0);
    QVERIFY2(r.out.contains(u"accepted, not changed"_s), qPrintable(r.out));
    r = run(d + QStringList{u"set"_s, u"config"_s, u"property=strongcrlcheck"_s, u"value=3"_s});
    CHECK_RUN(r, 2);
    r = run(d + QStringList{u"show"_s, u"config"_s});
    QVERIFY2(r.out.contains(u"strongcrlcheck          : 2"_s), qPrintable(r.out));

    // delete all: the rules and the policies go; the settings stay.
    r = run(d + QStringList{u"delete"_s, u"all"_s});
    CHECK_RUN(r, 0);
    QVERIFY2(r.out.contains(u"Deleted 1 dynamic main mode and 1 quick mode policies."_s),
             qPrintable(r.out));
    r = run(d + QStringList{u"show"_s, u"mmpolicy"_s});
    QVERIFY2(r.out.contains(u"No dynamic main mode policies."_s), qPrintable(r.out));
    r = run(d + QStringList{u"show"_s, u"config"_s});
    QVERIFY2(r.out.contains(u"strongcrlcheck          : 2"_s), qPrintable(r.out));
    QVERIFY(!keys.exists());
    QCOMPARE(spdLines(), QStringList{});
}

void TestNetshEnforcement::errorAtLineLeavesEverything_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("injectKernelFailure");
    QFile bad(sample(u"bad-line7.cmd"_s));
    QVERIFY(bad.open(QIODevice::ReadOnly));
    QTest::newRow("parse error") << bad.readAll() << 2 << u"bad.cmd line 7: dstport="_s << false;
    QTest::newRow("static and dynamic, then a missing object at line 5")
        << QByteArray("@echo off\r\n"
                      "netsh ipsec dynamic add rule srcaddr=any dstaddr=me protocol=UDP "
                      "dstport=1435 mirrored=no actioninbound=block actionoutbound=block\r\n"
                      "netsh ipsec static delete rule name=\"Block worm ports\" "
                      "policy=\"Worm Hardening\"\r\n"
                      "netsh ipsec static add filterlist name=Extra\r\n"
                      "netsh ipsec static add rule name=x policy=\"Worm Hardening\" "
                      "filterlist=Extra filteraction=Missing\r\n")
        << 3 << u"bad.cmd line 5: There is no filter action named \"Missing\""_s << false;
    QTest::newRow("kernel refuses")
        << QByteArray("netsh ipsec dynamic add rule any me protocol=UDP dstport=1435 "
                      "mirrored=no actioninbound=block actionoutbound=block\n"
                      "netsh ipsec static delete rule name=\"Block worm ports\" "
                      "policy=\"Worm Hardening\"\n")
        << 6 << u"injected failure"_s << true;
}

void TestNetshEnforcement::errorAtLineLeavesEverything()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(bool, injectKernelFailure);
    CHECK_RUN(script(u"harden.cmd"_s), 0);
    CHECK_RUN(run({u"ipsec"_s, u"dynamic"_s, u"add"_s, u"rule"_s, u"srcaddr=any"_s, u"dstaddr=me"_s,
                   u"protocol=UDP"_s, u"dstport=1436"_s, u"mirrored=no"_s, u"actioninbound=block"_s,
                   u"actionoutbound=block"_s}),
              0);
    const QStringList kernelBefore = spdLines();
    const QByteArray stateBefore = stateBytes();
    QVERIFY(kernelBefore.size() > 4);

    QFile f(m_dir->filePath(u"bad.cmd"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    Env env;
    if (injectKernelFailure)
        env << std::pair{u"IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER"_s, u"1"_s};
    const Run r = run({u"--atomic"_s, u"-f"_s, f.fileName()}, env);
    CHECK_RUN(r, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(spdLines(), kernelBefore);
    QCOMPARE(stateBytes(), stateBefore);
    using P = Flow::Proto;
    CHECK_TRAFFIC({{in(VethPair::a4(), 1434), false},
                   {in(VethPair::a4(), 445, P::Tcp), false},
                   {in(VethPair::a4(), 1435), true},
                   {in(VethPair::a4(), 1436), false}});
}

QTEST_GUILESS_MAIN(TestNetshEnforcement)
#include "TestNetshEnforcement.moc"
