#include "service/NetshDynamicRules.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {
using C = syntax::NetshCommand;
}

NetshDynamicRules::NetshDynamicRules(QList<engine::DynamicFilter> &filters, ServiceReport &r)
    : m_dynamic(filters)
    , report(r)
{
}

Result<QList<engine::DynamicFilter>> NetshDynamicRules::filtersOf(const C &c)
{
    if (c.tunnel)
        return Error::usage(tr("dynamic tunnel rules (tunneldstaddress=) are not supported; "
                               "use a static rule with tunnel=."));
    Filter f;
    f.source = *c.source;
    f.destination = *c.destination;
    f.protocol = c.protocol.value_or(Protocol::any());
    f.sourcePort = c.sourcePort.value_or(0);
    f.destinationPort = c.destinationPort.value_or(0);
    f.mirrored = c.mirrored.value_or(true);
    if (const QStringList p = f.validate(); !p.isEmpty())
        return Error::usage(p.join(u' '));
    const auto in = c.actionInbound.value_or(FilterAction::Type::Negotiate);
    const auto out = c.actionOutbound.value_or(FilterAction::Type::Negotiate);
    const QString label = u"netsh ipsec "_s + c.text.mid(c.text.indexOf(u' ') + 1);
    const auto make = [&](const Filter &filter, FilterAction::Type action) {
        engine::DynamicFilter d;
        d.filter = filter;
        d.filter.guid = QUuid::createUuid();
        d.action = action;
        d.label = label;
        return d;
    };
    if (in == out)
        return QList<engine::DynamicFilter>{make(f, in)};
    // Different actions per direction. Inbound is traffic to this host: srcaddr->dstaddr is
    // inbound when dstaddr is "me", else outbound; the mirror is the other direction.
    const bool forwardInbound = f.destination.isMe() && !f.source.isMe();
    const auto forwardAction = forwardInbound ? in : out;
    const auto backAction = forwardInbound ? out : in;
    if (!f.mirrored) {
        if (f.source.isMe() || f.destination.isMe())
            return QList<engine::DynamicFilter>{make(f, forwardAction)};
        return Error::usage(tr("actioninbound and actionoutbound differ, but with mirrored=no "
                               "and neither address \"me\" only one direction exists; use "
                               "mirrored=yes or the same action."));
    }
    Filter forward = f;
    forward.mirrored = false;
    Filter back = forward;
    std::swap(back.source, back.destination);
    std::swap(back.sourcePort, back.destinationPort);
    return QList<engine::DynamicFilter>{make(forward, forwardAction), make(back, backAction)};
}

Result<void> NetshDynamicRules::run(const C &c)
{
    using V = C::Verb;
    if (c.object == C::Object::MmPolicy || c.object == C::Object::QmPolicy) {
        report.notices << tr("%1: accepted, nothing changed: dynamic main mode and quick mode "
                             "policies are not used here; the IKE daemon (strongSwan charon) "
                             "offers the assigned policy's main mode methods (static set policy "
                             "mmsecmethods=) and its filter actions' quick mode methods.")
                              .arg(c.text);
        return {};
    }
    if (c.object == C::Object::Config) {
        report.notices << tr("%1: accepted, nothing changed: the settings of the Windows IPsec "
                             "driver have no counterpart here (IKE, UDP 500 and 4500, is always "
                             "exempt, as ipsecexempt=3; charon's logging is set in its own "
                             "configuration).")
                              .arg(c.text);
        return {};
    }
    if (c.object == C::Object::All) {
        report.messages << tr("Deleted %n dynamic filter(s).", nullptr, int(m_dynamic.size()));
        m_changed = m_changed || !m_dynamic.isEmpty();
        m_dynamic.clear();
        return {};
    }
    if (c.connectionType || c.authMethods)
        report.notices << tr("%1: conntype and authentication settings do not apply to dynamic "
                             "filters and are not stored.")
                              .arg(c.text);
    if (c.verb == V::Add) {
        auto filters = filtersOf(c);
        if (!filters)
            return filters.error();
        for (const engine::DynamicFilter &d : filters.value()) {
            const bool duplicate = std::any_of(m_dynamic.cbegin(), m_dynamic.cend(), [&](auto &o) {
                return o.filter.sameTraffic(d.filter);
            });
            if (duplicate)
                return Error::conflict(tr("A dynamic rule for this traffic already exists; "
                                          "change it with \"set rule\" or delete it first."));
            m_dynamic << d;
            report.messages << tr("Added dynamic %1 filter %2 -> %3.")
                                   .arg(FilterAction::typeName(d.action).toLower(),
                                        d.filter.source.toString(),
                                        d.filter.destination.toString());
        }
        m_changed = true;
        return {};
    }
    // set / delete: the rule is identified by its traffic; the actions do not matter.
    C identity = c;
    identity.actionInbound.reset();
    identity.actionOutbound.reset();
    auto wanted = filtersOf(identity);
    if (!wanted)
        return wanted.error();
    Filter forward = wanted->first().filter;
    QList<Filter> shapes{forward};
    if (forward.mirrored) {
        // Also the two halves that differing actions produce.
        Filter half = forward;
        half.mirrored = false;
        Filter back = half;
        std::swap(back.source, back.destination);
        std::swap(back.sourcePort, back.destinationPort);
        shapes << half << back;
    }
    int matched = 0;
    QList<engine::DynamicFilter> next;
    for (const engine::DynamicFilter &d : std::as_const(m_dynamic)) {
        const bool hit = std::any_of(shapes.cbegin(), shapes.cend(),
                                     [&](const Filter &s) { return s.sameTraffic(d.filter); });
        if (hit)
            ++matched;
        if (hit && c.verb == V::Delete)
            continue;
        next << d;
    }
    if (!matched)
        return Error::notFound(tr("No dynamic rule matches %1 -> %2 with these fields.")
                                   .arg(forward.source.toString(), forward.destination.toString()));
    if (c.verb == V::Set) {
        // Replace the matched filters by the new shape (one or two filters).
        C merged = c;
        QList<engine::DynamicFilter> kept;
        for (const engine::DynamicFilter &d : std::as_const(next)) {
            const bool hit = std::any_of(shapes.cbegin(), shapes.cend(),
                                         [&](const Filter &s) { return s.sameTraffic(d.filter); });
            if (!hit) {
                kept << d;
                continue;
            }
            // Keep the action of a direction that is not given (see dynamicFiltersOf).
            const bool forwardInbound = forward.destination.isMe() && !forward.source.isMe();
            const bool isBack = shapes.size() == 3 && shapes[2].sameTraffic(d.filter);
            const bool inbound = isBack ? !forwardInbound : forwardInbound;
            if (d.filter.mirrored || inbound)
                merged.actionInbound = merged.actionInbound.value_or(d.action);
            if (d.filter.mirrored || !inbound)
                merged.actionOutbound = merged.actionOutbound.value_or(d.action);
        }
        auto replaced = filtersOf(merged);
        if (!replaced)
            return replaced.error();
        next = kept + replaced.value();
        report.messages << tr("Changed dynamic rule %1 -> %2.")
                               .arg(forward.source.toString(), forward.destination.toString());
    } else {
        report.messages << tr("Deleted %n dynamic filter(s) of %1 -> %2.", nullptr, matched)
                               .arg(forward.source.toString(), forward.destination.toString());
    }
    m_dynamic = next;
    m_changed = true;
    return {};
}

} // namespace ipsec
