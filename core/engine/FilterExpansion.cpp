#include "engine/FilterExpansion.h"

#include <QNetworkInterface>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

// The concrete addresses one filter end stands for, or {any} for any.
QList<Address> concrete(const Address &a, const ExpansionContext &ctx, bool keepMe)
{
    QList<Address> out;
    switch (a.kind()) {
    case Address::Kind::Any:
    case Address::Kind::Host:
    case Address::Kind::Subnet:
        out << a;
        break;
    case Address::Kind::Me:
        if (keepMe) {
            out << a;
            break;
        }
        for (const QHostAddress &h : ctx.localAddresses)
            out << Address::host(h);
        break;
    case Address::Kind::DnsName:
        if (ctx.resolve)
            for (const QHostAddress &h : ctx.resolve(a.name()))
                out << Address::host(h);
        break;
    case Address::Kind::Server:
        if (ctx.servers)
            for (const QHostAddress &h : ctx.servers(a.serverType()).addresses)
                out << Address::host(h);
        break;
    }
    return out;
}

void addOneWay(QList<DirectionalFilter> &out, const Address &src, const Address &dst, quint16 sport,
               quint16 dport, const Filter &f, const ExpansionContext &ctx, bool keepMe)
{
    QList<Direction> directions;
    if (dst.isMe())
        directions << Direction::Inbound;
    if (src.isMe())
        directions << Direction::Outbound;
    if (directions.isEmpty())
        directions << Direction::Inbound << Direction::Outbound;
    const QList<Address> sources = concrete(src, ctx, keepMe);
    const QList<Address> destinations = concrete(dst, ctx, keepMe);
    for (const Address &s : sources) {
        for (const Address &d : destinations) {
            if (s.family() != Address::Family::Unspecified
                && d.family() != Address::Family::Unspecified && s.family() != d.family())
                continue;
            for (Direction dir : directions) {
                DirectionalFilter df{dir, s, d, f.protocol, sport, dport};
                if (!out.contains(df))
                    out << df;
            }
        }
    }
}

} // namespace

QList<DirectionalFilter> expandFilter(const Filter &f, const ExpansionContext &ctx)
{
    QList<DirectionalFilter> out;
    addOneWay(out, f.source, f.destination, f.sourcePort, f.destinationPort, f, ctx, false);
    if (f.mirrored)
        addOneWay(out, f.destination, f.source, f.destinationPort, f.sourcePort, f, ctx, false);
    return out;
}

QList<DirectionalFilter> expandFilterKeepingMe(const Filter &f, const ExpansionContext &ctx)
{
    QList<DirectionalFilter> out;
    addOneWay(out, f.source, f.destination, f.sourcePort, f.destinationPort, f, ctx, true);
    if (f.mirrored)
        addOneWay(out, f.destination, f.source, f.destinationPort, f.sourcePort, f, ctx, true);
    return out;
}

QList<QHostAddress> localAddresses()
{
    QList<QHostAddress> out;
    const auto all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.isLoopback() || a.isLinkLocal() || !a.scopeId().isEmpty())
            continue;
        out << a;
    }
    return out;
}

QString directionName(Direction d)
{
    return d == Direction::Inbound ? u"Inbound"_s : u"Outbound"_s;
}

} // namespace ipsec::engine
