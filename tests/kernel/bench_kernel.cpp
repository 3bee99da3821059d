// bench_kernel [N]: times NetlinkSpd::apply() for N block entries in a fresh network namespace
// (shape A: N source hosts -> udp dport 1434; shape B: N udp destination ports), the removal of
// them, and `ip -netns NS -batch FILE` adding the same entries, for comparison.
// Needs root; exits 77 (skipped) otherwise. Never touches the root namespace's SPD.

#include "NetnsFixture.h"

#include "kernel/NetlinkSpd.h"
#include "kernel/Ownership.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryFile>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::kernel;

namespace {

QList<SpdEntry> shapeA(int n)
{
    QList<SpdEntry> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        const quint32 host = (10u << 24) | (50u << 16) | quint32(i + 1); // 10.50.x.y
        out.append(SpdEntry::make(SpdEntry::Direction::In, SpdEntry::Action::Block,
                                  kOwnedPriorityFirst + quint32(i), QHostAddress(host), 32,
                                  QHostAddress(u"0.0.0.0"_s), 0, Protocol::udp(), 0, 1434));
    }
    return out;
}

QList<SpdEntry> shapeB(int n)
{
    QList<SpdEntry> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(SpdEntry::make(SpdEntry::Direction::In, SpdEntry::Action::Block,
                                  kOwnedPriorityFirst + quint32(i), QHostAddress(u"0.0.0.0"_s), 0,
                                  QHostAddress(u"0.0.0.0"_s), 0, Protocol::udp(), 0,
                                  quint16(1 + i % 65535)));
    return out;
}

void print(const char *line)
{
    std::fputs(line, stdout);
    std::fflush(stdout);
}

// Returns false on any failure (printed).
bool runShape(NetnsFixture &fixture, const char *name, const QList<SpdEntry> &entries)
{
    const QString ns = fixture.create();
    if (ns.isEmpty()) {
        print(qPrintable(fixture.lastError() + u'\n'));
        return false;
    }
    std::unique_ptr<NetlinkSpd> spd;
    NetnsFixture::runIn(ns, [&] {
        auto r = NetlinkSpd::open();
        if (r.ok())
            spd = std::move(r).value();
    });
    if (!spd) {
        print("cannot open netlink in the namespace\n");
        return false;
    }

    QElapsedTimer timer;
    timer.start();
    const SpdApplyResult added = spd->apply({entries, {}});
    const qint64 addMs = timer.elapsed();
    if (!added.ok()) {
        print(qPrintable(added.error->message + u'\n'));
        return false;
    }
    timer.restart();
    const auto listed = spd->list();
    const qint64 listMs = timer.elapsed();
    if (!listed.ok() || listed->size() != entries.size()) {
        print("listing does not match\n");
        return false;
    }
    timer.restart();
    const SpdApplyResult removed = spd->apply({{}, entries});
    const qint64 removeMs = timer.elapsed();
    if (!removed.ok()) {
        print(qPrintable(removed.error->message + u'\n'));
        return false;
    }

    // The same entries with `ip -batch` (file written beforehand, not timed).
    QTemporaryFile file;
    if (!file.open())
        return false;
    for (const SpdEntry &e : entries)
        file.write(e.toIpArguments().toLocal8Bit() + '\n');
    file.close();
    timer.restart();
    const bool ipOk = fixture.ip({u"-netns"_s, ns, u"-batch"_s, file.fileName()});
    const qint64 ipMs = timer.elapsed();
    if (!ipOk) {
        print(qPrintable(fixture.lastError() + u'\n'));
        return false;
    }
    const qsizetype ipCount = spd->list()->size();
    fixture.ip({u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"flush"_s}); // test namespace only

    std::printf("%s n=%lld: apply add %lld ms, list %lld ms, apply remove %lld ms | "
                "ip -batch add %lld ms (%lld installed) | add ratio ip/apply %.2f\n",
                name, qlonglong(entries.size()), qlonglong(addMs), qlonglong(listMs),
                qlonglong(removeMs), qlonglong(ipMs), qlonglong(ipCount),
                addMs > 0 ? double(ipMs) / double(addMs) : 0.0);
    std::fflush(stdout);
    return ipCount == entries.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!NetnsFixture::isRoot()) {
        print("bench_kernel: skipped, needs root (network namespaces, XFRM netlink)\n");
        return 77;
    }
    const QStringList args = app.arguments();
    const int n = args.size() > 1 ? args.at(1).toInt() : 10000;
    if (n <= 0 || n > int(kOwnedPriorityCount)) {
        print("usage: bench_kernel [N]  (1..60000)\n");
        return 2;
    }
    NetnsFixture::removeStale();
    NetnsFixture fixture; // deletes its namespaces on exit
    const bool ok = runShape(fixture, "shape A (N hosts -> udp/1434)", shapeA(n))
                    && runShape(fixture, "shape B (N udp dports)      ", shapeB(n));
    return ok ? 0 : 1;
}
