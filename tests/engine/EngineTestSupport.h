#pragma once

// Small builders shared by the engine tests, so each test reads like the policy it checks.

#include "engine/Evaluator.h"
#include "engine/XfrmCompiler.h"

#include <QTest>

namespace enginetest {

using namespace ipsec;
using namespace ipsec::engine;
using namespace Qt::StringLiterals;

inline Address addr(const QString &text)
{
    auto a = Address::parse(text);
    if (!a.ok())
        qFatal("bad address %s", qPrintable(text));
    return a.value();
}

inline Filter filter(const QString &src, const QString &dst, quint8 proto = 0, quint16 sport = 0,
                     quint16 dport = 0, bool mirrored = false)
{
    Filter f;
    f.guid = QUuid::createUuid();
    f.source = addr(src);
    f.destination = addr(dst);
    f.protocol = Protocol(proto);
    f.sourcePort = sport;
    f.destinationPort = dport;
    f.mirrored = mirrored;
    return f;
}

inline DynamicFilter dyn(const Filter &f, FilterAction::Type t)
{
    return DynamicFilter{f, t, {}, {}};
}

inline ExpansionContext context()
{
    ExpansionContext ctx;
    ctx.localAddresses = {QHostAddress(u"192.168.1.10"_s), QHostAddress(u"192.168.1.20"_s),
                          QHostAddress(u"2001:db8:1::10"_s)};
    return ctx;
}

inline Packet packet(Direction d, const QString &src, const QString &dst, quint8 proto,
                     quint16 sport = 0, quint16 dport = 0)
{
    return Packet{QHostAddress(src), QHostAddress(dst), proto, sport, dport, d};
}

inline EffectivePolicy dynamicPolicy(const QList<DynamicFilter> &filters, bool ikeExemption = true)
{
    return EffectivePolicy::build(PolicyDatabase{}, filters, context(),
                                  EffectivePolicyOptions{ikeExemption});
}

constexpr auto Block = FilterAction::Type::Block;
constexpr auto Permit = FilterAction::Type::Permit;
constexpr auto Negotiate = FilterAction::Type::Negotiate;

// KB 813878: block SQL Slammer (UDP 1434) both ways and inbound web, in a static policy.
PolicyDatabase articleDatabase();

} // namespace enginetest
