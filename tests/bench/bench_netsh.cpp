// bench_netsh [--lines N] [--target-ms T]: `ipseccmd netsh -f SCRIPT` end to end (issue 12.13).
//
// Writes a netsh script of one policy, one filter list and N `add filter` lines (distinct
// source hosts, UDP 1434 to me), a block action and a rule assigning them, and times the real
// ipseccmd running it line by line and with --atomic on a fresh store. As root the policy is
// enforced in a throw-away network namespace (never the machine's own); otherwise store only.
// Prints the figures and PASS/OVER against the target (default: 2,000 ms for 10,000 lines,
// scaled for other N); exits 1 when a run is over the target or fails.

#include "NetnsFixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QByteArray script(int lines)
{
    QByteArray s;
    s.reserve(lines * 90);
    s += "ipsec static add policy name=Bench\n";
    s += "ipsec static add filteraction name=BenchBlock action=block\n";
    for (int i = 0; i < lines; ++i) {
        const int n = i + 1;
        s += "ipsec static add filter filterlist=BenchList srcaddr=10."
             + QByteArray::number(n >> 16) + '.' + QByteArray::number((n >> 8) & 0xff) + '.'
             + QByteArray::number(n & 0xff) + " dstaddr=me protocol=UDP dstport=1434\n";
    }
    s += "ipsec static add rule name=BenchRule policy=Bench filterlist=BenchList "
         "filteraction=BenchBlock\n";
    s += "ipsec static set policy name=Bench assign=yes\n";
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int lines = 10000;
    qint64 targetMs = -1;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--lines"_s)
            lines = args[++i].toInt();
        else if (args[i] == u"--target-ms"_s)
            targetMs = args[++i].toLongLong();
    }
    if (lines <= 0)
        return 2;
    if (targetMs < 0)
        targetMs = std::max<qint64>(200, 2000LL * lines / 10000);

    QTemporaryDir dir;
    QFile file(dir.filePath(u"bench.netsh"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(script(lines)) < 0)
        return 2;
    file.close();

    std::unique_ptr<NetnsFixture> netns;
    QString ns;
    if (NetnsFixture::isRoot()) {
        NetnsFixture::removeStale();
        netns = std::make_unique<NetnsFixture>();
        ns = netns->create();
        if (ns.isEmpty()) {
            std::fprintf(stderr, "bench_netsh: %s\n", qPrintable(netns->lastError()));
            return 1;
        }
    }
    bool ok = true;
    for (const bool atomic : {false, true}) {
        const QString store = dir.filePath(atomic ? u"atomic.db"_s : u"lines.db"_s);
        QStringList a{u"--no-agent"_s, u"--store"_s, store};
        if (!ns.isEmpty())
            a << u"--netns"_s << ns;
        if (atomic)
            a << u"--atomic"_s;
        a << u"-f"_s << file.fileName();
        QProcess p;
        p.setProgram(QStringLiteral(IPSECCMD_DIR "/netsh"));
        p.setArguments(a);
        QElapsedTimer t;
        t.start();
        p.start();
        p.waitForFinished(600000);
        const qint64 ms = t.elapsed();
        const bool ran = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        const bool fast = ms <= targetMs;
        ok = ok && ran && fast;
        std::printf("netsh -f%s, %d add filter lines%s: %lld ms (target %lld ms) %s\n",
                    atomic ? " --atomic" : "", lines,
                    ns.isEmpty() ? " (store only)" : " (enforced)", static_cast<long long>(ms),
                    static_cast<long long>(targetMs),
                    !ran   ? "FAILED"
                    : fast ? "PASS"
                           : "OVER");
        if (!ran)
            std::fprintf(stderr, "%s\n", p.readAllStandardError().right(2000).constData());
        std::fflush(stdout);
    }
    return ok ? 0 : 1;
}
