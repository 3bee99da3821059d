// `ipseccmd batch FILE` and the Windows behaviours scripts rely on (issue 13), one small script
// per class, through the real program on a fresh store (store only; never a kernel).

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

} // namespace

#define CHECK(cond, r) QVERIFY2((cond), qPrintable((r).describe()))

class TestBatchCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void goesOnAfterFailingLines(); // class 1
    void deletesAssignedPolicy();   // class 2
    void localComputerNames();      // class 3
    void deleteAll();               // class 4
    void batchSyntax();             // class 5
    void encodings();               // class 6
    void mixedIpsecpolLines();      // class 7
    void netshFeatures();           // class 8
    void messages();                // class 9
    void atomic();
    void variableEditsAndArithmetic(); // class 5: %V:a=b%, %V:~s,n%, set /a
    void outputRedirection();          // class 5: > file, >> file, >nul, 2>&1, 2>nul
    void serverTypes();                // class 8: DNS, DHCP, GATEWAY stored; WINS refused

private:
    Run run(const QStringList &args, const QString &program = u"ipseccmd"_s);
    Run batch(const QByteArray &script, const QStringList &extra = {});
    QJsonArray policies();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestBatchCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Run TestBatchCli::run(const QStringList &args, const QString &program)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s); // no --netns: never the kernel
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(IPSECCMD_DIR) + u'/' + program,
            QStringList{u"--no-agent"_s, u"--store"_s, m_dir->filePath(u"policy.db"_s)} + args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run TestBatchCli::batch(const QByteArray &script, const QStringList &extra)
{
    QFile f(m_dir->filePath(u"t.cmd"_s));
    if (!f.open(QIODevice::WriteOnly) || f.write(script) < 0)
        return {};
    f.close();
    return run(extra + QStringList{u"batch"_s, f.fileName()});
}

QJsonArray TestBatchCli::policies()
{
    const Run r =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"policy"_s, u"all"_s, u"--json"_s}, u"netsh"_s);
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
}

static bool hasPolicy(const QJsonArray &a, const QString &name, bool *assigned = nullptr)
{
    for (const QJsonValue &v : a) {
        if (v["name"_L1].toString() == name) {
            if (assigned)
                *assigned = v["assigned"_L1].toBool();
            return true;
        }
    }
    return false;
}

void TestBatchCli::goesOnAfterFailingLines()
{
    const Run r = batch("netsh ipsec static delete policy name=Q\r\n"
                        "netsh ipsec static add policy name=Q\r\n"
                        "netsh ipsec static add filteraction name=Permit action=permit\r\n"
                        "netsh ipsec static add policy name=Q2\r\n");
    CHECK(r.code == 1, r);
    CHECK(r.err.contains(u"t.cmd line 1: netsh: There is no policy named \"Q\"."_s), r);
    CHECK(r.err.contains(u"t.cmd line 3: netsh: A filter action named \"Permit\" already"_s), r);
    CHECK(r.err.contains(u"t.cmd: 4 commands run; failed at line(s) 1, 3."_s), r);
    const QJsonArray p = policies();
    QVERIFY(hasPolicy(p, u"Q"_s) && hasPolicy(p, u"Q2"_s));
}

void TestBatchCli::deletesAssignedPolicy()
{
    const Run r = batch("netsh ipsec static add policy name=P assign=yes\n"
                        "netsh ipsec static delete policy name=P\n");
    CHECK(r.code == 0, r);
    CHECK(r.out.contains(u"Unassigned policy \"P\".\nDeleted policy \"P\"."_s), r);
    QVERIFY(!hasPolicy(policies(), u"P"_s));
}

void TestBatchCli::localComputerNames()
{
    const Run r = batch("ipsecpol \\\\127.0.0.1 -w REG -p A -r R -f 0+*::UDP -n BLOCK\n"
                        "ipsecpol \\\\localhost -w REG -p B -r R -f 0+*::UDP -n BLOCK\n"
                        "ipsecpol \\\\%COMPUTERNAME% -w REG -p C -r R -f 0+*::UDP -n BLOCK\n"
                        "ipsecpol \\\\elsewhere -w REG -p D -r R -f 0+*::UDP -n BLOCK\n");
    CHECK(r.code == 1 && r.err.contains(u"failed at line(s) 4."_s), r);
    CHECK(r.err.contains(u"t.cmd line 4: ipsecpol: Remote computers (elsewhere)"_s), r);
    const QJsonArray p = policies();
    QVERIFY(hasPolicy(p, u"A"_s) && hasPolicy(p, u"B"_s) && hasPolicy(p, u"C"_s));
}

void TestBatchCli::deleteAll()
{
    const Run r = batch("netsh ipsec static delete rule all \"Server (Request Security)\"\n"
                        "netsh ipsec static delete policy all\n"
                        "netsh ipsec static delete filterlist all\n"
                        "netsh ipsec static delete filteraction all\n");
    CHECK(r.code == 0, r);
    QCOMPARE(policies().size(), 0);
    const Run show = run(
        {u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"all"_s, u"--json"_s}, u"netsh"_s);
    QCOMPARE(QJsonDocument::fromJson(show.out.toUtf8()).array().size(), 0);
}

void TestBatchCli::batchSyntax()
{
    const Run r = batch("@echo off\r\n"
                        "title Hardening\r\ncolor 0a\r\nchcp 437 >nul\r\ncls\r\n"
                        ":start\r\n"
                        "set POL=Lock down\r\n"
                        "netsh ipsec static ^\r\n"
                        "add policy name=\"%POL%\" && echo created %POL%\r\n"
                        "netsh ipsec static add policy name=\"%POL%\" || echo already there\r\n"
                        "netsh ipsec static add filterlist name=L & echo next\r\n"
                        "sc config PolicyAgent start= auto\r\n"
                        "net stop policyagent\r\n"
                        "goto start\r\n"
                        "if exist x.txt echo x\r\n"
                        "pause\r\n"
                        "exit /b 0\r\n"
                        "netsh ipsec static add policy name=Never\r\n");
    CHECK(r.out.contains(u"created Lock down\n"_s) && r.out.contains(u"already there\n"_s)
              && r.out.contains(u"next\n"_s),
          r);
    CHECK(r.err.contains(u"t.cmd line 12: note: sc config PolicyAgent"_s), r);
    CHECK(r.err.contains(u"t.cmd line 13: note: net stop policyagent"_s), r);
    CHECK(r.err.contains(u"t.cmd line 14: goto is not run here"_s), r);
    CHECK(r.err.contains(u"t.cmd line 15: if is not run here"_s), r);
    // exit /b 0 ends the run; the refused lines still count.
    CHECK(r.code == 1 && r.err.contains(u"failed at line(s) 10, 14, 15."_s), r);
    const QJsonArray p = policies();
    QVERIFY(hasPolicy(p, u"Lock down"_s));
    QVERIFY(!hasPolicy(p, u"Never"_s));
}

void TestBatchCli::encodings()
{
    // cp1252 with a (c) in a REM line and a name with an umlaut: detected and said.
    Run r = batch("rem \xA9 2004 Contoso\r\nnetsh ipsec static add policy name=B\xFCro\r\n");
    CHECK(r.code == 0 && r.err.contains(u"read as windows-1252 (detected)"_s), r);
    QVERIFY(hasPolicy(policies(), u"B\u00FCro"_s));
    // GBK with chcp 936: honoured, said.
    r = batch("chcp 936\r\nnetsh ipsec static add policy name=\xB9\xD8\xB1\xD5\r\n");
    CHECK(r.code == 0 && r.err.contains(u"read as GBK (chcp 936 on line 1)"_s), r);
    QVERIFY(hasPolicy(policies(), u"\u5173\u95ED"_s));
    // UTF-16 with a BOM; --encoding overrides the guess.
    QByteArray utf16("\xFF\xFE");
    for (char c : QByteArray("netsh ipsec static add policy name=U16\r\n"))
        utf16 += QByteArray(1, c) + QByteArray(1, '\0');
    r = batch(utf16);
    CHECK(r.code == 0, r);
    r = batch("netsh ipsec static add policy name=\xC4\r\n", {u"--encoding"_s, u"IBM850"_s});
    CHECK(r.code == 0, r);
    QVERIFY(hasPolicy(policies(), u"U16"_s));
    QVERIFY(hasPolicy(policies(), u"\u2500"_s)); // 0xC4 in IBM850 is a box-drawing line
}

void TestBatchCli::mixedIpsecpolLines()
{
    const Run r = batch("ipsecpol -w REG -p Mixed -r R1 -f 0+*:23:TCP -n BLOCK\r\n"
                        "IPSeccmd.exe -w REG -p Mixed -r R2 -f 0+*:25:TCP -n BLOCK\r\n"
                        "netsh ipsec static set policy name=Mixed assign=yes\r\n"
                        "netdiag /test:ipsec\r\n");
    CHECK(r.code == 0, r);
    bool assigned = false;
    QVERIFY(hasPolicy(policies(), u"Mixed"_s, &assigned));
    QVERIFY(assigned);
}

void TestBatchCli::netshFeatures()
{
    // The dynamic store (main/quick mode policies, settings) needs the kernel's owner (root
    // or the agent): without --netns here, each such line is refused on its own.
    const Run r = batch("netsh ipsec dynamic add mmpolicy name=TempMMpolicy\n"
                        "netsh ipsec dynamic set config property=ipsecdiagnostics value=7\n"
                        "netsh ipsec static add policy name=AfterDynamic\n");
    CHECK(r.code == 1, r);
    CHECK(r.err.contains(u"t.cmd line 1: "_s) && r.err.contains(u"t.cmd line 2: "_s)
              && r.err.contains(u"needs root (or the policy agent)"_s),
          r);
    QVERIFY(hasPolicy(policies(), u"AfterDynamic"_s));
}

void TestBatchCli::messages()
{
    // Values are echoed uncut; a Windows drive path is refused with a sentence.
    const Run r = batch("netsh ipsec static exportpolicy file=C:\\Policies\\MyPolicy.txt\n");
    CHECK(r.code == 1, r);
    CHECK(r.err.contains(u"file=C:\\Policies\\MyPolicy.txt is a Windows path"_s), r);
    QVERIFY(!QFile::exists(m_dir->filePath(u"C:\\Policies\\MyPolicy.txt"_s)));
}

void TestBatchCli::atomic()
{
    const QByteArray script = "set N=Atom\r\n"
                              "netsh ipsec static add policy name=%N%\r\n"
                              "echo between\r\n"
                              "netsh ipsec static add rule name=R policy=%N% filterlist=Nope "
                              "filteraction=Nope\r\n";
    Run r = batch(script, {u"--atomic"_s});
    CHECK(r.code == 3 && r.err.contains(u"t.cmd line 4: There is no filter list named"_s), r);
    QVERIFY(!hasPolicy(policies(), u"Atom"_s)); // all or nothing
    r = batch("ipsecpol -w REG -p X -r R -f 0+* -n BLOCK\r\n", {u"--atomic"_s});
    CHECK(r.code == 2 && r.err.contains(u"t.cmd line 1: --atomic applies the netsh lines"_s), r);
}

void TestBatchCli::variableEditsAndArithmetic()
{
    const Run r =
        batch("@echo off\r\n"
              "set NAME=Block_worm_ports\r\n"
              "set POL=%NAME:_= %\r\n"
              "echo [%POL%] [%NAME:~0,5%] [%NAME:~-5%] [%NAME:~6,-6%] [%NAME:*worm=X%]\r\n"
              "set /a PORT=0x1A0 + 5\r\n"
              "set /a N=7 %% 4, M=(N+1) * 10\r\n"
              "set /a PORT2=PORT+1\r\n"
              "netsh ipsec static add policy name=\"%POL%\"\r\n"
              "netsh ipsec static add filter filterlist=L srcaddr=any dstaddr=me "
              "protocol=TCP dstport=%PORT2%\r\n"
              "echo %PORT% %N% %M% %PORT2%\r\n"
              "set /a X=1/0\r\n"
              "set /a Y=(1+2\r\n");
    CHECK(r.out.contains(u"[Block worm ports] [Block] [ports] [worm] [X_ports]\n"_s), r);
    CHECK(r.out.contains(u"421 3 40 422\n"_s), r);
    CHECK(r.err.contains(u"t.cmd line 11: set /a X=1/0: Divide by zero error."_s), r);
    CHECK(r.err.contains(u"t.cmd line 12: set /a Y=(1+2: Unbalanced parenthesis."_s), r);
    CHECK(r.code == 1 && r.err.contains(u"failed at line(s) 11, 12."_s), r);
    QVERIFY(hasPolicy(policies(), u"Block worm ports"_s));
    const Run list =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"name=L"_s, u"--json"_s},
            u"netsh"_s);
    const QJsonArray lists = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(lists.first()["filters"_L1].toArray().first()["destinationPort"_L1].toInt(), 422);
}

void TestBatchCli::outputRedirection()
{
    const Run r = batch("echo first> out.txt\r\n"
                        "echo second >> out.txt\r\n"
                        "netsh ipsec static add policy name=R > netsh.log\r\n"
                        "netsh ipsec static add policy name=R >> netsh.log 2>&1\r\n"
                        "netsh ipsec static add policy name=R 2>nul\r\n"
                        "netsh ipsec static add policy name=S >nul\r\n"
                        "netsh ipsec static show policy name=S 1>show.txt 2>errors.txt\r\n"
                        "echo never > C:\\Temp\\x.txt\r\n");
    const auto read = [this](const QString &name) {
        QFile f(m_dir->filePath(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : u"<missing>"_s;
    };
    QCOMPARE(read(u"out.txt"_s), u"first\nsecond\n"_s);
    const QString log = read(u"netsh.log"_s);
    CHECK(log.startsWith(u"Created policy \"R\"."_s), r);
    CHECK(log.contains(u"A policy named \"R\" already exists"_s), r);
    // Nothing of lines 3-7 on the screen; the failing lines still count in the summary.
    CHECK(!r.out.contains(u"Created policy"_s) && !r.err.contains(u"already exists"_s), r);
    CHECK(read(u"show.txt"_s).contains(u"Policy Name             : S"_s), r);
    QCOMPARE(read(u"errors.txt"_s), QString());
    CHECK(r.err.contains(u"t.cmd line 8: C:\\Temp\\x.txt is a Windows path"_s), r);
    CHECK(r.code == 1 && r.err.contains(u"failed at line(s) 4, 5, 8."_s), r);
}

void TestBatchCli::serverTypes()
{
    const Run r =
        batch("netsh ipsec static add filter filterlist=Srv srcaddr=me dstaddr=DNS "
              "protocol=UDP dstport=53\r\n"
              "netsh ipsec static add filter filterlist=Srv srcaddr=me dstaddr=gateway\r\n"
              "netsh ipsec static add filter filterlist=Srv srcaddr=DHCP dstaddr=any "
              "protocol=UDP srcport=67 dstport=68 mirrored=no\r\n"
              "netsh ipsec static add filter filterlist=Srv srcaddr=me dstaddr=WINS\r\n"
              "netsh ipsec static show filterlist name=Srv\r\n");
    CHECK(r.code == 1 && r.err.contains(u"failed at line(s) 4."_s), r);
    CHECK(r.err.contains(u"t.cmd line 4: netsh: dstaddr=WINS: WINS servers are not supported"_s),
          r);
    CHECK(r.err.contains(u"dstaddr=any becomes dstaddr=me"_s), r);
    // Shown as the server types, as Windows shows them.
    CHECK(r.out.contains(u"Destination IP Address: <DNS Servers>"_s), r);
    CHECK(r.out.contains(u"Destination IP Address: <Default Gateway>"_s), r);
    CHECK(r.out.contains(u"Source IP Address     : <DHCP Server>"_s), r);
    const Run json =
        run({u"ipsec"_s, u"static"_s, u"show"_s, u"filterlist"_s, u"name=Srv"_s, u"--json"_s},
            u"netsh"_s);
    const QJsonArray f =
        QJsonDocument::fromJson(json.out.toUtf8()).array().first()["filters"_L1].toArray();
    QCOMPARE(f.size(), 3);
    QCOMPARE(f[0]["destination"_L1].toString(), u"<DNS>"_s);
    QCOMPARE(f[1]["destination"_L1].toString(), u"<GATEWAY>"_s);
    QCOMPARE(f[2]["source"_L1].toString(), u"<DHCP>"_s);
    QCOMPARE(f[2]["destination"_L1].toString(), u"me"_s);
}
QTEST_GUILESS_MAIN(TestBatchCli)
#include "TestBatchCli.moc"
