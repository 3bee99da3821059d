// Changes that roll themselves back, end to end: the real ipseccmd blocks a port in namespace B
// with --confirm-within and waits; real UDP/TCP from namespace A shows the block while the
// change waits and the traffic back after the deadline, with the store restored to equal
// content. Also: `ipseccmd confirm` keeps it, SIGHUP does not stop the rollback, SIGTERM rolls
// back at once, and the SSH guard refuses to block the caller's own SSH connection.

#include "NetnsFixture.h"
#include "TrafficProbe.h"

#include "store/PolicyStore.h"
#include "store/StoreTestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
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

const QStringList kBlock5555{u"-w"_s, u"REG"_s,          u"-p"_s, u"Lock"_s,  u"-r"_s, u"No 5555"_s,
                             u"-f"_s, u"*=0:5555:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s};

} // namespace

class TestConfirmRollback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void unconfirmedChangeIsRolledBack();
    void confirmedChangeStays();
    void hangupDoesNotStopTheRollback();
    void terminateRollsBackAtOnce();
    void badDeadlineIsRefused();
    void sshGuardRefusesAndForceApplies();

private:
    QProcessEnvironment environment(const QString &ssh = {}) const;
    QStringList withTarget(const QStringList &args) const;
    Run run(const QStringList &args, const QString &ssh = {});
    // Starts a waiting ipseccmd and returns once it prints its question.
    std::unique_ptr<QProcess> startWaiting(const QStringList &args);
    static Run finish(QProcess &p, int timeoutMs);
    ipsec::PolicyDatabase store();
    QString storeDifference(const ipsec::PolicyDatabase &before);
    QStringList mismatches(const QList<Flow> &flows, const QList<bool> &expected);
    Flow udpIn(quint16 port) const
    {
        return Flow::udp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), port);
    }
    Flow udpIn6(quint16 port) const
    {
        return Flow::udp(m_pair.a, VethPair::a6(), 0, m_pair.b, VethPair::b6(), port);
    }
    Flow tcpIn(quint16 port) const
    {
        return Flow::tcp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), port);
    }
    void seedBase();

    NetnsFixture m_ns;
    VethPair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_rootBefore;
};

#define CHECK_TRAFFIC(flows, expected)                                                             \
    do {                                                                                           \
        const QStringList bad_ = mismatches(flows, expected);                                      \
        QVERIFY2(bad_.isEmpty(), qPrintable(bad_.join(u'\n')));                                    \
    } while (false)

void TestConfirmRollback::initTestCase()
{
    if (!NetnsFixture::isRoot())
        return;
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
}

void TestConfirmRollback::init()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Needs root (network namespaces, veth pairs, XFRM).");
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    QVERIFY2(VethPair::create(m_ns, &m_pair, &error), qPrintable(error));
    const QList<Flow> warmUp{udpIn(7), udpIn6(7), tcpIn(7)};
    QVERIFY2(TrafficProbe::waitUntilDelivered(warmUp), "the veth link carries no traffic");
}

void TestConfirmRollback::cleanup()
{
    m_ns.removeAll();
    m_pair = {};
    m_dir.reset();
}

void TestConfirmRollback::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot()) // the machine's own SPD must never change
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

QProcessEnvironment TestConfirmRollback::environment(const QString &ssh) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto *key : {"IPSEC_CONSOLE_STORE", "IPSEC_CONSOLE_NETNS",
                            "IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER", "SSH_CONNECTION"})
        env.remove(QString::fromLatin1(key));
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    if (!ssh.isEmpty())
        env.insert(u"SSH_CONNECTION"_s, ssh);
    return env;
}

QStringList TestConfirmRollback::withTarget(const QStringList &args) const
{
    return QStringList{u"--netns"_s, m_pair.b, u"--store"_s, m_dir->filePath(u"policy.db"_s)}
           + args;
}

Run TestConfirmRollback::finish(QProcess &p, int timeoutMs)
{
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()),
                u"(timed out) "_s + QString::fromUtf8(p.readAllStandardError())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run TestConfirmRollback::run(const QStringList &args, const QString &ssh)
{
    if (m_pair.b.isEmpty())
        return {}; // never run against the machine's own namespace
    QProcess p;
    p.setProcessEnvironment(environment(ssh));
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s, withTarget(args));
    return finish(p, 30000);
}

std::unique_ptr<QProcess> TestConfirmRollback::startWaiting(const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    if (m_pair.b.isEmpty())
        return p;
    p->setProcessEnvironment(environment());
    p->start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s, withTarget(args));
    QByteArray seen;
    QElapsedTimer clock;
    clock.start();
    while (!seen.contains("Keep these changes?") && clock.elapsed() < 10000
           && p->state() != QProcess::NotRunning) {
        p->waitForReadyRead(200);
        seen = p->peek(1 << 16);
    }
    return p;
}

ipsec::PolicyDatabase TestConfirmRollback::store()
{
    auto s = ipsec::PolicyStore::open(m_dir->filePath(u"policy.db"_s),
                                      ipsec::PolicyStore::OpenMode::ReadOnly);
    if (!s)
        return {};
    auto db = s.value()->load();
    return db ? db.value() : ipsec::PolicyDatabase{};
}

QString TestConfirmRollback::storeDifference(const ipsec::PolicyDatabase &before)
{
    return storetest::difference(storetest::withoutRowIds(before),
                                 storetest::withoutRowIds(store()));
}

QStringList TestConfirmRollback::mismatches(const QList<Flow> &flows, const QList<bool> &expected)
{
    QList<bool> got = TrafficProbe::run(flows);
    // A lost first packet is not a verdict: retry those expected through, never the dropped.
    for (int attempt = 0; attempt < 2; ++attempt)
        for (qsizetype i = 0; i < flows.size(); ++i)
            if (expected.at(i) && !got.at(i))
                got[i] = TrafficProbe::delivered(flows.at(i));
    return TrafficProbe::mismatches(flows, got, expected);
}

void TestConfirmRollback::seedBase()
{
    // A confirmed state to come back to: UDP 6666 blocked.
    const Run r = run({u"-w"_s, u"REG"_s, u"-p"_s, u"Base"_s, u"-r"_s, u"No 6666"_s, u"-f"_s,
                       u"*=0:6666:UDP"_s, u"-n"_s, u"BLOCK"_s, u"-x"_s});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    CHECK_TRAFFIC((QList<Flow>{udpIn(6666), udpIn(5555), udpIn6(5555)}),
                  (QList<bool>{false, true, true}));
}

void TestConfirmRollback::unconfirmedChangeIsRolledBack()
{
    seedBase();
    const ipsec::PolicyDatabase before = store();
    QVERIFY(before.assignedPolicy());
    const QStringList kernelBefore = m_ns.kernelState(m_pair.b);

    QElapsedTimer clock;
    clock.start();
    auto waiting = startWaiting(QStringList{u"--confirm-within"_s, u"3"_s} + kBlock5555);
    QVERIFY2(waiting->state() == QProcess::Running,
             qPrintable(QString::fromUtf8(waiting->readAll())));
    // While it waits: the block is real (and Base, unassigned by assigning Lock, is not).
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555), udpIn6(5555), udpIn(6666), udpIn(5556)}),
                  (QList<bool>{false, false, true, true}));
    QCOMPARE(store().assignedPolicy()->name, u"Lock"_s);

    const Run r = finish(*waiting, 15000);
    QCOMPARE(r.code, 5);
    QVERIFY2(clock.elapsed() >= 2500, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(r.out.contains(u"rolled back"_s), qPrintable(r.describe()));
    // After the deadline: the traffic is back, the earlier block still stands, the store holds
    // exactly what it held before, the kernel exactly the entries it had.
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555), udpIn6(5555), udpIn(6666)}),
                  (QList<bool>{true, true, false}));
    const QString diff = storeDifference(before);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(m_ns.kernelState(m_pair.b), kernelBefore);
    // Nothing is left to confirm.
    const Run late = run({u"confirm"_s});
    QCOMPARE(late.code, 3);
}

void TestConfirmRollback::confirmedChangeStays()
{
    seedBase();
    QElapsedTimer clock;
    clock.start();
    auto waiting = startWaiting(QStringList{u"--confirm-within"_s, u"3"_s} + kBlock5555);
    QVERIFY(waiting->state() == QProcess::Running);
    const Run confirmed = run({u"confirm"_s});
    QVERIFY2(confirmed.code == 0, qPrintable(confirmed.describe()));
    QVERIFY2(confirmed.out.contains(u"kept"_s), qPrintable(confirmed.describe()));
    const Run r = finish(*waiting, 10000);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(clock.elapsed() < 3000, "the waiting ipseccmd should end as soon as it is confirmed");
    QTest::qWait(int(std::max<qint64>(0, 3500 - clock.elapsed()))); // past the deadline
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555), udpIn6(5555), udpIn(5556)}),
                  (QList<bool>{false, false, true}));
    QCOMPARE(store().assignedPolicy()->name, u"Lock"_s);
}

void TestConfirmRollback::hangupDoesNotStopTheRollback()
{
    seedBase();
    const ipsec::PolicyDatabase before = store();
    auto waiting = startWaiting(QStringList{u"--confirm-within"_s, u"3"_s} + kBlock5555);
    QVERIFY(waiting->state() == QProcess::Running);
    QCOMPARE(::kill(pid_t(waiting->processId()), SIGHUP), 0); // the SSH session is cut
    QTest::qWait(300);
    QCOMPARE(waiting->state(), QProcess::Running);
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555)}), (QList<bool>{false}));
    const Run r = finish(*waiting, 15000);
    QCOMPARE(r.code, 5);
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555), udpIn(6666)}), (QList<bool>{true, false}));
    QVERIFY(storeDifference(before).isEmpty());
}

void TestConfirmRollback::terminateRollsBackAtOnce()
{
    seedBase();
    const ipsec::PolicyDatabase before = store();
    auto waiting = startWaiting(QStringList{u"--confirm-within"_s, u"60"_s} + kBlock5555);
    QVERIFY(waiting->state() == QProcess::Running);
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555)}), (QList<bool>{false}));
    QElapsedTimer clock;
    clock.start();
    waiting->terminate(); // SIGTERM
    const Run r = finish(*waiting, 10000);
    QCOMPARE(r.code, 5);
    QVERIFY(clock.elapsed() < 5000);
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555)}), (QList<bool>{true}));
    QVERIFY(storeDifference(before).isEmpty());
}

void TestConfirmRollback::badDeadlineIsRefused()
{
    seedBase();
    const ipsec::PolicyDatabase before = store();
    for (const QString &bad : {u"0"_s, u"-5"_s, u"86401"_s, u"soon"_s}) {
        const Run r = run(QStringList{u"--confirm-within"_s, bad} + kBlock5555);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(u"--confirm-within"_s) && r.err.contains(bad),
                 qPrintable(r.describe()));
    }
    QVERIFY(storeDifference(before).isEmpty());
    CHECK_TRAFFIC((QList<Flow>{udpIn(5555)}), (QList<bool>{true}));
}

void TestConfirmRollback::sshGuardRefusesAndForceApplies()
{
    seedBase();
    const ipsec::PolicyDatabase before = store();
    const QStringList kernelBefore = m_ns.kernelState(m_pair.b);
    // The test's "administrator" is logged in from A to B's sshd.
    const QString ssh =
        u"%1 50022 %2 22"_s.arg(VethPair::a4().toString(), VethPair::b4().toString());
    const QStringList blockSsh{u"-w"_s,     u"REG"_s, u"-p"_s,         u"Base"_s, u"-r"_s,
                               u"No SSH"_s, u"-f"_s,  u"*=0:22:TCP"_s, u"-n"_s,   u"BLOCK"_s};
    Run r = run(blockSsh, ssh);
    QCOMPARE(r.code, 5);
    for (const QString &part :
         {u"10.77.0.1:50022"_s, u"10.77.0.2:22"_s, u"\"No SSH\""_s, u"--force"_s})
        QVERIFY2(r.err.contains(part), qPrintable(part + u" missing:\n"_s + r.describe()));
    QVERIFY(storeDifference(before).isEmpty());
    QCOMPARE(m_ns.kernelState(m_pair.b), kernelBefore);
    CHECK_TRAFFIC((QList<Flow>{tcpIn(22)}), (QList<bool>{true}));

    // Unrelated blocks pass with the same $SSH_CONNECTION.
    r = run({u"-w"_s, u"REG"_s, u"-p"_s, u"Base"_s, u"-r"_s, u"No web"_s, u"-f"_s, u"*=0:80:TCP"_s,
             u"-n"_s, u"BLOCK"_s},
            ssh);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));

    r = run(QStringList{u"--force"_s} + blockSsh, ssh);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"forced"_s), qPrintable(r.describe()));
    CHECK_TRAFFIC((QList<Flow>{tcpIn(22), tcpIn(80), tcpIn(8080)}),
                  (QList<bool>{false, false, true}));
}

QTEST_GUILESS_MAIN(TestConfirmRollback)
#include "TestConfirmRollback.moc"
