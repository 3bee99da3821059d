// Scale bench for issue 15 (not a ctest): N domain members (default 50), each its own network
// namespace, dbus-daemon and ipsec-policyd, joined by veth ports to a bridge in the namespace of
// one Samba DC. The admin changes the assigned policy's filter (TCP 7777 -> 7778); the bench
// measures when each member blocks the new port with real packets (time to converge) and the
// directory's load: bytes through the DC's bridge per poll and member, and the LDAP searches,
// entries and value bytes of one member's poll (counted by the client library).
//
//   bench_domain_members [MEMBERS [POLL_SECONDS]]      (root; about a minute for 50)

#include "agent/AgentFixture.h"
#include "ds/DsFixtures.h"
#include "ds/SambaDc.h"
#include "kernel/NetnsFixture.h"
#include "kernel/TrafficProbe.h"

#include "ds/DomainPolicy.h"
#include "ds/DsModel.h"
#include "ds/LdapDirectory.h"
#include "service/PolicyService.h"
#include "service/PolicySource.h"
#include "syntax/IpsecCmd.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {

const QString OuDn = u"OU=Workstations,OU=Corp,DC=corp,DC=test"_s;

int fail(const QString &why)
{
    std::fprintf(stderr, "bench_domain_members: %s\n", qPrintable(why));
    return 1;
}

QString memberName(int i)
{
    return u"WS%1"_s.arg(100 + i);
}

QHostAddress memberAddress(int i)
{
    return QHostAddress(u"10.79.1.%1"_s.arg(i + 1));
}

// Bytes received + sent by the DC's bridge (the directory's side of every member's traffic).
qint64 bridgeBytes(const QString &dcNs)
{
    QProcess p;
    p.start(u"ip"_s, {u"-n"_s, dcNs, u"-s"_s, u"-j"_s, u"link"_s, u"show"_s, u"br0"_s});
    p.waitForFinished(5000);
    const QJsonObject stats = QJsonDocument::fromJson(p.readAllStandardOutput())
                                  .array()
                                  .first()
                                  .toObject()
                                  .value(u"stats64"_s)
                                  .toObject();
    return stats.value(u"rx"_s).toObject().value(u"bytes"_s).toInteger()
           + stats.value(u"tx"_s).toObject().value(u"bytes"_s).toInteger();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int members = argc > 1 ? std::clamp(atoi(argv[1]), 1, 200) : 50;
    const int pollSeconds = argc > 2 ? std::max(1, atoi(argv[2])) : 10;
    if (const QString why = SambaDc::unavailableReason(); !why.isEmpty())
        return fail(why);
    qputenv("IPSEC_CONSOLE_TEST_GUARD", "1");

    SambaDc dc;
    QElapsedTimer setup;
    setup.start();
    if (!dc.start())
        return fail(dc.lastError());
    NetnsFixture net;
    const QString dcNs = dc.netns();
    if (!net.ip({u"-n"_s, dcNs, u"link"_s, u"add"_s, u"br0"_s, u"type"_s, u"bridge"_s})
        || !net.ip({u"-n"_s, dcNs, u"addr"_s, u"add"_s, u"10.79.0.1/16"_s, u"dev"_s, u"br0"_s})
        || !net.ip({u"-n"_s, dcNs, u"link"_s, u"set"_s, u"br0"_s, u"up"_s}))
        return fail(net.lastError());

    QTemporaryDir tmp;
    const QString password = tmp.filePath(u"bind.password"_s);
    {
        QFile f(password);
        if (!f.open(QIODevice::WriteOnly)
            || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(u"cannot write the password file"_s);
        f.write(SambaDc::AdminPassword);
    }

    // The admin's policy (blocks inbound TCP 7777), its objects written to the directory.
    PolicyService::Options adminOptions;
    adminOptions.storePath = tmp.filePath(u"admin.db"_s);
    adminOptions.enforcement = PolicyService::Enforcement::Off;
    auto admin = PolicyService::open(adminOptions);
    if (!admin)
        return fail(admin.error().message);
    auto command = syntax::IpsecCmdParser::parse({u"-w"_s, u"REG"_s, u"-p"_s, u"Domain Block"_s,
                                                  u"-r"_s, u"Block TCP"_s, u"-f"_s,
                                                  u"*=0:7777:TCP"_s, u"-n"_s, u"BLOCK"_s});
    if (!command || !(*admin)->executeStatic(*command))
        return fail(u"the admin's policy cannot be made"_s);
    PolicyDatabase db = *(*admin)->load();
    qint64 policyId = 0;
    for (const Policy &p : std::as_const(db.policies))
        if (p.name == u"Domain Block"_s)
            policyId = p.id;
    auto objects = DsModel::write(db, policyId, QLatin1StringView(SambaDc::BaseDn));
    if (!objects)
        return fail(objects.error().message);
    DirectoryOptions adminDir;
    adminDir.url = QLatin1StringView(SambaDc::Url);
    adminDir.bindDn = QLatin1StringView(SambaDc::AdminDn);
    adminDir.bindPasswordFile = password;
    QString error;
    NetnsFixture::runIn(dcNs, [&] {
        auto dir = LdapDirectory::connect(adminDir);
        if (!dir)
            error = dir.error().message;
        else if (auto ok = (*dir)->addAll(*objects); !ok)
            error = ok.error().message;
    });
    if (!error.isEmpty())
        return fail(error);
    QString policyDn;
    for (const DsObject &o : std::as_const(*objects))
        if (o.objectClass == DsClass::Policy)
            policyDn = o.dn;
    if (!addIpsecGpo(dc, policyDn) || !linkIpsecGpo(dc, 0))
        return fail(u"the GPO cannot be written"_s);
    QByteArray computers;
    for (int i = 0; i < members; ++i)
        computers += "dn: CN=" + memberName(i).toUtf8() + "," + OuDn.toUtf8()
                     + "\nobjectClass: computer\nsAMAccountName: " + memberName(i).toUtf8()
                     + "$\n\n";
    int rc = -1;
    dc.ldapTool(u"ldapadd"_s, {}, &rc, computers);
    if (rc != 0)
        return fail(u"the computer accounts cannot be added"_s);

    // The members: a namespace, a bridge port, a bus and an agent each.
    std::vector<std::unique_ptr<AgentFixture>> agents;
    QStringList memberNs;
    for (int i = 0; i < members; ++i) {
        const QString ns = net.create();
        const QString port = u"vd%1"_s.arg(i);
        if (ns.isEmpty()
            || !net.ip({u"-n"_s, dcNs, u"link"_s, u"add"_s, port, u"type"_s, u"veth"_s, u"peer"_s,
                        u"name"_s, u"vm"_s, u"netns"_s, ns})
            || !net.ip({u"-n"_s, dcNs, u"link"_s, u"set"_s, port, u"master"_s, u"br0"_s, u"up"_s})
            || !net.ip({u"-n"_s, ns, u"addr"_s, u"add"_s, memberAddress(i).toString() + u"/16"_s,
                        u"dev"_s, u"vm"_s})
            || !net.ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"vm"_s, u"up"_s}))
            return fail(net.lastError());
        memberNs << ns;
        auto agent = std::make_unique<AgentFixture>();
        if (!agent->startBus(&error)
            || !agent->startAgent(ns,
                                  {u"--directory"_s, u"ldap://10.79.0.1"_s, u"--computer"_s,
                                   memberName(i), u"--bind-dn"_s,
                                   QLatin1StringView(SambaDc::AdminDn), u"--bind-password-file"_s,
                                   password, u"--poll-interval"_s, QString::number(pollSeconds)},
                                  &error))
            return fail(u"member %1: %2"_s.arg(i).arg(error));
        agents.push_back(std::move(agent));
    }
    const auto flowsTo = [&](quint16 port) {
        QList<Flow> flows;
        for (int i = 0; i < members; ++i)
            flows << Flow::tcp(dcNs, QHostAddress(u"10.79.0.1"_s), 0, memberNs.at(i),
                               memberAddress(i), port);
        return flows;
    };
    // Every member enforces the domain's policy (7777 blocked) before the change.
    QElapsedTimer wait;
    wait.start();
    for (;;) {
        int ready = 0;
        for (const auto &a : agents)
            ready += PolicySource::readStatus(a->storePath()).source
                     == PolicySourceStatus::Source::Domain;
        if (ready == members)
            break;
        if (wait.elapsed() > (pollSeconds + 60) * 1000)
            return fail(u"only %1 of %2 members took the domain policy"_s.arg(ready).arg(members));
        QThread::msleep(200);
    }
    TrafficProbe::waitUntilDelivered(flowsTo(7778));
    const QList<bool> before = TrafficProbe::run(flowsTo(7777), 500);
    if (before.contains(true))
        return fail(u"a member lets TCP 7777 through before the change"_s);
    std::printf("setup: DC, %d members with agents, all enforcing the domain policy: %.1f s\n",
                members, setup.elapsed() / 1000.0);

    // Directory load while nothing changes: two polling intervals.
    const qint64 bytes0 = bridgeBytes(dcNs);
    QThread::sleep(2 * pollSeconds);
    const qint64 idleBytes = bridgeBytes(dcNs) - bytes0;
    // One member's poll, counted by the client library (searches, entries, value bytes).
    const LdapDirectory::Load load0 = LdapDirectory::load();
    DirectoryOptions one;
    one.url = u"ldap://10.79.0.1"_s;
    one.bindDn = QLatin1StringView(SambaDc::AdminDn);
    one.bindPasswordFile = password;
    one.computer = memberName(0);
    NetnsFixture::runIn(memberNs.first(), [&] {
        (void)DomainPolicyFetcher::fetch(one, tmp.filePath(u"one-cache.json"_s));
    });
    const LdapDirectory::Load load1 = LdapDirectory::load();

    // The change: the filter now blocks TCP 7778.
    for (FilterList &list : db.filterLists)
        for (Filter &f : list.filters)
            if (f.destinationPort == 7777)
                f.destinationPort = 7778;
    auto changed = DsModel::write(db, policyId, QLatin1StringView(SambaDc::BaseDn));
    if (!changed)
        return fail(changed.error().message);
    QByteArray ldif;
    for (const DsObject &o : std::as_const(*changed))
        if (o.objectClass == DsClass::Filter)
            ldif += "dn: " + o.dn.toUtf8() + "\nchangetype: modify\nreplace: ipsecData\n"
                    + "ipsecData:: " + o.data.toBase64() + "\n\n";
    QElapsedTimer converge;
    dc.ldapTool(u"ldapmodify"_s, {}, &rc, ldif);
    converge.start();
    if (rc != 0)
        return fail(u"the change cannot be written"_s);
    QList<qint64> at(members, -1);
    int done = 0;
    while (done < members && converge.elapsed() < (3 * pollSeconds + 30) * 1000) {
        QList<Flow> flows;
        QList<int> which;
        for (int i = 0; i < members; ++i)
            if (at[i] < 0) {
                flows << flowsTo(7778).at(i);
                which << i;
            }
        const QList<bool> through = TrafficProbe::run(flows, 300);
        const qint64 now = converge.elapsed();
        for (qsizetype k = 0; k < which.size(); ++k)
            if (!through.at(k)) {
                at[which.at(k)] = now;
                ++done;
            }
    }
    QList<qint64> sorted;
    for (qint64 t : std::as_const(at))
        if (t >= 0)
            sorted << t;
    std::sort(sorted.begin(), sorted.end());
    std::printf("change 7777 -> 7778: %d of %d members converged; time to converge (ms, "
                "including the 300 ms probe): min %lld, median %lld, max %lld (polling every "
                "%d s)\n",
                done, members, sorted.isEmpty() ? -1LL : sorted.first(),
                sorted.isEmpty() ? -1LL : sorted.at(sorted.size() / 2),
                sorted.isEmpty() ? -1LL : sorted.last(), pollSeconds);
    const double polls = double(members) * 2;
    std::printf("directory load while idle: %lld bytes through the DC's bridge in %d s = %.0f "
                "bytes per member poll (%.1f KiB/s for %d members)\n",
                idleBytes, 2 * pollSeconds, idleBytes / polls,
                idleBytes / 1024.0 / (2 * pollSeconds), members);
    std::printf("one poll (client count): %llu LDAP searches, %llu entries, %llu bytes of "
                "attribute values\n",
                static_cast<unsigned long long>(load1.searches - load0.searches),
                static_cast<unsigned long long>(load1.entries - load0.entries),
                static_cast<unsigned long long>(load1.valueBytes - load0.valueBytes));
    agents.clear(); // agents and buses stop
    dc.stop();
    return done == members ? 0 : 1;
}
