// A Linux member of an Active Directory domain enforces the IPsec policy its domain assigns
// (issue 15), end to end: a Samba DC in one namespace, the real ipsec-policyd serving the
// member's namespace B (joined to the DC by a veth pair of its own), real packets from A.
// The admin writes a blocking policy (DsModel) and links a GPO to the member's OU; the agent
// enforces it instead of its local policy, follows a change within its (shortened) polling
// interval, ignores a hostile blob and a wrong password, keeps the cached policy while the DC
// is down, and `gpupdate /force` fetches the new one after the restart. One DC provision
// (cached in the build folder); the functions run in order and share the DC and the agent.

#include "agent/AgentFixture.h"
#include "ds/DsFixtures.h"
#include "ds/SambaDc.h"
#include "kernel/NetnsFixture.h"
#include "kernel/TrafficProbe.h"

#include "ds/DsModel.h"
#include "ds/LdapDirectory.h"
#include "service/PolicyService.h"
#include "syntax/IpsecCmd.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {

const QHostAddress DcAddress(u"10.78.0.1"_s);
const QHostAddress MemberDcSide(u"10.78.0.2"_s);
constexpr int PollSeconds = 2;

} // namespace

class TestDomainMember : public QObject {
    Q_OBJECT

private:
    SambaDc m_dc;
    NetnsFixture m_net;
    VethPair m_pair; // a: the peer sending packets, b: the member
    AgentFixture m_agent;
    QTemporaryDir m_tmp;
    QString m_password;
    PolicyDatabase m_admin; // the admin's policy, as written to the directory
    qint64 m_adminPolicyId = 0;
    QList<DsObject> m_objects;

    // The member's side of the DC: a veth pair between the DC's namespace and B.
    bool joinDcToMember(QString *error)
    {
        const QString dc = m_dc.netns();
        const QString member = m_pair.b;
        for (const QStringList &args :
             {QStringList{u"-n"_s, dc, u"link"_s, u"add"_s, u"vdc"_s, u"type"_s, u"veth"_s,
                          u"peer"_s, u"name"_s, u"vmember"_s, u"netns"_s, member},
              QStringList{u"-n"_s, dc, u"addr"_s, u"add"_s, u"10.78.0.1/24"_s, u"dev"_s, u"vdc"_s},
              QStringList{u"-n"_s, dc, u"link"_s, u"set"_s, u"vdc"_s, u"up"_s},
              QStringList{u"-n"_s, member, u"addr"_s, u"add"_s, u"10.78.0.2/24"_s, u"dev"_s,
                          u"vmember"_s},
              QStringList{u"-n"_s, member, u"link"_s, u"set"_s, u"vmember"_s, u"up"_s}}) {
            if (!m_net.ip(args))
                return *error = m_net.lastError(), false;
        }
        if (!TrafficProbe::waitUntilDelivered(
                {Flow::udp(member, MemberDcSide, 0, dc, DcAddress, 4999)}))
            return *error = u"the DC cannot be reached from the member"_s, false;
        return true;
    }

    // The admin's side: objects of a policy that blocks inbound TCP `port`, written to the DC.
    bool writeDomainPolicy(quint16 port, QString *error)
    {
        if (m_admin.policies.isEmpty()) {
            PolicyService::Options o;
            o.storePath = m_tmp.filePath(u"admin.db"_s);
            o.enforcement = PolicyService::Enforcement::Off;
            auto admin = PolicyService::open(o);
            if (!admin)
                return *error = admin.error().message, false;
            auto command = syntax::IpsecCmdParser::parse(
                {u"-w"_s, u"REG"_s, u"-p"_s, u"Domain Block"_s, u"-r"_s, u"Block TCP"_s, u"-f"_s,
                 u"*=0:7777:TCP"_s, u"-n"_s, u"BLOCK"_s});
            if (!command || !(*admin)->executeStatic(*command))
                return *error = u"the admin's policy cannot be made"_s, false;
            auto db = (*admin)->load();
            if (!db)
                return *error = db.error().message, false;
            m_admin = *db;
            for (const Policy &p : std::as_const(m_admin.policies))
                if (p.name == u"Domain Block"_s)
                    m_adminPolicyId = p.id;
        }
        for (FilterList &list : m_admin.filterLists)
            for (Filter &f : list.filters)
                if (f.destinationPort >= 7777)
                    f.destinationPort = port;
        auto objects = DsModel::write(m_admin, m_adminPolicyId, QLatin1StringView(SambaDc::BaseDn));
        if (!objects)
            return *error = objects.error().message, false;
        const bool replace = !m_objects.isEmpty();
        m_objects = *objects;
        if (replace) {
            // A changed filter: its object's blob is replaced, as the snap-in does.
            for (const DsObject &o : std::as_const(m_objects)) {
                if (o.objectClass != DsClass::Filter)
                    continue;
                int rc = -1;
                m_dc.ldapTool(u"ldapmodify"_s, {}, &rc,
                              "dn: " + o.dn.toUtf8()
                                  + "\nchangetype: modify\nreplace: ipsecData\nipsecData:: "
                                  + o.data.toBase64() + "\n\n");
                if (rc != 0)
                    return *error = u"ldapmodify failed"_s, false;
            }
            return true;
        }
        DirectoryOptions options;
        options.url = QLatin1StringView(SambaDc::Url);
        options.bindDn = QLatin1StringView(SambaDc::AdminDn);
        options.bindPasswordFile = m_password;
        bool ok = false;
        NetnsFixture::runIn(m_dc.netns(), [&] {
            auto dir = LdapDirectory::connect(options);
            if (!dir) {
                *error = dir.error().message;
                return;
            }
            auto added = (*dir)->addAll(m_objects);
            ok = bool(added);
            if (!added)
                *error = added.error().message;
        });
        return ok;
    }

    QString policyDn() const
    {
        for (const DsObject &o : m_objects)
            if (o.objectClass == DsClass::Policy)
                return o.dn;
        return {};
    }

    QList<Flow> flows(const QList<quint16> &ports) const
    {
        QList<Flow> out;
        for (quint16 port : ports)
            out << Flow::tcp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), port);
        return out;
    }

    // Waits until the member lets exactly `open` through among `ports`; the milliseconds it
    // took, or -1 (with the mismatches in *why).
    qint64 waitForTraffic(const QList<quint16> &ports, const QList<bool> &open, int timeoutMs,
                          QStringList *why)
    {
        QElapsedTimer t;
        t.start();
        do {
            *why = TrafficProbe::mismatchesWithRetries(flows(ports), open);
            if (why->isEmpty())
                return t.elapsed();
            QThread::msleep(100);
        } while (t.elapsed() < timeoutMs);
        return -1;
    }

    AgentRun cmd(const QStringList &args)
    {
        return m_agent.ipseccmd(
            args + QStringList{u"--netns"_s, m_pair.b, u"--store"_s, m_agent.storePath()});
    }

    QJsonObject policySource()
    {
        const AgentRun r = cmd({u"show"_s, u"policies"_s, u"--json"_s});
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"policySource"_s).toObject();
    }

    void setPassword(const QByteArray &password)
    {
        QFile f(m_password);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(password);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        QString error;
        QVERIFY2(VethPair::create(m_net, &m_pair, &error), qPrintable(error));
        QVERIFY2(joinDcToMember(&error), qPrintable(error));
        m_password = m_tmp.filePath(u"bind.password"_s);
        setPassword(SambaDc::AdminPassword);
        QVERIFY2(writeDomainPolicy(7777, &error), qPrintable(error));
        QVERIFY(addIpsecGpo(m_dc, policyDn())); // the GPO exists, not linked yet
        QVERIFY2(m_agent.startBus(&error), qPrintable(error));
        QVERIFY2(m_agent.startAgent(m_pair.b,
                                    {u"--directory"_s, u"ldap://10.78.0.1"_s, u"--computer"_s,
                                     u"WS17"_s, u"--bind-dn"_s, QLatin1StringView(SambaDc::AdminDn),
                                     u"--bind-password-file"_s, m_password, u"--poll-interval"_s,
                                     QString::number(PollSeconds)},
                                    &error),
                 qPrintable(error));
    }

    void localPolicyWhileTheDomainAssignsNone()
    {
        const AgentRun r =
            cmd({u"-w"_s, u"REG"_s, u"-p"_s, u"Local Block"_s, u"-r"_s, u"Block 6666"_s, u"-f"_s,
                 u"*=0:6666:TCP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QStringList why;
        QVERIFY2(waitForTraffic({6666, 7777}, {false, true}, 5000, &why) >= 0,
                 qPrintable(why.join(u'\n')));
        QCOMPARE(policySource().value(u"source"_s).toString(), u"local"_s);
    }

    void domainPolicyOverridesTheLocalOne()
    {
        QVERIFY(linkIpsecGpo(m_dc, 0));
        QStringList why;
        const qint64 ms =
            waitForTraffic({6666, 7777}, {true, false}, (2 * PollSeconds + 8) * 1000, &why);
        QVERIFY2(ms >= 0, qPrintable(why.join(u'\n') + u'\n' + m_agent.agentLog()));
        qInfo("domain policy enforced %lld ms after the GPO link (polling every %d s)", ms,
              PollSeconds);
        const QJsonObject source = policySource();
        QCOMPARE(source.value(u"source"_s).toString(), u"domain"_s);
        QCOMPARE(source.value(u"policy"_s).toString(), u"Domain Block"_s);
        // netdiag is ipseccmd under another name (the build makes the link).
        QProcess p;
        p.setProcessEnvironment(m_agent.environment());
        p.start(QFileInfo(QStringLiteral(IPSECCMD_PATH)).absolutePath() + u"/netdiag"_s,
                {u"/test:ipsec"_s, u"--netns"_s, m_pair.b, u"--store"_s, m_agent.storePath()});
        QVERIFY(p.waitForFinished(30000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(u"Directory IPSec Policy Active: 'Domain Block'"_s), qPrintable(out));
        QVERIFY2(out.contains(u"assigned from the domain"_s), qPrintable(out));
        // The cache may hold preshared keys: root only; the status file holds none.
        const QString cache = PolicySource::cachePath(m_agent.storePath());
        QVERIFY(QFile::exists(cache));
        QCOMPARE(QFile::permissions(cache) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QFile status(PolicySource::statusPath(m_agent.storePath()));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QVERIFY(!status.readAll().contains(SambaDc::AdminPassword));
        QVERIFY(!m_agent.agentLog().contains(QLatin1StringView(SambaDc::AdminPassword)));
    }

    void memberFollowsAChangeWithinItsPollingInterval()
    {
        QString error;
        QVERIFY2(writeDomainPolicy(7778, &error), qPrintable(error));
        QStringList why;
        const qint64 ms =
            waitForTraffic({7777, 7778}, {true, false}, (2 * PollSeconds + 8) * 1000, &why);
        QVERIFY2(ms >= 0, qPrintable(why.join(u'\n') + u'\n' + m_agent.agentLog()));
        qInfo("filter change enforced after %lld ms (polling every %d s)", ms, PollSeconds);
    }

    void emergencyUnassignHoldsAgainstTheDomainPolicy()
    {
        AgentRun r = cmd({u"emergency-unassign"_s});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QStringList why;
        QVERIFY2(waitForTraffic({6666, 7778}, {true, true}, 3000, &why) >= 0,
                 qPrintable(why.join(u'\n')));
        QThread::msleep((PollSeconds + 1) * 1000); // a poll does not undo the brake
        QVERIFY2(waitForTraffic({6666, 7778}, {true, true}, 1000, &why) >= 0,
                 qPrintable(why.join(u'\n') + u'\n' + m_agent.agentLog()));
        r = cmd({u"reassign"_s});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(waitForTraffic({6666, 7778}, {true, false}, 3000, &why) >= 0,
                 qPrintable(why.join(u'\n') + u'\n' + m_agent.agentLog()));
    }

    void hostileBlobAndBadCredentialsChangeNothing()
    {
        // The filter's blob replaced by one that does not decode: refused, naming the object.
        QString filterDn;
        QByteArray good;
        for (const DsObject &o : std::as_const(m_objects))
            if (o.objectClass == DsClass::Filter)
                filterDn = o.dn, good = o.data;
        const auto setBlob = [&](const QByteArray &blob) {
            int rc = -1;
            m_dc.ldapTool(u"ldapmodify"_s, {}, &rc,
                          "dn: " + filterDn.toUtf8()
                              + "\nchangetype: modify\nreplace: ipsecData\nipsecData:: "
                              + blob.toBase64() + "\n\n");
            return rc == 0;
        };
        QByteArray hostile = good;
        hostile.truncate(good.size() / 2);
        QVERIFY(setBlob(hostile));
        AgentRun r = cmd({u"refresh"_s});
        QVERIFY2(r.code != 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(u"ipsecFilter"_s), qPrintable(r.describe()));
        QStringList why;
        QVERIFY2(waitForTraffic({7777, 7778}, {true, false}, 3000, &why) >= 0,
                 qPrintable(why.join(u'\n')));
        QVERIFY(setBlob(good));

        // A wrong password: the directory refuses the bind, the cached policy stays.
        setPassword("not-the-password");
        r = cmd({u"refresh"_s});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(policySource().value(u"source"_s).toString(), u"cached domain"_s);
        QVERIFY(!r.out.contains(u"not-the-password"_s) && !r.err.contains(u"not-the-password"_s));
        QVERIFY2(waitForTraffic({7777, 7778}, {true, false}, 3000, &why) >= 0,
                 qPrintable(why.join(u'\n')));
        setPassword(SambaDc::AdminPassword);
        r = cmd({u"refresh"_s});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(policySource().value(u"source"_s).toString(), u"domain"_s);
    }

    void cachedPolicyWhileTheDcIsDown()
    {
        m_dc.stop(); // its namespace goes, and the veth pair with it
        QElapsedTimer t;
        t.start();
        while (policySource().value(u"source"_s).toString() != u"cached domain"_s
               && t.elapsed() < (2 * PollSeconds + 15) * 1000)
            QThread::msleep(200);
        const QJsonObject source = policySource();
        QCOMPARE(source.value(u"source"_s).toString(), u"cached domain"_s);
        QVERIFY(!source.value(u"problem"_s).toString().isEmpty());
        QStringList why;
        QVERIFY2(waitForTraffic({6666, 7778}, {true, false}, 3000, &why) >= 0,
                 qPrintable(why.join(u'\n')));
    }

    void gpupdateFetchesTheNewPolicyAfterTheRestart()
    {
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError())); // a fresh copy of the domain
        QString error;
        QVERIFY2(joinDcToMember(&error), qPrintable(error));
        m_objects.clear(); // the restarted directory holds nothing of ours: written anew
        QVERIFY2(writeDomainPolicy(7779, &error), qPrintable(error));
        QVERIFY(addIpsecGpo(m_dc, policyDn()));
        QVERIFY(linkIpsecGpo(m_dc, 0));
        const AgentRun r = cmd({u"gpupdate"_s, u"/force"_s});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(u"Computer Policy update has completed successfully."_s),
                 qPrintable(r.out));
        QStringList why;
        QVERIFY2(waitForTraffic({7778, 7779}, {true, false}, 1000, &why) >= 0,
                 qPrintable(why.join(u'\n') + u'\n' + m_agent.agentLog()));
        QCOMPARE(policySource().value(u"source"_s).toString(), u"domain"_s);
    }

    void cleanupTestCase()
    {
        m_agent.killAgent();
        m_dc.stop();
    }
};

QTEST_GUILESS_MAIN(TestDomainMember)
#include "TestDomainMember.moc"
