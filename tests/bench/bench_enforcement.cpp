// bench_enforcement [--filters N] [--repeat R] [--strict]: the real `ipseccmd` end to end.
//
// For two shapes of an N-filter policy (default 10,000), in fresh network namespaces:
//   * builds the store with one `ipseccmd -w REG -p P -r R -f SPEC... -n BLOCK` (not assigned),
//   * times `ipseccmd -w REG -p P -x` (store load + compile + netlink apply) in namespace X,
//   * times `ipseccmd emergency-unassign` (every entry of the project out again, target <= 200 ms),
//   * times `ip -netns Y -batch FILE` installing the same kernel entries (taken from the
//     `--dry-run` plan) in namespace Y, for comparison.
// Shapes: N source hosts (10.a.b.c=0:1434:UDP) and N UDP ports of "me" (*=0:PORT:UDP, ports
// 1..N; the compiler merges port runs into value/mask blocks, so there are far fewer entries).
// Each figure is the median of R runs. Prints a table with PASS/OVER for "ipseccmd -x no slower
// than ip -batch" and for the 200 ms emergency target; --strict makes an OVER fail the exit code.
// Needs root (exits 77 otherwise); never touches the SPD of the machine's own namespace.

#include "NetnsFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kEmergencyTargetMs = 200;

struct Options {
    int filters = 10000;
    int repeat = 3;
    bool strict = false;
};

struct Shape {
    const char *name;
    QStringList specs;
    // Optional: the same policy written for `ip -batch` by hand, one entry per filter and family
    // (no port-run merging); timed for information.
    QByteArray unmergedBatch;
};

struct Figures {
    QString shape;
    int filters = 0;
    qsizetype entries = 0;
    qint64 buildMs = 0;            // creating the store (informational)
    qint64 dryRunMs = 0;           // compile only (informational)
    qint64 assignMs = 0;           // ipseccmd -x
    qint64 ipBatchMs = 0;          // ip -batch add
    qint64 emergencyMs = 0;        // ipseccmd emergency-unassign
    qint64 ipDeleteMs = 0;         // ip -batch delete of the same entries (informational)
    qsizetype unmergedEntries = 0; // Shape::unmergedBatch (informational)
    qint64 unmergedMs = 0;
    double ratio() const { return ipBatchMs > 0 ? double(assignMs) / double(ipBatchMs) : 0.0; }
    bool fastEnough() const { return assignMs <= ipBatchMs; }
    bool emergencyOk() const { return emergencyMs <= kEmergencyTargetMs; }
};

void print(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "bench_enforcement: %s\n", qPrintable(message));
    std::exit(1);
}

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

class Bench {
public:
    explicit Bench(const Options &o)
        : m_options(o)
    {
    }

    Figures runShape(const Shape &shape);

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
        qint64 ms = 0;
    };
    Run ipseccmd(const QStringList &args, const QString &ns);
    Run ip(const QStringList &args);
    QString makeNamespace(bool withAddresses);
    qsizetype spdCount(const QString &ns);

    Options m_options;
    NetnsFixture m_fixture;
    std::unique_ptr<QTemporaryDir> m_dir;
};

Bench::Run Bench::ipseccmd(const QStringList &args, const QString &ns)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.remove(u"IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s); // refuses to work without --netns
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, m_dir->filePath(u"run"_s));
    QProcess p;
    p.setProcessEnvironment(env);
    const QStringList full =
        args + QStringList{u"--store"_s, m_dir->filePath(u"policy.db"_s), u"--netns"_s, ns};
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s, full);
    if (!p.waitForFinished(600000))
        fail(u"ipseccmd did not finish: "_s + args.mid(0, 8).join(u' '));
    Run r;
    r.ms = timer.elapsed();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Bench::Run Bench::ip(const QStringList &args)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(u"ip"_s, args);
    if (!p.waitForFinished(600000))
        fail(u"ip did not finish: "_s + args.join(u' '));
    Run r;
    r.ms = timer.elapsed();
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

// A fresh namespace; withAddresses: one veth pair inside it with an IPv4 and an IPv6 address,
// so that "me" stands for both families.
QString Bench::makeNamespace(bool withAddresses)
{
    const QString ns = m_fixture.create();
    if (ns.isEmpty())
        fail(m_fixture.lastError());
    if (!withAddresses)
        return ns;
    const QList<QStringList> setup{
        {u"-netns"_s, ns, u"link"_s, u"add"_s, u"eth0"_s, u"type"_s, u"veth"_s, u"peer"_s,
         u"name"_s, u"eth1"_s},
        {u"-netns"_s, ns, u"addr"_s, u"add"_s, u"10.250.0.1/24"_s, u"dev"_s, u"eth0"_s},
        {u"-netns"_s, ns, u"addr"_s, u"add"_s, u"fd25::1/64"_s, u"dev"_s, u"eth0"_s, u"nodad"_s},
        {u"-netns"_s, ns, u"link"_s, u"set"_s, u"eth0"_s, u"up"_s},
        {u"-netns"_s, ns, u"link"_s, u"set"_s, u"eth1"_s, u"up"_s},
    };
    for (const QStringList &args : setup)
        if (!m_fixture.ip(args))
            fail(m_fixture.lastError());
    return ns;
}

// Number of policies in the namespace's SPD (main and sub, every direction), from
// `ip xfrm policy count`: "SPD IN  n OUT n FWD n (Sock: ...)".
qsizetype Bench::spdCount(const QString &ns)
{
    static const QRegularExpression re(u"SPD IN\\s+(\\d+) OUT\\s+(\\d+) FWD\\s+(\\d+)"_s);
    const Run r = ip({u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"count"_s});
    const auto m = re.match(r.out);
    if (r.code != 0 || !m.hasMatch())
        fail(u"cannot count the policies of %1: %2%3"_s.arg(ns, r.out, r.err));
    return m.captured(1).toLongLong() + m.captured(2).toLongLong() + m.captured(3).toLongLong();
}

Figures Bench::runShape(const Shape &shape)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        fail(u"no temporary folder"_s);
    Figures f;
    f.shape = QString::fromLatin1(shape.name);
    f.filters = int(shape.specs.size());

    // The store: one rule with every filter, not assigned (built in a namespace of its own).
    const QString scratch = makeNamespace(false);
    QStringList build{u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-r"_s, u"R"_s, u"-f"_s};
    build += shape.specs;
    build += QStringList{u"-n"_s, u"BLOCK"_s};
    Run r = ipseccmd(build, scratch);
    if (r.code != 0)
        fail(u"building the store failed (exit %1): %2"_s.arg(r.code).arg(r.err.left(2000)));
    f.buildMs = r.ms;

    const QString x = makeNamespace(true);
    const QString y = makeNamespace(false);

    // The plan, as `ip` lines, for the comparison.
    r = ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-x"_s, u"--dry-run"_s}, x);
    if (r.code != 0)
        fail(u"--dry-run failed (exit %1): %2"_s.arg(r.code).arg(r.err.left(2000)));
    f.dryRunMs = r.ms;
    QByteArray addBatch, deleteBatch;
    static const QRegularExpression priority(u" priority \\d+ action \\w+$"_s);
    for (const QString &line : r.out.split(u'\n')) {
        if (!line.startsWith(u"ip xfrm policy add "_s))
            continue;
        ++f.entries;
        // "xfrm policy add ...", without the note on port masks `ip` cannot express (such an
        // entry then covers its first port only: the count is the same, the cost comparable).
        const QString args = line.mid(3).section(u"  #"_s, 0, 0);
        addBatch += args.toUtf8() + '\n';
        QString del = args;
        del.replace(u"xfrm policy add "_s, u"xfrm policy delete "_s).remove(priority);
        deleteBatch += del.toUtf8() + '\n';
    }
    if (f.entries == 0)
        fail(u"the dry run printed no entries"_s);
    const QString addFile = m_dir->filePath(u"add.batch"_s);
    const QString deleteFile = m_dir->filePath(u"delete.batch"_s);
    for (const auto &[path, data] :
         {std::pair{addFile, addBatch}, std::pair{deleteFile, deleteBatch}}) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            fail(u"cannot write "_s + path);
    }

    QList<qint64> assign, emergency, ipAdd, ipDelete;
    for (int i = 0; i < m_options.repeat; ++i) {
        r = ipseccmd({u"-w"_s, u"REG"_s, u"-p"_s, u"P"_s, u"-x"_s}, x);
        if (r.code != 0)
            fail(u"ipseccmd -x failed (exit %1): %2"_s.arg(r.code).arg(r.err.left(2000)));
        assign << r.ms;
        if (const qsizetype n = spdCount(x); n != f.entries)
            fail(u"ipseccmd -x installed %1 entries, the plan has %2"_s.arg(n).arg(f.entries));

        r = ipseccmd({u"emergency-unassign"_s}, x);
        if (r.code != 0)
            fail(u"emergency-unassign failed (exit %1): %2"_s.arg(r.code).arg(r.err));
        emergency << r.ms;
        if (const qsizetype n = spdCount(x); n != 0)
            fail(u"emergency-unassign left %1 entries"_s.arg(n));

        r = ip({u"-netns"_s, y, u"-batch"_s, addFile});
        if (r.code != 0)
            fail(u"ip -batch failed: "_s + r.err.left(2000));
        ipAdd << r.ms;
        if (const qsizetype n = spdCount(y); n != f.entries)
            fail(u"ip -batch installed %1 entries, expected %2"_s.arg(n).arg(f.entries));
        r = ip({u"-netns"_s, y, u"-batch"_s, deleteFile});
        if (r.code != 0)
            fail(u"ip -batch delete failed: "_s + r.err.left(2000));
        ipDelete << r.ms;
        if (const qsizetype n = spdCount(y); n != 0)
            fail(u"ip -batch delete left %1 entries"_s.arg(n));
    }
    f.assignMs = median(assign);
    f.emergencyMs = median(emergency);
    f.ipBatchMs = median(ipAdd);
    f.ipDeleteMs = median(ipDelete);

    if (!shape.unmergedBatch.isEmpty()) {
        const QString z = makeNamespace(false);
        const QString file = m_dir->filePath(u"unmerged.batch"_s);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly)
            || out.write(shape.unmergedBatch) != shape.unmergedBatch.size())
            fail(u"cannot write "_s + file);
        out.close();
        r = ip({u"-netns"_s, z, u"-batch"_s, file});
        if (r.code != 0)
            fail(u"ip -batch (unmerged) failed: "_s + r.err.left(2000));
        f.unmergedMs = r.ms;
        f.unmergedEntries = spdCount(z);
    }
    m_fixture.removeAll();
    return f;
}

Options parseOptions(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto number = [&]() -> int {
            bool ok = false;
            const int n = i + 1 < args.size() ? args.at(++i).toInt(&ok) : 0;
            if (!ok || n <= 0) {
                std::fprintf(stderr, "bench_enforcement: %s needs a positive number\n",
                             qPrintable(a));
                std::exit(2);
            }
            return n;
        };
        if (a == u"--filters"_s) {
            o.filters = number();
        } else if (a == u"--repeat"_s) {
            o.repeat = number();
        } else if (a == u"--strict"_s) {
            o.strict = true;
        } else {
            std::fprintf(stderr,
                         "usage: bench_enforcement [--filters N] [--repeat R] [--strict]\n");
            std::exit(2);
        }
    }
    if (o.filters > 50000) {
        std::fprintf(stderr, "bench_enforcement: at most 50000 filters (the priority band)\n");
        std::exit(2);
    }
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app.arguments());
    if (!NetnsFixture::isRoot()) {
        print(u"bench_enforcement: skipped, needs root (network namespaces, XFRM netlink)\n"_s);
        return 77;
    }
    NetnsFixture::removeStale();
    NetnsFixture rootCheck;
    const QString rootBefore = rootCheck.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});

    Shape hosts{"N source hosts -> udp/1434", {}, {}};
    Shape ports{"N udp ports of me", {}, {}};
    int priority = 1000;
    for (int i = 0; i < options.filters; ++i) {
        const int a = i / (250 * 250) % 250 + 1, b = i / 250 % 250 + 1, c = i % 250 + 1;
        hosts.specs << u"10.%1.%2.%3=0:1434:UDP"_s.arg(a).arg(b).arg(c);
        const int port = i + 1;
        ports.specs << u"*=0:%1:UDP"_s.arg(port);
        if (port == 500 || port == 4500)
            continue; // the IKE exemption's own selectors
        for (const char *any : {"0.0.0.0/0", "::/0"})
            ports.unmergedBatch += "xfrm policy add src " + QByteArray(any) + " dst "
                                   + QByteArray(any) + " proto udp dport "
                                   + QByteArray::number(port) + " dir in priority "
                                   + QByteArray::number(priority++) + " action block\n";
    }

    print(u"bench_enforcement: %1 filters per shape, median of %2 run(s), ipseccmd %3\n\n"_s
              .arg(options.filters)
              .arg(options.repeat)
              .arg(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s));
    QList<Figures> figures;
    Bench bench(options);
    for (const Shape &shape : {hosts, ports})
        figures << bench.runShape(shape);

    print(u"%1 %2 %3 %4 %5 %6 %7  %8  %9\n"_s.arg(u"shape"_s, -26)
              .arg(u"filters"_s, 8)
              .arg(u"entries"_s, 8)
              .arg(u"ipseccmd -x"_s, 12)
              .arg(u"ip -batch"_s, 10)
              .arg(u"ratio"_s, 6)
              .arg(u"emergency"_s, 10)
              .arg(u"-x vs ip"_s, -8)
              .arg(u"emergency<=200ms"_s));
    bool allPass = true;
    for (const Figures &f : std::as_const(figures)) {
        allPass = allPass && f.fastEnough() && f.emergencyOk();
        print(u"%1 %2 %3 %4 %5 %6 %7  %8  %9\n"_s.arg(f.shape, -26)
                  .arg(f.filters, 8)
                  .arg(f.entries, 8)
                  .arg(u"%1 ms"_s.arg(f.assignMs), 12)
                  .arg(u"%1 ms"_s.arg(f.ipBatchMs), 10)
                  .arg(QString::number(f.ratio(), 'f', 2), 6)
                  .arg(u"%1 ms"_s.arg(f.emergencyMs), 10)
                  .arg(f.fastEnough() ? u"PASS"_s : u"OVER"_s, -8)
                  .arg(f.emergencyOk() ? u"PASS"_s : u"OVER"_s));
    }
    print(u"\nDetails (informational):\n"_s);
    for (const Figures &f : std::as_const(figures)) {
        print(u"  %1: store build (-f x%2, not assigned) %3 ms; --dry-run (compile only) %4 ms; "
              u"ip -batch delete of the same entries %5 ms\n"_s.arg(f.shape)
                  .arg(f.filters)
                  .arg(f.buildMs)
                  .arg(f.dryRunMs)
                  .arg(f.ipDeleteMs));
        if (f.unmergedEntries)
            print(u"  %1: without port-run merging, ip -batch needs %2 entries: %3 ms (ratio "
                  u"ipseccmd -x / that %4)\n"_s.arg(f.shape)
                      .arg(f.unmergedEntries)
                      .arg(f.unmergedMs)
                      .arg(QString::number(
                          f.unmergedMs ? double(f.assignMs) / double(f.unmergedMs) : 0.0, 'f', 3)));
    }

    if (rootCheck.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}) != rootBefore)
        fail(u"the SPD of the machine's own namespace changed!"_s);
    return options.strict && !allPass ? 1 : 0;
}
