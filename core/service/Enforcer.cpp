#include "service/Enforcer.h"
#include "engine/HostNameResolver.h"

#include "kernel/Ownership.h"
#include "kernel/SystemServers.h"

#include <QHash>

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

Enforcer::Enforcer(kernel::Spd &spd)
    : m_spd(spd)
{
}

std::function<engine::ServerAddresses(Address::ServerType)> Enforcer::systemServers()
{
    auto cache = std::make_shared<QHash<int, engine::ServerAddresses>>();
    return [cache](Address::ServerType type) {
        auto it = cache->constFind(int(type));
        if (it == cache->constEnd()) {
            const auto found = kernel::SystemServers::find(type);
            it = cache->insert(int(type), {found.addresses, found.unknownReason});
        }
        return it.value();
    };
}

engine::XfrmCompilerOptions Enforcer::compilerOptions()
{
    engine::XfrmCompilerOptions o;
    o.bandBase = kernel::kOwnedPriorityFirst;
    o.bandSize = kernel::kOwnedPriorityCount;
    return o;
}

kernel::SpdEntry Enforcer::toSpd(const engine::XfrmEntry &x)
{
    kernel::SpdEntry e;
    e.direction = x.dir == engine::XfrmEntry::Dir::In ? kernel::SpdEntry::Direction::In
                                                      : kernel::SpdEntry::Direction::Out;
    e.action = x.action == engine::XfrmEntry::Action::Block ? kernel::SpdEntry::Action::Block
                                                            : kernel::SpdEntry::Action::Allow;
    e.priority = x.priority;
    auto &s = e.selector;
    s.family = x.selector.family == Address::Family::IPv6 ? kernel::SpdSelector::Family::IPv6
                                                          : kernel::SpdSelector::Family::IPv4;
    s.source = x.selector.source;
    s.sourcePrefix = x.selector.sourcePrefix;
    s.destination = x.selector.destination;
    s.destinationPrefix = x.selector.destinationPrefix;
    s.protocol = x.selector.protocol;
    s.sourcePort = x.selector.sourcePort;
    s.sourcePortMask = x.selector.sourcePortMask;
    s.destinationPort = x.selector.destinationPort;
    s.destinationPortMask = x.selector.destinationPortMask;
    if (x.needsTemplate)
        e.templates << kernel::SpdTemplate{x.tmpl.protocol, x.tmpl.reqid, x.tmpl.optional};
    return e;
}

Result<engine::XfrmPlan> Enforcer::compile(const PolicyDatabase &db,
                                           const QList<engine::DynamicFilter> &dynamic,
                                           const engine::ExpansionContext &context,
                                           bool ikeExemption, QStringList *warnings)
{
    engine::EffectivePolicyOptions eo;
    eo.ikeExemption = ikeExemption;
    const auto effective = engine::EffectivePolicy::build(db, dynamic, context, eo);
    auto plan = engine::XfrmCompiler::compile(effective, compilerOptions());
    if (!plan)
        return plan.error();
    if (warnings) {
        *warnings << effective.warnings();
        for (const auto &s : plan->shadowed) {
            if (!s.conflicting)
                continue;
            const auto &winner = plan->entries.at(s.winnerIndex);
            *warnings << tr("A filter of rule \"%1\" is shadowed by rule \"%2\" (same traffic, "
                            "the more restrictive action wins).")
                             .arg(s.entry.ruleName.isEmpty() ? tr("(dynamic)") : s.entry.ruleName,
                                  winner.ruleName.isEmpty() ? tr("(dynamic)") : winner.ruleName);
        }
        bool required = false;
        bool optional = false;
        for (const auto &e : plan->entries) {
            required = required || (e.needsTemplate && !e.tmpl.optional);
            optional = optional || (e.needsTemplate && e.tmpl.optional);
        }
        if (required)
            *warnings << tr("Traffic that requires security passes only through IPsec security "
                            "associations negotiated by the IKE daemon (strongSwan charon); until "
                            "one exists it is dropped, never sent or accepted in clear text.");
        if (optional)
            *warnings << tr("Traffic that requests security passes in clear text until the IKE "
                            "daemon (strongSwan charon) negotiates a security association.");
    }
    return plan;
}

QString Enforcer::stateKey(const kernel::SpdEntry &e)
{
    QString key = e.identityKey() + QChar(char16_t(e.priority >> 16))
                  + QChar(char16_t(e.priority & 0xffff)) + QChar(char16_t(e.action));
    // A changed template (Require <-> Request, another rule's reqid) is a change too.
    for (const kernel::SpdTemplate &t : e.templates)
        key += QChar(char16_t(t.protocol | (t.optional ? 0x100 : 0)))
               + QChar(char16_t(t.reqid >> 16)) + QChar(char16_t(t.reqid & 0xffff));
    return key;
}

QList<kernel::SpdEntry> Enforcer::desiredEntries(const engine::XfrmPlan &plan)
{
    // The IKE exemption only matters next to filters: with nothing in force the kernel gets
    // nothing of ours.
    const bool onlyExemption =
        std::all_of(plan.entries.cbegin(), plan.entries.cend(),
                    [](const engine::XfrmEntry &x) { return x.ikeExemption; });
    QList<kernel::SpdEntry> desired;
    if (onlyExemption)
        return desired;
    desired.reserve(plan.entries.size());
    for (const auto &x : plan.entries)
        desired << toSpd(x);
    return desired;
}

Result<QList<kernel::SpdEntry>> Enforcer::ownedEntries()
{
    auto all = m_spd.list();
    if (!all)
        return all.error();
    QList<kernel::SpdEntry> owned;
    for (const auto &e : all.value())
        if (kernel::isOwned(e))
            owned << e;
    return owned;
}

Error Enforcer::applyError(const kernel::SpdApplyResult &r)
{
    QString message = r.error->message;
    if (!r.rolledBack)
        message += u' '
                   + tr("Restoring the previous kernel state failed too: %1")
                         .arg(r.rollbackErrors.join(u"; "_s));
    else
        message += u' ' + tr("The previous kernel state is back.");
    return Error::kernel(message);
}

Result<void> Enforcer::remove(const QList<kernel::SpdEntry> &owned)
{
    if (owned.isEmpty())
        return {};
    kernel::SpdPlan plan{{}, owned, &owned}; // the caller listed them just now
    const kernel::SpdApplyResult r = m_spd.apply(plan);
    if (!r.ok())
        return applyError(r);
    return {};
}

Result<Enforcer::Outcome> Enforcer::install(const QList<kernel::SpdEntry> &desired, bool dryRun)
{
    Outcome outcome;
    auto all = m_spd.list();
    if (!all)
        return all.error();
    Result<QList<kernel::SpdEntry>> current = QList<kernel::SpdEntry>{};
    for (const auto &e : all.value())
        if (kernel::isOwned(e))
            current->append(e);
    // Same identity, priority and action: leave alone. Everything else is added or removed; an
    // identity in both lists is replaced in place by the kernel layer.
    const auto key = &Enforcer::stateKey;
    QHash<QString, qsizetype> installed;
    for (qsizetype i = 0; i < current->size(); ++i)
        installed.insert(key(current->at(i)), i);
    kernel::SpdPlan plan;
    plan.current = &all.value();
    QSet<qsizetype> keep;
    for (const auto &e : desired) {
        const auto it = installed.constFind(key(e));
        if (it != installed.constEnd()) {
            keep.insert(it.value());
            ++outcome.unchanged;
        } else {
            plan.toAdd << e;
        }
    }
    for (qsizetype i = 0; i < current->size(); ++i)
        if (!keep.contains(i))
            plan.toRemove << current->at(i);
    // Adds come first, as apply() does them: the old entries stay until the new ones are in.
    for (const auto &e : plan.toAdd)
        outcome.ipCommands << e.toIpCommand(kernel::SpdEntry::Verb::Add);
    for (const auto &e : plan.toRemove)
        outcome.ipCommands << e.toIpCommand(kernel::SpdEntry::Verb::Delete);
    if (dryRun) {
        outcome.added = int(plan.toAdd.size());
        outcome.removed = int(plan.toRemove.size());
        return outcome;
    }
    const kernel::SpdApplyResult r = m_spd.apply(plan);
    if (!r.ok())
        return applyError(r);
    outcome.added = r.added;
    outcome.removed = r.removed;
    outcome.replaced = r.replaced;
    return outcome;
}

Result<Enforcer::Outcome> Enforcer::enforce(const PolicyDatabase &db,
                                            const QList<engine::DynamicFilter> &dynamic,
                                            const Options &options)
{
    engine::ExpansionContext context;
    context.localAddresses = engine::localAddresses();
    context.resolve = engine::HostNameResolver::shared().function();
    context.servers = Enforcer::systemServers();
    QStringList warnings;
    auto plan = compile(db, dynamic, context, options.ikeExemption, &warnings);
    if (!plan)
        return plan.error();
    auto outcome = install(desiredEntries(plan.value()), options.dryRun);
    if (!outcome)
        return outcome.error();
    outcome->warnings = warnings;
    return outcome;
}

} // namespace ipsec
