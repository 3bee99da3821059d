#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ipsec {

// An IP protocol: 0 means any. TCP, UDP, ICMP and RAW have names as in Windows.
class Protocol {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Protocol)
public:
    enum Number : quint8 {
        Any = 0,
        Icmp = 1,
        Tcp = 6,
        Udp = 17,
        Icmpv6 = 58,
        Raw = 255,
    };

    constexpr Protocol() = default;
    constexpr explicit Protocol(quint8 number)
        : m_number(number)
    {
    }
    static constexpr Protocol any() { return Protocol(Any); }
    static constexpr Protocol tcp() { return Protocol(Tcp); }
    static constexpr Protocol udp() { return Protocol(Udp); }
    static constexpr Protocol icmp() { return Protocol(Icmp); }

    // "TCP", "udp", "Icmp", "RAW", "ANY", or a number 0-255.
    static Result<Protocol> parse(QStringView text);

    constexpr quint8 number() const { return m_number; }
    constexpr bool isAny() const { return m_number == Any; }
    // Only TCP and UDP carry ports that a filter may name.
    constexpr bool hasPorts() const { return m_number == Tcp || m_number == Udp; }

    // "TCP", "UDP", "ICMP", "RAW", "ANY" or the number.
    QString name() const;

    friend constexpr bool operator==(Protocol, Protocol) = default;

private:
    quint8 m_number = Any;
};

} // namespace ipsec
