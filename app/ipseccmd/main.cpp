#include "Cli.h"

#include "util/HugePageHeap.h"
#include "util/Profile.h"
#include "util/Translations.h"

#include <QCoreApplication>

#include <cstdio>

#include <malloc.h>

int main(int argc, char *argv[])
{
    ipsec::profileMark("main");
    // One command, then exit: large lists (10,000 filters, their ranks, the nftables elements)
    // are built and freed in turn. From the heap, and kept there once freed, their memory is
    // reused instead of being mapped afresh and faulted in page by page for each list (about
    // 15% fewer page faults for a 10,000-filter assign).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    // And that memory in huge pages: the page faults of those lists were most of the
    // "per-filter" time of the effective policy and the compilers (util/HugePageHeap.h).
    ipsec::growHeapWithHugePages(64 * 1024 * 1024);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ipseccmd"));
    QCoreApplication::setOrganizationName(QStringLiteral("ipsec-console"));
    ipsec::installTranslations();
    QStringList args = QCoreApplication::arguments();
    const QString argv0 = args.isEmpty() ? QString() : args.takeFirst();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = Cli::run(
        QString::fromLocal8Bit(argv[0]).isEmpty() ? argv0 : QString::fromLocal8Bit(argv[0]), args,
        CliIo{out, err});
    ipsec::profileMark("done");
    return code;
}
