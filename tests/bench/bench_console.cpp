// Console benchmark (prints figures, not a timed test): open a store of N filters in L filter
// lists, show the main window with its tree, then type into the search box key by key.
// Targets (GUI issue): open + show the tree <= 1 s, each keystroke <= 100 ms.

#include "MainWindow.h"
#include "service/PolicyService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

void line(const char *what, double ms, double target)
{
    std::printf("%-36s %9.2f ms   target <= %.0f ms  %s\n", what, ms, target,
                ms <= target ? "PASS" : "OVER");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int filters = option(args, u"--filters"_s, 100000);
    const int lists = std::max(1, option(args, u"--lists"_s, 1000));
    QTemporaryDir dir;
    PolicyService::Options o;
    o.storePath = dir.filePath(u"policy.db"_s);
    o.enforcement = PolicyService::Enforcement::Off;

    // Build the store: L lists of N/L filters, each list in a rule of one of L/20 policies.
    {
        QElapsedTimer t;
        t.start();
        auto service = PolicyService::open(o);
        if (!service) {
            std::fprintf(stderr, "%s\n", qPrintable(service.error().message));
            return 1;
        }
        FilterAction block;
        block.name = u"Bench Block"_s;
        block.type = FilterAction::Type::Block;
        if (!(*service)->createFilterAction(block))
            return 1;
        const int policies = std::max(1, lists / 20);
        QList<qint64> policyIds;
        for (int p = 0; p < policies; ++p) {
            Policy policy;
            policy.name = u"Bench policy %1"_s.arg(p);
            if (!(*service)->createPolicy(policy))
                return 1;
            policyIds << policy.id;
        }
        const int perList = std::max(1, filters / lists);
        for (int l = 0; l < lists; ++l) {
            FilterList list;
            list.name = u"Bench list %1"_s.arg(l);
            for (int i = 0; i < perList; ++i) {
                Filter f;
                f.source = Address::host(QHostAddress(quint32(0x0a000000 + l * perList + i)));
                f.destination = Address::me();
                f.protocol = Protocol::udp();
                f.destinationPort = quint16(1 + i % 60000);
                list.filters << f;
            }
            if (!(*service)->createFilterList(list))
                return 1;
            Rule rule;
            rule.policyId = policyIds.at(l % policies);
            rule.name = u"Bench rule %1"_s.arg(l);
            rule.filterListId = list.id;
            rule.filterActionId = block.id;
            if (!(*service)->createRule(rule))
                return 1;
        }
        std::printf("built %d filters in %d lists in %lld ms\n", perList * lists, lists,
                    qlonglong(t.elapsed()));
    }

    QElapsedTimer t;
    t.start();
    auto service = PolicyService::open(o);
    if (!service)
        return 1;
    ui::MainWindow window(*service.value());
    window.show();
    QCoreApplication::processEvents();
    const double openShow = double(t.nsecsElapsed()) / 1e6;
    line("open store + show window and tree", openShow, 1000);

    auto *search = window.findChild<QLineEdit *>(u"searchBox"_s);
    if (!search)
        return 1;
    QList<double> keys;
    for (const QChar c : u"10.0.3"_s) {
        QElapsedTimer k;
        k.start();
        QTest::keyClick(search, c.toLatin1());
        QCoreApplication::processEvents();
        keys << double(k.nsecsElapsed()) / 1e6;
        std::printf("  key '%c': %.2f ms\n", c.toLatin1(), keys.last());
    }
    std::sort(keys.begin(), keys.end());
    line("search keystroke, median", keys.at(keys.size() / 2), 100);
    line("search keystroke, worst", keys.last(), 100);

    // Search by meaning: what administrators type. Each query typed key by key; the worst
    // keystroke counts.
    const QList<std::pair<const char *, QString>> queries{
        {"search by port 445, worst key", u"445"_s},
        {"search by address 10.0.3.7, worst key", u"10.0.3.7"_s},
        {"search by range 135-139, worst key", u"135-139"_s},
        {"search udp 1434, worst key", u"udp 1434"_s},
        {"search subnet 10.0.3.0/24, worst key", u"10.0.3.0/24"_s},
        {"search text 'Bench rule 99', worst key", u"Bench rule 99"_s},
    };
    for (const auto &[what, text] : queries) {
        search->clear();
        QCoreApplication::processEvents();
        double worst = 0;
        for (const QChar c : text) {
            QElapsedTimer k;
            k.start();
            QTest::keyClick(search, c.toLatin1());
            QCoreApplication::processEvents();
            worst = std::max(worst, double(k.nsecsElapsed()) / 1e6);
        }
        auto *tree = window.findChild<QTreeView *>(u"policyTree"_s);
        line(what, worst, 100);
        std::printf("  highlighted: %s\n", qPrintable(tree->currentIndex().data().toString()));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS %.1f MB\n", double(usage.ru_maxrss) / 1024.0);
    return 0;
}
