#include "engine/FilterExpansion.h"

#include <QNetworkInterface>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

// The concrete addresses one filter end stands for, or {any} for any. Two without allocating:
// one for a literal, any or kept "me", a few for names and local addresses.
using Concrete = QVarLengthArray<Address, 2>;

Concrete concrete(const Address &a, const ExpansionContext &ctx, bool keepMe)
{
    Concrete out;
    switch (a.kind()) {
    case Address::Kind::Any:
    case Address::Kind::Host:
    case Address::Kind::Subnet:
        out.append(a);
        break;
    case Address::Kind::Me:
        if (keepMe) {
            out.append(a);
            break;
        }
        for (const QHostAddress &h : ctx.localAddresses)
            out.append(Address::host(h));
        break;
    case Address::Kind::DnsName:
        if (ctx.resolve)
            for (const QHostAddress &h : ctx.resolve(a.name()))
                out.append(Address::host(h));
        break;
    case Address::Kind::Server:
        if (ctx.servers)
            for (const QHostAddress &h : ctx.servers(a.serverType()).addresses)
                out.append(Address::host(h));
        break;
    }
    return out;
}

template <typename Out>
void addOneWay(Out &out, const Address &src, const Address &dst, quint16 sport, quint16 dport,
               const Filter &f, const ExpansionContext &ctx, bool keepMe)
{
    QVarLengthArray<Direction, 2> directions;
    if (dst.isMe())
        directions.append(Direction::Inbound);
    if (src.isMe())
        directions.append(Direction::Outbound);
    if (directions.isEmpty())
        directions << Direction::Inbound << Direction::Outbound;
    const Concrete sources = concrete(src, ctx, keepMe);
    const Concrete destinations = concrete(dst, ctx, keepMe);
    for (const Address &s : sources) {
        for (const Address &d : destinations) {
            if (s.family() != Address::Family::Unspecified
                && d.family() != Address::Family::Unspecified && s.family() != d.family())
                continue;
            for (Direction dir : directions) {
                DirectionalFilter df{dir, s, d, f.protocol, sport, dport};
                if (!out.contains(df))
                    out.append(std::move(df));
            }
        }
    }
}

template <typename Out>
void expand(Out &out, const Filter &f, const ExpansionContext &ctx, bool keepMe)
{
    addOneWay(out, f.source, f.destination, f.sourcePort, f.destinationPort, f, ctx, keepMe);
    if (f.mirrored)
        addOneWay(out, f.destination, f.source, f.destinationPort, f.sourcePort, f, ctx, keepMe);
}

} // namespace

QList<DirectionalFilter> expandFilter(const Filter &f, const ExpansionContext &ctx)
{
    QList<DirectionalFilter> out;
    expand(out, f, ctx, false);
    return out;
}

QList<DirectionalFilter> expandFilterKeepingMe(const Filter &f, const ExpansionContext &ctx)
{
    QList<DirectionalFilter> out;
    expand(out, f, ctx, true);
    return out;
}

void expandFilterKeepingMe(const Filter &f, const ExpansionContext &ctx, DirectionalFilters &out)
{
    expand(out, f, ctx, true);
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
