#include "engine/FilterExpansion.h"
#include "model/PolicyDatabase.h"
#include "snapshot/ModelJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;

class TestModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addressParse_data();
    void addressParse();
    void addressContains();
    void maskParse_data();
    void maskParse();
    void protocolParse_data();
    void protocolParse();
    void filterValidation_data();
    void filterValidation();
    void names_data();
    void names();
    void securityMethods_data();
    void securityMethods();
    void authMethods();
    void actionValidation();
    void windowsDefaults();
    void expansion();
    void json();
};

void TestModel::addressParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("canonical"); // or a substring of the error
    QTest::newRow("me") << u"me"_s << true << u"me"_s;
    QTest::newRow("ME") << u"ME"_s << true << u"me"_s;
    QTest::newRow("any") << u"Any"_s << true << u"any"_s;
    QTest::newRow("host") << u"192.168.1.1"_s << true << u"192.168.1.1"_s;
    QTest::newRow("prefix") << u"10.0.0.0/8"_s << true << u"10.0.0.0/8"_s;
    QTest::newRow("dotted") << u"10.1.0.0/255.255.0.0"_s << true << u"10.1.0.0/16"_s;
    QTest::newRow("host/32") << u"10.1.2.3/32"_s << true << u"10.1.2.3"_s;
    QTest::newRow("v6 host") << u"2001:db8::1"_s << true << u"2001:db8::1"_s;
    QTest::newRow("v6 net") << u"2001:db8::/32"_s << true << u"2001:db8::/32"_s;
    QTest::newRow("dns") << u"Server.Example.org"_s << true << u"server.example.org"_s;
    QTest::newRow("host bits") << u"10.1.2.3/8"_s << false << u"did you mean 10.0.0.0/8"_s;
    QTest::newRow("prefix range") << u"10.0.0.0/33"_s << false << u"out of range"_s;
    QTest::newRow("noncontiguous") << u"10.0.0.0/255.0.255.0"_s << false << u"not contiguous"_s;
    QTest::newRow("bad mask") << u"10.0.0.0/abc"_s << false << u"\"abc\" is not a mask"_s;
    QTest::newRow("mask without address") << u"foo/24"_s << false << u"is not an IP address"_s;
    QTest::newRow("broken v4") << u"1.2.3"_s << false << u"\"1.2.3\" is not a valid IPv4 address"_s;
    // Issue 12, item 9: no second reading of an address.
    QTest::newRow("octal") << u"010.001.001.001"_s << false << u"Did you mean 10.1.1.1?"_s;
    QTest::newRow("octal subnet") << u"010.0.0.0/8"_s << false << u"leading zeros"_s;
    QTest::newRow("hex") << u"0x7f.0.0.1"_s << false << u"Did you mean 127.0.0.1?"_s;
    QTest::newRow("hex word") << u"0x7f000001"_s << false << u"not a valid IPv4 address"_s;
    QTest::newRow("short") << u"127.1"_s << false << u"not a valid IPv4 address"_s;
    QTest::newRow("v4-mapped") << u"::ffff:10.0.0.1"_s << false << u"Write 10.0.0.1 instead"_s;
    QTest::newRow("v4-mapped hex") << u"::ffff:a00:1"_s << false << u"IPv4-mapped"_s;
    QTest::newRow("zone") << u"fe80::1%eth0"_s << false << u"zone ids"_s;
    QTest::newRow("prefix space") << u"10.0.0.0/ 8"_s << false << u"digits only"_s;
    QTest::newRow("prefix sign") << u"10.0.0.0/+8"_s << false << u"digits only"_s;
    QTest::newRow("prefix zero") << u"10.0.0.0/08"_s << true << u"10.0.0.0/8"_s;
    QTest::newRow("name with digits") << u"0x7f.example.org"_s << true << u"0x7f.example.org"_s;
    QTest::newRow("bad dns") << u"bad_name!"_s << false << u"not a valid DNS name"_s;
    QTest::newRow("empty") << u" "_s << false << u"empty"_s;
}

void TestModel::addressParse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, canonical);
    const auto a = Address::parse(text);
    QCOMPARE(a.ok(), ok);
    if (ok)
        QCOMPARE(a->toString(), canonical);
    else
        QVERIFY2(a.error().message.contains(canonical), qPrintable(a.error().message));
}

void TestModel::addressContains()
{
    const auto net = Address::parse(u"10.1.0.0/16"_s).value();
    QVERIFY(net.contains(QHostAddress(u"10.1.200.3"_s)));
    QVERIFY(!net.contains(QHostAddress(u"10.2.0.1"_s)));
    QVERIFY(!net.contains(QHostAddress(u"2001:db8::1"_s)));
    QVERIFY(Address::any().contains(QHostAddress(u"2001:db8::1"_s)));
    QVERIFY(!Address::me().contains(QHostAddress(u"10.1.0.1"_s)));
    const auto v6 = Address::parse(u"2001:db8::/32"_s).value();
    QVERIFY(v6.contains(QHostAddress(u"2001:db8:ffff::1"_s)));
    QVERIFY(!v6.contains(QHostAddress(u"2001:db9::1"_s)));
    QCOMPARE(net.netmask().toString(), u"255.255.0.0"_s);
}

void TestModel::maskParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("prefix"); // -1: error
    QTest::newRow("24") << u"24"_s << 24;
    QTest::newRow("dotted") << u"255.255.255.0"_s << 24;
    QTest::newRow("zero") << u"0.0.0.0"_s << 0;
    QTest::newRow("full") << u"255.255.255.255"_s << 32;
    QTest::newRow("33") << u"33"_s << -1;
    QTest::newRow("holes") << u"255.0.255.0"_s << -1;
}

void TestModel::maskParse()
{
    QFETCH(QString, text);
    QFETCH(int, prefix);
    const auto r = Address::parseMask(text, Address::Family::IPv4);
    QCOMPARE(r.ok(), prefix >= 0);
    if (prefix >= 0)
        QCOMPARE(r.value(), prefix);
}

void TestModel::protocolParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("number"); // -1: error
    QTest::newRow("TCP") << u"TCP"_s << 6;
    QTest::newRow("udp") << u"udp"_s << 17;
    QTest::newRow("Icmp") << u"Icmp"_s << 1;
    QTest::newRow("RAW") << u"RAW"_s << 255;
    QTest::newRow("any") << u"ANY"_s << 0;
    QTest::newRow("47") << u"47"_s << 47;
    QTest::newRow("256") << u"256"_s << -1;
    QTest::newRow("junk") << u"SCTPX"_s << -1;
}

void TestModel::protocolParse()
{
    QFETCH(QString, text);
    QFETCH(int, number);
    const auto p = Protocol::parse(text);
    QCOMPARE(p.ok(), number >= 0);
    if (number >= 0)
        QCOMPARE(int(p->number()), number);
    else
        QVERIFY(p.error().message.contains(text));
}

void TestModel::filterValidation_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<int>("dport");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::newRow("ok") << u"any"_s << u"me"_s << 17 << 1434 << QString();
    QTest::newRow("icmp port") << u"any"_s << u"me"_s << 1 << 80 << u"has no ports"_s;
    QTest::newRow("any proto port") << u"any"_s << u"me"_s << 0 << 80 << u"ports need TCP or UDP"_s;
    QTest::newRow("me me") << u"me"_s << u"me"_s << 6 << 0 << u"both \"me\""_s;
    QTest::newRow("mixed") << u"10.0.0.1"_s << u"2001:db8::1"_s << 6 << 0 << u"mix IPv4 and IPv6"_s;
    QTest::newRow("v6 ok") << u"2001:db8::/32"_s << u"me"_s << 6 << 22 << QString();
}

void TestModel::filterValidation()
{
    QFETCH(QString, source);
    QFETCH(QString, destination);
    QFETCH(int, protocol);
    QFETCH(int, dport);
    QFETCH(QString, problem);
    Filter f;
    f.source = Address::parse(source).value();
    f.destination = Address::parse(destination).value();
    f.protocol = Protocol(quint8(protocol));
    f.destinationPort = quint16(dport);
    const QStringList problems = f.validate();
    if (problem.isEmpty())
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    else
        QVERIFY2(problems.join(u'\n').contains(problem), qPrintable(problems.join(u'\n')));
}

void TestModel::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("problem");
    QTest::newRow("ok") << u"Block UDP 1434 Filter"_s << QString();
    QTest::newRow("unicode") << u"Sperre für Port 80 – Ünïcode"_s << QString();
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("spaces") << u" x"_s << u"white space"_s;
    QTest::newRow("control") << u"a\u0001b"_s << u"control character"_s;
    QTest::newRow("long") << QString(300, u'x') << u"longer than 255"_s;
}

void TestModel::names()
{
    QFETCH(QString, name);
    QFETCH(QString, problem);
    Policy p;
    p.name = name;
    const QStringList problems = p.validate();
    if (problem.isEmpty())
        QVERIFY(problems.isEmpty());
    else
        QVERIFY2(problems.join(u'\n').contains(problem), qPrintable(problems.join(u'\n')));
}

void TestModel::securityMethods_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical"); // empty: error
    QTest::newRow("esp") << u"ESP[3DES,SHA1]"_s << u"ESP[3DES,SHA1]"_s;
    QTest::newRow("esp sha") << u"esp[des,sha]"_s << u"ESP[DES,SHA1]"_s;
    QTest::newRow("hash first") << u"ESP[MD5,3DES]"_s << u"ESP[3DES,MD5]"_s;
    QTest::newRow("ah") << u"AH[MD5]"_s << u"AH[MD5]"_s;
    QTest::newRow("ah+esp") << u"AH[SHA1]+ESP[None,SHA1]:50000k/3600s"_s
                            << u"AH[SHA1]+ESP[None,SHA1]:50000k/3600s"_s;
    QTest::newRow("pfs") << u"ESP[3DES,SHA1]:PFS"_s << u"ESP[3DES,SHA1]:PFS"_s;
    QTest::newRow("none none") << u"ESP[None,None]"_s << QString();
    QTest::newRow("short life") << u"ESP[3DES,SHA1]:100s"_s << QString();
    QTest::newRow("junk") << u"GRE[1]"_s << QString();
}

void TestModel::securityMethods()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto m = SecurityMethod::parse(text);
    QCOMPARE(m.ok(), !canonical.isEmpty());
    if (m) {
        QCOMPARE(m->toString(), canonical);
        QCOMPARE(SecurityMethod::parse(m->toString()).value(), m.value());
    } else {
        QVERIFY(m.error().message.contains(text));
    }
}

void TestModel::authMethods()
{
    QCOMPARE(AuthMethod::parse(u"kerberos"_s)->kind, AuthMethod::Kind::Kerberos);
    const auto psk = AuthMethod::parse(u"PRESHARE:\"my key\""_s);
    QVERIFY(psk);
    QCOMPARE(psk->data, u"my key"_s);
    QCOMPARE(AuthMethod::parse(psk->toString()).value(), psk.value());
    QVERIFY(!AuthMethod::parse(u"PRESHARE:"_s));
    QVERIFY(!AuthMethod::parse(u"NTLM"_s));
}

void TestModel::actionValidation()
{
    FilterAction a;
    a.name = u"Negotiate nothing"_s;
    a.type = FilterAction::Type::Negotiate;
    QVERIFY(a.validate().join(u' ').contains(u"offers no security method"_s));
    a.type = FilterAction::Type::Block;
    QVERIFY(a.validate().isEmpty());
    a.allowUnsecured = true;
    QVERIFY(!a.validate().isEmpty());
    QCOMPARE(FilterAction::parseType(u"BLOCK"_s).value(), FilterAction::Type::Block);
    QVERIFY(!FilterAction::parseType(u"drop"_s));
}

void TestModel::windowsDefaults()
{
    const PolicyDatabase db = PolicyDatabase::windowsDefaults();
    QVERIFY(db.filterListByName(u"All IP Traffic"_s));
    QVERIFY(db.filterListByName(u"all icmp traffic"_s));
    QVERIFY(db.filterActionByName(u"Permit"_s));
    QVERIFY(db.filterActionByName(u"Request Security (Optional)"_s));
    QVERIFY(db.filterActionByName(u"Require Security"_s));
    for (const QString &n : {u"Client (Respond Only)"_s, u"Server (Request Security)"_s,
                             u"Secure Server (Require Security)"_s})
        QVERIFY2(db.policyByName(n), qPrintable(n));
    QVERIFY(!db.assignedPolicy());
    for (const auto &l : db.filterLists)
        QVERIFY(l.validate().isEmpty());
    for (const auto &a : db.filterActions)
        QVERIFY2(a.validate().isEmpty(), qPrintable(a.validate().join(u' ')));
    for (const auto &p : db.policies)
        QVERIFY(p.validate().isEmpty());
    // Server (Request Security): All IP -> Request Security, All ICMP -> Permit, + default rule.
    const auto rules = db.rulesOf(db.policyByName(u"Server (Request Security)"_s)->id);
    QCOMPARE(rules.size(), 3);
    QCOMPARE(db.filterAction(rules.at(0)->filterActionId)->name, u"Request Security (Optional)"_s);
    QCOMPARE(db.filterAction(rules.at(1)->filterActionId)->name, u"Permit"_s);
    QVERIFY(rules.at(2)->defaultResponse);
    QCOMPARE(db.rulesOf(db.policyByName(u"Client (Respond Only)"_s)->id).size(), 1);
}

void TestModel::expansion()
{
    engine::ExpansionContext ctx;
    ctx.localAddresses = {QHostAddress(u"192.168.1.1"_s), QHostAddress(u"2001:db8::5"_s)};
    Filter in; // *=0:1434:UDP
    in.destination = Address::me();
    in.protocol = Protocol::udp();
    in.destinationPort = 1434;
    auto d = engine::expandFilter(in, ctx);
    QCOMPARE(d.size(), 2); // one per local address, inbound
    QCOMPARE(d.at(0).direction, engine::Direction::Inbound);
    QCOMPARE(d.at(0).destination.toString(), u"192.168.1.1"_s);
    QVERIFY(d.at(0).source.isAny());
    QCOMPARE(d.at(0).destinationPort, quint16(1434));

    Filter out = in; // 0=*:1434:UDP
    out.source = Address::me();
    out.destination = Address::any();
    d = engine::expandFilter(out, ctx);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.at(0).direction, engine::Direction::Outbound);

    Filter mirrored; // 0+*::ICMP
    mirrored.source = Address::me();
    mirrored.protocol = Protocol::icmp();
    mirrored.mirrored = true;
    ctx.localAddresses = {QHostAddress(u"10.0.0.1"_s)};
    d = engine::expandFilter(mirrored, ctx);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.at(0).direction, engine::Direction::Outbound);
    QCOMPARE(d.at(1).direction, engine::Direction::Inbound);
    QCOMPARE(d.at(1).destination.toString(), u"10.0.0.1"_s);

    Filter v4only; // 10.0.0.0/8 = me: the IPv6 address of me is not paired with an IPv4 net
    v4only.source = Address::parse(u"10.0.0.0/8"_s).value();
    v4only.destination = Address::me();
    ctx.localAddresses = {QHostAddress(u"10.0.0.1"_s), QHostAddress(u"2001:db8::5"_s)};
    QCOMPARE(engine::expandFilter(v4only, ctx).size(), 1);

    Filter dns;
    dns.source = Address::parse(u"host.example"_s).value();
    dns.destination = Address::me();
    ctx.resolve = [](const QString &) {
        return QList<QHostAddress>{QHostAddress(u"10.9.9.9"_s)};
    };
    d = engine::expandFilter(dns, ctx);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.at(0).source.toString(), u"10.9.9.9"_s);
}

void TestModel::json()
{
    const PolicyDatabase db = PolicyDatabase::windowsDefaults();
    const QJsonObject o = json::database(db);
    QCOMPARE(o.value(u"policies"_s).toArray().size(), 3);
    QCOMPARE(o.value(u"filterLists"_s)
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(u"filters"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"protocol"_s)
                 .toString(),
             u"ICMP"_s);
}

QTEST_GUILESS_MAIN(TestModel)
#include "TestModel.moc"
