#include "NetdiagTool.h"

#include "engine/FilterExpansion.h"
#include "service/PolicyService.h"

#include <QHostInfo>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

// netdiag shows "any" as 0.0.0.0 / 0.0.0.0 (or :: for IPv6) and hosts with a full mask.
QString addr(const Address &a, bool v6)
{
    if (a.isAny())
        return v6 ? u"::"_s : u"0.0.0.0"_s;
    return a.address().toString();
}

QString mask(const Address &a, bool v6)
{
    if (a.isAny())
        return v6 ? u"::"_s : u"0.0.0.0"_s;
    return a.netmask().toString();
}

QString actionWord(FilterAction::Type t)
{
    switch (t) {
    case FilterAction::Type::Block:
        return u"Block"_s;
    case FilterAction::Type::Permit:
        return u"Pass"_s;
    case FilterAction::Type::Negotiate:
        return u"Negotiate"_s;
    }
    return {};
}

} // namespace

NetdiagTool::NetdiagTool(CliOptions options, CliIo io)
    : m_options(std::move(options))
    , m_io(io)
{
}

void NetdiagTool::printUsage()
{
    m_io.out << tr("Usage: netdiag [/test:ipsec] [/debug] [--store PATH] [--netns NAME]\n"
                   "\n"
                   "Runs the IP Security test of the Windows Support Tools' netdiag: tells\n"
                   "whether an IPsec policy is assigned and, with /debug, lists its filters\n"
                   "expanded to this host's addresses (\"specific filters\").\n"
                   "\n"
                   "  /test:ipsec   run the IP Security test (the only test available)\n"
                   "  /debug        also print the policy path and every filter\n"
                   "  /v            accepted for compatibility (same as without)\n");
}

int NetdiagTool::run(const QStringList &args)
{
    bool debug = false;
    for (QString a : args) {
        if (!a.isEmpty() && (a.front() == u'-' || a.front() == QChar(0x2013) || a.front() == QChar(0x2014)))
            a[0] = u'/';
        const QString lower = a.toLower();
        if (lower == u"/?"_s || lower == u"/help"_s) {
            printUsage();
            return 0;
        }
        if (lower == u"/debug"_s) {
            debug = true;
        } else if (lower == u"/v"_s || lower == u"/q"_s) {
            // verbosity switches of netdiag: nothing else to show for one test
        } else if (lower.startsWith(u"/test:"_s)) {
            if (lower != u"/test:ipsec"_s) {
                m_io.err << tr("netdiag: test \"%1\" is not available; only /test:ipsec is.")
                                .arg(a.mid(6))
                         << '\n';
                return int(ErrorCode::Usage);
            }
        } else {
            m_io.err << tr("netdiag: unknown argument \"%1\". Usage: netdiag /test:ipsec [/debug]")
                            .arg(a)
                     << '\n';
            return int(ErrorCode::Usage);
        }
    }
    if (m_options.help) {
        printUsage();
        return 0;
    }

    PolicyService::Options o;
    o.storePath = m_options.store;
    o.netns = m_options.netns;
    o.readOnly = true;
    auto service = PolicyService::open(o);
    const QString title = u"    IP Security test . . . . . . . . . : "_s;
    if (!service) {
        m_io.out << title << tr("Failed") << '\n';
        m_io.out << u"        "_s << service.error().message << '\n';
        return int(service.error().code);
    }
    auto db = (*service)->load();
    if (!db) {
        m_io.out << title << tr("Failed") << '\n' << u"        "_s << db.error().message << '\n';
        return int(db.error().code);
    }
    m_io.out << '\n' << title << tr("Passed") << '\n';
    const Policy *assigned = db->assignedPolicy();
    if (!assigned) {
        m_io.out << u"        "_s << tr("IPSec policy service is active, but no policy is assigned.")
                 << '\n';
        return 0;
    }
    m_io.out << u"        "_s << tr("Local IPSec Policy Active: '%1'").arg(assigned->name) << '\n';
    if (debug)
        printFilters(*db, (*service)->storePath());
    return 0;
}

void NetdiagTool::printFilters(const PolicyDatabase &db, const QString &storePath)
{
    const Policy *assigned = db.assignedPolicy();
    const QString indent = u"        "_s;
    m_io.out << indent
             << tr("IP Security Policy Path: %1:ipsecPolicy%2")
                    .arg(storePath, assigned->guid.toString(QUuid::WithBraces))
             << "\n\n";

    engine::ExpansionContext ctx;
    ctx.localAddresses = engine::localAddresses();
    ctx.resolve = [](const QString &name) { return QHostInfo::fromName(name).addresses(); };

    struct Row {
        engine::DirectionalFilter f;
        QUuid filterId;
        FilterAction::Type action;
    };
    QList<Row> rows;
    for (const Rule *r : db.rulesOf(assigned->id)) {
        if (r->defaultResponse || !r->active)
            continue;
        const FilterList *list = db.filterList(r->filterListId);
        const FilterAction *action = db.filterAction(r->filterActionId);
        if (!list || !action)
            continue;
        for (const Filter &f : list->filters)
            for (const engine::DirectionalFilter &d : engine::expandFilter(f, ctx))
                rows << Row{d, f.guid, action->type};
    }
    m_io.out << indent << tr("There are %1 filters").arg(rows.size()) << '\n';
    for (const Row &row : rows) {
        const auto &f = row.f;
        const bool v6 = f.source.isIPv6() || f.destination.isIPv6();
        m_io.out << indent << tr("No Name") << '\n';
        m_io.out << indent << tr("Filter Id: %1").arg(row.filterId.toString(QUuid::WithBraces)) << '\n';
        m_io.out << indent << tr("Policy Id: %1").arg(assigned->guid.toString(QUuid::WithBraces)) << '\n';
        m_io.out << indent
                 << tr("Src Addr : %1 Src Mask : %2")
                        .arg(addr(f.source, v6).leftJustified(16), mask(f.source, v6))
                 << '\n';
        m_io.out << indent
                 << tr("Dest Addr : %1 Dest Mask : %2")
                        .arg(addr(f.destination, v6).leftJustified(15), mask(f.destination, v6))
                 << '\n';
        m_io.out << indent
                 << tr("Tunnel Addr : %1 Src Port : %2 Dest Port : %3")
                        .arg((v6 ? u"::"_s : u"0.0.0.0"_s).leftJustified(13))
                        .arg(QString::number(f.sourcePort).leftJustified(5))
                        .arg(f.destinationPort)
                 << '\n';
        m_io.out << indent
                 << tr("Protocol : %1 TunnelFilter: No").arg(QString::number(f.protocol.number()).leftJustified(14))
                 << '\n';
        m_io.out << indent
                 << tr("Flags : %1 %2").arg(engine::directionName(f.direction), actionWord(row.action))
                 << '\n';
    }
}
