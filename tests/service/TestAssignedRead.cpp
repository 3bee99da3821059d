// Enforcing reads the assigned policy alone from the store (issue 11: a 10-filter policy
// assigned beside a 10,000-filter one paid 15 ms for reading the big one), and the kernel ends
// exactly as when the whole store is read. A real kernel: the nftables table and XFRM entries of
// a throw-away network namespace the process enters first (so this is its own executable).

#include "kernel/NetnsFixture.h"
#include "service/PolicyService.h"
#include "store/PolicyStore.h"
#include "syntax/IpsecCmd.h"
#include "util/NetNamespace.h"

#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

constexpr int BigFilters = 3000;

syntax::IpsecCmdCommand command(const QStringList &args)
{
    auto c = syntax::IpsecCmdParser::parse(args);
    if (!c)
        qFatal("bad test command %s: %s", qPrintable(args.join(u' ')),
               qPrintable(c.error().message));
    return c.value();
}

syntax::IpsecCmdCommand command(const QString &line)
{
    return command(line.split(u' ', Qt::SkipEmptyParts));
}

} // namespace

class TestAssignedRead : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void enforcingReadsTheAssignedPolicyAlone();

private:
    QStringList kernelState() { return m_fixture.kernelState(m_ns); }

    NetnsFixture m_fixture;
    QTemporaryDir m_dir;
    QString m_ns;
};

void TestAssignedRead::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root: enters a network namespace and changes its kernel policy.");
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_dir.filePath(u"run"_s).toUtf8());
    NetnsFixture::removeStale();
    m_ns = m_fixture.create();
    QVERIFY2(!m_ns.isEmpty(), qPrintable(m_fixture.lastError()));
    auto entered = enterNetworkNamespace(m_ns);
    QVERIFY2(entered, entered ? "" : qPrintable(entered.error().message));
}

void TestAssignedRead::cleanupTestCase()
{
    m_fixture.removeAll();
}

void TestAssignedRead::enforcingReadsTheAssignedPolicyAlone()
{
    PolicyService::Options o;
    o.storePath = m_dir.filePath(u"policy.db"_s);
    o.netns = m_ns;
    auto opened = PolicyService::open(o);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    PolicyService &service = *opened.value();
    QVERIFY(service.isEnforcing());
    auto store = PolicyStore::shared(o.storePath); // the service's own store object
    QVERIFY(store);

    // A big policy that is not assigned, and a small one with block, permit (IPv4 and IPv6),
    // negotiate and a list shared with the Windows default policies.
    QStringList big{u"-w"_s, u"REG"_s, u"-p"_s, u"Big"_s, u"-r"_s, u"Ban"_s, u"-f"_s};
    for (int i = 0; i < BigFilters; ++i)
        big << u"*=0:%1:UDP"_s.arg(20001 + 2 * i);
    big << u"-n"_s << u"BLOCK"_s;
    for (const auto &c :
         {command(big),
          command(u"-w REG -p Small -r Ports -f *=0:7001:UDP *=0:7003:UDP "
                  u"0=*:7005:TCP -n BLOCK"_s),
          command(u"-w REG -p Small -r Lan -f 10.1.0.0/16=0:22:TCP [fd00::]/8=0:22:TCP -n PASS"_s),
          command(u"-w REG -p Small -r Secure -f 0=10.2.0.1:0:TCP -n ESP[3DES,SHA]"_s)}) {
        auto r = service.executeStatic(c);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    }
    {
        PolicyDatabase db = service.load().value();
        Rule icmp;
        icmp.policyId = db.policyByName(u"Small"_s)->id;
        icmp.name = u"ICMP"_s;
        icmp.filterListId = db.filterListByName(u"All ICMP Traffic"_s)->id;
        icmp.filterActionId = db.filterActionByName(u"Permit"_s)->id;
        auto r = service.createRule(icmp);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    }
    QVERIFY(kernelState().isEmpty());

    // Assigning reads back the small policy only (the big one was read before: about 3,000
    // filter rows for every enforcement).
    qint64 before = store.value()->filtersRead();
    auto assigned = service.executeStatic(command(u"-w REG -p Small -x"_s));
    QVERIFY2(assigned, assigned ? "" : qPrintable(assigned.error().message));
    const qint64 assignRead = store.value()->filtersRead() - before;
    QVERIFY2(assignRead < 20, qPrintable(u"%1 filter rows read"_s.arg(assignRead)));
    const QStringList enforced = kernelState();
    QVERIFY(enforced.size() > 5);

    // Enforcing again (agent start, reassign) reads as little and changes nothing.
    before = store.value()->filtersRead();
    auto again = service.enforce();
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QVERIFY(store.value()->filtersRead() - before < 20);
    QCOMPARE(kernelState(), enforced);
    auto view = service.kernelView();
    QVERIFY(view);
    QVERIFY(view->missing.isEmpty() && view->extra.isEmpty());
    QVERIFY(view->nftMissing.isEmpty() && view->nftExtra.isEmpty());

    // The previous way: the whole store read (a change that may be rolled back remembers all
    // of it) and enforced into an empty kernel gives the very same state.
    auto removed = PolicyService::removeOwnedKernelEntries(o);
    QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message));
    QVERIFY(kernelState().isEmpty());
    service.setChangeOptions({600, false, {}});
    before = store.value()->filtersRead();
    auto whole = service.enforce();
    QVERIFY2(whole, whole ? "" : qPrintable(whole.error().message));
    QVERIFY(store.value()->filtersRead() - before >= BigFilters);
    QVERIFY(service.confirm());
    QCOMPARE(kernelState(), enforced);

    // Unassigned: nothing to read, nothing enforced.
    service.setChangeOptions({});
    before = store.value()->filtersRead();
    auto unassigned = service.unassignPolicy();
    QVERIFY2(unassigned, unassigned ? "" : qPrintable(unassigned.error().message));
    QCOMPARE(store.value()->filtersRead() - before, 0);
    QVERIFY(kernelState().isEmpty());
}

QTEST_GUILESS_MAIN(TestAssignedRead)
#include "TestAssignedRead.moc"
