// Transcript tests: run the real ipseccmd/netdiag binaries (through their aliases, as an
// administrator would) against a temporary store and compare what they print.

#include "kernel/NetnsFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

// Scrubs what differs between runs: GUIDs, times, the temporary folder.
QString scrub(QString text, const QString &dir)
{
    static const QRegularExpression guid(u"\\{[0-9a-f]{8}-[0-9a-f-]{27}\\}"_s);
    static const QRegularExpression time(u"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"_s);
    text.replace(guid, u"{GUID}"_s);
    text.replace(time, u"TIME"_s);
    text.replace(dir, u"DIR"_s);
    // Whether the kernel is changed depends on running as root; the kernel tests check that.
    static const QRegularExpression kernelLines(
        u"^(Kernel: ([0-9]+ added|nftables table|removed the nftables).*|note: Stored only, not "
        u"enforced.*)\n|"
        u"\n^ *Kernel: (all filters are enforced|not checked|not shown|[0-9]+ entries of this "
        u"tool).*\n|^ *(Block and permit: nftables table|Packets decided by the nftables|  +[0-9]+ "
        u" "
        u").*\n"_s,
        QRegularExpression::MultilineOption);
    text.remove(kernelLines);
    return text;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void help();
    void namesForCompletion();
    void articleStaticSequence();
    void assigningAnotherPolicyUnassignsTheFirst();
    void ruleReplacedAndListsShared();
    void mainModeMethodsStored();
    void keyExchangeStored();
    void errors_data();
    void errors();
    void deleteAssignedPolicyUnassignsFirst();
    void corruptStoreUntouched();
    void storeFromEnvironment();
    void jsonOutput();
    void netdiagInNamespace();

private:
    Run run(const QString &program, const QStringList &args, const QString &netns = {});
    QString store() const { return m_dir->filePath(u"policy.db"_s); }
    static bool ip(const QStringList &args);
    std::unique_ptr<QTemporaryDir> m_dir;
    // As root the programs enforce in the kernel: they always work in this namespace, never in
    // the test's own.
    QString m_ns;
};

bool TestCli::ip(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void TestCli::initTestCase()
{
    if (geteuid() != 0)
        return;                  // store only: the programs cannot change the kernel without root
    NetnsFixture::removeStale(); // e.g. an ipsec-cli-<pid> of a run that crashed
    m_ns = u"ipsec-cli-%1"_s.arg(QCoreApplication::applicationPid());
    QVERIFY(ip({u"netns"_s, u"add"_s, m_ns}));
    // A veth pair inside the namespace gives it one address (no dummy module is needed).
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"add"_s, u"eth0"_s, u"type"_s, u"veth"_s, u"peer"_s,
                u"name"_s, u"eth1"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"addr"_s, u"add"_s, u"192.168.1.1/24"_s, u"dev"_s, u"eth0"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"set"_s, u"eth1"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}));
}

void TestCli::cleanupTestCase()
{
    if (!m_ns.isEmpty())
        ip({u"netns"_s, u"del"_s, m_ns});
}

Run TestCli::run(const QString &program, const QStringList &args, const QString &netnsArg)
{
    const QString netns = netnsArg.isEmpty() ? m_ns : netnsArg;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    p.setProcessEnvironment(env);
    QStringList full = args;
    full << u"--store"_s << store();
    if (!netns.isEmpty() && !args.contains(u"--netns"_s))
        full << u"--netns"_s << netns;
    p.start(QStringLiteral(IPSECCMD_DIR) + u'/' + program, full);
    if (!p.waitForFinished(30000)) {
        p.kill();
        return {};
    }
    return {p.exitCode(), scrub(QString::fromUtf8(p.readAllStandardOutput()), m_dir->path()),
            scrub(QString::fromUtf8(p.readAllStandardError()), m_dir->path())};
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCli::help()
{
    const Run r = run(u"ipseccmd"_s, {u"--help"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(u"-w REG -p POLICY"_s));
    QVERIFY(r.out.contains(u"Exit status"_s));
    const Run q = run(u"ipsecpol"_s, {u"-?"_s});
    QCOMPARE(q.code, 0);
    QVERIFY(q.out.startsWith(u"Usage: ipsecpol"_s));
    const Run n = run(u"netdiag"_s, {u"/?"_s});
    QCOMPARE(n.code, 0);
    QVERIFY(n.out.contains(u"/test:ipsec"_s));
    const Run v = run(u"IPSeccmd.exe"_s, {u"--version"_s});
    QCOMPARE(v.code, 0);
    QVERIFY(v.out.startsWith(u"ipseccmd (IPsec Policy Console)"_s));
}

void TestCli::namesForCompletion()
{
    // What the bash completion offers: the store's names, one a line.
    Run r = run(u"ipseccmd"_s, {u"names"_s, u"policies"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.split(u'\n').contains(u"Client (Respond Only)"_s), qPrintable(r.out));
    QVERIFY(!r.out.contains(u"Permit"_s));
    r = run(u"ipseccmd"_s, {u"names"_s, u"filterlists"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.split(u'\n').contains(u"All ICMP Traffic"_s), qPrintable(r.out));
    r = run(u"ipseccmd"_s, {u"names"_s, u"filteractions"_s});
    QVERIFY2(r.out.split(u'\n').contains(u"Require Security"_s), qPrintable(r.out));
    r = run(u"ipseccmd"_s, {u"names"_s, u"rules"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(run(u"ipseccmd"_s, {u"names"_s, u"sheep"_s}).code, 2);
    QCOMPARE(run(u"ipseccmd"_s, {u"names"_s}).code, 2);
}

void TestCli::articleStaticSequence()
{
    const QString none = u"\n    IP Security test . . . . . . . . . : Passed\n"
                         u"        IPSec policy service is active, but no policy is assigned.\n"_s;
    Run r = run(u"netdiag"_s, {u"/test:ipsec"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, none);

    r = run(u"IPSeccmd.exe"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                                u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s,
                                u"-n"_s, u"BLOCK"_s, u"-x"_s});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Created policy \"Block UDP 1434 Filter\".\n"
                    u"Created filter action \"Block\".\n"
                    u"Added rule \"Block Inbound UDP 1434 Rule\" to policy \"Block UDP 1434 "
                    u"Filter\": 1 filter, action \"Block\".\n"
                    u"Assigned policy \"Block UDP 1434 Filter\".\n"_s);

    r = run(u"netdiag"_s, {u"/test:ipsec"_s});
    QCOMPARE(r.out, u"\n    IP Security test . . . . . . . . . : Passed\n"
                    u"        Local IPSec Policy Active: 'Block UDP 1434 Filter'\n"_s);

    // The outbound rule, with the ipsecpol name and the en dash the article prints elsewhere.
    r = run(u"ipsecpol"_s,
            {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
             u"Block Outbound UDP 1434 Rule"_s, u"-f"_s, u"0=*:1434:UDP"_s, u"-n"_s, u"BLOCK"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Added rule \"Block Outbound UDP 1434 Rule\" to policy \"Block UDP 1434 "
                    u"Filter\": 1 filter, action \"Block\".\n"_s);

    r = run(u"IPSeccmd.exe"_s,
            {u"-p"_s, u"Block UDP 1434 Filter"_s, u"-w"_s, u"REG"_s, u"-r"_s,
             u"Block Inbound TCP 80 Rule"_s, u"-f"_s, u"*=0:80:TCP"_s, u"-n"_s, u"BLOCK"_s});
    QCOMPARE(r.code, 0);

    r = run(u"ipseccmd"_s, {u"show"_s, u"filters"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(
        r.out,
        u"Filters\n=======\n\nAssigned policy: Block UDP 1434 Filter\n\n"
        u"Rule                          Source  Src Port  Destination  Dst Port  Protocol  "
        u"Mirrored  Action\n"
        u"----------------------------  ------  --------  -----------  --------  --------  "
        u"--------  ------\n"
        u"Block Inbound UDP 1434 Rule   any     any       me           1434      UDP       No      "
        u"  Block\n"
        u"Block Outbound UDP 1434 Rule  me      any       any          1434      UDP       No      "
        u"  Block\n"
        u"Block Inbound TCP 80 Rule     any     any       me           80        TCP       No        Block\n"_s);

    r = run(u"ipseccmd"_s, {u"show"_s, u"policies"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QRegularExpression(u"\nBlock UDP 1434 Filter +Yes +TIME +3\n"_s)),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(u"\nClient \\(Respond Only\\) .* No +TIME +0\n"_s)));

    const Run debug = run(u"netdiag"_s, {u"/test:ipsec"_s, u"/debug"_s});
    QCOMPARE(debug.code, 0);
    QVERIFY(debug.out.contains(u"Local IPSec Policy Active: 'Block UDP 1434 Filter'"_s));
    QVERIFY(debug.out.contains(u"IP Security Policy Path: DIR/policy.db:ipsecPolicy{GUID}"_s));
    QVERIFY(debug.out.contains(u"Flags : Inbound Block"_s));
    QVERIFY(debug.out.contains(u"Flags : Outbound Block"_s));

    // Unassign (with the article's en dash), then delete both rules and so the policy.
    r = run(u"IPSeccmd.exe"_s,
            {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"\u2013y"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Unassigned policy \"Block UDP 1434 Filter\".\n"_s);
    r = run(u"netdiag"_s, {u"/test:ipsec"_s});
    QCOMPARE(r.out, none);

    r = run(u"IPSeccmd.exe"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                                u"Block Inbound UDP 1434 Rule"_s, u"-r"_s,
                                u"Block Outbound UDP 1434 Rule"_s, u"-o"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Deleted rule \"Block Inbound UDP 1434 Rule\".\n"
                    u"Deleted rule \"Block Outbound UDP 1434 Rule\".\n"_s);
    // The TCP 80 rule keeps the policy alive; deleting it too removes the policy.
    r = run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-o"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Deleted policy \"Block UDP 1434 Filter\".\n"_s);
    r = run(u"ipseccmd"_s, {u"show"_s, u"all"_s, u"--json"_s});
    const QJsonObject all = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(all.value(u"policies"_s).toArray().size(), 3); // the Windows examples remain
}

void TestCli::assigningAnotherPolicyUnassignsTheFirst()
{
    QCOMPARE(run(u"ipsecpol"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                                 u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s,
                                 u"-n"_s, u"BLOCK"_s, u"-x"_s})
                 .code,
             0);
    const Run r = run(u"ipsecpol"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Block TCP 80 Filter"_s, u"-r"_s,
                                      u"Block Inbound TCP 80 Rule"_s, u"-f"_s, u"*=0:80:TCP"_s,
                                      u"-n"_s, u"BLOCK"_s, u"-x"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(
        u"Unassigned policy \"Block UDP 1434 Filter\".\nAssigned policy \"Block TCP 80 Filter\".\n"_s));
    QCOMPARE(run(u"netdiag"_s, {u"/test:ipsec"_s}).out.section(u'\n', 2, 2),
             u"        Local IPSec Policy Active: 'Block TCP 80 Filter'"_s);
}

void TestCli::ruleReplacedAndListsShared()
{
    const QStringList base{u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s,
                           u"-r"_s, u"R"_s,   u"-n"_s, u"BLOCK"_s};
    QCOMPARE(run(u"ipseccmd"_s, base + QStringList{u"-f"_s, u"*=0:80:TCP"_s}).code, 0);
    Run r = run(u"ipseccmd"_s, base + QStringList{u"-f"_s, u"*=0:81:TCP"_s, u"*=0:82:TCP"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Replaced rule \"R\" of policy \"P\": 2 filters, action \"Block\".\n"_s);
    // Same rule name and filters in another policy share the filter list.
    QCOMPARE(run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Q"_s, u"-r"_s, u"R"_s, u"-n"_s,
                                 u"BLOCK"_s, u"-f"_s, u"*=0:81:TCP"_s, u"*=0:82:TCP"_s})
                 .code,
             0);
    r = run(u"ipseccmd"_s, {u"show"_s, u"all"_s, u"--json"_s});
    const QJsonObject all = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(all.value(u"filters"_s).toArray().size(), 0); // nothing assigned
    int lists = 0;
    for (const auto &p : all.value(u"policies"_s).toArray())
        for (const auto &rule : p.toObject().value(u"rules"_s).toArray())
            lists += rule.toObject().value(u"filterList"_s).toString() == u"R"_s;
    QCOMPARE(lists, 2);
}

void TestCli::mainModeMethodsStored()
{
    // Issue 14: ipseccmd -1s and netsh mmsecmethods are the policy's IKE offers, stored.
    const auto methodsOf = [this](const QString &policy) {
        const Run r = run(u"ipseccmd"_s, {u"show"_s, u"all"_s, u"--json"_s});
        for (const auto &p :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"policies"_s).toArray())
            if (p.toObject().value(u"name"_s).toString() == policy)
                return p.toObject().value(u"mainModeMethods"_s).toString(u"(none)"_s);
        return u"(no policy)"_s;
    };
    Run r = run(u"ipseccmd"_s,
                {u"-w"_s, u"REG"_s, u"-p"_s, u"MM"_s, u"-r"_s, u"R"_s, u"-n"_s, u"BLOCK"_s, u"-f"_s,
                 u"*=0:80:TCP"_s, u"-1s"_s, u"3DES-SHA-3"_s, u"DES-MD5-1"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(methodsOf(u"MM"_s), u"3DES-SHA1-3 DES-MD5-1"_s);
    // Again on the existing policy: changed, and said so.
    r = run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"MM"_s, u"-r"_s, u"R"_s, u"-n"_s,
                            u"BLOCK"_s, u"-f"_s, u"*=0:80:TCP"_s, u"-1s"_s, u"DES-SHA-2"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"now offers the main mode methods DES-SHA1-2"_s), qPrintable(r.out));
    QCOMPARE(methodsOf(u"MM"_s), u"DES-SHA1-2"_s);

    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"set"_s, u"policy"_s, u"name=MM"_s,
                         u"mmsecmethods=3DES-MD5-2 DES-SHA1-1"_s});
    QVERIFY2(r.code == 0 && !r.err.contains(u"not stored"_s), qPrintable(r.out + r.err));
    QCOMPARE(methodsOf(u"MM"_s), u"3DES-MD5-2 DES-SHA1-1"_s);
    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"add"_s, u"policy"_s, u"name=N"_s,
                         u"mmsecmethods=3DES-SHA1-3"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(methodsOf(u"N"_s), u"3DES-SHA1-3"_s);
    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"show"_s, u"policy"_s, u"name=MM"_s});
    QVERIFY2(r.out.contains(u"3DES-MD5-2 DES-SHA1-1"_s), qPrintable(r.out));
    // A policy without: Windows' defaults.
    r = run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"Plain"_s, u"-r"_s, u"R"_s, u"-n"_s,
                            u"BLOCK"_s, u"-f"_s, u"*=0:81:TCP"_s});
    QCOMPARE(methodsOf(u"Plain"_s), u"(none)"_s);
    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"show"_s, u"policy"_s, u"name=Plain"_s});
    QVERIFY2(r.out.contains(u"3DES-SHA1-2 3DES-MD5-2 DES-SHA1-1 DES-MD5-1"_s), qPrintable(r.out));
    // Bad methods are refused and change nothing.
    r = run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"MM"_s, u"-r"_s, u"R"_s, u"-n"_s,
                            u"BLOCK"_s, u"-f"_s, u"*=0:80:TCP"_s, u"-1s"_s, u"3DES-SHA-7"_s});
    QVERIFY(r.code != 0);
    QCOMPARE(methodsOf(u"MM"_s), u"3DES-MD5-2 DES-SHA1-1"_s);
}

void TestCli::keyExchangeStored()
{
    // Issue 14: ipseccmd -1k/-1p and netsh mmlifetime= qmpermm= mmpfs= are stored in the
    // policy, shown, written out, and bad values are refused without changing anything.
    const auto keyOf = [this](const QString &policy) {
        const Run r = run(u"ipseccmd"_s, {u"show"_s, u"all"_s, u"--json"_s});
        for (const auto &p :
             QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"policies"_s).toArray())
            if (p.toObject().value(u"name"_s).toString() == policy) {
                const QJsonObject k = p.toObject().value(u"keyExchange"_s).toObject();
                if (k.isEmpty())
                    return u"(defaults)"_s;
                return u"%1s %2qm pfs=%3"_s.arg(k.value(u"lifetimeSeconds"_s).toInt())
                    .arg(k.value(u"quickModesPerMainMode"_s).toInt())
                    .arg(k.value(u"masterKeyPfs"_s).toBool() ? u"yes"_s : u"no"_s);
            }
        return u"(no policy)"_s;
    };
    const QStringList rule{u"-w"_s, u"REG"_s, u"-p"_s,    u"KX"_s, u"-r"_s,
                           u"R"_s,  u"-n"_s,  u"BLOCK"_s, u"-f"_s, u"*=0:82:TCP"_s};
    Run r = run(u"ipseccmd"_s, rule + QStringList{u"-1k"_s, u"300S"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(keyOf(u"KX"_s), u"300s 0qm pfs=no"_s);
    r = run(u"ipseccmd"_s, rule + QStringList{u"-1k"_s, u"10q/600s"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"after 600 seconds or 10 quick modes"_s), qPrintable(r.out));
    QCOMPARE(keyOf(u"KX"_s), u"600s 10qm pfs=no"_s);
    r = run(u"ipseccmd"_s, rule + QStringList{u"-1p"_s});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(keyOf(u"KX"_s), u"600s 1qm pfs=yes"_s);
    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"show"_s, u"policy"_s, u"name=KX"_s});
    QVERIFY2(r.out.contains(u"Master PFS"_s) && r.out.contains(u"10 minutes, 1 quick mode"_s),
             qPrintable(r.out));

    // netsh: minutes; mmpfs forces one quick mode per main mode, with a notice.
    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"set"_s, u"policy"_s, u"name=KX"_s,
                         u"mmpfs=no"_s, u"qmpermm=5"_s, u"mmlifetime=90"_s});
    QVERIFY2(r.code == 0 && !r.err.contains(u"not stored"_s), qPrintable(r.out + r.err));
    QCOMPARE(keyOf(u"KX"_s), u"5400s 5qm pfs=no"_s);
    r = run(u"netsh"_s, {u"ipsec"_s, u"static"_s, u"add"_s, u"policy"_s, u"name=KY"_s,
                         u"mmpfs=yes"_s, u"qmpermm=4"_s, u"mmlifetime=20"_s});
    QVERIFY2(r.code == 0 && r.err.contains(u"qmpermm=4 ignored"_s), qPrintable(r.out + r.err));
    QCOMPARE(keyOf(u"KY"_s), u"1200s 1qm pfs=yes"_s);

    // Bad values: refused, nothing changes.
    r = run(u"ipseccmd"_s, rule + QStringList{u"-1k"_s, u"30S"_s});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(u"main mode lifetime of 30 seconds is out of range"_s),
             qPrintable(r.err));
    r = run(u"netsh"_s,
            {u"ipsec"_s, u"static"_s, u"set"_s, u"policy"_s, u"name=KX"_s, u"mmlifetime=0"_s});
    QVERIFY(r.code != 0);
    r = run(u"netsh"_s,
            {u"ipsec"_s, u"static"_s, u"set"_s, u"policy"_s, u"name=KX"_s, u"qmpermm=-1"_s});
    QVERIFY(r.code != 0);
    QCOMPARE(keyOf(u"KX"_s), u"5400s 5qm pfs=no"_s);
}

void TestCli::errors_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("typo") << u"IPSeccmd.exe"_s
                          << QStringList{u"-w"_s, u"REG"_s,
                                         u"-p"_s, u"Block UDP 1434 Filter"_s,
                                         u"-r"_s, u"Block Outbound UDP 1434 Rule"_s,
                                         u"-f"_s, u"*0=:1434:UDP"_s,
                                         u"-n"_s, u"BLOCK"_s}
                          << 2 << u"0=*:1434:UDP"_s;
    QTest::newRow("no policy name")
        << u"ipseccmd"_s << QStringList{u"-w"_s, u"REG"_s, u"-x"_s} << 2 << u"-p"_s;
    QTest::newRow("no rule name") << u"ipseccmd"_s
                                  << QStringList{u"-w"_s, u"REG"_s, u"-p"_s,
                                                 u"P"_s,  u"-f"_s,  u"*=0:80:TCP"_s}
                                  << 2 << u"-r"_s;
    QTest::newRow("unknown policy -y")
        << u"ipseccmd"_s << QStringList{u"-w"_s, u"REG"_s, u"-p"_s, u"Nope"_s, u"-y"_s} << 3
        << u"\"Nope\""_s;
    QTest::newRow("unknown rule -o")
        << u"ipseccmd"_s << QStringList{u"-w"_s, u"REG"_s,  u"-p"_s, u"Server (Request Security)"_s,
                                        u"-r"_s, u"Nope"_s, u"-o"_s}
        << 3 << u"no rule named \"Nope\""_s;
    QTest::newRow("directory store")
        << u"ipseccmd"_s << QStringList{u"-w"_s, u"DS"_s, u"-p"_s, u"P"_s, u"-x"_s} << 2
        << u"No directory to work on"_s;
    QTest::newRow("bad option") << u"ipseccmd"_s << QStringList{u"--frobnicate"_s} << 2
                                << u"--frobnicate"_s;
    QTest::newRow("netdiag other test")
        << u"netdiag"_s << QStringList{u"/test:dns"_s} << 2 << u"/test:ipsec"_s;
    QTest::newRow("icmp with port")
        << u"ipseccmd"_s << QStringList{u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s,
                                        u"-r"_s, u"R"_s,   u"-f"_s, u"*=0:80:ICMP"_s}
        << 2 << u"ICMP"_s;
    QTest::newRow("bad netns") << u"ipseccmd"_s
                               << QStringList{u"show"_s, u"all"_s, u"--netns"_s, u"../x"_s} << 2
                               << u"../x"_s;
}

void TestCli::errors()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    // Seed the store so "nothing changed" can be checked.
    QCOMPARE(run(u"ipseccmd"_s, {u"show"_s, u"policies"_s}).code, 0);
    const QString before = run(u"ipseccmd"_s, {u"show"_s, u"all"_s, u"--json"_s}).out;
    const Run r = run(program, args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.out, QString());
    QCOMPARE(run(u"ipseccmd"_s, {u"show"_s, u"all"_s, u"--json"_s}).out, before);
}

void TestCli::deleteAssignedPolicyUnassignsFirst()
{
    QCOMPARE(run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-r"_s, u"R"_s, u"-f"_s,
                                 u"*=0:80:TCP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s})
                 .code,
             0);
    // As on Windows (issue 13, class 2): deleting an assigned policy unassigns it first.
    Run r = run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-o"_s});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"Unassigned policy \"P\".\nDeleted policy \"P\".\n"_s);
}

void TestCli::corruptStoreUntouched()
{
    QFile f(store());
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray junk(8192, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 131 + 7) & 0xff);
    f.write(junk);
    f.close();
    const Run r = run(u"ipseccmd"_s, {u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-r"_s, u"R"_s, u"-f"_s,
                                      u"*=0:80:TCP"_s, u"-n"_s, u"BLOCK"_s});
    QCOMPARE(r.code, 4);
    QVERIFY2(r.err.contains(u"DIR/policy.db"_s), qPrintable(r.err));
    const Run n = run(u"netdiag"_s, {u"/test:ipsec"_s});
    QCOMPARE(n.code, 4);
    QVERIFY(n.out.contains(u"Failed"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), junk);
}

void TestCli::storeFromEnvironment()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"IPSEC_CONSOLE_STORE"_s, m_dir->filePath(u"env.db"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s,
            {u"-w"_s, u"REG"_s, u"-p"_s, u"From Env"_s, u"-r"_s, u"R"_s, u"-f"_s, u"*=0:80:TCP"_s});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QFile::exists(m_dir->filePath(u"env.db"_s)));
    QVERIFY(!QFile::exists(store()));
}

void TestCli::jsonOutput()
{
    QCOMPARE(run(u"ipseccmd"_s,
                 {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s, u"In"_s, u"-f"_s,
                  u"*+0:1434:UDP"_s, u"10.0.0.0/8=0::TCP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s})
                 .code,
             0);
    const Run r = run(u"ipseccmd"_s, {u"show"_s, u"filters"_s, u"--json"_s});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray filters = o.value(u"filters"_s).toArray();
    QCOMPARE(filters.size(), 2);
    const QJsonObject first = filters.at(0).toObject();
    QCOMPARE(first.value(u"source"_s).toString(), u"any"_s);
    QCOMPARE(first.value(u"destination"_s).toString(), u"me"_s);
    QCOMPARE(first.value(u"destinationPort"_s).toInt(), 1434);
    QCOMPARE(first.value(u"protocolNumber"_s).toInt(), 17);
    QCOMPARE(first.value(u"mirrored"_s).toBool(), true);
    QCOMPARE(first.value(u"action"_s).toString(), u"block"_s);
    QCOMPARE(filters.at(1).toObject().value(u"source"_s).toString(), u"10.0.0.0/8"_s);
}

void TestCli::netdiagInNamespace()
{
    if (m_ns.isEmpty())
        QSKIP("needs root to create a network namespace");
    const QString ns = m_ns;

    QCOMPARE(run(u"IPSeccmd.exe"_s,
                 {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                  u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s,
                  u"-x"_s},
                 ns)
                 .code,
             0);
    QCOMPARE(
        run(u"IPSeccmd.exe"_s,
            {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
             u"Block Outbound UDP 1434 Rule"_s, u"-f"_s, u"0=*:1434:UDP"_s, u"-n"_s, u"BLOCK"_s},
            ns)
            .code,
        0);
    const Run r = run(u"netdiag"_s, {u"/test:ipsec"_s, u"/debug"_s}, ns);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"\n    IP Security test . . . . . . . . . : Passed\n"
                    u"        Local IPSec Policy Active: 'Block UDP 1434 Filter'\n"
                    u"        IP Security Policy Path: DIR/policy.db:ipsecPolicy{GUID}\n"
                    u"\n"
                    u"        There are 2 filters\n"
                    u"        No Name\n"
                    u"        Filter Id: {GUID}\n"
                    u"        Policy Id: {GUID}\n"
                    u"        Src Addr : 0.0.0.0          Src Mask : 0.0.0.0\n"
                    u"        Dest Addr : 192.168.1.1     Dest Mask : 255.255.255.255\n"
                    u"        Tunnel Addr : 0.0.0.0       Src Port : 0     Dest Port : 1434\n"
                    u"        Protocol : 17               TunnelFilter: No\n"
                    u"        Flags : Inbound Block\n"
                    u"        No Name\n"
                    u"        Filter Id: {GUID}\n"
                    u"        Policy Id: {GUID}\n"
                    u"        Src Addr : 192.168.1.1      Src Mask : 255.255.255.255\n"
                    u"        Dest Addr : 0.0.0.0         Dest Mask : 0.0.0.0\n"
                    u"        Tunnel Addr : 0.0.0.0       Src Port : 0     Dest Port : 1434\n"
                    u"        Protocol : 17               TunnelFilter: No\n"
                    u"        Flags : Outbound Block\n"_s);
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
