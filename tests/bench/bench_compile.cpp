// bench_compile [--filters N] [--repeat R] [--digest]: the CPU work of one apply, in process.
//
// What `ipseccmd -x` spends between reading the store and talking to the kernel, without the
// process start, the store and the kernel around it (those are bench_nft's and
// bench_enforcement's): for three 10,000-filter policies (the shapes of issue 11's bench:
// scattered UDP ports of "me" "*=0:PORT:UDP", source hosts "10.60.x.y=0", contiguous UDP ports)
//   * "effective": EffectivePolicy::build (the "enforce: effective policy built" milestone),
//   * "nft": NftCompiler::compile (the nftables backend's "enforce: compiled" milestone),
//   * "binary": Enforcer::nftSpec (the netlink table, "enforce: binary table built"),
//   * "text": NftPlan::tableText (the table text kept in the runtime state),
//   * "xfrm": XfrmCompiler::compile + Enforcer::desiredEntries (the XFRM backend's compile).
// Each figure is the median of R runs, in milliseconds. Informational (no target, no PASS/OVER),
// so it is no timed unit test; the ctest entry is a small smoke run.
//
// --digest prints one SHA-256 per shape over everything the steps produce (the ranked filters,
// the nft table text, the binary netlink table, the XFRM entries with their priorities and the
// shadowed entries): two builds that print the same digests compile identically.

#include "engine/EffectivePolicy.h"
#include "engine/NftCompiler.h"
#include "engine/XfrmCompiler.h"
#include "kernel/NftTableSpec.h"
#include "service/Enforcer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

struct Options {
    int filters = 10000;
    int repeat = 11;
    bool digest = false;
};

[[noreturn]] void usage()
{
    std::fprintf(stderr, "usage: bench_compile [--filters N] [--repeat R] [--digest]\n");
    std::exit(2);
}

Options parseOptions(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        bool ok = true;
        if (a == u"--filters" && i + 1 < args.size())
            o.filters = args.at(++i).toInt(&ok);
        else if (a == u"--repeat" && i + 1 < args.size())
            o.repeat = args.at(++i).toInt(&ok);
        else if (a == u"--digest")
            o.digest = true;
        else
            usage();
        if (!ok || o.filters < 1 || o.repeat < 1)
            usage();
    }
    return o;
}

// One assigned policy with one rule: N filters, action Block (what `-w REG -p P -r R -f … -n
// BLOCK -x` stores).
PolicyDatabase database(const QList<Filter> &filters)
{
    PolicyDatabase db;
    Policy p;
    p.id = 1;
    p.name = u"P10K"_s;
    p.assigned = true;
    db.policies << p;
    FilterList list;
    list.id = 1;
    list.name = u"R"_s;
    list.filters = filters;
    db.filterLists << list;
    FilterAction block;
    block.id = 1;
    block.name = u"BLOCK"_s;
    block.type = FilterAction::Type::Block;
    db.filterActions << block;
    Rule r;
    r.id = 1;
    r.policyId = 1;
    r.name = u"R"_s;
    r.filterListId = 1;
    r.filterActionId = 1;
    db.rules << r;
    return db;
}

QUuid guidOf(int i)
{
    return QUuid(uint(0x49500000 + i), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
}

// "*=0:PORT:UDP": any to me, UDP destination port, one direction.
QList<Filter> portFilters(int n, int firstPort, int step)
{
    QList<Filter> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Filter f;
        f.id = i + 1;
        f.guid = guidOf(i);
        f.source = Address::any();
        f.destination = Address::me();
        f.protocol = Protocol::udp();
        f.destinationPort = quint16(firstPort + step * i);
        out << f;
    }
    return out;
}

// "10.60.x.y=0": one source host to me, any protocol, one direction.
QList<Filter> hostFilters(int n)
{
    QList<Filter> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Filter f;
        f.id = i + 1;
        f.guid = guidOf(i);
        f.source = Address::host(QHostAddress(quint32(10u << 24 | 60u << 16)
                                              | quint32(((i / 250) & 0xff) << 8 | (1 + i % 250))));
        f.destination = Address::me();
        out << f;
    }
    return out;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

struct Step {
    const char *name;
    QList<double> ms;
};

double timed(const std::function<void()> &f)
{
    QElapsedTimer t;
    t.start();
    f();
    return double(t.nsecsElapsed()) / 1e6;
}

QByteArray digestOf(const engine::EffectivePolicy &effective, const engine::NftPlan &nft,
                    const kernel::NftTableSpec &spec, const engine::XfrmPlan &xfrm,
                    const QList<kernel::SpdEntry> &desired)
{
    QByteArray bytes;
    QDataStream s(&bytes, QIODevice::WriteOnly);
    for (const engine::RankedFilter &r : effective.ranked())
        s << qint64(r.source) << r.specificity << quint8(r.filter.direction)
          << r.filter.source.toString() << r.filter.destination.toString()
          << r.filter.protocol.number() << r.filter.sourcePort << r.filter.destinationPort;
    s << effective.warnings();
    s << nft.ruleset() << nft.filters << nft.portMerged << nft.ikeExemption;
    for (const engine::NftShape &shape : nft.shapes)
        for (const engine::NftElement &e : shape.elements)
            s << e.sources;
    for (const engine::NftShadowed &x : nft.shadowed)
        s << qint64(x.source) << qint64(x.winnerSource) << x.conflicting;
    s << spec;
    s << xfrm.toIpCommands() << xfrm.portMergedAway;
    for (const engine::XfrmEntry &e : xfrm.entries)
        s << e.specificity << e.mergedFilters << qint64(e.sourceIndex) << e.filterGuid << e.ruleName
          << e.policyName;
    for (const engine::ShadowedEntry &x : xfrm.shadowed)
        s << x.entry.toIpCommand() << qint64(x.winnerIndex) << x.conflicting;
    for (const kernel::SpdEntry &e : desired)
        s << e.toIpCommand(kernel::SpdEntry::Verb::Add);
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options o = parseOptions(app.arguments());
    engine::ExpansionContext context;
    context.localAddresses = {QHostAddress(u"192.0.2.10"_s), QHostAddress(u"2001:db8::10"_s)};

    struct Case {
        const char *name;
        QList<Filter> filters;
    };
    const QList<Case> cases = {
        {"ports", portFilters(o.filters, 1001, 2)},
        {"hosts", hostFilters(o.filters)},
        {"contiguous", portFilters(o.filters, 20001, 1)},
    };
    std::printf("bench_compile: %d filters, median of %d runs (ms)\n", o.filters, o.repeat);
    std::printf("%-11s %9s %9s %9s %9s %9s %9s\n", "shape", "effective", "nft", "binary", "text",
                "xfrm", "elements");
    for (const Case &c : cases) {
        const PolicyDatabase db = database(c.filters);
        QList<Step> steps = {
            {"effective", {}}, {"nft", {}}, {"binary", {}}, {"text", {}}, {"xfrm", {}}};
        QByteArray digest;
        int elements = 0;
        for (int r = 0; r < o.repeat; ++r) {
            engine::EffectivePolicy effective;
            engine::NftPlan nft;
            kernel::NftTableSpec spec;
            QString text;
            engine::XfrmPlan xfrm;
            QList<kernel::SpdEntry> desired;
            steps[0].ms << timed(
                [&] { effective = engine::EffectivePolicy::build(db, {}, context); });
            steps[1].ms << timed([&] { nft = engine::NftCompiler::compile(effective); });
            steps[2].ms << timed([&] { spec = Enforcer::nftSpec(nft); });
            steps[3].ms << timed([&] { text = nft.tableText(); });
            steps[4].ms << timed([&] {
                auto plan = Enforcer::compile(effective, nullptr);
                if (!plan) {
                    std::fprintf(stderr, "bench_compile: %s\n", qPrintable(plan.error().message));
                    std::exit(1);
                }
                xfrm = std::move(plan.value());
                desired = Enforcer::desiredEntries(xfrm);
            });
            elements = nft.elementCount();
            if (o.digest && r == 0)
                digest = digestOf(effective, nft, spec, xfrm, desired);
        }
        std::printf("%-11s %9.2f %9.2f %9.2f %9.2f %9.2f %9d\n", c.name, median(steps[0].ms),
                    median(steps[1].ms), median(steps[2].ms), median(steps[3].ms),
                    median(steps[4].ms), elements);
        if (o.digest)
            std::printf("  digest %s\n", digest.constData());
        std::fflush(stdout);
    }
    return 0;
}
