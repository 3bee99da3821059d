// bench_nft [--max N] [--seconds S] [--quick]: issue 11's benchmark, side by side in one run.
//
// Two namespaces joined by a veth pair (A sends, B enforces). For policies of 10 / 100 / 1,000 /
// 10,000 (up to --max) scattered UDP port filters (*=0:P:UDP, odd ports, so nothing merges),
// 10,000 source hosts (a ban list, 10.60.x.y=0) and 10,000 contiguous ports, with
//   * the nftables backend (ipseccmd -x --backend nft),
//   * the XFRM backend (ipseccmd -x --backend xfrm),
//   * `nft -f` of the same table (the dry run's ruleset), the reference,
// it measures iperf3 throughput A -> B (TCP, and UDP with 64-byte datagrams; relative to a
// no-policy run made right before the same policy's rows, since the link's speed drifts over a
// run) and the apply time (whole process, median of --repeat, default 3) against `nft -f`
// (whole process, median of as many runs). For every
// policy it also times adding one rule to the assigned policy on the nftables backend: the whole
// command, and the kernel transaction alone (the batch the enforcer sends, as the command itself
// reports it under IPSEC_CONSOLE_PROFILE). At the largest size it times the emergency unassign
// (the whole command, and the table's one-step deletion alone).
// Targets: throughput at 10,000 >= 0.90; apply <= nft -f; emergency <= 50 ms; add one rule
// <= 10 ms kernel work. Needs root, iperf3 and nft (exits 77 otherwise); never touches the
// machine's own namespace. Not a ctest test (minutes); `--quick` is a small smoke run.
// `--emergency-only [--max N] [--repeat R]`: just the emergency column (kernel work and whole
// command beside `nft delete table`), in seconds, without iperf3.

#include "NetnsFixture.h"
#include "TrafficProbe.h"

#include "kernel/NftBackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Options {
    int max = 10000;
    int seconds = 2;
    bool quick = false;
    bool emergencyOnly = false; // --emergency-only: just the emergency column (seconds)
    int repeat = 3;
};

struct Throughput {
    double tcpMbps = 0;
    double udpKpps = 0; // received 64-byte datagrams per second, thousands
};

struct Row {
    QString policy;
    QString variant;
    qint64 applyMs = -1;
    Throughput t;
};

void print(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_nft: %s\n", qPrintable(message));
    std::exit(1);
}

class Bench {
public:
    explicit Bench(const Options &o)
        : m_options(o)
    {
    }
    int run();
    int runEmergencyOnly();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
        qint64 ms = 0;
        // IPSEC_CONSOLE_PROFILE's "span … nft kernel transaction" lines, summed; -1: none.
        double kernelMs = -1;
    };
    Run ipseccmd(const QStringList &args, const QString &backend);
    Run exec(const QString &ns, const QStringList &command, const QByteArray &input = {});
    Throughput measure();
    double iperf(bool udp);
    void create(const QString &policy, const QStringList &specs);
    QByteArray ruleset(const QString &policy);
    void runPolicy(const QString &policy, const QStringList &specs, QList<Row> &rows);
    void extras(const QString &policy, const QStringList &specs);
    struct AddOneRule {
        QString policy;
        qint64 applyKernelUs = -1; // the assign's nft transaction
        qint64 wholeMs = -1;
        double kernelMs = -1;
        bool incremental = false;
    };
    AddOneRule addOneRule(const QString &policy);
    void printAddOneRule(const QList<Row> &rows);
    void emergencyColumn(const QString &policy, int filters);
    // The programs' runtime folder on tmpfs when there is one (/dev/shm), as /run is in
    // production: the runtime files are written with fsync, which a disk would charge for.
    QString runtimeDir();
    std::unique_ptr<QTemporaryDir> m_runtime;

    Options m_options;
    NetnsFixture m_fixture;
    VethPair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    Throughput m_base;
    QStringList m_summary;
    QList<AddOneRule> m_addOneRule;
};

Bench::Run Bench::ipseccmd(const QStringList &args, const QString &backend)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.remove(u"IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, runtimeDir());
    env.insert(u"IPSEC_CONSOLE_BACKEND"_s, backend);
    env.insert(u"IPSEC_CONSOLE_PROFILE"_s, u"1"_s);
    QProcess p;
    p.setProcessEnvironment(env);
    const QStringList full = args
                             + QStringList{u"--no-agent"_s, u"--store"_s,
                                           m_dir->filePath(u"policy.db"_s), u"--netns"_s, m_pair.b};
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s, full);
    if (!p.waitForFinished(900000))
        fail(u"ipseccmd did not finish: "_s + args.mid(0, 8).join(u' '));
    Run r;
    r.ms = timer.elapsed();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    for (const QString &line : r.err.split(u'\n')) {
        static const QString span = u"profile: span "_s;
        if (line.startsWith(span) && line.endsWith(u" ms nft kernel transaction"_s))
            r.kernelMs =
                std::max(0.0, r.kernelMs) + line.mid(span.size()).section(u' ', 0, 0).toDouble();
    }
    if (r.code != 0)
        fail(u"ipseccmd %1 (%2): exit %3\n%4%5"_s.arg(args.mid(0, 8).join(u' '), backend)
                 .arg(r.code)
                 .arg(r.out.left(2000), r.err.left(2000)));
    return r;
}

Bench::Run Bench::exec(const QString &ns, const QStringList &command, const QByteArray &input)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(u"ip"_s, QStringList{u"netns"_s, u"exec"_s, ns} + command);
    if (!p.waitForStarted())
        fail(u"cannot start "_s + command.join(u' '));
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000))
        fail(u"did not finish: "_s + command.join(u' '));
    Run r;
    r.ms = timer.elapsed();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

double Bench::iperf(bool udp)
{
    QStringList args{u"iperf3"_s,
                     u"-c"_s,
                     VethPair::b4().toString(),
                     u"-t"_s,
                     QString::number(m_options.seconds),
                     u"-J"_s};
    if (udp)
        args << u"-u"_s << u"-b"_s << u"0"_s << u"-l"_s << u"64"_s;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Run r = exec(m_pair.a, args);
        const QJsonObject end =
            QJsonDocument::fromJson(r.out.toUtf8()).object()[u"end"_s].toObject();
        if (r.code != 0 || end.isEmpty()) {
            QThread::msleep(300);
            continue;
        }
        if (!udp)
            return end[u"sum_received"_s].toObject()[u"bits_per_second"_s].toDouble() / 1e6;
        const QJsonObject sum = end[u"sum"_s].toObject();
        const double seconds = sum[u"seconds"_s].toDouble();
        const double got = sum[u"packets"_s].toDouble() - sum[u"lost_packets"_s].toDouble();
        return seconds > 0 ? got / seconds / 1000.0 : 0.0;
    }
    fail(u"iperf3 failed three times (%1)"_s.arg(udp ? u"UDP"_s : u"TCP"_s));
}

Throughput Bench::measure()
{
    return Throughput{iperf(false), iperf(true)};
}

void Bench::create(const QString &policy, const QStringList &specs)
{
    ipseccmd(QStringList{u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-r"_s, u"R"_s, u"-f"_s} + specs
                 + QStringList{u"-n"_s, u"BLOCK"_s},
             u"nft"_s);
}

QByteArray Bench::ruleset(const QString &policy)
{
    // The dry run against an empty namespace prints the whole table as one transaction.
    const Run r = ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-x"_s, u"--dry-run"_s}, u"nft"_s);
    QByteArray out;
    bool in = false;
    for (const QString &line : r.out.split(u'\n')) {
        if (line.startsWith(u"add table inet ipsec_console"_s))
            in = true;
        if (in)
            out += line.toUtf8() + '\n';
        if (in && line == u"}"_s)
            break;
    }
    if (out.isEmpty())
        fail(u"no ruleset in the dry run of "_s + policy);
    return out;
}

void Bench::runPolicy(const QString &policy, const QStringList &specs, QList<Row> &rows)
{
    create(policy, specs);
    const QByteArray table = ruleset(policy);
    // The no-policy figure right before this policy's rows: the link's speed drifts over a run
    // (other load, CPU frequency), so each policy is compared with its own neighbour.
    Row base;
    base.policy = policy;
    base.variant = u"no policy"_s;
    base.t = measure();
    rows << base;
    print(u"  %1 | no policy: TCP %2 Mbit/s, UDP %3 kpps\n"_s.arg(policy)
              .arg(base.t.tcpMbps, 0, 'f', 0)
              .arg(base.t.udpKpps, 0, 'f', 1));
    const auto median = [](QList<qint64> v) {
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    for (const QString &backend : {u"nft"_s, u"xfrm"_s}) {
        Row row;
        row.policy = policy;
        row.variant = u"ipseccmd --backend "_s + backend;
        // Apply time: median of --repeat assigns (unassigned in between); the last stays for
        // the throughput run.
        QList<qint64> ms;
        for (int i = 0; i < m_options.repeat; ++i) {
            if (i > 0)
                ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-y"_s}, backend);
            ms << ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-x"_s}, backend).ms;
        }
        row.applyMs = median(ms);
        row.t = measure();
        ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-y"_s}, backend);
        rows << row;
        print(u"  %1 | %2: apply %3 ms, TCP %4 Mbit/s, UDP %5 kpps\n"_s.arg(policy, row.variant)
                  .arg(row.applyMs)
                  .arg(row.t.tcpMbps, 0, 'f', 0)
                  .arg(row.t.udpKpps, 0, 'f', 1));
    }
    Row ref;
    ref.policy = policy;
    ref.variant = u"nft -f (reference)"_s;
    QList<qint64> ms;
    for (int i = 0; i < m_options.repeat; ++i) {
        if (i > 0)
            exec(m_pair.b, {u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s, u"ipsec_console"_s});
        const Run r = exec(m_pair.b, {u"nft"_s, u"-f"_s, u"-"_s}, table);
        if (r.code != 0)
            fail(u"nft -f: "_s + r.err.left(2000));
        ms << r.ms;
    }
    ref.applyMs = median(ms);
    ref.t = measure();
    exec(m_pair.b, {u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s, u"ipsec_console"_s});
    rows << ref;
    print(u"  %1 | %2: apply %3 ms, TCP %4 Mbit/s, UDP %5 kpps\n"_s.arg(policy, ref.variant)
              .arg(ref.applyMs)
              .arg(ref.t.tcpMbps, 0, 'f', 0)
              .arg(ref.t.udpKpps, 0, 'f', 1));
}

// Emergency unassign and adding one rule, on the assigned largest policy (nft backend).
void Bench::extras(const QString &policy, const QStringList &specs)
{
    const int n = int(specs.size());
    ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-x"_s}, u"nft"_s);
    qint64 deleteTableUs = -1;
    NetnsFixture::runIn(m_pair.b, [&] {
        auto backend = ipsec::kernel::NftBackend::open();
        if (!backend)
            return;
        // The emergency's first step: the table goes in one transaction.
        const auto text = backend.value()->tableText();
        const QString saved = text ? text.value() : QString();
        QElapsedTimer t;
        t.start();
        if (backend.value()->deleteTable())
            deleteTableUs = t.nsecsElapsed() / 1000;
        (void)backend.value()->apply(saved);
    });
    const Run emergency = ipseccmd({u"emergency-unassign"_s}, u"nft"_s);
    m_summary << u"Emergency unassign at %1 filters: whole command %2 ms, table deletion "
                 u"%3 ms (target <= 50 ms: %4)"_s.arg(n)
                     .arg(emergency.ms)
                     .arg(double(deleteTableUs) / 1000.0, 0, 'f', 2)
                     .arg(emergency.ms <= 50 ? u"PASS"_s
                                             : (deleteTableUs >= 0 && deleteTableUs <= 50000
                                                    ? u"PASS (kernel), OVER (process)"_s
                                                    : u"OVER"_s));
    ipseccmd({u"reassign"_s}, u"nft"_s);
    ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-y"_s}, u"nft"_s);
}

QString Bench::runtimeDir()
{
    if (!m_runtime)
        m_runtime = std::make_unique<QTemporaryDir>(QFileInfo(u"/dev/shm"_s).isDir()
                                                        ? u"/dev/shm/bench_nft-XXXXXX"_s
                                                        : m_dir->filePath(u"run-XXXXXX"_s));
    return m_runtime->path();
}

// Adding one rule to the assigned policy (nftables backend): the whole command, and the kernel
// transaction the command reports (the element batch). The rule stays; the policy is unassigned.
Bench::AddOneRule Bench::addOneRule(const QString &policy)
{
    AddOneRule a;
    a.policy = policy;
    const Run assign = ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-x"_s}, u"nft"_s);
    a.applyKernelUs = assign.kernelMs < 0 ? -1 : qint64(assign.kernelMs * 1000);
    // One more of the same kind: a host for the ban list, a port otherwise (a new kind of filter
    // is a new shape, which replaces the table).
    const QString spec = policy.contains(u"hosts"_s) ? u"10.61.0.1=0"_s : u"*=0:40001:UDP"_s;
    const Run add = ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-r"_s, u"One more"_s, u"-f"_s,
                              spec, u"-n"_s, u"BLOCK"_s},
                             u"nft"_s);
    a.wholeMs = add.ms;
    a.kernelMs = add.kernelMs;
    a.incremental = add.out.contains(u"set element(s) added"_s);
    ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-y"_s}, u"nft"_s);
    print(u"  %1 | add one rule: whole command %2 ms, kernel transaction %3 ms (%4)\n"_s.arg(policy)
              .arg(a.wholeMs)
              .arg(a.kernelMs, 0, 'f', 2)
              .arg(a.incremental ? u"set elements only"_s : u"FULL REPLACE"_s));
    return a;
}

// Apply (ipseccmd nft / ipseccmd xfrm / nft -f) and adding one rule, side by side.
void Bench::printAddOneRule(const QList<Row> &rows)
{
    print(u"\n| policy | apply ms: ipseccmd nft | ipseccmd xfrm | nft -f | nft kernel ms (apply) "
          u"| add one rule: whole command ms | add one rule: kernel transaction ms |\n"
          u"|---|---|---|---|---|---|---|\n"_s);
    for (const AddOneRule &a : std::as_const(m_addOneRule)) {
        qint64 nft = -1, xfrm = -1, ref = -1;
        for (const Row &r : rows) {
            if (r.policy != a.policy)
                continue;
            if (r.variant.endsWith(u"nft"_s))
                nft = r.applyMs;
            else if (r.variant.endsWith(u"xfrm"_s))
                xfrm = r.applyMs;
            else
                ref = r.applyMs;
        }
        print(u"| %1 | %2 | %3 | %4 | %5 | %6 | %7%8 |\n"_s.arg(a.policy)
                  .arg(nft)
                  .arg(xfrm)
                  .arg(ref)
                  .arg(double(a.applyKernelUs) / 1000.0, 0, 'f', 2)
                  .arg(a.wholeMs)
                  .arg(a.kernelMs, 0, 'f', 2)
                  .arg(a.incremental ? QString() : u" (full replace)"_s));
        if (nft > ref && ref >= 0)
            m_summary << u"%1: apply %2 ms > nft -f %3 ms (OVER)"_s.arg(a.policy).arg(nft).arg(ref);
        if (a.policy.startsWith(u"10000 "_s))
            m_summary << u"Add one rule to the assigned %1: whole command %2 ms, kernel "
                         u"transaction %3 ms (target <= 10 ms: %4)"_s.arg(a.policy)
                             .arg(a.wholeMs)
                             .arg(a.kernelMs, 0, 'f', 2)
                             .arg(a.kernelMs >= 0 && a.kernelMs <= 10 && a.incremental ? u"PASS"_s
                                                                                       : u"OVER"_s);
    }
}

// The emergency column (issue 11): on the assigned N-filter policy (nft backend), the emergency
// unassign's kernel work (as the command reports it: the table's transaction and the XFRM
// batch) and the whole command (process start to exit), side by side with `nft delete table`
// of the same table by the reference tool (whole process) in the same run. Median of --repeat.
void Bench::emergencyColumn(const QString &policy, int filters)
{
    QList<double> kernelMs, commandMs, referenceMs;
    static const QRegularExpression kernelWork(u"Kernel work: ([0-9.]+) ms"_s);
    for (int i = 0; i < m_options.repeat; ++i) {
        ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-x"_s}, u"nft"_s);
        const Run e = ipseccmd({u"emergency-unassign"_s}, u"nft"_s);
        const auto m = kernelWork.match(e.out);
        if (!m.hasMatch())
            fail(u"emergency-unassign did not report its kernel work:\n"_s + e.out + e.err);
        kernelMs << m.captured(1).toDouble();
        commandMs << double(e.ms);
        ipseccmd({u"reassign"_s}, u"nft"_s);
        const Run ref =
            exec(m_pair.b, {u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s, u"ipsec_console"_s});
        if (ref.code != 0)
            fail(u"nft delete table: "_s + ref.err.left(2000));
        referenceMs << double(ref.ms);
    }
    ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, policy, u"-y"_s}, u"nft"_s);
    const auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? -1.0 : v.at(v.size() / 2);
    };
    const double command = median(commandMs);
    print(u"\n| emergency unassign at %1 filters (median of %2) | ms |\n|---|---|\n"_s.arg(filters)
              .arg(m_options.repeat));
    print(
        u"| ipseccmd emergency-unassign: kernel work | %1 |\n"_s.arg(median(kernelMs), 0, 'f', 1));
    print(u"| ipseccmd emergency-unassign: whole command | %1 |\n"_s.arg(command, 0, 'f', 0));
    print(u"| nft delete table inet ipsec_console (reference, whole process) | %1 |\n"_s.arg(
        median(referenceMs), 0, 'f', 0));
    m_summary << u"Emergency column at %1 filters: kernel work %2 ms, whole command %3 ms, "
                 u"nft delete table %4 ms (target <= 50 ms: %5)"_s.arg(filters)
                     .arg(median(kernelMs), 0, 'f', 1)
                     .arg(command, 0, 'f', 0)
                     .arg(median(referenceMs), 0, 'f', 0)
                     .arg(command <= 50 ? u"PASS"_s : u"OVER"_s);
}

// --emergency-only: the policy of --max scattered ports and the emergency column, nothing else.
int Bench::runEmergencyOnly()
{
    QString error;
    if (!VethPair::create(m_fixture, &m_pair, &error))
        fail(error);
    m_dir = std::make_unique<QTemporaryDir>();
    const int n = m_options.max;
    QStringList specs;
    for (int i = 0; i < n; ++i)
        specs << u"*=0:%1:UDP"_s.arg(10001 + 2 * i);
    const QString name = u"%1 scattered ports"_s.arg(n);
    create(name, specs);
    emergencyColumn(name, n);
    print(u"\n"_s);
    for (const QString &line : std::as_const(m_summary))
        print(line + u'\n');
    return 0;
}

int Bench::run()
{
    QString error;
    if (!VethPair::create(m_fixture, &m_pair, &error))
        fail(error);
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<QProcess>();
    m_server->start(u"ip"_s, {u"netns"_s, u"exec"_s, m_pair.b, u"iperf3"_s, u"-s"_s, u"-B"_s,
                              VethPair::b4().toString()});
    if (!m_server->waitForStarted())
        fail(u"iperf3 -s does not start"_s);
    QThread::msleep(500);
    if (!TrafficProbe::waitUntilDelivered(
            {Flow::udp(m_pair.a, VethPair::a4(), 0, m_pair.b, VethPair::b4(), 7)}))
        fail(u"the veth link does not carry traffic"_s);

    print(u"No policy: measuring …\n"_s);
    m_base = measure();
    print(u"  TCP %1 Mbit/s, UDP 64-byte %2 kpps\n"_s.arg(m_base.tcpMbps, 0, 'f', 0)
              .arg(m_base.udpKpps, 0, 'f', 1));

    QList<Row> rows;
    QList<int> sizes{10, 100, 1000, 10000};
    if (m_options.quick)
        sizes = {10, 100};
    sizes.removeIf([this](int n) { return n > m_options.max; });
    QStringList largest;
    QString largestName;
    for (int n : sizes) {
        QStringList specs;
        for (int i = 0; i < n; ++i)
            specs << u"*=0:%1:UDP"_s.arg(10001 + 2 * i); // odd ports: no run to merge
        const QString name = u"%1 scattered ports"_s.arg(n);
        print(name + u":\n"_s);
        runPolicy(name, specs, rows);
        m_addOneRule << addOneRule(name);
        largest = specs;
        largestName = name;
    }
    const int big = m_options.quick ? 100 : std::min(10000, m_options.max);
    {
        QStringList specs;
        for (int i = 0; i < big; ++i)
            specs << u"10.60.%1.%2=0"_s.arg(i / 250).arg(1 + i % 250);
        const QString name = u"%1 source hosts"_s.arg(big);
        print(name + u":\n"_s);
        runPolicy(name, specs, rows);
        m_addOneRule << addOneRule(name);
    }
    {
        QStringList specs;
        for (int i = 0; i < big; ++i)
            specs << u"*=0:%1:UDP"_s.arg(20001 + i);
        const QString name = u"%1 contiguous ports"_s.arg(big);
        print(name + u":\n"_s);
        runPolicy(name, specs, rows);
        m_addOneRule << addOneRule(name);
    }
    if (!largest.isEmpty())
        extras(largestName, largest);
    if (!largest.isEmpty())
        emergencyColumn(largestName, int(largest.size()));
    m_server->kill();
    m_server->waitForFinished();

    // The side-by-side table; throughput relative to the no-policy run measured right before
    // the same policy's rows.
    print(u"\n| policy | variant | apply ms (median of %1) | TCP rel. | UDP 64 B rel. |\n"_s
          u"|---|---|---|---|---|\n"_s.arg(m_options.repeat));
    print(u"| no policy (start of run) | — | — | 1.00 (%1 Mbit/s) | 1.00 (%2 kpps) |\n"_s
              .arg(m_base.tcpMbps, 0, 'f', 0)
              .arg(m_base.udpKpps, 0, 'f', 1));
    bool ok = true;
    Throughput base = m_base;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        if (r.variant == u"no policy"_s) {
            base = r.t;
            print(u"| %1 | no policy | — | 1.00 (%2 Mbit/s) | 1.00 (%3 kpps) |\n"_s.arg(r.policy)
                      .arg(r.t.tcpMbps, 0, 'f', 0)
                      .arg(r.t.udpKpps, 0, 'f', 1));
            continue;
        }
        const double tcp = base.tcpMbps > 0 ? r.t.tcpMbps / base.tcpMbps : 0;
        const double udp = base.udpKpps > 0 ? r.t.udpKpps / base.udpKpps : 0;
        print(u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(r.policy, r.variant)
                  .arg(r.applyMs)
                  .arg(tcp, 0, 'f', 2)
                  .arg(udp, 0, 'f', 2));
        if (r.variant.endsWith(u"nft"_s)) {
            // Apply against nft -f: printAddOneRule().
            if (r.policy.startsWith(u"10000 "_s) && (tcp < 0.90 || udp < 0.90)) {
                m_summary << u"%1: throughput below 0.90 of no policy (OVER)"_s.arg(r.policy);
                ok = false;
            }
        }
    }
    printAddOneRule(rows);
    print(u"\n"_s);
    for (const QString &line : std::as_const(m_summary))
        print(line + u'\n');
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--max"_s && i + 1 < args.size())
            o.max = args[++i].toInt();
        else if (args[i] == u"--seconds"_s && i + 1 < args.size())
            o.seconds = std::max(1, args[++i].toInt());
        else if (args[i] == u"--quick"_s)
            o.quick = true;
        else if (args[i] == u"--emergency-only"_s)
            o.emergencyOnly = true;
        else if (args[i] == u"--repeat"_s && i + 1 < args.size())
            o.repeat = std::max(1, args[++i].toInt());
        else
            fail(u"usage: bench_nft [--max N] [--seconds S] [--quick] [--emergency-only] "
                 u"[--repeat R]"_s);
    }
    if (!NetnsFixture::isRoot() || QStandardPaths::findExecutable(u"iperf3"_s).isEmpty()
        || QStandardPaths::findExecutable(u"nft"_s, {u"/usr/sbin"_s, u"/sbin"_s}).isEmpty()) {
        std::fputs("bench_nft: needs root, iperf3 and nft; skipped\n", stderr);
        return 77;
    }
    NetnsFixture::removeStale();
    if (o.emergencyOnly)
        return Bench(o).runEmergencyOnly();
    return Bench(o).run();
}
