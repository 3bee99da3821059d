// `ipseccmd -w DS[:domain]` and netsh's `set store location=domain` manage the directory's
// policies (issue 15), run as programs against the Samba DC in its namespace: the article's
// blocking policy is created in the directory and assigned to the Default Domain Policy,
// unassigned and deleted; a netsh script adds a policy there; no directory, an unreachable one
// and a wrong password are refused with a clear message and change nothing.

#include "ds/SambaDc.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QString DefaultDomainPolicy =
    u"CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=corp,DC=test"_s;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestDirectoryCli : public QObject {
    Q_OBJECT

private:
    SambaDc m_dc;
    QTemporaryDir m_tmp;
    QString m_password;

    QProcessEnvironment environment(const QString &passwordFile) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"IPSEC_CONSOLE_DIRECTORY"_s, QLatin1StringView(SambaDc::Url));
        env.insert(u"IPSEC_CONSOLE_BIND_DN"_s, QLatin1StringView(SambaDc::AdminDn));
        env.insert(u"IPSEC_CONSOLE_BIND_PASSWORD_FILE"_s, passwordFile);
        env.insert(u"IPSEC_CONSOLE_STORE"_s, m_tmp.filePath(u"local.db"_s));
        return env;
    }

    Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env)
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(IPSECCMD_DIR) + u'/' + program,
                QStringList{u"--netns"_s, m_dc.netns()} + args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    Run ipseccmd(const QStringList &args)
    {
        return run(u"ipseccmd"_s, args, environment(m_password));
    }

    QByteArray assignment()
    {
        return m_dc.ldapTool(u"ldapsearch"_s, {u"-LLL"_s, u"-o"_s, u"ldif-wrap=no"_s, u"-b"_s,
                                               u"CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,"_s
                                                   + DefaultDomainPolicy,
                                               u"-s"_s, u"base"_s, u"ipsecName"_s});
    }

private slots:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        m_password = m_tmp.filePath(u"bind.password"_s);
        QFile f(m_password);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(SambaDc::AdminPassword);
    }

    void theArticlesPolicyInTheDirectory()
    {
        Run r = ipseccmd({u"-w"_s, u"DS"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                          u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s,
                          u"BLOCK"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(u"Written to the directory"_s), qPrintable(r.err));
        QVERIFY(m_dc.dumpIpsecObjects().contains("Block UDP 1434 Filter"));
        QVERIFY(!assignment().contains("Block UDP 1434 Filter"));

        r = ipseccmd({u"-w"_s, u"DS:corp.test"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-x"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(assignment().contains("ipsecName: Block UDP 1434 Filter"));

        r = ipseccmd({u"-w"_s, u"DS"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-y"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!assignment().contains("Block UDP 1434 Filter"));

        r = ipseccmd({u"-w"_s, u"DS"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-o"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!m_dc.dumpIpsecObjects().contains("Block UDP 1434 Filter"));
        // The local store was never touched.
        QVERIFY(!QFile::exists(m_tmp.filePath(u"local.db"_s)));
    }

    void netshScriptOnTheDomainStore()
    {
        const QString script = m_tmp.filePath(u"domain.cmd"_s);
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("netsh ipsec static set store location=domain domain=corp.test\n"
                "netsh ipsec static add policy name=\"Domain Lockdown\" assign=yes\n");
        f.close();
        Run r = run(u"netsh"_s, {u"-f"_s, script}, environment(m_password));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(m_dc.dumpIpsecObjects().contains("Domain Lockdown"));
        QVERIFY(assignment().contains("ipsecName: Domain Lockdown"));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("netsh ipsec static add policy name=\"Too Early\"\n"
                "netsh ipsec static set store location=domain\n");
        f.close();
        r = run(u"netsh"_s, {u"-f"_s, script}, environment(m_password));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"must be the first command"_s), qPrintable(r.err));
        QVERIFY(!m_dc.dumpIpsecObjects().contains("Too Early"));
    }

    void assignsInTheGpoGiven()
    {
        // The Default Domain Controllers Policy instead of the Default Domain Policy.
        const QString dcPolicy =
            u"CN={6AC1786C-016F-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=corp,DC=test"_s;
        Run r = ipseccmd({u"--gpo"_s, u"Default Domain Controllers Policy"_s, u"-w"_s, u"DS"_s,
                          u"-p"_s, u"Secure Server (Require Security)"_s, u"-x"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray there = m_dc.ldapTool(
            u"ldapsearch"_s,
            {u"-LLL"_s, u"-b"_s, u"CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,"_s + dcPolicy,
             u"-s"_s, u"base"_s, u"ipsecName"_s});
        QVERIFY2(there.contains("ipsecName: Secure Server (Require Security)"), there.constData());
        QVERIFY(!assignment().contains("Secure Server"));
        r = ipseccmd({u"--gpo"_s, u"No Such GPO"_s, u"-w"_s, u"DS"_s, u"-p"_s,
                      u"Secure Server (Require Security)"_s, u"-x"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"No Such GPO"_s), qPrintable(r.err));
        r = ipseccmd({u"--gpo"_s, u"Default Domain Controllers Policy"_s, u"-w"_s, u"DS"_s, u"-p"_s,
                      u"Secure Server (Require Security)"_s, u"-y"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void noDirectoryIsAClearError()
    {
        const QByteArray before = m_dc.dumpIpsecObjects();
        QProcessEnvironment none = environment(m_password);
        none.remove(u"IPSEC_CONSOLE_DIRECTORY"_s);
        Run r = run(u"ipseccmd"_s, {u"-w"_s, u"DS"_s, u"-p"_s, u"X"_s, u"-x"_s}, none);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"No directory to work on"_s), qPrintable(r.err));

        QProcessEnvironment unreachable = environment(m_password);
        unreachable.insert(u"IPSEC_CONSOLE_DIRECTORY"_s, u"ldap://127.0.0.1:1"_s);
        r = run(u"ipseccmd"_s, {u"-w"_s, u"DS"_s, u"-p"_s, u"X"_s, u"-x"_s}, unreachable);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(u"cannot be reached"_s), qPrintable(r.err));

        const QString wrong = m_tmp.filePath(u"wrong.password"_s);
        QFile f(wrong);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write("Wrong-Secret-55");
        f.close();
        r = run(u"ipseccmd"_s, {u"-w"_s, u"DS"_s, u"-p"_s, u"X"_s, u"-x"_s}, environment(wrong));
        QCOMPARE(r.exitCode, 7);
        QVERIFY(!r.err.contains(u"Wrong-Secret"_s));
        QCOMPARE(m_dc.dumpIpsecObjects(), before);
    }
};

QTEST_GUILESS_MAIN(TestDirectoryCli)
#include "TestDirectoryCli.moc"
