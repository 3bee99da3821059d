#include "NetnsFixture.h"

#include "kernel/NetlinkSpd.h"
#include "kernel/Ownership.h"
#include "kernel/XfrmStatistics.h"

#include <QDeadlineTimer>
#include <QTemporaryFile>
#include <QTest>

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::kernel;

namespace {

using Dir = SpdEntry::Direction;
using Act = SpdEntry::Action;

QHostAddress addr(const QString &text)
{
    return QHostAddress(text);
}

SpdEntry entry(Dir dir, Act action, quint32 priority, const QString &src, int sp,
               const QString &dst, int dp, Protocol proto = Protocol::any(), quint16 sport = 0,
               quint16 dport = 0)
{
    return SpdEntry::make(dir, action, priority, addr(src), sp, addr(dst), dp, proto, sport, dport);
}

QStringList ipLines(const QList<SpdEntry> &entries)
{
    QStringList out;
    for (const SpdEntry &e : entries)
        out.append(e.toIpArguments());
    out.sort();
    return out;
}

std::unique_ptr<NetlinkSpd> openIn(const QString &ns, NetlinkSpd::Options options = {})
{
    std::unique_ptr<NetlinkSpd> spd;
    NetnsFixture::runIn(ns, [&] {
        auto r = NetlinkSpd::open(options);
        if (r.ok())
            spd = std::move(r).value();
    });
    return spd;
}

// QVERIFY2 evaluates its message even on success: never dereference an empty error.
QString messageOf(const SpdApplyResult &r)
{
    return r.error ? r.error->message : QString();
}

QString messageOf(const Result<void> &r)
{
    return r.ok() ? QString() : r.error().message;
}

// The SPD as a plain list (empty if listing fails; the tests compare sizes anyway).
QList<SpdEntry> listOf(Spd &spd)
{
    auto r = spd.list();
    return r.ok() ? std::move(r).value() : QList<SpdEntry>{};
}

quint64 counterIn(const QString &ns, const QString &name)
{
    quint64 value = 0;
    NetnsFixture::runIn(ns, [&] {
        const auto stats = XfrmStatistics::read();
        if (stats.ok())
            value = stats->value(name);
    });
    return value;
}

} // namespace

class TestNetlinkSpd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    // No kernel needed.
    void ipRendering_data();
    void ipRendering();
    void ownershipBand();
    void statisticsParse();

    // Each in fresh namespaces (root only).
    void roundTrip();
    void duplicateSelector();
    void applyReplacesAndRemoves();
    void applyRollback_data();
    void applyRollback();
    void batchedAddRollsBack();
    void foreignUntouched();
    void realTraffic();

private:
    void requireRoot();
    NetnsFixture m_ns;
    QString m_rootBefore;
};

void TestNetlinkSpd::initTestCase()
{
    if (NetnsFixture::isRoot()) {
        NetnsFixture::removeStale();
        m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
    }
}

void TestNetlinkSpd::cleanup()
{
    m_ns.removeAll();
}

void TestNetlinkSpd::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

void TestNetlinkSpd::requireRoot()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Kernel tests need root (network namespaces, XFRM netlink); run as root.");
}

void TestNetlinkSpd::ipRendering_data()
{
    QTest::addColumn<SpdEntry>("e");
    QTest::addColumn<QString>("expected");
    QTest::newRow("udp block")
        << entry(Dir::In, Act::Block, 1000, u"0.0.0.0"_s, 0, u"0.0.0.0"_s, 0, Protocol::udp(), 0,
                 1434)
        << u"ip xfrm policy add src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1434 dir in "
           u"priority 1000 action block"_s;
    QTest::newRow("tcp sport out")
        << entry(Dir::Out, Act::Allow, 1001, u"10.1.2.3"_s, 32, u"10.9.0.0"_s, 16, Protocol::tcp(),
                 22)
        << u"ip xfrm policy add src 10.1.2.3/32 dst 10.9.0.0/16 proto tcp sport 22 dir out "
           u"priority 1001 action allow"_s;
    SpdEntry v6 = entry(Dir::In, Act::Block, 1002, u"fd77::"_s, 64, u"::"_s, 0, Protocol(58));
    v6.selector.setSourcePort(128); // ICMPv6 type
    v6.selector.setDestinationPort(0);
    v6.selector.destinationPortMask = 0xffff; // code 0
    v6.mark = SpdEntry::Mark{0x5, 0xff};
    QTest::newRow("icmpv6 mark")
        << v6
        << u"ip xfrm policy add src fd77::/64 dst ::/0 proto ipv6-icmp type 128 code 0 dir in "
           u"mark 0x5 mask 0xff priority 1002 action block"_s;
}

void TestNetlinkSpd::ipRendering()
{
    QFETCH(SpdEntry, e);
    QFETCH(QString, expected);
    QCOMPARE(e.toIpCommand(), expected);
    QVERIFY(e.toIpCommand(SpdEntry::Verb::Delete).startsWith(u"ip xfrm policy delete src "_s));
    QVERIFY(!e.toIpCommand(SpdEntry::Verb::Delete).contains(u"priority"_s));
}

void TestNetlinkSpd::ownershipBand()
{
    QVERIFY(kOwnedPriorityFirst > 32);     // strongSwan's IKE port bypass must win
    QVERIFY(kOwnedPriorityLast < 68541);   // beat strongSwan's automatic priorities
    QVERIFY(kOwnedPriorityCount >= 10000); // one priority per entry for 10k filters
    SpdEntry e = entry(Dir::In, Act::Block, kOwnedPriorityFirst, u"0.0.0.0"_s, 0, u"0.0.0.0"_s, 0);
    QVERIFY(isOwned(e));
    e.priority = kOwnedPriorityLast + 1;
    QVERIFY(!isOwned(e));
    e.priority = 5;
    QVERIFY(!isOwned(e));
    e.priority = kOwnedPriorityLast;
    e.policyType = SpdEntry::PolicyType::Sub;
    QVERIFY(!isOwned(e));
}

void TestNetlinkSpd::statisticsParse()
{
    const auto parsed = XfrmStatistics::parse("XfrmInError             \t0\n"
                                              "XfrmInNoPols            \t12\n"
                                              "XfrmInPolBlock          \t3\n"
                                              "XfrmOutPolBlock         \t18446744073709551615\n");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 4);
    QCOMPARE(parsed->value(u"XfrmInPolBlock"_s), 3u);
    QCOMPARE(parsed->value(u"XfrmOutPolBlock"_s), 18446744073709551615ull);
    QVERIFY(!XfrmStatistics::parse("XfrmInError x\n").ok());

    const auto missing = XfrmStatistics::readFile(u"/nonexistent/xfrm_stat"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(u"CONFIG_XFRM_STATISTICS"_s));

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("XfrmInPolBlock 7\n");
    file.close();
    QCOMPARE(XfrmStatistics::readFile(file.fileName())->value(u"XfrmInPolBlock"_s), 7u);
}

void TestNetlinkSpd::roundTrip()
{
    requireRoot();
    const QString ns = m_ns.create(), mirror = m_ns.create();
    QVERIFY2(!ns.isEmpty() && !mirror.isEmpty(), qPrintable(m_ns.lastError()));
    auto spd = openIn(ns);
    QVERIFY(spd);

    QList<SpdEntry> entries{
        entry(Dir::In, Act::Block, 1000, u"0.0.0.0"_s, 0, u"0.0.0.0"_s, 0, Protocol::udp(), 0,
              1434),
        entry(Dir::Out, Act::Allow, 1001, u"10.1.2.3"_s, 32, u"10.9.0.0"_s, 16, Protocol::tcp(), 22,
              0),
        entry(Dir::In, Act::Block, 1002, u"192.168.7.0"_s, 24, u"10.77.0.2"_s, 32, Protocol::tcp(),
              1024, 443),
        entry(Dir::Fwd, Act::Block, 1003, u"10.0.0.0"_s, 8, u"0.0.0.0"_s, 0),
        entry(Dir::In, Act::Block, 1004, u"fd77::"_s, 64, u"fd77::2"_s, 128, Protocol::udp(), 0,
              53),
        entry(Dir::Out, Act::Allow, 1005, u"::"_s, 0, u"2001:db8::"_s, 32, Protocol::tcp(), 0,
              8080),
    };
    SpdEntry icmp = entry(Dir::In, Act::Block, 1006, u"fd00::"_s, 8, u"::"_s, 0, Protocol(58));
    icmp.selector.setSourcePort(128);
    icmp.selector.destinationPortMask = 0xffff;
    entries.append(icmp);
    SpdEntry marked = entry(Dir::Out, Act::Block, 1007, u"10.5.0.0"_s, 16, u"0.0.0.0"_s, 0,
                            Protocol::udp(), 0, 161);
    marked.mark = SpdEntry::Mark{0x42, 0xff};
    entries.append(marked);

    for (const SpdEntry &e : entries) {
        const auto r = spd->add(e);
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
    }

    // Read back through libnl: same content, kernel-assigned index and add time.
    const auto listed = spd->list();
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), entries.size());
    for (const SpdEntry &e : *listed) {
        QVERIFY2(entries.contains(e), qPrintable(e.toIpCommand()));
        QVERIFY(e.index != 0);
        QVERIFY(e.addTime != 0);
        QCOMPARE(e.useTime, 0u);
    }
    QCOMPARE(ipLines(*listed), ipLines(entries));

    // What `ip` shows equals what `ip` itself installs from toIpArguments() (via -batch).
    QByteArray batch;
    for (const SpdEntry &e : entries)
        batch += e.toIpArguments().toLocal8Bit() + '\n';
    QVERIFY2(m_ns.ip({u"-netns"_s, mirror, u"-batch"_s, u"-"_s}, batch),
             qPrintable(m_ns.lastError()));
    const QStringList shown = m_ns.policies(ns);
    QCOMPARE(shown.size(), entries.size());
    QCOMPARE(shown, m_ns.policies(mirror));
    QVERIFY(shown.join(u'\n').contains(
        u"src 0.0.0.0/0 dst 0.0.0.0/0 proto udp dport 1434 dir in action block priority 1000"_s));

    for (const SpdEntry &e : entries) {
        const auto r = spd->remove(e);
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
    }
    QVERIFY(listOf(*spd).isEmpty());
    QVERIFY(m_ns.policies(ns).isEmpty());
    QCOMPARE(spd->remove(entries.first()).error().code, ErrorCode::NotFound);
}

void TestNetlinkSpd::duplicateSelector()
{
    requireRoot();
    const QString ns = m_ns.create();
    QVERIFY2(!ns.isEmpty(), qPrintable(m_ns.lastError()));
    auto spd = openIn(ns);
    QVERIFY(spd);
    const SpdEntry e = entry(Dir::In, Act::Block, 2000, u"10.0.0.1"_s, 32, u"0.0.0.0"_s, 0,
                             Protocol::udp(), 0, 1434);
    QVERIFY(spd->add(e).ok());
    SpdEntry same = e; // same identity, other priority and action
    same.priority = 2001;
    same.action = Act::Allow;
    const auto r = spd->add(same);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Conflict);
    QVERIFY(r.error().message.contains(u"dport 1434"_s));

    const QStringList before = m_ns.policies(ns);
    QCOMPARE(before.size(), 1);
    const SpdApplyResult a = spd->apply({{same}, {}});
    QVERIFY(!a.ok());
    QCOMPARE(a.error->code, ErrorCode::Conflict);
    QCOMPARE(a.failedEntry->toIpCommand(), same.toIpCommand());
    // Twice in one plan: the kernel's EEXIST is reported, the first one rolled back.
    const SpdEntry other = entry(Dir::Out, Act::Block, 2002, u"10.0.0.2"_s, 32, u"0.0.0.0"_s, 0);
    SpdEntry otherAgain = other;
    otherAgain.priority = 2003;
    const SpdApplyResult twice = spd->apply({{other, otherAgain}, {}});
    QVERIFY(!twice.ok());
    QCOMPARE(twice.failedOperation, SpdApplyResult::Operation::Add);
    QCOMPARE(twice.failedEntry->priority, 2003u);
    QVERIFY2(twice.netlinkError.contains(u"exists"_s), qPrintable(twice.netlinkError));
    QVERIFY(twice.rolledBack);
    QCOMPARE(m_ns.policies(ns), before);
}

void TestNetlinkSpd::applyReplacesAndRemoves()
{
    requireRoot();
    const QString ns = m_ns.create();
    QVERIFY2(!ns.isEmpty(), qPrintable(m_ns.lastError()));
    auto spd = openIn(ns);
    QVERIFY(spd);
    const SpdEntry a = entry(Dir::In, Act::Allow, 3000, u"10.0.0.1"_s, 32, u"0.0.0.0"_s, 0);
    const SpdEntry b = entry(Dir::In, Act::Block, 3001, u"10.0.0.2"_s, 32, u"0.0.0.0"_s, 0);
    QVERIFY(spd->apply({{a, b}, {}}).ok());
    SpdEntry aBlock = a; // same selector, new action and priority: replaced in place
    aBlock.action = Act::Block;
    aBlock.priority = 3005;
    const SpdEntry c = entry(Dir::Out, Act::Block, 3002, u"10.0.0.3"_s, 32, u"0.0.0.0"_s, 0);
    const SpdEntry gone = entry(Dir::Out, Act::Block, 3003, u"10.0.0.9"_s, 32, u"0.0.0.0"_s, 0);
    const SpdApplyResult r = spd->apply({{aBlock, c}, {a, b, gone}});
    QVERIFY2(r.ok(), qPrintable(messageOf(r)));
    QCOMPARE(r.replaced, 1);
    QCOMPARE(r.added, 1);
    QCOMPARE(r.removed, 1);
    QCOMPARE(r.absent, 1);
    QCOMPARE(ipLines(listOf(*spd)), ipLines({aBlock, c}));
}

void TestNetlinkSpd::applyRollback_data()
{
    QTest::addColumn<int>("failAfter");
    // The plan below makes 11 add/replace steps, then 4 deletes.
    QTest::newRow("first add") << 0;
    QTest::newRow("mid adds") << 5;
    QTest::newRow("at replace") << 10;
    QTest::newRow("first delete") << 11;
    QTest::newRow("last delete") << 14;
}

void TestNetlinkSpd::applyRollback()
{
    requireRoot();
    QFETCH(int, failAfter);
    const QString ns = m_ns.create();
    QVERIFY2(!ns.isEmpty(), qPrintable(m_ns.lastError()));
    auto spd = openIn(ns);
    QVERIFY(spd);

    // Existing state: 8 owned entries and two foreign ones (strongSwan-like priorities).
    QList<SpdEntry> old;
    for (int i = 0; i < 8; ++i)
        old.append(entry(Dir::In, Act::Block, quint32(4000 + i), u"10.1.0.%1"_s.arg(i + 1), 32,
                         u"0.0.0.0"_s, 0, Protocol::udp(), 0, 1434));
    QVERIFY(spd->apply({old, {}}).ok());
    QVERIFY(m_ns.ip({u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"add"_s, u"src"_s, u"0.0.0.0/0"_s,
                     u"dst"_s, u"0.0.0.0/0"_s, u"proto"_s, u"udp"_s, u"dport"_s, u"500"_s, u"dir"_s,
                     u"in"_s, u"priority"_s, u"5"_s}));
    QVERIFY(m_ns.ip({u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"add"_s, u"src"_s, u"10.8.0.0/16"_s,
                     u"dst"_s, u"0.0.0.0/0"_s, u"dir"_s, u"out"_s, u"priority"_s, u"468541"_s,
                     u"action"_s, u"block"_s}));
    const QStringList before = m_ns.policies(ns);
    const auto listedBefore = spd->list();
    QCOMPARE(before.size(), 10);

    SpdPlan plan;
    for (int i = 0; i < 10; ++i) // 10 new ones, IPv4 and IPv6
        plan.toAdd.append(i % 2 ? entry(Dir::Out, Act::Block, quint32(5000 + i), u"0.0.0.0"_s, 0,
                                        u"10.2.0.%1"_s.arg(i), 32, Protocol::tcp(), 0, 80)
                                : entry(Dir::In, Act::Block, quint32(5000 + i),
                                        u"fd77::%1"_s.arg(i + 1), 128, u"::"_s, 0));
    SpdEntry replacement = old[0]; // identity kept, action changes
    replacement.action = Act::Allow;
    replacement.priority = 4100;
    plan.toAdd.append(replacement);
    plan.toRemove = old.mid(0, 5); // old[0] replaced, 4 deleted

    spd->setFailAfterOperations(failAfter);
    const SpdApplyResult r = spd->apply(plan);
    QVERIFY(!r.ok());
    QVERIFY(r.rolledBack);
    QVERIFY(r.rollbackErrors.isEmpty());
    QVERIFY(r.netlinkError.contains(u"injected"_s));
    QVERIFY(r.failedEntry.has_value());
    QCOMPARE(r.failedOperation, failAfter < 10   ? SpdApplyResult::Operation::Add
                                : failAfter < 11 ? SpdApplyResult::Operation::Replace
                                                 : SpdApplyResult::Operation::Remove);
    QCOMPARE(m_ns.policies(ns), before);
    QCOMPARE(ipLines(listOf(*spd)), ipLines(*listedBefore));

    // The same plan without a failure.
    spd->setFailAfterOperations(-1);
    const SpdApplyResult ok = spd->apply(plan);
    QVERIFY2(ok.ok(), qPrintable(messageOf(ok)));
    QCOMPARE(ok.added + ok.replaced + ok.removed, 15);
    QCOMPARE(m_ns.policies(ns).size(), 10 - 4 + 10);
}

void TestNetlinkSpd::batchedAddRollsBack()
{
    // Plain adds go in batches of 256 with one acknowledgement; a refusal in the middle of a
    // batch (here: the plan names one identity twice, the kernel says EEXIST) must undo the
    // entries before it and those after it in the same batch, which the kernel processed too.
    requireRoot();
    const QString ns = m_ns.create();
    QVERIFY2(!ns.isEmpty(), qPrintable(m_ns.lastError()));
    auto spd = openIn(ns);
    QVERIFY(spd);
    const SpdEntry kept = entry(Dir::In, Act::Block, 3000, u"10.9.0.1"_s, 32, u"0.0.0.0"_s, 0);
    QVERIFY(spd->apply({{kept}, {}}).ok());
    const QStringList before = m_ns.policies(ns);

    SpdPlan plan;
    for (int i = 0; i < 600; ++i)
        plan.toAdd.append(entry(Dir::In, Act::Block, quint32(4000 + i),
                                u"10.3.%1.%2"_s.arg(i / 200).arg(i % 200 + 1), 32, u"0.0.0.0"_s, 0,
                                Protocol::udp(), 0, 1434));
    SpdEntry twice = plan.toAdd.at(10);
    twice.priority = 9000;
    plan.toAdd.insert(300, twice); // in the second batch, 44 entries into it
    const SpdApplyResult r = spd->apply(plan);
    QVERIFY(!r.ok());
    QVERIFY2(r.rolledBack, qPrintable(r.rollbackErrors.join(u'\n')));
    QCOMPARE(r.failedOperation, SpdApplyResult::Operation::Add);
    QVERIFY(r.failedEntry.has_value());
    QCOMPARE(r.failedEntry->priority, 9000u);
    QCOMPARE(m_ns.policies(ns), before);

    plan.toAdd.removeAt(300);
    const SpdApplyResult ok = spd->apply(plan);
    QVERIFY2(ok.ok(), qPrintable(messageOf(ok)));
    QCOMPARE(ok.added, 600);
    QCOMPARE(m_ns.policies(ns).size(), 601);
}

void TestNetlinkSpd::foreignUntouched()
{
    requireRoot();
    const QString ns = m_ns.create();
    QVERIFY2(!ns.isEmpty(), qPrintable(m_ns.lastError()));
    auto spd = openIn(ns);
    QVERIFY(spd);
    QVERIFY(m_ns.ip({u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"add"_s, u"src"_s, u"0.0.0.0/0"_s,
                     u"dst"_s, u"0.0.0.0/0"_s, u"proto"_s, u"udp"_s, u"dport"_s, u"1434"_s,
                     u"dir"_s, u"in"_s, u"priority"_s, u"5"_s}));
    const SpdEntry mine = entry(Dir::In, Act::Block, 6000, u"10.3.0.1"_s, 32, u"0.0.0.0"_s, 0);
    QVERIFY(spd->add(mine).ok());
    const QStringList before = m_ns.policies(ns);

    SpdEntry foreign;
    for (const SpdEntry &e : listOf(*spd))
        if (!isOwned(e))
            foreign = e;
    QCOMPARE(foreign.priority, 5u);
    // Named as it is: refused by the band guard.
    QCOMPARE(spd->remove(foreign).error().code, ErrorCode::Permission);
    QCOMPARE(spd->apply({{}, {foreign}}).error->code, ErrorCode::Permission);
    // Same selector but claimed as ours: the installed policy is checked, not the argument.
    SpdEntry disguised = foreign;
    disguised.priority = 6001;
    QCOMPARE(spd->remove(disguised).error().code, ErrorCode::Permission);
    const SpdApplyResult r = spd->apply({{}, {mine, disguised}});
    QCOMPARE(r.error->code, ErrorCode::Permission);
    QVERIFY(r.rolledBack);
    // Adding over it is a reported duplicate, not a replacement.
    QCOMPARE(spd->apply({{disguised}, {}}).error->code, ErrorCode::Conflict);
    QCOMPARE(spd->add(disguised).error().code, ErrorCode::Conflict);
    SpdEntry outOfBand = mine;
    outOfBand.priority = 70000;
    QCOMPARE(spd->add(outOfBand).error().code, ErrorCode::Permission);
    QCOMPARE(m_ns.policies(ns), before);

    // Removing everything owned leaves the foreign one.
    QList<SpdEntry> owned;
    for (const SpdEntry &e : listOf(*spd))
        if (isOwned(e))
            owned.append(e);
    QVERIFY(spd->apply({{}, owned}).ok());
    const QStringList after = m_ns.policies(ns);
    QCOMPARE(after.size(), 1);
    QVERIFY(after.first().contains(u"priority 5"_s));
}

void TestNetlinkSpd::realTraffic()
{
    requireRoot();
    const QString a = m_ns.create(), b = m_ns.create();
    QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(m_ns.lastError()));
    const QStringList setup[] = {
        {u"link"_s, u"add"_s, u"va"_s, u"netns"_s, a, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s,
         u"vb"_s, u"netns"_s, b},
        {u"-netns"_s, a, u"addr"_s, u"add"_s, u"10.77.0.1/24"_s, u"dev"_s, u"va"_s},
        {u"-netns"_s, b, u"addr"_s, u"add"_s, u"10.77.0.2/24"_s, u"dev"_s, u"vb"_s},
        {u"-netns"_s, a, u"addr"_s, u"add"_s, u"fd77::1/64"_s, u"dev"_s, u"va"_s, u"nodad"_s},
        {u"-netns"_s, b, u"addr"_s, u"add"_s, u"fd77::2/64"_s, u"dev"_s, u"vb"_s, u"nodad"_s},
        {u"-netns"_s, a, u"link"_s, u"set"_s, u"va"_s, u"up"_s},
        {u"-netns"_s, b, u"link"_s, u"set"_s, u"vb"_s, u"up"_s},
    };
    for (const QStringList &args : setup)
        QVERIFY2(m_ns.ip(args), qPrintable(m_ns.lastError()));

    struct Fd {
        int fd = -1;
        ~Fd()
        {
            if (fd >= 0)
                ::close(fd);
        }
    };
    // Receivers in B on 1434 and 1435 (IPv6 sockets, dual-stack), sender in A.
    Fd rx1434{NetnsFixture::socketIn(b, AF_INET6, SOCK_DGRAM)};
    Fd rx1435{NetnsFixture::socketIn(b, AF_INET6, SOCK_DGRAM)};
    Fd tx4{NetnsFixture::socketIn(a, AF_INET, SOCK_DGRAM)};
    Fd tx6{NetnsFixture::socketIn(a, AF_INET6, SOCK_DGRAM)};
    QVERIFY(rx1434.fd >= 0 && rx1435.fd >= 0 && tx4.fd >= 0 && tx6.fd >= 0);
    const auto bindPort = [](int fd, quint16 port) {
        int off = 0;
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
        sockaddr_in6 sa{};
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons(port);
        sa.sin6_addr = in6addr_any;
        return ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0;
    };
    QVERIFY(bindPort(rx1434.fd, 1434));
    QVERIFY(bindPort(rx1435.fd, 1435));

    // Every probe carries its own number, so a late datagram of an earlier probe never counts.
    int probeNumber = 0;
    const auto send = [&](bool v6, quint16 port) {
        const QByteArray payload = QByteArray::number(probeNumber);
        if (v6) {
            sockaddr_in6 sa{};
            sa.sin6_family = AF_INET6;
            sa.sin6_port = htons(port);
            ::inet_pton(AF_INET6, "fd77::2", &sa.sin6_addr);
            return ::sendto(tx6.fd, payload.constData(), size_t(payload.size()), 0,
                            reinterpret_cast<sockaddr *>(&sa), sizeof sa)
                   > 0;
        }
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        ::inet_pton(AF_INET, "10.77.0.2", &sa.sin_addr);
        return ::sendto(tx4.fd, payload.constData(), size_t(payload.size()), 0,
                        reinterpret_cast<sockaddr *>(&sa), sizeof sa)
               > 0;
    };
    const auto received = [&](int fd) {
        char buf[64];
        const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        return n > 0 && QByteArray(buf, int(n)) == QByteArray::number(probeNumber);
    };
    // Sends to both ports and reports which datagrams arrived within ~300 ms.
    const auto probe = [&](bool v6) {
        ++probeNumber;
        std::pair<bool, bool> got{false, false};
        if (!send(v6, 1434) || !send(v6, 1435))
            return got;
        QDeadlineTimer deadline(300);
        while (!(got.first && got.second) && !deadline.hasExpired()) {
            pollfd fds[2] = {{rx1434.fd, POLLIN, 0}, {rx1435.fd, POLLIN, 0}};
            if (::poll(fds, 2, int(qMax<qint64>(1, deadline.remainingTime()))) <= 0)
                continue;
            if (fds[0].revents & POLLIN && received(rx1434.fd))
                got.first = true;
            if (fds[1].revents & POLLIN && received(rx1435.fd))
                got.second = true;
        }
        return got;
    };

    // Before: both ports reachable. IPv6 may need a moment (link up, neighbour discovery).
    for (const bool v6 : {false, true}) {
        std::pair<bool, bool> got;
        for (int attempt = 0; attempt < 10 && got != std::make_pair(true, true); ++attempt)
            got = probe(v6);
        QCOMPARE(got, std::make_pair(true, true));
    }

    auto spd = openIn(b);
    QVERIFY(spd);
    const quint64 blockedBefore = counterIn(b, u"XfrmInPolBlock"_s);
    const SpdApplyResult r = spd->apply(
        {{entry(Dir::In, Act::Block, 1000, u"0.0.0.0"_s, 0, u"0.0.0.0"_s, 0, Protocol::udp(), 0,
                1434),
          entry(Dir::In, Act::Block, 1001, u"::"_s, 0, u"::"_s, 0, Protocol::udp(), 0, 1434)},
         {}});
    QVERIFY2(r.ok(), qPrintable(messageOf(r)));

    QCOMPARE(probe(false), std::make_pair(false, true));
    QCOMPARE(probe(true), std::make_pair(false, true));
    QCOMPARE(counterIn(b, u"XfrmInPolBlock"_s), blockedBefore + 2);
    // The kernel stamps the use time of a policy that matched.
    for (const SpdEntry &e : listOf(*spd))
        QVERIFY(e.useTime != 0);
}

QTEST_GUILESS_MAIN(TestNetlinkSpd)
#include "TestNetlinkSpd.moc"
