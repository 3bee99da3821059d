// The SSH lock-out guard on its own: $SSH_CONNECTION parsing, and which policies would cut the
// connection (asked through the evaluator, with "me" given explicitly). No root needed.

#include "service/SshGuard.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

Filter filter(const QString &src, quint16 sport, const QString &dst, quint16 dport,
              Protocol proto = Protocol::tcp())
{
    Filter f;
    f.guid = QUuid::createUuid();
    f.source = Address::parse(src).value();
    f.destination = Address::parse(dst).value();
    f.sourcePort = sport;
    f.destinationPort = dport;
    f.protocol = proto;
    return f;
}

// One assigned policy "Lockdown" with one rule per (list, action) pair given.
struct Builder {
    PolicyDatabase db;
    Builder()
    {
        Policy p;
        p.id = 1;
        p.guid = QUuid::createUuid();
        p.name = u"Lockdown"_s;
        p.assigned = true;
        db.policies << p;
    }
    Builder &rule(const QString &name, const QString &listName, const QList<Filter> &filters,
                  FilterAction::Type type)
    {
        const qint64 id = db.rules.size() + 1;
        FilterList l;
        l.id = id;
        l.guid = QUuid::createUuid();
        l.name = listName;
        l.filters = filters;
        db.filterLists << l;
        FilterAction a;
        a.id = id;
        a.guid = QUuid::createUuid();
        a.name = listName + u" action"_s;
        a.type = type;
        db.filterActions << a;
        Rule r;
        r.id = id;
        r.guid = QUuid::createUuid();
        r.policyId = 1;
        r.name = name;
        r.filterListId = id;
        r.filterActionId = id;
        db.rules << r;
        return *this;
    }
};

engine::ExpansionContext here()
{
    engine::ExpansionContext c;
    c.localAddresses = {QHostAddress(u"10.0.0.2"_s), QHostAddress(u"fd00::2"_s)};
    c.resolve = [](const QString &) {
        return QList<QHostAddress>();
    };
    return c;
}

SshConnection connection(const QString &text)
{
    auto c = SshGuard::parse(text);
    if (!c || !c.value())
        qFatal("bad test connection %s", qPrintable(text));
    return *c.value();
}

std::optional<QString> reason(const PolicyDatabase &db, const QString &ssh,
                              const QList<engine::DynamicFilter> &dyn = {})
{
    return SshGuard::blockReason(connection(ssh), db, dyn, here(), true);
}

const QString kV4 = u"10.0.0.1 50022 10.0.0.2 22"_s;
const QString kV6 = u"fd00::1 50022 fd00::2 22"_s;

} // namespace

class TestSshGuard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesConnections()
    {
        auto c = SshGuard::parse(u" 10.0.0.1 50022 10.0.0.2 22 "_s);
        QVERIFY(c && c.value());
        QCOMPARE(c.value()->client, QHostAddress(u"10.0.0.1"_s));
        QCOMPARE(c.value()->clientPort, quint16(50022));
        QCOMPARE(c.value()->server, QHostAddress(u"10.0.0.2"_s));
        QCOMPARE(c.value()->serverPort, quint16(22));
        QCOMPARE(c.value()->clientEndpoint(), u"10.0.0.1:50022"_s);

        c = SshGuard::parse(kV6);
        QVERIFY(c && c.value());
        QCOMPARE(c.value()->serverEndpoint(), u"[fd00::2]:22"_s);

        // sshd's IPv4-mapped spelling is plain IPv4 to the filters.
        c = SshGuard::parse(u"::ffff:10.0.0.1 50022 ::ffff:10.0.0.2 22"_s);
        QVERIFY(c && c.value());
        QCOMPARE(c.value()->client, QHostAddress(u"10.0.0.1"_s));

        c = SshGuard::parse(QString());
        QVERIFY(c && !c.value());
    }

    void refusesMalformedConnections_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("three fields") << u"10.0.0.1 50022 10.0.0.2"_s;
        QTest::newRow("five fields") << u"10.0.0.1 50022 10.0.0.2 22 1"_s;
        QTest::newRow("bad address") << u"10.0.0.300 50022 10.0.0.2 22"_s;
        QTest::newRow("port zero") << u"10.0.0.1 0 10.0.0.2 22"_s;
        QTest::newRow("port too big") << u"10.0.0.1 50022 10.0.0.2 65536"_s;
        QTest::newRow("port text") << u"10.0.0.1 ssh 10.0.0.2 22"_s;
        QTest::newRow("mixed families") << u"10.0.0.1 50022 fd00::2 22"_s;
    }
    void refusesMalformedConnections()
    {
        QFETCH(QString, text);
        auto c = SshGuard::parse(text);
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::Usage);
        QVERIFY2(c.error().message.contains(text.trimmed()), qPrintable(c.error().message));
    }

    void blockOfTheSshPortIsNamed()
    {
        Builder b;
        b.rule(u"Block SSH"_s, u"SSH in"_s, {filter(u"any"_s, 0, u"me"_s, 22)},
               FilterAction::Type::Block);
        const auto why = reason(b.db, kV4);
        QVERIFY(why);
        for (const QString &part : {u"10.0.0.1:50022"_s, u"10.0.0.2:22"_s, u"\"Block SSH\""_s,
                                    u"\"SSH in\""_s, u"\"Lockdown\""_s, u"inbound"_s})
            QVERIFY2(why->contains(part), qPrintable(part + u" missing in: "_s + *why));
        const Error refusal = SshGuard::refusal(*why);
        QCOMPARE(refusal.code, ErrorCode::Conflict);
        QVERIFY(refusal.message.contains(u"--force"_s));
        QVERIFY(refusal.message.contains(u"Apply Anyway"_s));
        QVERIFY(SshGuard::isRefusal(refusal, kV4));
        QVERIFY(!SshGuard::isRefusal(refusal, kV6));
        QVERIFY(!SshGuard::isRefusal(Error::conflict(u"Policy is assigned."_s), kV4));
    }

    void blockOfTheRepliesIsFound()
    {
        Builder b;
        b.rule(u"No replies"_s, u"Out from 22"_s, {filter(u"me"_s, 22, u"any"_s, 0)},
               FilterAction::Type::Block);
        const auto why = reason(b.db, kV4);
        QVERIFY(why);
        QVERIFY2(why->contains(u"outbound"_s), qPrintable(*why));
        QVERIFY2(why->contains(u"10.0.0.2:22 → 10.0.0.1:50022"_s), qPrintable(*why));
    }

    void unrelatedAndPermittedTrafficPasses()
    {
        Builder b;
        b.rule(u"Block web"_s, u"Web"_s, {filter(u"any"_s, 0, u"me"_s, 80)},
               FilterAction::Type::Block);
        b.rule(u"Block other client"_s, u"Other"_s, {filter(u"10.0.0.9"_s, 0, u"me"_s, 22)},
               FilterAction::Type::Block);
        QVERIFY(!reason(b.db, kV4));

        // Everything blocked, but the admin's host permitted: the more specific filter wins.
        Builder all;
        all.rule(u"Block all"_s, u"All"_s, {filter(u"any"_s, 0, u"me"_s, 0, Protocol::any())},
                 FilterAction::Type::Block);
        QVERIFY(reason(all.db, kV4));
        Filter admin = filter(u"10.0.0.1"_s, 0, u"me"_s, 0, Protocol::any());
        admin.mirrored = true;
        all.rule(u"Admin"_s, u"Admin host"_s, {admin}, FilterAction::Type::Permit);
        QVERIFY(!reason(all.db, kV4));

        // Not assigned: nothing is in force.
        all.db.policies.first().assigned = false;
        all.db.rules.removeLast();
        QVERIFY(!reason(all.db, kV4));
    }

    void otherNamespacesAndLoopbackAreNotGoverned()
    {
        Builder b;
        b.rule(u"Block all"_s, u"All"_s, {filter(u"any"_s, 0, u"me"_s, 0, Protocol::any())},
               FilterAction::Type::Block);
        QVERIFY(!reason(b.db, u"10.0.0.1 50022 192.0.2.7 22"_s)); // not an address of "me"
        QVERIFY(!reason(b.db, u"127.0.0.1 50022 127.0.0.1 22"_s));
    }

    void ipv6AndDynamicFilters()
    {
        PolicyDatabase empty;
        engine::DynamicFilter d;
        d.filter = filter(u"any"_s, 0, u"me"_s, 22);
        d.action = FilterAction::Type::Block;
        d.label = u"[*=0:22:TCP]"_s;
        const auto why = reason(empty, kV6, {d});
        QVERIFY(why);
        QVERIFY2(why->contains(u"[fd00::1]:50022"_s), qPrintable(*why));
        QVERIFY2(why->contains(u"dynamic filter [*=0:22:TCP]"_s), qPrintable(*why));
        // An IPv4-only block leaves the IPv6 session alone.
        d.filter = filter(u"any"_s, 0, u"10.0.0.2"_s, 22);
        QVERIFY(!reason(empty, kV6, {d}));
        QVERIFY(reason(empty, kV4, {d}));
    }
};

QTEST_GUILESS_MAIN(TestSshGuard)
#include "TestSshGuard.moc"
