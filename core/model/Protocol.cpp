#include "model/Protocol.h"

using namespace Qt::StringLiterals;

namespace ipsec {

Result<Protocol> Protocol::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    struct Named {
        QStringView name;
        quint8 number;
    };
    static constexpr Named names[] = {
        {u"ANY", Any},   {u"TCP", Tcp}, {u"UDP", Udp},
        {u"ICMP", Icmp}, {u"RAW", Raw}, {u"ICMPV6", Icmpv6},
    };
    for (const auto &n : names)
        if (t.compare(n.name, Qt::CaseInsensitive) == 0)
            return Protocol(n.number);
    bool ok = false;
    const uint number = t.toUInt(&ok);
    if (ok && number <= 255)
        return Protocol(quint8(number));
    if (ok)
        return Error::usage(tr("Protocol number %1 is out of range (0-255).").arg(number));
    return Error::usage(
        tr("\"%1\" is not a protocol: expected TCP, UDP, ICMP, RAW, ANY or a number 0-255.")
            .arg(t));
}

QString Protocol::name() const
{
    switch (m_number) {
    case Any:
        return u"ANY"_s;
    case Tcp:
        return u"TCP"_s;
    case Udp:
        return u"UDP"_s;
    case Icmp:
        return u"ICMP"_s;
    case Raw:
        return u"RAW"_s;
    case Icmpv6:
        return u"ICMPV6"_s;
    default:
        return QString::number(m_number);
    }
}

} // namespace ipsec
