#include "service/Enforcer.h"
#include "engine/HostNameResolver.h"

#include "kernel/Ownership.h"
#include "kernel/SystemServers.h"
#include "util/Profile.h"

#include <QHash>

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

Enforcer::Enforcer(kernel::Spd &spd, kernel::NftBackend *nft, kernel::NftBackend *nftToClear)
    : m_spd(spd)
    , m_nft(nft)
    , m_nftToClear(nftToClear)
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

engine::ExpansionContext Enforcer::systemContext()
{
    engine::ExpansionContext context;
    context.localAddresses = engine::localAddresses();
    context.resolve = engine::HostNameResolver::shared().function();
    context.servers = Enforcer::systemServers();
    return context;
}

engine::EffectivePolicy Enforcer::effectivePolicy(const PolicyDatabase &db,
                                                  const QList<engine::DynamicFilter> &dynamic,
                                                  bool ikeExemption)
{
    engine::EffectivePolicyOptions eo;
    eo.ikeExemption = ikeExemption;
    return engine::EffectivePolicy::build(db, dynamic, systemContext(), eo);
}

Result<engine::XfrmPlan> Enforcer::compile(const PolicyDatabase &db,
                                           const QList<engine::DynamicFilter> &dynamic,
                                           const engine::ExpansionContext &context,
                                           bool ikeExemption, QStringList *warnings)
{
    engine::EffectivePolicyOptions eo;
    eo.ikeExemption = ikeExemption;
    return compile(engine::EffectivePolicy::build(db, dynamic, context, eo), warnings);
}

Result<engine::XfrmPlan> Enforcer::compile(const engine::EffectivePolicy &effective,
                                           QStringList *warnings)
{
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
    profileMark("enforce: start");
    const auto effective = effectivePolicy(db, dynamic, options.ikeExemption);
    profileMark("enforce: effective policy built");
    if (m_nft)
        return enforceNft(effective, options.dryRun);
    QStringList warnings;
    auto plan = compile(effective, &warnings);
    if (!plan)
        return plan.error();
    auto outcome = install(desiredEntries(plan.value()), options.dryRun);
    if (!outcome)
        return outcome.error();
    outcome->warnings = warnings;
    // Back from the nftables backend: its table goes once the XFRM entries are in.
    if (m_nftToClear && !options.dryRun) {
        auto exists = m_nftToClear->tableExists();
        if (exists && exists.value()) {
            if (auto ok = m_nftToClear->deleteTable(); !ok)
                outcome->warnings << ok.error().message;
        } else if (exists) {
            m_nftToClear->keep({}); // no table: the record says so
        }
    }
    return outcome;
}

Result<Enforcer::Desired> Enforcer::desired(const PolicyDatabase &db,
                                            const QList<engine::DynamicFilter> &dynamic,
                                            bool ikeExemption, bool nft)
{
    const auto effective = effectivePolicy(db, dynamic, ikeExemption);
    Desired d;
    if (!nft) {
        auto plan = compile(effective, nullptr);
        if (!plan)
            return plan.error();
        d.xfrm = desiredEntries(plan.value());
        return d;
    }
    auto split = compileSplit(effective, nullptr);
    if (!split)
        return split.error();
    d.xfrm = desiredEntries(split->xfrm);
    d.table = nftSpec(split->nft);
    return d;
}

// ---------------------------------------------------------------------------------------------
// The nftables backend (issue 11): block/permit in the table, negotiate in XFRM.

Result<Enforcer::SplitPlan> Enforcer::compileSplit(const engine::EffectivePolicy &effective,
                                                   QStringList *warnings)
{
    auto full = compile(effective, warnings);
    if (!full)
        return full.error();
    SplitPlan split;
    split.nft = engine::NftCompiler::compile(effective);
    split.xfrm = engine::NftCompiler::negotiateLayer(full.value());
    split.full = std::move(full.value());
    return split;
}

namespace {

QSet<QString> kernelElements(const kernel::NftTableState &st)
{
    QSet<QString> out;
    for (auto it = st.sets.cbegin(); it != st.sets.cend(); ++it)
        for (const auto &e : it.value())
            out.insert(it.key() + u' ' + e.text);
    return out;
}

QSet<QString> planElements(const engine::NftPlan &plan)
{
    QSet<QString> out;
    for (const auto &shape : plan.shapes) {
        if (!shape.hasKey())
            continue;
        const QString name = shape.setName();
        for (const auto &e : shape.elements)
            out.insert(name + u' ' + e.text(shape));
    }
    return out;
}

// The rules as the kernel lists them: "@set drop", "drop" (no key), "accept" (IKE exemption).
QStringList planRules(const engine::NftPlan &plan, engine::Direction dir)
{
    QStringList out;
    if (plan.isEmpty())
        return out;
    if (plan.ikeExemption)
        out << u"accept"_s;
    for (const auto &shape : plan.shapes) {
        if (shape.direction != dir)
            continue;
        const QString verdict = shape.action == FilterAction::Type::Block ? u"drop"_s : u"accept"_s;
        out << (shape.hasKey() ? u'@' + shape.setName() + u' ' + verdict : verdict);
    }
    return out;
}

QStringList texts(const QList<kernel::NftTableState::Counted> &rules)
{
    QStringList out;
    for (const auto &r : rules)
        out << r.text;
    return out;
}

// One address of an element: the prefix's first and last address.
void putAddress(char *first, char *last, const std::array<quint8, 16> &bytes, int length,
                int prefix)
{
    for (int i = 0; i < length; ++i) {
        const int bits = std::clamp(prefix - 8 * i, 0, 8);
        const quint8 mask = quint8(0xff00 >> bits);
        first[i] = char(bytes[size_t(i)] & mask);
        last[i] = char(bytes[size_t(i)] | quint8(~mask));
    }
}

void putPort(char *first, char *last, quint16 from, quint16 to)
{
    first[0] = char(from >> 8);
    first[1] = char(from & 0xff);
    last[0] = char(to >> 8);
    last[1] = char(to & 0xff);
}

} // namespace

kernel::NftTableSpec Enforcer::nftSpec(const engine::NftPlan &plan)
{
    using Field = kernel::NftKeyField;
    kernel::NftTableSpec t;
    if (plan.isEmpty())
        return t;
    t.ikeExemption = plan.ikeExemption;
    for (const auto &shape : plan.shapes) {
        const bool v6 = shape.family == Address::Family::IPv6;
        kernel::NftRuleSpec rule;
        rule.nfproto = v6 ? 10 : 2; // NFPROTO_IPV6, NFPROTO_IPV4
        rule.l4proto = shape.protocol;
        rule.drop = shape.action == FilterAction::Type::Block;
        if (shape.hasKey()) {
            kernel::NftSetSpec set;
            set.name = shape.setName();
            set.interval = shape.needsInterval();
            const Field::Type addr = v6 ? Field::Type::IPv6Address : Field::Type::IPv4Address;
            if (shape.sourcePrefix >= 0)
                set.fields << Field{addr, false, quint8(v6 ? 8 : 12)};
            if (shape.destinationPrefix >= 0)
                set.fields << Field{addr, false, quint8(v6 ? 24 : 16)};
            if (shape.sourcePort)
                set.fields << Field{Field::Type::Port, true, 0};
            if (shape.destinationPort)
                set.fields << Field{Field::Type::Port, true, 2};
            const int length = set.keyLength();
            const bool concat = set.fields.size() > 1;
            const int addrLength = v6 ? 16 : 4;
            set.elements.reserve(shape.elements.size());
            for (const auto &e : shape.elements) {
                QByteArray bytes(2 * length, '\0');
                char *first = bytes.data();
                char *last = first + length;
                int at = 0;
                const auto step = [&](int n) {
                    at += concat ? (n + 3) & ~3 : n;
                };
                if (shape.sourcePrefix >= 0) {
                    putAddress(first + at, last + at, e.source, addrLength, shape.sourcePrefix);
                    step(addrLength);
                }
                if (shape.destinationPrefix >= 0) {
                    putAddress(first + at, last + at, e.destination, addrLength,
                               shape.destinationPrefix);
                    step(addrLength);
                }
                if (shape.sourcePort) {
                    putPort(first + at, last + at, e.sourcePort, e.sourcePortLast);
                    step(2);
                }
                if (shape.destinationPort)
                    putPort(first + at, last + at, e.destinationPort, e.destinationPortLast);
                set.elements << std::move(bytes);
            }
            rule.set = set.name;
            t.sets << std::move(set);
        }
        (shape.direction == engine::Direction::Inbound ? t.input : t.output) << rule;
    }
    return t;
}

QStringList Enforcer::nftMissing(const engine::NftPlan &plan, const kernel::NftTableState &st)
{
    const QSet<QString> have = kernelElements(st);
    QStringList out;
    for (const QString &e : planElements(plan))
        if (!have.contains(e))
            out << e;
    for (engine::Direction dir : {engine::Direction::Inbound, engine::Direction::Outbound}) {
        const QStringList want = planRules(plan, dir);
        const QStringList got =
            texts(dir == engine::Direction::Inbound ? st.inputRules : st.outputRules);
        if (want != got)
            out << (dir == engine::Direction::Inbound ? u"chain input: "_s : u"chain output: "_s)
                       + want.join(u", "_s);
    }
    out.sort();
    return out;
}

QStringList Enforcer::nftExtra(const engine::NftPlan &plan, const kernel::NftTableState &st)
{
    const QSet<QString> want = planElements(plan);
    QStringList out;
    for (const QString &e : kernelElements(st))
        if (!want.contains(e))
            out << e;
    if (plan.isEmpty() && st.exists && out.isEmpty())
        out << u"table inet ipsec_console"_s;
    out.sort();
    return out;
}

QStringList Enforcer::nftHits(const engine::EffectivePolicy &effective, const engine::NftPlan &plan,
                              const kernel::NftTableState &st)
{
    const auto namesOf = [&effective](const QList<qsizetype> &sources) {
        QStringList names;
        for (qsizetype i : sources) {
            const auto &src = effective.sources().at(i);
            const QString name = src.ruleName.isEmpty()
                                     ? (src.label.isEmpty() ? tr("(dynamic)") : src.label)
                                     : src.ruleName;
            if (!names.contains(name))
                names << name;
        }
        return names.join(u", "_s);
    };
    QList<std::pair<quint64, QString>> hits;
    for (engine::Direction dir : {engine::Direction::Inbound, engine::Direction::Outbound}) {
        const auto &rules = dir == engine::Direction::Inbound ? st.inputRules : st.outputRules;
        qsizetype ruleIndex = plan.ikeExemption ? 1 : 0;
        for (const auto &shape : plan.shapes) {
            if (shape.direction != dir)
                continue;
            const qsizetype at = ruleIndex++;
            const QString verdict =
                shape.action == FilterAction::Type::Block ? u"drop"_s : u"accept"_s;
            if (!shape.hasKey()) {
                if (at < rules.size() && rules.at(at).packets > 0)
                    hits.append(
                        {rules.at(at).packets,
                         u"%1 %2 %3\t%4"_s.arg(
                             dir == engine::Direction::Inbound ? u"input"_s : u"output"_s,
                             shape.setName(), verdict, namesOf(shape.elements.value(0).sources))});
                continue;
            }
            QHash<QString, quint64> packets;
            for (const auto &e : st.sets.value(shape.setName()))
                packets.insert(e.text, e.packets);
            for (const auto &e : shape.elements) {
                const QString text = e.text(shape);
                const quint64 n = packets.value(text);
                if (n > 0)
                    hits.append({n, u"%1 { %2 } %3\t%4"_s.arg(shape.setName(), text, verdict,
                                                              namesOf(e.sources))});
            }
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList out;
    for (const auto &[n, line] : hits)
        out << QString::number(n) + u'\t' + line;
    return out;
}

std::optional<Enforcer::NftDelta> Enforcer::nftDelta(const engine::NftPlan &plan,
                                                     const kernel::NftTableState &st)
{
    if (!st.exists || plan.isEmpty())
        return std::nullopt;
    for (engine::Direction dir : {engine::Direction::Inbound, engine::Direction::Outbound}) {
        const auto &rules = dir == engine::Direction::Inbound ? st.inputRules : st.outputRules;
        if (planRules(plan, dir) != texts(rules))
            return std::nullopt;
    }
    QSet<QString> names;
    for (const auto &shape : plan.shapes) {
        if (!shape.hasKey())
            continue;
        const QString name = shape.setName();
        names.insert(name);
        if (!st.sets.contains(name) || st.intervalSets.contains(name) != shape.needsInterval())
            return std::nullopt;
    }
    if (names.size() != st.sets.size())
        return std::nullopt;
    NftDelta delta;
    const QString table = u"inet "_s + QString::fromUtf16(engine::NftTableName);
    QString adds, deletes, undoAdds, undoDeletes;
    for (const auto &shape : plan.shapes) {
        if (!shape.hasKey())
            continue;
        const QString name = shape.setName();
        QSet<QString> have;
        for (const auto &e : st.sets.value(name))
            have.insert(e.text);
        QStringList toAdd;
        QSet<QString> want;
        for (const auto &e : shape.elements) {
            const QString text = e.text(shape);
            want.insert(text);
            if (!have.contains(text))
                toAdd << text;
        }
        QStringList toDelete;
        for (const QString &text : std::as_const(have))
            if (!want.contains(text))
                toDelete << text;
        const QString head = table + u' ' + name + u" { "_s;
        if (!toDelete.isEmpty()) {
            deletes += u"delete element "_s + head + toDelete.join(u", "_s) + u" }\n"_s;
            undoAdds += u"add element "_s + head + toDelete.join(u", "_s) + u" }\n"_s;
        }
        if (!toAdd.isEmpty()) {
            adds += u"add element "_s + head + toAdd.join(u", "_s) + u" }\n"_s;
            undoDeletes += u"delete element "_s + head + toAdd.join(u", "_s) + u" }\n"_s;
        }
        delta.added += int(toAdd.size());
        delta.removed += int(toDelete.size());
    }
    // Deletes first: a merged port run replaces its parts without overlapping them.
    delta.commands = deletes + adds;
    delta.undo = undoDeletes + undoAdds;
    return delta;
}

Result<Enforcer::Outcome> Enforcer::enforceNft(const engine::EffectivePolicy &effective,
                                               bool dryRun)
{
    QStringList warnings;
    Result<SplitPlan> split = SplitPlan{};
    const auto &sources = effective.sources();
    if (std::any_of(sources.cbegin(), sources.cend(), [](const engine::FilterSource &s) {
            return s.action == FilterAction::Type::Negotiate;
        })) {
        split = compileSplit(effective, &warnings);
        if (!split)
            return split.error();
    } else {
        // No negotiate filter: XFRM gets nothing, so the XFRM plan of every filter (20,000
        // entries for 10,000 port filters, only to find no negotiate layer) is not needed.
        split->nft = engine::NftCompiler::compile(effective);
        warnings << effective.warnings();
        for (const auto &shadow : split->nft.shadowed) {
            if (!shadow.conflicting)
                continue;
            const auto &loser = sources.at(shadow.source);
            const auto &winner = sources.at(shadow.winnerSource);
            const QString w =
                tr("A filter of rule \"%1\" is shadowed by rule \"%2\" (same traffic, "
                   "the more restrictive action wins).")
                    .arg(loser.ruleName.isEmpty() ? tr("(dynamic)") : loser.ruleName,
                         winner.ruleName.isEmpty() ? tr("(dynamic)") : winner.ruleName);
            if (!warnings.contains(w))
                warnings << w;
        }
    }
    profileMark("enforce: compiled (XFRM, nftables, negotiate layer)");
    const QList<kernel::SpdEntry> desiredXfrm = desiredEntries(split->xfrm);
    Outcome outcome;
    const engine::NftPlan &nft = split->nft;
    outcome.nft = true;
    outcome.nftElements = nft.elementCount();
    outcome.nftRules = int(nft.shapes.size());
    outcome.warnings = warnings;

    if (dryRun) {
        // What the table holds now decides between nothing, a few set elements and replacing the
        // whole table; the dry run shows it as nft commands.
        auto current = m_nft->state();
        if (!current)
            return current.error();
        QString commands;
        if (const auto delta = nftDelta(nft, current.value())) {
            commands = delta->commands;
            outcome.nftIncremental = true;
            outcome.nftElementsAdded = delta->added;
            outcome.nftElementsRemoved = delta->removed;
        } else if (current->exists || !nft.isEmpty()) {
            commands = nft.ruleset();
        }
        outcome.ipCommands << commands.split(u'\n', Qt::SkipEmptyParts);
        auto xfrm = install(desiredXfrm, true);
        if (!xfrm)
            return xfrm.error();
        outcome.ipCommands << xfrm->ipCommands;
        outcome.added = xfrm->added;
        outcome.removed = xfrm->removed;
        return outcome;
    }

    // Whether the XFRM part has anything to do: if not, it cannot fail, and the old table need
    // not be kept for undoing.
    auto owned = ownedEntries();
    if (!owned)
        return owned.error();
    QSet<QString> ownedKeys, desiredKeys;
    for (const auto &e : owned.value())
        ownedKeys.insert(stateKey(e));
    for (const auto &e : desiredXfrm)
        desiredKeys.insert(stateKey(e));
    const bool xfrmUnchanged = ownedKeys == desiredKeys && owned->size() == desiredXfrm.size();
    profileMark("enforce: owned XFRM entries listed");

    const kernel::NftTableSpec spec = nftSpec(nft);
    profileMark("enforce: binary table built");
    std::function<Result<void>()> undo;
    bool done = false;
    // The table this backend applied last, when nothing was committed since: a store change that
    // adds one rule to a large policy diffs against it and sends the changed elements only.
    if (const std::optional<kernel::NftTableSpec> before = m_nft->recorded()) {
        if (before->sameStructure(spec)) {
            const auto changes = kernel::nftElementChanges(*before, spec);
            done = true;
            if (!changes.isEmpty()) {
                bool stale = false;
                if (auto ok = m_nft->updateElements(spec, changes, &stale); !ok) {
                    if (!stale)
                        return ok.error();
                    done = false; // someone committed since the record: read the kernel below
                } else {
                    outcome.nftChanged = outcome.nftIncremental = true;
                    for (const auto &c : changes) {
                        outcome.nftElementsAdded += int(c.add.size());
                        outcome.nftElementsRemoved += int(c.remove.size());
                    }
                    const auto back = kernel::nftInverse(changes);
                    undo = [this, previous = *before, back] {
                        return m_nft->updateElements(previous, back, nullptr);
                    };
                }
            }
        } else {
            if (auto ok = m_nft->replaceTable(spec); !ok)
                return ok.error();
            outcome.nftChanged = done = true;
            undo = [this, previous = *before] {
                return m_nft->replaceTable(previous);
            };
        }
    }
    profileMark("enforce: recorded table checked and applied");
    if (!done) {
        // No usable record: what the kernel holds decides between nothing, a few set elements and
        // replacing the whole table.
        auto current = m_nft->state();
        if (!current)
            return current.error();
        if (const auto delta = nftDelta(nft, current.value())) {
            if (!delta->commands.isEmpty()) {
                if (auto ok = m_nft->apply(delta->commands, &spec); !ok)
                    return ok.error();
                outcome.nftChanged = outcome.nftIncremental = true;
                outcome.nftElementsAdded = delta->added;
                outcome.nftElementsRemoved = delta->removed;
                undo = [this, back = delta->undo] {
                    return m_nft->apply(back);
                };
            } else {
                m_nft->keep(spec); // the kernel holds the plan already
            }
        } else if (!current->exists && spec.isEmpty()) {
            m_nft->keep(spec);
        } else {
            QString previous = engine::nftDeleteTableCommands();
            if (!xfrmUnchanged && current->exists) {
                auto text = m_nft->tableText();
                if (!text)
                    return text.error();
                previous += text.value();
            }
            if (auto ok = m_nft->replaceTable(spec); !ok)
                return ok.error();
            outcome.nftChanged = true;
            undo = [this, previous] {
                return m_nft->apply(previous);
            };
        }
    }
    profileMark("enforce: nftables done");
    if (xfrmUnchanged) {
        outcome.unchanged = int(desiredXfrm.size());
        return outcome;
    }
    // The XFRM part: the negotiate layer; the project's old block/permit entries (before the
    // nftables backend, or from --backend xfrm) are owned entries it lacks, so they go now, after
    // the table took over their traffic.
    auto xfrm = install(desiredXfrm, false);
    if (!xfrm) {
        if (undo) {
            const auto back = undo();
            return Error::kernel(xfrm.error().message + u' '
                                 + (back ? tr("The previous nftables table is back.")
                                         : tr("Restoring the previous nftables table failed "
                                              "too: %1")
                                               .arg(back.error().message)));
        }
        return xfrm.error();
    }
    outcome.added = xfrm->added;
    outcome.removed = xfrm->removed;
    outcome.replaced = xfrm->replaced;
    outcome.unchanged = xfrm->unchanged;
    return outcome;
}

} // namespace ipsec
