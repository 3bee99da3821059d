#include "NetdiagTool.h"

#include "IpseccmdHelp.h"

#include "client/ClientFactory.h"
#include "engine/FilterExpansion.h"
#include "service/Enforcer.h"
#include "vici/SaList.h"

#include <QHostInfo>
#include <QSet>

#include <algorithm>
#include <optional>

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
    m_io.out << IpseccmdHelp::netdiag().text();
}

int NetdiagTool::run(const QStringList &args)
{
    bool debug = false;
    for (QString a : args) {
        if (!a.isEmpty()
            && (a.front() == u'-' || a.front() == QChar(0x2013) || a.front() == QChar(0x2014)))
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

    auto service = ClientFactory::open(Cli::clientOptions(m_options, true));
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
    // A policy assigned from the domain overrides the local one (as on Windows).
    const PolicySourceStatus source = (*service)->policySource();
    if (source.source != PolicySourceStatus::Source::Local) {
        m_io.out << u"        "_s
                 << tr("Directory IPSec Policy Active: '%1'").arg(source.policyName) << '\n';
        m_io.out << u"        "_s << source.describe() << '\n';
        if (assigned)
            m_io.out << u"        "_s
                     << tr("The local policy '%1' is assigned but overridden by the domain's.")
                            .arg(assigned->name)
                     << '\n';
        if (debug) {
            auto effective = (*service)->loadEffective();
            if (effective && effective->assignedPolicy()
                && effective->assignedPolicy()->name == source.policyName)
                printFilters(**service, *effective, u"LDAP://"_s + source.policyDn);
            else
                m_io.out << u"        "_s
                         << tr("The domain policy's filters are shown to root only (its cached "
                               "copy may hold preshared keys).")
                         << '\n';
        }
        return 0;
    }
    if (!assigned)
        m_io.out << u"        "_s
                 << tr("IPSec policy service is active, but no policy is assigned.") << '\n';
    else
        m_io.out << u"        "_s << tr("Local IPSec Policy Active: '%1'").arg(assigned->name)
                 << '\n';
    if (debug)
        printFilters(**service, *db, (*service)->storePath());
    return 0;
}

void NetdiagTool::printFilters(PolicyClient &service, const PolicyDatabase &db,
                               const QString &storePath)
{
    const Policy *assigned = db.assignedPolicy();
    const QString indent = u"        "_s;
    if (assigned && storePath.startsWith(u"LDAP://"_s)) // a domain policy: its directory path
        m_io.out << indent << tr("IP Security Policy Path: %1").arg(storePath) << "\n\n";
    else if (assigned)
        m_io.out << indent
                 << tr("IP Security Policy Path: %1:ipsecPolicy%2")
                        .arg(storePath, assigned->guid.toString(QUuid::WithBraces))
                 << "\n\n";

    engine::ExpansionContext ctx;
    ctx.localAddresses = engine::localAddresses();
    ctx.resolve = [](const QString &name) {
        return QHostInfo::fromName(name).addresses();
    };
    ctx.servers = Enforcer::systemServers(); // netdiag lists the server types expanded

    struct Row {
        engine::DirectionalFilter f;
        QUuid filterId;
        QUuid policyId;
        FilterAction::Type action;
    };
    QList<Row> rows;
    if (assigned) {
        for (const EnforcedRule &e : db.enforcedRulesOf(assigned->id))
            for (const Filter &f : e.filterList->filters)
                for (const engine::DirectionalFilter &d : engine::expandFilter(f, ctx))
                    rows << Row{d, f.guid, assigned->guid, e.filterAction->type};
    }
    const auto dynamic = service.dynamicFilters();
    if (dynamic) {
        for (const auto &dyn : dynamic.value())
            for (const engine::DirectionalFilter &d : engine::expandFilter(dyn.filter, ctx))
                rows << Row{d, dyn.filter.guid, QUuid(), dyn.action};
    }

    // Which (filter, direction) pairs the kernel really enforces: every kernel entry compiled
    // from that filter must be installed.
    QSet<QString> unenforced;
    std::optional<KernelView> view;
    if (service.isEnforcing()) {
        auto v = service.kernelView();
        if (v) {
            view = v.value();
            engine::EffectivePolicyOptions eo;
            eo.ikeExemption = service.ikeExemption();
            const auto effective = engine::EffectivePolicy::build(
                db, dynamic ? dynamic.value() : QList<engine::DynamicFilter>{}, ctx, eo);
            auto split = Enforcer::compileSplit(effective, nullptr);
            const bool nft = view->backend == u"nft"_s;
            auto plan = nft && split ? Result<engine::XfrmPlan>(split->xfrm)
                                     : Enforcer::compile(effective, nullptr);
            QSet<QString> installed;
            const auto key = &Enforcer::stateKey;
            for (const auto &e : view->owned)
                installed.insert(key(e));
            const auto rowKey = [](const QUuid &g, bool in) -> QString {
                return g.toString() + (in ? u"in"_s : u"out"_s);
            };
            if (nft && split) {
                // The table's part: a filter is unenforced when an element of it is missing
                // (or, for a rule without a set, when a chain differs).
                const QSet<QString> missingElements(view->nftMissing.cbegin(),
                                                    view->nftMissing.cend());
                const bool chainsDiffer =
                    std::any_of(view->nftMissing.cbegin(), view->nftMissing.cend(),
                                [](const QString &l) { return l.startsWith(u"chain "_s); });
                for (const auto &shape : split->nft.shapes) {
                    const bool in = shape.direction == engine::Direction::Inbound;
                    for (const auto &e : shape.elements) {
                        const bool lost =
                            shape.hasKey()
                                ? missingElements.contains(shape.setName() + u' ' + e.text(shape))
                                : chainsDiffer;
                        if (!lost)
                            continue;
                        for (qsizetype i : e.sources)
                            unenforced.insert(rowKey(effective.sources().at(i).filter.guid, in));
                    }
                }
            }
            if (plan) {
                for (const auto &x : plan->entries)
                    if (!installed.contains(key(Enforcer::toSpd(x))))
                        unenforced.insert(
                            rowKey(x.filterGuid, x.dir == engine::XfrmEntry::Dir::In));
                for (const auto &sh : plan->shadowed) {
                    const auto &w = plan->entries.at(sh.winnerIndex);
                    if (!installed.contains(key(Enforcer::toSpd(w))))
                        unenforced.insert(rowKey(sh.entry.filterGuid,
                                                 sh.entry.dir == engine::XfrmEntry::Dir::In));
                }
            }
        } else {
            m_io.out << indent
                     << tr("The kernel's policy could not be read: %1").arg(v.error().message)
                     << '\n';
        }
    }

    m_io.out << indent << tr("There are %1 filters").arg(rows.size()) << '\n';
    int missing = 0;
    for (const Row &row : rows) {
        const auto &f = row.f;
        const bool v6 = f.source.isIPv6() || f.destination.isIPv6();
        m_io.out << indent << tr("No Name") << '\n';
        m_io.out << indent << tr("Filter Id: %1").arg(row.filterId.toString(QUuid::WithBraces))
                 << '\n';
        m_io.out << indent
                 << (row.policyId.isNull()
                         ? tr("Policy Id: Dynamic")
                         : tr("Policy Id: %1").arg(row.policyId.toString(QUuid::WithBraces)))
                 << '\n';
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
                 << tr("Protocol : %1 TunnelFilter: No")
                        .arg(QString::number(f.protocol.number()).leftJustified(16))
                 << '\n';
        m_io.out
            << indent
            << tr("Flags : %1 %2").arg(engine::directionName(f.direction), actionWord(row.action))
            << '\n';
        if (view
            && unenforced.contains(
                row.filterId.toString()
                + (f.direction == engine::Direction::Inbound ? u"in"_s : u"out"_s))) {
            m_io.out << indent << tr("Enforced : No (missing from the kernel)") << '\n';
            ++missing;
        }
    }
    // Negotiate filters need the IKE daemon: say whether it is there and what it holds.
    const bool negotiates = std::any_of(rows.cbegin(), rows.cend(), [](const Row &r) {
        return r.action == FilterAction::Type::Negotiate;
    });
    if (negotiates) {
        vici::Client client(vici::Client::socketPath(), 3000);
        m_io.out << '\n' << indent;
        if (auto sas = vici::SaList::read(client)) {
            int children = 0;
            for (const auto &i : std::as_const(*sas))
                children += int(i.children.size());
            m_io.out << tr("IKE daemon (charon) at %1: %2 main mode and %3 quick mode security "
                           "association(s).")
                            .arg(client.path())
                            .arg(sas->size())
                            .arg(children)
                     << '\n';
        } else {
            m_io.out << tr("Negotiation is unavailable: %1. Traffic that requires security is "
                           "dropped until the IKE daemon runs.")
                            .arg(sas.error().message)
                     << '\n';
        }
    }
    if (!view) {
        if (!service.isEnforcing())
            m_io.out << '\n'
                     << indent
                     << tr("Kernel: not checked (reading the kernel's IPsec policy needs root).")
                     << '\n';
        return;
    }
    m_io.out << '\n';
    if (view->inSync() && missing == 0) {
        m_io.out
            << indent
            << tr("Kernel: all filters are enforced (%1 entries of this tool, %2 of other tools).")
                   .arg(view->owned.size() + view->nftElements)
                   .arg(view->foreign.size())
            << '\n';
        printTable(view.value(), indent);
        return;
    }
    m_io.out << indent
             << tr("WARNING: the store and the kernel disagree: %1 kernel entries missing, %2 "
                   "unexpected. Run 'ipseccmd show filters' or re-apply the policy.")
                    .arg(view->missing.size() + view->nftMissing.size())
                    .arg(view->extra.size() + view->nftExtra.size())
             << '\n';
    for (const auto &e : view->extra)
        m_io.out << indent << tr("Unexpected kernel entry: %1").arg(e.toIpCommand()) << '\n';
    printTable(view.value(), indent);
    for (const QString &line : view->nftMissing)
        m_io.out << indent << tr("Missing from the nftables table: %1").arg(line) << '\n';
    for (const QString &line : view->nftExtra)
        m_io.out << indent << tr("Unexpected in the nftables table: %1").arg(line) << '\n';
}

void NetdiagTool::printTable(const KernelView &view, const QString &indent)
{
    if (view.backend == u"nft"_s)
        m_io.out << indent
                 << tr("Block and permit: nftables table inet ipsec_console (%1 rules, %2 set "
                       "elements); XFRM holds the negotiate filters.")
                        .arg(view.nftRules)
                        .arg(view.nftElements)
                 << '\n';
    printHits(view, indent);
}

void NetdiagTool::printHits(const KernelView &view, const QString &indent)
{
    if (view.nftHits.isEmpty())
        return;
    // Which filter decided how many packets: the table's per-element counters.
    m_io.out << indent << tr("Packets decided by the nftables table, per filter (most first):")
             << '\n';
    constexpr qsizetype shown = 20;
    for (qsizetype i = 0; i < std::min(view.nftHits.size(), shown); ++i) {
        const QStringList parts = view.nftHits.at(i).split(u'\t');
        m_io.out << indent << u"  "_s << parts.value(0).rightJustified(10) << u"  "_s
                 << parts.value(1) << u"  ("_s << parts.value(2) << u')' << '\n';
    }
    if (view.nftHits.size() > shown)
        m_io.out << indent
                 << tr("  … %1 more (ipseccmd show stats)").arg(view.nftHits.size() - shown)
                 << '\n';
}
