// Changes that roll themselves back, and the SSH guard, in the service itself: a real kernel
// (the XFRM SPD of a throw-away network namespace the process enters first, so this is its own
// executable), real timers with short deadlines, the store compared exactly before and after.

#include "kernel/NetnsFixture.h"
#include "service/PolicyService.h"
#include "service/SshGuard.h"
#include "store/StoreTestSupport.h"
#include "syntax/IpsecCmd.h"
#include "util/NetNamespace.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

bool ip(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("ip %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

syntax::IpsecCmdCommand command(const QString &line)
{
    QStringList args;
    for (const QString &w : line.split(u' ', Qt::SkipEmptyParts))
        args << QString(w).replace(u'_', u' ');
    auto c = syntax::IpsecCmdParser::parse(args);
    if (!c)
        qFatal("bad test command %s: %s", qPrintable(line), qPrintable(c.error().message));
    return c.value();
}

// The kernel's entries of this project as comparable text, whichever backend holds them: its
// XFRM entries and its nftables table (read with `nft`, the reference tool).
QStringList ownedEntries(PolicyService &service)
{
    QStringList out;
    auto view = service.kernelView();
    if (!view)
        return {u"error: "_s + view.error().message};
    for (const auto &e : view->owned)
        out << e.toIpCommand();
    out.sort();
    return out + NetnsFixture().nftTable(service.netns());
}

const QString kBase = u"-w REG -p Base -r Base_rule -f *=0:6666:UDP -n BLOCK -x"_s;
const QString kLock = u"-w REG -p Lock -r Lock_rule -f *=0:5555:UDP -n BLOCK -x"_s;
const QString kSsh = u"10.99.0.1 50022 10.99.0.2 22"_s;
const QString kSsh6 = u"fd99::1 50022 fd99::2 22"_s;

} // namespace

class TestConfirmation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void unconfirmedChangeIsRolledBack();
    void confirmedChangeIsKept();
    void laterChangesJoinThePendingOne();
    void dynamicFiltersComeBack();
    void dryRunNeverWaits();
    void emergencyUnassignDiscardsThePendingChange();
    void sshGuardRefusesAndForceApplies();
    void sshGuardIPv6AndDynamic();
    void sshGuardLetsUnrelatedBlocksPass();

private:
    PolicyDatabase load() { return m_service->load().value(); }
    std::unique_ptr<PolicyService> open(bool dryRun = false);
    void seedBase();
    static QString diff(const PolicyDatabase &a, const PolicyDatabase &b)
    {
        return storetest::difference(storetest::withoutRowIds(a), storetest::withoutRowIds(b));
    }

    QTemporaryDir m_dir;
    QString m_ns;
    std::unique_ptr<QTemporaryDir> m_case;
    std::unique_ptr<PolicyService> m_service;
};

void TestConfirmation::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("Needs root: enters a network namespace and changes its IPsec policy.");
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_dir.filePath(u"run"_s).toUtf8());
    NetnsFixture::removeStale(); // e.g. an ipsec-confirm-<pid> of a run that crashed
    const QString ns = u"ipsec-confirm-%1"_s.arg(QCoreApplication::applicationPid());
    QVERIFY(ip({u"netns"_s, u"add"_s, ns}));
    m_ns = ns;
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}));
    // No dummy module everywhere: a veth pair with both ends here gives "me" its addresses.
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"add"_s, u"d0"_s, u"type"_s, u"veth"_s, u"peer"_s,
                u"name"_s, u"d1"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"d1"_s, u"up"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"addr"_s, u"add"_s, u"10.99.0.2/24"_s, u"dev"_s, u"d0"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"addr"_s, u"add"_s, u"fd99::2/64"_s, u"dev"_s, u"d0"_s, u"nodad"_s}));
    QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, u"d0"_s, u"up"_s}));
    auto entered = enterNetworkNamespace(ns);
    QVERIFY2(entered, entered ? "" : qPrintable(entered.error().message));
}

void TestConfirmation::init()
{
    m_case = std::make_unique<QTemporaryDir>();
    // A fresh runtime folder per case: no dynamic filters or records from the one before.
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_case->filePath(u"run"_s).toUtf8());
    m_service = open();
    QVERIFY(m_service && m_service->isEnforcing());
}

void TestConfirmation::cleanup()
{
    if (m_service) {
        m_service->setChangeOptions({});
        (void)m_service->confirm(); // nothing may roll back into the next case
        (void)m_service->clearDynamicFilters();
        (void)m_service->unassignPolicy();
    }
    m_service.reset();
    m_case.reset();
}

void TestConfirmation::cleanupTestCase()
{
    if (!m_ns.isEmpty())
        (void)ip({u"netns"_s, u"del"_s, m_ns});
}

std::unique_ptr<PolicyService> TestConfirmation::open(bool dryRun)
{
    PolicyService::Options o;
    o.storePath = m_case->filePath(u"policy.db"_s);
    o.netns = m_ns;
    o.dryRun = dryRun;
    auto s = PolicyService::open(o);
    if (!s) {
        qWarning("%s", qPrintable(s.error().message));
        return {};
    }
    return std::move(s.value());
}

void TestConfirmation::seedBase()
{
    auto r = m_service->executeStatic(command(kBase));
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(!m_service->pendingConfirmation());
}

void TestConfirmation::unconfirmedChangeIsRolledBack()
{
    seedBase();
    const PolicyDatabase before = load();
    const QStringList kernelBefore = ownedEntries(*m_service);
    QVERIFY(!kernelBefore.isEmpty());

    QSignalSpy pending(m_service.get(), &PolicyClient::confirmationPending);
    QSignalSpy ended(m_service.get(), &PolicyClient::confirmationEnded);
    m_service->setChangeOptions({1, false, {}});
    const QDateTime start = QDateTime::currentDateTimeUtc();
    auto r = m_service->executeStatic(command(kLock));
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(pending.count(), 1);
    const auto waiting = m_service->pendingConfirmation();
    QVERIFY(waiting);
    QVERIFY(qAbs(start.msecsTo(waiting->deadline) - 1000) < 500);
    QVERIFY2(waiting->description.contains(u"Lock"_s), qPrintable(waiting->description));
    QCOMPARE(load().assignedPolicy()->name, u"Lock"_s);
    QVERIFY(ownedEntries(*m_service) != kernelBefore);
    QCOMPARE(ended.count(), 0);

    QVERIFY(ended.wait(3000));
    QVERIFY(start.msecsTo(QDateTime::currentDateTimeUtc()) >= 900);
    QCOMPARE(ended.first().at(0).toBool(), false);
    QVERIFY2(ended.first().at(1).toString().contains(u"rolled back"_s),
             qPrintable(ended.first().at(1).toString()));
    QVERIFY(!m_service->pendingConfirmation());
    const QString d = diff(before, load());
    QVERIFY2(d.isEmpty(), qPrintable(d));
    QCOMPARE(load().assignedPolicy()->name, u"Base"_s);
    QCOMPARE(ownedEntries(*m_service), kernelBefore);
    QVERIFY(m_service->kernelView()->inSync());
    QCOMPARE(m_service->confirm().error().code, ErrorCode::NotFound);
}

void TestConfirmation::confirmedChangeIsKept()
{
    seedBase();
    QSignalSpy ended(m_service.get(), &PolicyClient::confirmationEnded);
    m_service->setChangeOptions({1, false, {}});
    QVERIFY(m_service->executeStatic(command(kLock)));
    const PolicyDatabase after = load();
    const QStringList kernelAfter = ownedEntries(*m_service);
    auto kept = m_service->confirm();
    QVERIFY(kept);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.first().at(0).toBool(), true);
    QVERIFY(!m_service->pendingConfirmation());
    QTest::qWait(1500); // past the deadline: nothing happens
    QCOMPARE(ended.count(), 1);
    QVERIFY(diff(after, load()).isEmpty());
    QCOMPARE(ownedEntries(*m_service), kernelAfter);
    QCOMPARE(m_service->confirm().error().code, ErrorCode::NotFound);
}

void TestConfirmation::laterChangesJoinThePendingOne()
{
    seedBase();
    const PolicyDatabase before = load();
    const QStringList kernelBefore = ownedEntries(*m_service);
    QSignalSpy pending(m_service.get(), &PolicyClient::confirmationPending);
    QSignalSpy ended(m_service.get(), &PolicyClient::confirmationEnded);
    m_service->setChangeOptions({1, false, {}});
    QVERIFY(m_service->executeStatic(command(kLock)));
    const QDateTime first = m_service->pendingConfirmation()->deadline;
    // A second change with a later deadline, and a third without one: both join.
    m_service->setChangeOptions({2, false, {}});
    auto second =
        m_service->executeStatic(command(u"-w REG -p Lock -r Web -f *=0:80:TCP -n BLOCK"_s));
    QVERIFY2(second, second ? "" : qPrintable(second.error().message));
    QVERIFY2(second->notices.join(u' ').contains(u"joins"_s),
             qPrintable(second->notices.join(u' ')));
    m_service->setChangeOptions({});
    Policy extra;
    extra.name = u"Extra"_s;
    QVERIFY(m_service->createPolicy(extra));
    QCOMPARE(pending.count(), 3);
    const QDateTime later = m_service->pendingConfirmation()->deadline;
    QVERIFY(later > first.addMSecs(500));
    QTest::qWait(1300); // past the first deadline
    QCOMPARE(ended.count(), 0);
    QVERIFY(load().policyByName(u"Extra"_s));
    QVERIFY(ended.wait(2000));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.first().at(0).toBool(), false);
    const QString d = diff(before, load());
    QVERIFY2(d.isEmpty(), qPrintable(d));
    QCOMPARE(ownedEntries(*m_service), kernelBefore);
}

void TestConfirmation::dynamicFiltersComeBack()
{
    seedBase();
    QVERIFY(m_service->executeDynamic(command(u"-f [*=0:7000:UDP]"_s)));
    const auto dynBefore = m_service->dynamicFilters().value();
    const QStringList kernelBefore = ownedEntries(*m_service);
    QSignalSpy ended(m_service.get(), &PolicyClient::confirmationEnded);
    m_service->setChangeOptions({1, false, {}});
    QVERIFY(m_service->clearDynamicFilters());
    QVERIFY(m_service->dynamicFilters()->isEmpty());
    QVERIFY(m_service->pendingConfirmation());
    QVERIFY(m_service->executeDynamic(command(u"-f [*=0:7001:UDP] [*=0:7002:UDP]"_s)));
    QCOMPARE(m_service->dynamicFilters()->size(), 2);
    QVERIFY(ended.wait(3000));
    const auto dynAfter = m_service->dynamicFilters().value();
    QCOMPARE(dynAfter.size(), dynBefore.size());
    QCOMPARE(dynAfter.first().filter, dynBefore.first().filter);
    QCOMPARE(dynAfter.first().label, dynBefore.first().label);
    QCOMPARE(ownedEntries(*m_service), kernelBefore);
}

void TestConfirmation::dryRunNeverWaits()
{
    seedBase();
    const PolicyDatabase before = load();
    auto dry = open(true);
    QVERIFY(dry);
    QSignalSpy pending(dry.get(), &PolicyClient::confirmationPending);
    dry->setChangeOptions({1, false, {}});
    auto r = dry->executeStatic(command(kLock));
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(!r->ipCommands.isEmpty());
    QVERIFY(dry->executeDynamic(command(u"-f [*=0:7000:UDP]"_s)));
    QCOMPARE(pending.count(), 0);
    QVERIFY(!dry->pendingConfirmation());
    QVERIFY(diff(before, load()).isEmpty());
}

void TestConfirmation::emergencyUnassignDiscardsThePendingChange()
{
    seedBase();
    const PolicyDatabase before = load();
    QSignalSpy ended(m_service.get(), &PolicyClient::confirmationEnded);
    m_service->setChangeOptions({2, false, {}});
    QVERIFY(m_service->executeStatic(command(kLock)));
    auto r = m_service->emergencyUnassign();
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.first().at(0).toBool(), false);
    QVERIFY(!m_service->pendingConfirmation());
    QCOMPARE(ownedEntries(*m_service), QStringList());
    // The store is back to the confirmed state, unassigned; reassign brings back Base, not Lock.
    QVERIFY(!load().policyByName(u"Lock"_s));
    QVERIFY(!load().assignedPolicy());
    // Without a store the record's kernel part comes back as it is: Base's entries and table
    // (port 6666), never the unconfirmed Lock's (5555). A dry run shows what it would restore.
    {
        QFile bad(m_case->filePath(u"bad.db"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray(4096, 'x'));
        bad.close();
        PolicyService::Options o;
        o.storePath = bad.fileName();
        o.netns = m_ns;
        o.dryRun = true;
        auto storeless = PolicyService::reassign(o, {});
        QVERIFY2(storeless, storeless ? "" : qPrintable(storeless.error().message));
        QVERIFY2(storeless->notices.join(u' ').contains(u"could not be opened"_s),
                 qPrintable(storeless->notices.join(u'\n')));
        const QString restored = storeless->ipCommands.join(u'\n');
        QVERIFY2(restored.contains(u"6666"_s) && !restored.contains(u"5555"_s),
                 qPrintable(restored));
    }
    m_service->setChangeOptions({});
    auto back = m_service->reassign();
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(load().assignedPolicy()->name, u"Base"_s);
    QTest::qWait(2300); // the discarded deadline never fires
    QCOMPARE(ended.count(), 1);
    QCOMPARE(load().assignedPolicy()->name, u"Base"_s);
}

void TestConfirmation::sshGuardRefusesAndForceApplies()
{
    seedBase();
    const PolicyDatabase before = load();
    const QStringList kernelBefore = ownedEntries(*m_service);
    m_service->setChangeOptions({0, false, kSsh});
    const auto blockSsh = command(u"-w REG -p Base -r No_SSH -f *=0:22:TCP -n BLOCK"_s);
    auto refused = m_service->executeStatic(blockSsh);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    const QString why = refused.error().message;
    for (const QString &part :
         {u"10.99.0.1:50022"_s, u"10.99.0.2:22"_s, u"\"No SSH\""_s, u"\"Base\""_s, u"--force"_s})
        QVERIFY2(why.contains(part), qPrintable(part + u" missing in: "_s + why));
    QVERIFY(SshGuard::isRefusal(refused.error(), kSsh));
    QVERIFY(diff(before, load()).isEmpty());
    QCOMPARE(ownedEntries(*m_service), kernelBefore);

    // Assigning a policy that blocks it is refused the same way (another path to the kernel).
    m_service->setChangeOptions({});
    QVERIFY(m_service->executeStatic(command(u"-w REG -p Closed -r All -f *+0 -n BLOCK"_s)));
    m_service->setChangeOptions({0, false, kSsh});
    auto assign = m_service->assignPolicy(u"Closed"_s);
    QVERIFY(!assign);
    QCOMPARE(assign.error().code, ErrorCode::Conflict);
    QCOMPARE(load().assignedPolicy()->name, u"Base"_s);

    m_service->setChangeOptions({0, true, kSsh});
    auto forced = m_service->executeStatic(blockSsh);
    QVERIFY2(forced, forced ? "" : qPrintable(forced.error().message));
    QVERIFY2(forced->notices.join(u' ').contains(u"forced"_s),
             qPrintable(forced->notices.join(u' ')));
    QVERIFY(ownedEntries(*m_service) != kernelBefore);
}

void TestConfirmation::sshGuardIPv6AndDynamic()
{
    m_service->setChangeOptions({0, false, kSsh6});
    auto refused = m_service->executeDynamic(command(u"-f [*=0:22:TCP]"_s));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(u"[fd99::1]:50022"_s),
             qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(u"dynamic"_s), qPrintable(refused.error().message));
    QVERIFY(m_service->dynamicFilters()->isEmpty());
    QCOMPARE(ownedEntries(*m_service), QStringList());
    // An IPv4-only block leaves the IPv6 session alone.
    QVERIFY(m_service->executeDynamic(command(u"-f [*=10.99.0.2:22:TCP]"_s)));
    QCOMPARE(m_service->dynamicFilters()->size(), 1);
}

void TestConfirmation::sshGuardLetsUnrelatedBlocksPass()
{
    m_service->setChangeOptions({0, false, kSsh});
    auto r = m_service->executeStatic(
        command(u"-w REG -p Web -r Web -f *=0:80:TCP *=0:443:TCP -n BLOCK -x"_s));
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QVERIFY(!r->notices.join(u' ').contains(u"SSH"_s));
    // A connection to another host's address is not this namespace's business.
    m_service->setChangeOptions({0, false, u"10.99.0.1 50022 192.0.2.9 22"_s});
    QVERIFY(m_service->executeDynamic(command(u"-f [*=0:22:TCP]"_s)));
    // Nonsense in $SSH_CONNECTION is reported, not fatal.
    m_service->setChangeOptions({0, false, u"garbage"_s});
    auto noted = m_service->executeDynamic(command(u"-f [*=0:23:TCP]"_s));
    QVERIFY(noted);
    QVERIFY2(noted->notices.join(u' ').contains(u"not checked"_s),
             qPrintable(noted->notices.join(u' ')));
}

QTEST_GUILESS_MAIN(TestConfirmation)
#include "TestConfirmation.moc"
