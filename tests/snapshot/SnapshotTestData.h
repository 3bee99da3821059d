#pragma once

// A snapshot that uses every field of the model, for the snapshot tests and the fuzz seeds.

#include "snapshot/Snapshot.h"

#include <QHostAddress>

namespace ipsec::test {

// Guids from names, so that every call makes the same snapshot.
inline QUuid stableGuid(const QString &name)
{
    return QUuid::createUuidV5(QUuid(), name);
}

inline Filter makeFilter(const QString &src, const QString &dst, Protocol proto, quint16 sp,
                         quint16 dp, bool mirrored, const QString &description)
{
    Filter f;
    f.guid = stableGuid(src + dst + description);
    f.source = Address::parse(src).value();
    f.destination = Address::parse(dst).value();
    f.protocol = proto;
    f.sourcePort = sp;
    f.destinationPort = dp;
    f.mirrored = mirrored;
    f.description = description;
    return f;
}

inline Snapshot richSnapshot()
{
    using namespace Qt::StringLiterals;
    Snapshot s;
    s.programVersion = u"0.1.0"_s;
    s.created = u"2024-05-01T10:00:00Z"_s;
    s.host = SnapshotHost{u"host-a"_s, u"/var/lib/ipsec-console/policy.db"_s, u"lab"_s, {}, {}};
    PolicyDatabase &db = s.database;

    FilterList web;
    web.id = 1;
    web.guid = stableGuid(u"web"_s);
    web.name = u"Web \"in\" <b>&"_s;
    web.description = u"Zugriff auf Port 80 – ünïcödé\nline two"_s;
    web.filters << makeFilter(u"any"_s, u"me"_s, Protocol::tcp(), 0, 80, true, u"HTTP"_s)
                << makeFilter(u"10.1.0.0/16"_s, u"192.168.1.5"_s, Protocol::udp(), 1434, 53, false,
                              u"50% of <all>"_s)
                << makeFilter(u"2001:db8::/32"_s, u"me"_s, Protocol(47), 0, 0, true, {})
                << makeFilter(u"me"_s, u"www.example.org"_s, Protocol::icmp(), 0, 0, false,
                              u"it's"_s);
    FilterList empty;
    empty.id = 2;
    empty.guid = stableGuid(u"empty"_s);
    empty.name = u"Empty list"_s;
    empty.implicit = true;
    db.filterLists << web << empty;

    FilterAction block;
    block.id = 1;
    block.guid = stableGuid(u"block"_s);
    block.name = u"Block"_s;
    block.type = FilterAction::Type::Block;
    FilterAction secure;
    secure.id = 2;
    secure.guid = stableGuid(u"secure"_s);
    secure.name = u"Secure"_s;
    secure.description = u"ESP with PFS"_s;
    secure.type = FilterAction::Type::Negotiate;
    secure.inboundPassThrough = true;
    secure.allowUnsecured = true;
    secure.sessionKeyPfs = true;
    SecurityMethod strong;
    strong.lifetimeKBytes = 100000;
    strong.lifetimeSeconds = 3600;
    strong.pfs = true;
    SecurityMethod ah;
    ah.ah = true;
    ah.ahHash = SecurityMethod::Hash::Md5;
    ah.espCipher = SecurityMethod::Cipher::Des;
    ah.espHash = SecurityMethod::Hash::None;
    secure.securityMethods << strong << ah;
    db.filterActions << block << secure;

    Policy p;
    p.id = 1;
    p.guid = stableGuid(u"p"_s);
    p.name = u"Web server"_s;
    p.description = u"Blocks & secures"_s;
    p.pollingIntervalMinutes = 45;
    p.assigned = true;
    p.lastModified = QDateTime::fromString(u"2024-04-30T08:15:30.123Z"_s, Qt::ISODateWithMs);
    Policy q;
    q.id = 2;
    q.guid = stableGuid(u"q"_s);
    q.name = u"Spare"_s;
    q.lastModified = QDateTime::fromString(u"2024-04-29T00:00:00.000Z"_s, Qt::ISODateWithMs);
    db.policies << p << q;

    Rule r1;
    r1.id = 1;
    r1.guid = stableGuid(u"r1"_s);
    r1.policyId = 1;
    r1.name = u"Block web"_s;
    r1.filterListId = 1;
    r1.filterActionId = 1;
    Rule r2;
    r2.id = 2;
    r2.guid = stableGuid(u"r2"_s);
    r2.policyId = 1;
    r2.name = u"Secure tunnel"_s;
    r2.description = u"to the gateway"_s;
    r2.filterListId = 1;
    r2.filterActionId = 2;
    r2.active = false;
    r2.tunnelEndpoint = u"192.0.2.1"_s;
    r2.connectionType = Rule::ConnectionType::Lan;
    r2.authMethods = {AuthMethod{AuthMethod::Kind::PresharedKey, u"s3cr\"et key"_s},
                      AuthMethod{AuthMethod::Kind::Certificate, u"CN=Root CA"_s}, AuthMethod{}};
    Rule drr;
    drr.id = 3;
    drr.guid = stableGuid(u"drr"_s);
    drr.policyId = 1;
    drr.name = u"<Dynamic>"_s;
    drr.defaultResponse = true;
    Rule r4;
    r4.id = 4;
    r4.guid = stableGuid(u"r4"_s);
    r4.policyId = 2;
    r4.name = u"Nothing"_s;
    r4.filterListId = 2;
    r4.filterActionId = 1;
    db.rules << r1 << r2 << drr << r4;

    engine::DynamicFilter d;
    d.filter = makeFilter(u"any"_s, u"me"_s, Protocol::udp(), 0, 1434, false, {});
    d.action = FilterAction::Type::Block;
    d.label = u"[*=0:1434:UDP]"_s;
    s.dynamicFilters << d;

    KernelRecord k;
    k.entries << u"ip xfrm policy add dir in proto udp dport 1434 action block priority 1000"_s;
    k.foreignEntries = 2;
    k.inSync = true;
    k.counters.emplace(u"XfrmInNoPols"_s, 7);
    s.kernel = k;
    return s;
}

} // namespace ipsec::test
