// The real `netsh` program (the ipseccmd binary answering to that name): one-liners, the
// sample scripts of tests/data/netsh, and bad scripts that must leave the store file untouched.

#include "kernel/NetnsFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

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

QString sample(const QString &name)
{
    return qEnvironmentVariable("IPSEC_SOURCE_DIR") + u"/tests/data/netsh/"_s + name;
}

bool ip(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

#define CHECK(r, expected) QVERIFY2((r).code == (expected), qPrintable((r).describe()))

class TestNetshCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void help();
    void oneLiners();
    void sampleScriptsRecreateTheirPolicies();
    void badScriptsChangeNothing_data();
    void badScriptsChangeNothing();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void exportPolicy();
    void importPolicy();
    void codePagesAndLineByLine();
    void dryRun();
    void showRuleIdAndFilterListOfRule();

private:
    Run run(const QStringList &args, const QString &program = u"netsh"_s);
    QJsonArray show(const QString &what);
    QByteArray storeBytes() const; // the store's files, hashed together
    QString store() const { return m_dir->filePath(u"policy.db"_s); }
    QString write(const QString &name, const QByteArray &bytes);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ns; // as root, the programs enforce in this namespace, never in ours
};

void TestNetshCli::initTestCase()
{
    if (geteuid() != 0)
        return;
    NetnsFixture::removeStale(); // e.g. an ipsec-netshcli-<pid> of a run that crashed
    m_ns = u"ipsec-netshcli-%1"_s.arg(QCoreApplication::applicationPid());
    QVERIFY(ip({u"netns"_s, u"add"_s, m_ns}));
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"add"_s, u"eth0"_s, u"type"_s, u"veth"_s, u"peer"_s,
                u"name"_s, u"eth1"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"addr"_s, u"add"_s, u"192.168.7.1/24"_s, u"dev"_s, u"eth0"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, m_ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}));
}

void TestNetshCli::cleanupTestCase()
{
    if (!m_ns.isEmpty())
        ip({u"netns"_s, u"del"_s, m_ns});
}

void TestNetshCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Run TestNetshCli::run(const QStringList &args, const QString &program)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    QStringList full = args;
    full << u"--store"_s << store();
    if (!m_ns.isEmpty())
        full << u"--netns"_s << m_ns;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(IPSECCMD_DIR) + u'/' + program, full);
    if (!p.waitForFinished(30000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QJsonArray TestNetshCli::show(const QString &what)
{
    // "OBJECT name=NAME WITH BLANKS" or "OBJECT all".
    QStringList args{u"ipsec"_s, u"static"_s, u"show"_s};
    const qsizetype blank = what.indexOf(u' ');
    args << what.left(blank) << what.mid(blank + 1) << u"--json"_s;
    const Run r = run(args);
    if (r.code != 0)
        qWarning("%s", qPrintable(r.describe()));
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

QByteArray TestNetshCli::storeBytes() const
{
    // The database and its write-ahead log; an empty log and the -shm index (SQLite's shared
    // memory, rebuilt by every reader) hold no data.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &name : {u"policy.db"_s, u"policy.db-wal"_s}) {
        QFile f(m_dir->filePath(name));
        if (!f.exists() || (f.size() == 0 && name != u"policy.db"_s))
            continue;
        if (!f.open(QIODevice::ReadOnly))
            return {};
        hash.addData(name.toUtf8());
        hash.addData(f.readAll());
    }
    return hash.result().toHex();
}

QString TestNetshCli::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestNetshCli::help()
{
    for (const QStringList &args : {QStringList{u"--help"_s}, QStringList{u"/?"_s},
                                    QStringList{u"ipsec"_s, u"static"_s, u"?"_s}}) {
        const Run r = run(args);
        CHECK(r, 0);
        QVERIFY2(r.out.contains(u"netsh [OPTIONS] -f SCRIPT"_s), qPrintable(r.out));
    }
    const Run i = run({u"netsh"_s, u"--help"_s}, u"ipseccmd"_s);
    CHECK(i, 0);
    QVERIFY(i.out.startsWith(u"Usage: netsh"_s));
    const Run v = run({u"--version"_s}, u"netsh.exe"_s);
    CHECK(v, 0);
    QVERIFY2(v.out.startsWith(u"netsh (IPsec Policy Console)"_s), qPrintable(v.out));
    CHECK(run({}), 2);
}

void TestNetshCli::oneLiners()
{
    // As typed in a shell: the shell removes the quotes, netsh gets the words.
    CHECK(run({u"ipsec"_s, u"static"_s, u"add"_s, u"policy"_s, u"name=Web Server Lockdown"_s,
               u"desc=Only HTTP from anywhere"_s}),
          0);
    CHECK(run({u"-c"_s, u"ipsec static"_s, u"add"_s, u"filterlist"_s, u"Web traffic"_s}), 0);
    CHECK(run({u"ipsec"_s, u"st"_s, u"a"_s, u"filter"_s, u"Web traffic"_s, u"any"_s, u"me"_s,
               u"prot=TCP"_s, u"dstport=80"_s, u"mirror=yes"_s}),
          0);
    CHECK(run({u"netsh"_s, u"ipsec"_s, u"static"_s, u"add"_s, u"filteraction"_s, u"Allow"_s,
               u"action=permit"_s},
              u"ipseccmd"_s),
          0);
    CHECK(run({u"ipsec"_s, u"static"_s, u"add"_s, u"rule"_s, u"name=HTTP"_s,
               u"policy=Web Server Lockdown"_s, u"filterlist=Web traffic"_s,
               u"filteraction=Allow"_s, u"kerberos=yes"_s}),
          0);
    const Run assign = run({u"ipsec"_s, u"static"_s, u"set"_s, u"policy"_s,
                            u"name=Web Server Lockdown"_s, u"assign=y"_s},
                           u"netsh.exe"_s);
    CHECK(assign, 0);
    QVERIFY2(assign.out.contains(u"Assigned policy \"Web Server Lockdown\"."_s),
             qPrintable(assign.out));

    const QJsonArray policies = show(u"policy name=Web Server Lockdown"_s);
    QCOMPARE(policies.size(), 1);
    const QJsonObject p = policies.first().toObject();
    QCOMPARE(p.value(u"assigned"_s).toBool(), true);
    QCOMPARE(p.value(u"description"_s).toString(), u"Only HTTP from anywhere"_s);
    const QJsonArray lists = show(u"filterlist name=Web traffic"_s);
    QCOMPARE(lists.size(), 1);
    const QJsonObject f = lists.first()["filters"_L1].toArray().first().toObject();
    QCOMPARE(f.value(u"source"_s).toString(), u"any"_s);
    QCOMPARE(f.value(u"destination"_s).toString(), u"me"_s);
    QCOMPARE(f.value(u"protocol"_s).toString(), u"TCP"_s);
    QCOMPARE(f.value(u"destinationPort"_s).toInt(), 80);
    QCOMPARE(f.value(u"mirrored"_s).toBool(), true);

    // netsh-like list output.
    const Run text = run({u"ipsec"_s, u"static"_s, u"show"_s, u"rule"_s, u"name=HTTP"_s});
    CHECK(text, 0);
    QVERIFY2(text.out.contains(u"Rule Name               : HTTP\n"_s), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"Filter Action           : Allow\n"_s), qPrintable(text.out));

    // Ambiguous prefixes name the candidates.
    const Run ambiguous =
        run({u"ipsec"_s, u"static"_s, u"set"_s, u"rule"_s, u"HTTP"_s, u"filter=x"_s});
    CHECK(ambiguous, 2);
    QVERIFY2(ambiguous.err.contains(u"could be filterlist, filteraction"_s),
             qPrintable(ambiguous.err));
    // Delete: the rule, then unassign and delete the policy; shared objects stay.
    CHECK(run({u"ipsec"_s, u"static"_s, u"delete"_s, u"rule"_s, u"id=1"_s,
               u"policy=Web Server Lockdown"_s}),
          0);
    CHECK(run({u"ipsec"_s, u"static"_s, u"set"_s, u"policy"_s, u"Web Server Lockdown"_s,
               u"assign=no"_s}),
          0);
    CHECK(run({u"ipsec"_s, u"static"_s, u"delete"_s, u"policy"_s, u"Web Server Lockdown"_s}), 0);
    QCOMPARE(show(u"policy name=Web Server Lockdown"_s).size(), 0);
    QCOMPARE(show(u"filterlist name=Web traffic"_s).size(), 1);
}

void TestNetshCli::sampleScriptsRecreateTheirPolicies()
{
    Run r = run({u"-f"_s, sample(u"harden.cmd"_s)});
    CHECK(r, 0);
    r = run({u"-f"_s, sample(u"banlist.netsh"_s)});
    CHECK(r, 0);
    r = run({u"-f"_s, sample(u"quarantine.cmd"_s)});
    CHECK(r, 0);

    QJsonArray worm = show(u"filterlist name=Worm ports"_s);
    QCOMPARE(worm.size(), 1);
    QStringList ports;
    for (const QJsonValue &v : worm.first()["filters"_L1].toArray())
        ports << v["protocol"_L1].toString() + u'/'
                     + QString::number(v["destinationPort"_L1].toInt());
    QCOMPARE(ports, (QStringList{u"UDP/1434"_s, u"TCP/135"_s, u"TCP/139"_s, u"TCP/445"_s}));
    QJsonArray banned = show(u"filterlist name=Banned"_s);
    QCOMPARE(banned.size(), 1);
    QStringList sources;
    for (const QJsonValue &v : banned.first()["filters"_L1].toArray())
        sources << v["source"_L1].toString();
    QCOMPARE(sources, (QStringList{u"10.77.0.8/29"_s, u"fd77::11"_s, u"198.51.100.0/24"_s}));
    const QJsonArray actions = show(u"filteraction name=Drop"_s);
    QCOMPARE(actions.first()["action"_L1].toString(), u"block"_s);

    // The last script's policy is the assigned one; the others are kept, unassigned.
    const QJsonArray policies = show(u"policy all"_s);
    QStringList assigned;
    for (const QJsonValue &v : policies)
        if (v["assigned"_L1].toBool())
            assigned << v["name"_L1].toString();
    QCOMPARE(assigned, QStringList{u"Quarantine"_s});
    const QJsonArray ban = show(u"policy name=Ban list"_s);
    QCOMPARE(ban.first()["pollingIntervalMinutes"_L1].toInt(), 60);
    QCOMPARE(ban.first()["description"_L1].toString(), u"Hosts and subnets we do not talk to"_s);
    // harden.cmd turned the default response rule off.
    const QJsonArray hardenRules =
        show(u"policy name=Worm Hardening"_s).first()["rules"_L1].toArray();
    bool sawDefault = false;
    for (const QJsonValue &v : hardenRules) {
        if (v["defaultResponse"_L1].toBool()) {
            sawDefault = true;
            QCOMPARE(v["active"_L1].toBool(), false);
        }
    }
    QVERIFY(sawDefault);

    // Running a script twice with --atomic is refused at its first add (objects exist),
    // changing nothing.
    const QByteArray before = storeBytes();
    r = run({u"--atomic"_s, u"-f"_s, sample(u"harden.cmd"_s)});
    CHECK(r, 5);
    QVERIFY2(
        r.err.contains(u"harden.cmd line 7: A policy named \"Worm Hardening\" already exists"_s),
        qPrintable(r.err));
    QCOMPARE(storeBytes(), before);
}

void TestNetshCli::badScriptsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QFile bad(sample(u"bad-line7.cmd"_s));
    QVERIFY(bad.open(QIODevice::ReadOnly));
    QTest::newRow("parse error at line 7")
        << bad.readAll() << 2 << u"bad.cmd line 7: dstport=\"70000\": expected a whole number"_s;
    QTest::newRow("missing action at line 6")
        << QByteArray(
               "@echo off\r\n"
               "netsh ipsec static add policy name=Fresh\r\n"
               "netsh ipsec static add filterlist name=FreshList\r\n"
               "netsh ipsec static add filter filterlist=FreshList srcaddr=any dstaddr=me\r\n"
               "rem the next line names an action that does not exist\r\n"
               "netsh ipsec static add rule name=r policy=Fresh filterlist=FreshList "
               "filteraction=Nope\r\n"
               "netsh ipsec static set policy name=Fresh assign=y\r\n")
        << 3 << u"bad.cmd line 6: There is no filter action named \"Nope\". Nothing was changed."_s;
    QTest::newRow("batch statement")
        << QByteArray("netsh ipsec static add filterlist name=Other\nset X=1\n") << 2
        << u"bad.cmd line 2: not a netsh ipsec command"_s;
    QTest::newRow("importpolicy")
        << QByteArray("netsh ipsec static add filterlist name=Other\n"
                      "netsh ipsec static importpolicy file=old.ipsec\n")
        << 2 << u"bad.cmd line 2: importpolicy must be the only change of a script"_s;
    QTest::newRow("domain store") << QByteArray(
        "pushd ipsec static\nset store location=domain\nadd filterlist x\n")
                                  << 2 << u"No directory to work on"_s;
    QTest::newRow("filter list in use")
        << QByteArray("ipsec static delete filterlist \"Worm ports\"\n") << 5
        << u"bad.cmd line 1: Filter list \"Worm ports\" is used by"_s;
    QTest::newRow("ambiguous") << QByteArray("ipsec static add rule name=x policy=y fil=z\n") << 2
                               << u"bad.cmd line 1: tag for \"add rule\": \"fil\" is ambiguous"_s;
}

void TestNetshCli::badScriptsChangeNothing()
{
    QFETCH(QByteArray, script);
    QFETCH(int, code);
    QFETCH(QString, message);
    CHECK(run({u"-f"_s, sample(u"harden.cmd"_s)}), 0);
    const QByteArray before = storeBytes();
    QVERIFY(!before.isEmpty());
    const Run r = run({u"--atomic"_s, u"-f"_s, write(u"bad.cmd"_s, script)});
    CHECK(r, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(storeBytes(), before);
}

void TestNetshCli::refusalsChangeNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no such script")
        << QStringList{u"-f"_s, u"missing.cmd"_s} << 3 << u"Cannot read the script missing.cmd"_s;
    QTest::newRow("remote") << QStringList{u"-r"_s, u"srv"_s, u"ipsec"_s} << 2
                            << u"remote computers"_s;
    QTest::newRow("not ipsec") << QStringList{u"interface"_s, u"show"_s, u"config"_s} << 2
                               << u"command line: not a netsh ipsec command"_s;
    QTest::newRow("line break in value")
        << QStringList{u"ipsec"_s, u"static"_s, u"add"_s, u"policy"_s, u"name=a\nb"_s} << 2
        << u"contains a line break"_s;
    QTest::newRow("dup name") << QStringList{u"ipsec"_s, u"static"_s, u"add"_s, u"policy"_s,
                                             u"name=server (request security)"_s}
                              << 5 << u"already exists"_s;
}

void TestNetshCli::refusalsChangeNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    CHECK(run({u"ipsec"_s, u"static"_s, u"show"_s, u"store"_s}), 0); // creates the store
    const QByteArray before = storeBytes();
    const Run r = run(args);
    CHECK(r, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(storeBytes(), before);
}

void TestNetshCli::exportPolicy()
{
    CHECK(run({u"-f"_s, sample(u"banlist.netsh"_s)}), 0);
    // No extension: .ipsec is added; relative to the working directory.
    Run r = run({u"ipsec"_s, u"static"_s, u"exportpolicy"_s, u"file"_s, u"="_s, u"saved"_s});
    CHECK(r, 0);
    QFile file(m_dir->filePath(u"saved.ipsec"_s));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(r.describe()));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(doc.value(u"format"_s).toString(), u"ipsec-console-snapshot"_s);
    QVERIFY(QJsonDocument(doc).toJson().contains("Ban list"));
    // With an extension the name is kept; inside a script it runs after the changes.
    const QString s = write(u"exp.cmd"_s, "netsh ipsec static add filterlist name=Later\n"
                                          "netsh ipsec static exportpolicy file=snap.json\n");
    CHECK(run({u"-f"_s, s}), 0);
    QFile snap(m_dir->filePath(u"snap.json"_s));
    QVERIFY(snap.open(QIODevice::ReadOnly));
    QVERIFY(snap.readAll().contains("\"Later\""));
}

void TestNetshCli::importPolicy()
{
    CHECK(run({u"-f"_s, sample(u"banlist.netsh"_s)}), 0);
    CHECK(run({u"ipsec"_s, u"static"_s, u"exportpolicy"_s, u"file=saved"_s}), 0);
    CHECK(run({u"-f"_s,
               write(u"del.cmd"_s, "netsh ipsec static set policy name=\"Ban list\" assign=no\n"
                                   "netsh ipsec static delete policy name=\"Ban list\"\n")}),
          0);
    QCOMPARE(show(u"policy name=Ban list"_s).size(), 0);

    // A broken file: a clear error, nothing changed.
    const QString broken = write(u"broken.ipsec"_s, "{\"format\": \"ipsec-console-snapshot\"");
    const QByteArray before = storeBytes();
    Run bad = run({u"ipsec"_s, u"static"_s, u"importpolicy"_s, u"file="_s + broken});
    QVERIFY2(bad.code == 2, qPrintable(bad.describe()));
    QCOMPARE(storeBytes(), before);
    // Mixed with other changes in one script: refused, as the import is its own transaction.
    Run mixed = run({u"--atomic"_s, u"-f"_s,
                     write(u"mixed.cmd"_s, "netsh ipsec static add filterlist name=X\n"
                                           "netsh ipsec static importpolicy file=saved\n")});
    QVERIFY2(mixed.code == 2 && mixed.err.contains(u"importpolicy"_s),
             qPrintable(mixed.describe()));
    QCOMPARE(storeBytes(), before);

    // The export comes back (".ipsec" added as exportpolicy did).
    Run r = run({u"ipsec"_s, u"static"_s, u"importpolicy"_s, u"file=saved"_s});
    CHECK(r, 0);
    QCOMPARE(show(u"policy name=Ban list"_s).size(), 1);
}

void TestNetshCli::dryRun()
{
    CHECK(run({u"ipsec"_s, u"static"_s, u"show"_s, u"store"_s}), 0);
    const QByteArray before = storeBytes();
    const Run r = run({u"--dry-run"_s, u"-f"_s, sample(u"harden.cmd"_s)});
    CHECK(r, 0);
    QVERIFY2(r.err.contains(u"Dry run: nothing was changed."_s), qPrintable(r.err));
    QCOMPARE(storeBytes(), before);
    QCOMPARE(show(u"policy name=Worm Hardening"_s).size(), 0);
}

void TestNetshCli::codePagesAndLineByLine()
{
    // cp1252 (not UTF-8): read as detected, said once; --encoding UTF-8 refuses it by line.
    const QString cp = write(u"cp.cmd"_s, "rem \xA9 2003 Contoso\n"
                                          "netsh ipsec static add filterlist name=B\xFCro\n");
    Run r = run({u"--encoding"_s, u"UTF-8"_s, u"-f"_s, cp});
    QVERIFY2(r.code == 2 && r.err.contains(u"cp.cmd line 1: the text is not valid UTF-8"_s),
             qPrintable(r.describe()));
    r = run({u"-f"_s, cp});
    QVERIFY2(r.code == 0 && r.err.contains(u"read as windows-1252 (detected)"_s),
             qPrintable(r.describe()));
    QCOMPARE(show(u"filterlist name=B\u00FCro"_s).size(), 1);

    // Line by line (netsh's way): a failing line is named, the run goes on, exit 1.
    r = run({u"-f"_s, write(u"two.cmd"_s, "netsh ipsec static delete policy name=Gone\n"
                                          "netsh ipsec static add policy name=Two\n")});
    QVERIFY2(r.code == 1 && r.err.contains(u"two.cmd line 1: There is no policy named"_s)
                 && r.err.contains(u"failed; the other lines were applied"_s),
             qPrintable(r.describe()));
    QCOMPARE(show(u"policy name=Two"_s).size(), 1);
}

void TestNetshCli::showRuleIdAndFilterListOfRule()
{
    const QString script =
        write(u"rules.cmd"_s, "netsh ipsec static add policy name=P\n"
                              "netsh ipsec static add filteraction name=Drop action=block\n"
                              "netsh ipsec static add filter filterlist=L1 srcaddr=any "
                              "dstaddr=me protocol=TCP dstport=23\n"
                              "netsh ipsec static add filter filterlist=L2 srcaddr=any "
                              "dstaddr=me protocol=UDP dstport=69\n"
                              "netsh ipsec static add rule name=R1 policy=P filterlist=L1 "
                              "filteraction=Drop\n"
                              "netsh ipsec static add rule name=R2 policy=P filterlist=L2 "
                              "filteraction=Drop\n");
    CHECK(run({u"-f"_s, script}), 0);

    // show rule id=N policy=P: the N-th rule, as set rule and delete rule count them.
    const Run two =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"rule"_s, u"id=2"_s, u"policy=P"_s, u"--json"_s});
    CHECK(two, 0);
    const QJsonArray rules = QJsonDocument::fromJson(two.out.toUtf8()).array();
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.first()["name"_L1].toString(), u"R2"_s);
    QCOMPARE(rules.first()["ruleId"_L1].toInt(), 2);
    const Run text = run({u"ipsec"_s, u"static"_s, u"show"_s, u"rule"_s, u"id=1"_s, u"P"_s});
    CHECK(text, 0);
    QVERIFY2(text.out.contains(u"Rule ID                 : 1\n"_s), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"Rule Name               : R1\n"_s), qPrintable(text.out));
    QVERIFY2(!text.out.contains(u"R2"_s), qPrintable(text.out));
    const Run all =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"rule"_s, u"id=all"_s, u"policy=P"_s});
    CHECK(all, 0);
    QVERIFY2(all.out.contains(u"R1"_s) && all.out.contains(u"R2"_s), qPrintable(all.out));
    const Run missing =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"rule"_s, u"id=3"_s, u"policy=P"_s});
    QVERIFY2(missing.code != 0, qPrintable(missing.describe()));
    QVERIFY2(missing.err.contains(u"has no rule 3 (it has 2)"_s), qPrintable(missing.err));
    const Run noPolicy = run({u"ipsec"_s, u"static"_s, u"show"_s, u"rule"_s, u"id=1"_s});
    CHECK(noPolicy, 2);
    QVERIFY2(noPolicy.err.contains(u"needs policy="_s), qPrintable(noPolicy.err));

    // show filterlist rule=NAME policy=P: the list that rule uses, and only that one.
    const Run list = run({u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"rule=R2"_s,
                          u"policy=P"_s, u"--json"_s});
    CHECK(list, 0);
    const QJsonArray lists = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(lists.size(), 1);
    QCOMPARE(lists.first()["name"_L1].toString(), u"L2"_s);
    const Run listText =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"rule=R1"_s, u"policy=P"_s});
    CHECK(listText, 0);
    QVERIFY2(listText.out.contains(u"FilterList Name         : L1\n"_s), qPrintable(listText.out));
    const Run noRule =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"rule=R9"_s, u"policy=P"_s});
    QVERIFY2(noRule.code != 0, qPrintable(noRule.describe()));
    QVERIFY2(noRule.err.contains(u"has no rule named \"R9\""_s), qPrintable(noRule.err));
    const Run wrongObject = run({u"ipsec"_s, u"static"_s, u"show"_s, u"policy"_s, u"rule=R1"_s});
    CHECK(wrongObject, 2);
}
QTEST_GUILESS_MAIN(TestNetshCli)
#include "TestNetshCli.moc"
