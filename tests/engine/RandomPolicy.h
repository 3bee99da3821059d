#pragma once

// Random policies and packet pools shared by the engine's agreement tests (evaluator vs. the XFRM
// simulator, evaluator vs. the nftables compiler): one generator, so both draw the same policies
// from the same seed.

#include "EngineTestSupport.h"

#include <QRandomGenerator>

namespace enginetest {

inline const QStringList remote4 = {u"10.0.0.5"_s,     u"10.0.0.6"_s, u"10.0.1.7"_s,
                                    u"10.0.2.200"_s,   u"10.9.9.9"_s, u"172.16.0.1"_s,
                                    u"192.168.1.77"_s, u"8.8.8.8"_s,  u"192.168.1.20"_s};
inline const QStringList remote6 = {u"2001:db8::5"_s, u"2001:db8::99"_s, u"2001:db8:ff::1"_s,
                                    u"2001:db9::1"_s, u"2001:db8:1::10"_s};
inline const QList<quint8> protocols = {6, 17, 1, 47};
inline const QList<quint16> ports = {22,   80,   443,  500,  1434, 1435, 4500, 53,   40000,
                                     1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1032};

inline QString randomAddress(QRandomGenerator &rng)
{
    static const QStringList pool = {u"any"_s,
                                     u"any"_s,
                                     u"me"_s,
                                     u"me"_s,
                                     u"10.0.0.5"_s,
                                     u"10.0.0.6"_s,
                                     u"10.0.1.7"_s,
                                     u"192.168.1.20"_s,
                                     u"10.0.0.0/8"_s,
                                     u"10.0.0.0/16"_s,
                                     u"10.0.0.0/24"_s,
                                     u"10.0.1.0/24"_s,
                                     u"192.168.1.0/24"_s,
                                     u"0.0.0.0/0"_s,
                                     u"2001:db8::5"_s,
                                     u"2001:db8::/32"_s,
                                     u"2001:db8:ff::/48"_s,
                                     u"2001:db8:1::10"_s,
                                     u"::/0"_s};
    return pool[rng.bounded(int(pool.size()))];
}

// withNegotiate = false turns negotiate draws into block after drawing, so the random sequence is
// the same either way.
inline QList<DynamicFilter> randomPolicy(QRandomGenerator &rng, int count,
                                         bool withNegotiate = true)
{
    QList<DynamicFilter> out;
    while (out.size() < count) {
        const QString s = randomAddress(rng), d = randomAddress(rng);
        const quint8 proto =
            rng.bounded(3) == 0 ? 0 : protocols[rng.bounded(int(protocols.size()))];
        auto port = [&] {
            return rng.bounded(2) ? quint16(0) : ports[rng.bounded(int(ports.size()))];
        };
        Filter f = filter(s, d, proto, port(), port(), rng.bounded(2));
        if (f.source.family() != Address::Family::Unspecified
            && f.destination.family() != Address::Family::Unspecified
            && f.source.family() != f.destination.family())
            continue;
        auto action = FilterAction::Type(rng.bounded(3));
        if (!withNegotiate && action == Negotiate)
            action = Block;
        out << dyn(f, action);
    }
    return out;
}

} // namespace enginetest
