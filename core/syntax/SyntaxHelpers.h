#pragma once

// Internal helpers shared by the ipsecpol/ipseccmd parser and printer. Not part of the API.

#include <QHostAddress>
#include <QStringView>

namespace ipsec::syntax::detail {

inline bool isAllDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// The dashes people paste from documents where '-' is meant: en dash, em dash, minus sign.
inline bool isDash(QChar c)
{
    return c == u'-' || c == QChar(0x2013) || c == QChar(0x2014) || c == QChar(0x2212);
}

// One side of a filter spec written without brackets is rejected when it reads as an IPv6
// literal ("2001:db8::1", "fe80::1:17"), because its colons would otherwise be taken for the
// port and protocol separators. "0:..." is exempt: 0 means this computer, so "0::50" is
// "me, any port, protocol 50", never the IPv6 address ::50. The printer brackets whatever
// this function would reject.
inline bool looksLikeBareIPv6(QStringView side)
{
    const qsizetype slash = side.indexOf(u'/');
    const QStringView addr = slash < 0 ? side : side.left(slash);
    if (addr.count(u':') < 2 || addr.startsWith(u"0:"))
        return false;
    QHostAddress a;
    return a.setAddress(addr.toString()) && a.protocol() == QAbstractSocket::IPv6Protocol;
}

} // namespace ipsec::syntax::detail
