// Benchmark of the static policy store (not a unit test; see tests/bench/CMakeLists.txt).
//
//   bench_store [--filters N] [--lists L] [--runs R] [--adds A] [--dir PATH] [--strict]
//
// Builds a store of N filters in L filter lists (plus policies and rules that use them) in a
// child process, then measures here: open + load() cold (page cache dropped) and warm (median
// of R runs), adding one filter (A single-filter write() calls: median and p95) and the peak
// resident set of this process. Prints each figure with its target and PASS or OVER; --strict
// makes any OVER fail the exit code.

#include "store/PolicyStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

constexpr double OpenLoadTargetMs = 300;
constexpr double AddTargetMs = 5;
constexpr double RssTargetMb = 150;

struct Options {
    int filters = 100000;
    int lists = 1000;
    int runs = 7;
    int adds = 200;
    QString dir;
    QString buildOnly; // internal: build this store and exit
    bool strict = false;
};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTemporaryDir *benchDir = nullptr; // removed on failure too

[[noreturn]] void fail(const QString &message)
{
    QTextStream(stderr) << "bench_store: " << message << '\n';
    if (benchDir)
        benchDir->remove();
    std::exit(1);
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return 0;
    return v.at(std::min(v.size() - 1, qsizetype(p * double(v.size()))));
}

// A realistic mix: mostly me -> host with a TCP/UDP port, some subnets, a little IPv6, a few
// DNS names and descriptions.
Filter makeFilter(int n)
{
    Filter f;
    f.source = Address::me();
    const quint32 host = 0x0a000000u + quint32(n) * 7u;
    if (n % 50 == 0) {
        Q_IPV6ADDR v6{};
        v6.c[0] = 0x20;
        v6.c[1] = 0x01;
        v6.c[2] = 0x0d;
        v6.c[3] = 0xb8;
        v6.c[12] = quint8(n >> 24);
        v6.c[13] = quint8(n >> 16);
        v6.c[14] = quint8(n >> 8);
        v6.c[15] = quint8(n);
        f.destination = Address::host(QHostAddress(v6));
    } else if (n % 10 == 0) {
        f.destination = Address::subnet(QHostAddress(host & 0xffffff00u), 24).value();
    } else if (n % 997 == 0) {
        f.destination = Address::dnsName(u"server%1.example.org"_s.arg(n)).value();
    } else {
        f.destination = Address::host(QHostAddress(host));
    }
    f.protocol = n % 3 == 0 ? Protocol::udp() : Protocol::tcp();
    f.destinationPort = quint16(1 + n % 65000);
    f.mirrored = n % 4 != 0;
    if (n % 10 == 3)
        f.description = u"Filter number %1"_s.arg(n);
    return f;
}

// Runs in the child: creates the store and prints "build_ms <ms> rss_mb <mb>".
void build(const Options &o)
{
    QElapsedTimer timer;
    timer.start();
    auto store = PolicyStore::open(o.buildOnly);
    if (!store)
        fail(store.error().message);

    QList<qint64> listIds;
    constexpr int ListsPerWrite = 50;
    int made = 0;
    for (int first = 0; first < o.lists; first += ListsPerWrite) {
        auto ok = store.value()->write([&](StoreWriter &w) -> Result<void> {
            for (int l = first; l < std::min(o.lists, first + ListsPerWrite); ++l) {
                FilterList list;
                list.name = u"Filter list %1"_s.arg(l);
                list.description = u"Generated for the benchmark"_s;
                const int count = o.filters / o.lists + (l < o.filters % o.lists ? 1 : 0);
                list.filters.reserve(count);
                for (int i = 0; i < count; ++i)
                    list.filters << makeFilter(made++);
                if (auto r = w.insertFilterList(list); !r)
                    return r;
                listIds << list.id;
            }
            return {};
        });
        if (!ok)
            fail(ok.error().message);
    }

    // One policy per 20 lists, one rule per list; a few actions shared by the rules.
    auto ok = store.value()->write([&](StoreWriter &w) -> Result<void> {
        QList<qint64> actions;
        for (auto type : {FilterAction::Type::Permit, FilterAction::Type::Block}) {
            FilterAction a;
            a.name = u"Bench %1"_s.arg(FilterAction::typeName(type));
            a.type = type;
            if (auto r = w.insertFilterAction(a); !r)
                return r;
            actions << a.id;
        }
        qint64 policyId = 0;
        for (qsizetype i = 0; i < listIds.size(); ++i) {
            if (i % 20 == 0) {
                Policy p;
                p.name = u"Bench policy %1"_s.arg(i / 20);
                if (auto r = w.insertPolicy(p); !r)
                    return r;
                policyId = p.id;
            }
            Rule r;
            r.policyId = policyId;
            r.name = u"Rule %1"_s.arg(i);
            r.filterListId = listIds.at(i);
            r.filterActionId = actions.at(i % actions.size());
            if (auto done = w.insertRule(r); !done)
                return done;
        }
        return {};
    });
    if (!ok)
        fail(ok.error().message);
    out() << "build_ms " << timer.elapsed() << " rss_mb " << QString::number(peakRssMb(), 'f', 1)
          << Qt::endl;
}

// Drops the file's pages from the page cache (no privileges needed for clean pages).
void dropCache(const QString &path)
{
    for (const QString &p : QStringList{path, path + u"-wal"_s}) {
        const int fd = ::open(QFile::encodeName(p).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

// CPU time of this thread, to tell waiting for the CPU from working on it.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct OpenLoad {
    double openMs = 0;
    double loadMs = 0;
    double cpuMs = 0; // open + load
    qsizetype filters = 0;
    qsizetype rules = 0;
    qsizetype policies = 0;
};

OpenLoad openAndLoad(const QString &path)
{
    OpenLoad r;
    const double cpuStart = threadCpuMs();
    QElapsedTimer t;
    t.start();
    auto store = PolicyStore::open(path);
    if (!store)
        fail(store.error().message);
    r.openMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    auto db = store.value()->load();
    if (!db)
        fail(db.error().message);
    r.loadMs = double(t.nsecsElapsed()) / 1e6;
    r.cpuMs = threadCpuMs() - cpuStart;
    r.filters = db->filterCount();
    r.rules = db->rules.size();
    r.policies = db->policies.size();
    return r;
}

bool report(const char *what, double value, double target, const char *unit)
{
    const bool pass = value <= target;
    out() << QString::fromLatin1(what).leftJustified(34)
          << QString::number(value, 'f', 2).rightJustified(9) << ' '
          << QString::fromLatin1(unit).leftJustified(3) << "  target <= " << target << ' ' << unit
          << "  " << (pass ? "PASS" : "OVER") << Qt::endl;
    return pass;
}

Options parse(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto next = [&]() -> QString {
            if (i + 1 >= args.size())
                fail(u"%1 needs a value"_s.arg(a));
            return args.at(++i);
        };
        const auto number = [&]() {
            bool ok = false;
            const int n = next().toInt(&ok);
            if (!ok || n < 1)
                fail(u"%1 needs a positive number"_s.arg(a));
            return n;
        };
        if (a == "--filters"_L1)
            o.filters = number();
        else if (a == "--lists"_L1)
            o.lists = number();
        else if (a == "--runs"_L1)
            o.runs = number();
        else if (a == "--adds"_L1)
            o.adds = number();
        else if (a == "--dir"_L1)
            o.dir = next();
        else if (a == "--build-only"_L1)
            o.buildOnly = next();
        else if (a == "--strict"_L1)
            o.strict = true;
        else
            fail(u"unknown option %1 (see the comment at the top of bench_store.cpp)"_s.arg(a));
    }
    if (o.lists > o.filters)
        fail(u"--lists must not exceed --filters"_s);
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parse(app.arguments());
    if (!o.buildOnly.isEmpty()) {
        build(o);
        return 0;
    }

    QTemporaryDir temp(o.dir.isEmpty() ? QDir::tempPath() + u"/bench_store-XXXXXX"_s
                                       : o.dir + u"/bench_store-XXXXXX"_s);
    if (!temp.isValid())
        fail(u"cannot create a temporary folder: %1"_s.arg(temp.errorString()));
    benchDir = &temp;
    const QString path = temp.filePath(u"policy.db"_s);

    // Building happens in a child process so that the peak RSS below is that of the workload.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {u"--build-only"_s, path, u"--filters"_s, QString::number(o.filters), u"--lists"_s,
                 QString::number(o.lists)});
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit
        || child.exitCode() != 0)
        fail(u"building the store failed"_s);
    const QStringList built = QString::fromLatin1(child.readAllStandardOutput()).split(u' ');
    const QString buildMs = built.value(1).trimmed();
    const QString buildRss = built.value(3).trimmed();

    out() << "Static policy store benchmark (Qt " << qVersion() << ")" << Qt::endl;
    out() << "store: " << path << Qt::endl;
    out() << "built " << o.filters << " filters in " << o.lists << " lists in " << buildMs
          << " ms (child process, peak RSS " << buildRss << " MB); file "
          << QString::number(double(QFileInfo(path).size()) / 1048576.0, 'f', 1) << " MB"
          << Qt::endl
          << Qt::endl;

    bool pass = true;

    dropCache(path);
    const OpenLoad cold = openAndLoad(path);
    // The Windows example lists add their own two filters.
    if (cold.filters != o.filters + 2)
        fail(u"loaded %1 filters, expected %2"_s.arg(cold.filters).arg(o.filters + 2));
    out() << "loaded " << cold.policies << " policies, " << cold.rules << " rules, " << cold.filters
          << " filters" << Qt::endl;

    QList<double> total, opens, loads, cpu;
    for (int i = 0; i < o.runs; ++i) {
        const OpenLoad r = openAndLoad(path);
        total << r.openMs + r.loadMs;
        opens << r.openMs;
        loads << r.loadMs;
        cpu << r.cpuMs;
    }

    QList<double> adds;
    {
        auto store = PolicyStore::open(path);
        if (!store)
            fail(store.error().message);
        auto db = store.value()->load();
        if (!db)
            fail(db.error().message);
        QList<qint64> listIds;
        for (const FilterList &l : db->filterLists)
            listIds << l.id;
        for (int i = 0; i < o.adds; ++i) {
            Filter f = makeFilter(o.filters + i);
            const qint64 listId = listIds.at((i * 7919) % listIds.size());
            QElapsedTimer t;
            t.start();
            auto ok =
                store.value()->write([&](StoreWriter &w) { return w.insertFilter(listId, f); });
            adds << double(t.nsecsElapsed()) / 1e6;
            if (!ok)
                fail(ok.error().message);
        }
    }

    pass &= report("open + load, cold", cold.openMs + cold.loadMs, OpenLoadTargetMs, "ms");
    out() << "  (first open in this process, file not in the page cache: open "
          << QString::number(cold.openMs, 'f', 2) << " ms + load "
          << QString::number(cold.loadMs, 'f', 2) << " ms)" << Qt::endl;
    pass &= report("open + load, median", median(total), OpenLoadTargetMs, "ms");
    out() << "  (open " << QString::number(median(opens), 'f', 2) << " ms + load "
          << QString::number(median(loads), 'f', 2) << " ms; min "
          << QString::number(*std::min_element(total.cbegin(), total.cend()), 'f', 2) << ", max "
          << QString::number(*std::max_element(total.cbegin(), total.cend()), 'f', 2) << " ms over "
          << o.runs << " runs)" << Qt::endl;
    out() << "  (CPU time of open + load: median " << QString::number(median(cpu), 'f', 2)
          << " ms; on a shared machine both rise with its load)" << Qt::endl;
    pass &= report("add one filter, median", median(adds), AddTargetMs, "ms");
    pass &= report("add one filter, p95", percentile(adds, 0.95), AddTargetMs, "ms");
    out() << "  (max " << QString::number(*std::max_element(adds.cbegin(), adds.cend()), 'f', 2)
          << " ms over " << o.adds << " writes)" << Qt::endl;
    pass &= report("peak RSS", peakRssMb(), RssTargetMb, "MB");

    return o.strict && !pass ? 1 : 0;
}
