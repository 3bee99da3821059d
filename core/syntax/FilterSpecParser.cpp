// IpsecCmdParser::parseFilterSpec: SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTO].
//
// Decisions beyond the documented grammar (reference windows-ipsec.md §1.4):
// - A whole word is a [ ] block wrap only when its first '[' is closed by its last character,
//   so "[*=0:1434:UDP]" is wrapped while "[2001:db8::1]=*" starts with an IPv6 address.
// - IPv6 literals go in brackets, the mask after or inside them: [2001:db8::]/32:80 or
//   [2001:db8::/32]:80 (a colon mask such as ffff:ffff:: only inside). Brackets may also hold
//   IPv4 addresses and DNS names. A bare side that reads as an IPv6 literal is an error (see
//   looksLikeBareIPv6), except "0:..." which is always this computer: "*=0::50".
// - Masks are dotted (255.255.0.0) or prefix lengths (16); octet wildcards 144.92.*.* mean
//   144.92.0.0/16. "0" (me) takes only a full mask, "*" (any) none.

#include "IpsecCmd.h"
#include "SyntaxHelpers.h"

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

using detail::isAllDigits;

// An error already phrased for the user, without the "invalid filter" prefix.
struct Problem {
    QString message;
};

template <typename T>
using Parsed = std::variant<T, Problem>;

bool isPortPlaceholder(QStringView t)
{
    for (const QStringView p : {u"PortNumber", u"Port", u"SrcPort", u"DstPort", u"SourcePort",
                                u"DestinationPort", u"Port_Number"})
        if (t.compare(p, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool isProtocolPlaceholder(QStringView t)
{
    return t.compare(u"Protocol", Qt::CaseInsensitive) == 0
           || t.compare(u"Proto", Qt::CaseInsensitive) == 0;
}

QString portPlaceholderMessage(QStringView t)
{
    return IpsecCmdParser::tr("%1 is a placeholder: put a port number such as 1434").arg(t);
}

QString protocolPlaceholderMessage(QStringView t)
{
    return IpsecCmdParser::tr("%1 is a placeholder: put a protocol such as TCP or UDP").arg(t);
}

// Index of the bracket closing the one at open, or -1.
qsizetype matchingBracket(QStringView text, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text[i] == u'[')
            ++depth;
        else if (text[i] == u']' && --depth == 0)
            return i;
    }
    return -1;
}

Parsed<int> prefixFor(QStringView mask, Address::Family family)
{
    auto prefix = Address::parseMask(mask, family);
    if (!prefix)
        return Problem{prefix.error().message};
    return *prefix;
}

// 144.92.*.* -> 144.92.0.0/16
Parsed<Address> wildcardAddress(QStringView text)
{
    const auto bad = Problem{IpsecCmdParser::tr("\"%1\" is not an address: * may only replace "
                                                "whole trailing octets, as in 144.92.*.*")
                                 .arg(text)};
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return bad;
    quint32 value = 0;
    int known = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringView p = parts[i];
        if (p == u"*")
            continue;
        // Digits only before the first '*': 144.*.5.* is not a subnet.
        // Leading zeros read as octal elsewhere: refused, as in every other address.
        if (known != i || !isAllDigits(p) || p.size() > 3 || p.toUInt() > 255
            || (p.size() > 1 && p.front() == u'0'))
            return bad;
        value |= p.toUInt() << (24 - 8 * known);
        ++known;
    }
    auto a = Address::subnet(QHostAddress(value), 8 * known);
    if (!a)
        return Problem{a.error().message};
    return *a;
}

Parsed<Address> makeAddress(QStringView text, QStringView mask, bool hasMask, bool bracketed)
{
    if (text == u"0") {
        if (hasMask) {
            const auto p = prefixFor(mask, Address::Family::IPv4);
            if (const auto *problem = std::get_if<Problem>(&p))
                return *problem;
            if (std::get<int>(p) != 32)
                return Problem{IpsecCmdParser::tr("0 means this computer and takes no mask "
                                                  "other than 255.255.255.255, not \"%1\"")
                                   .arg(mask)};
        }
        return Address::me();
    }
    if (text == u"*") {
        if (hasMask)
            return Problem{
                IpsecCmdParser::tr("* means any address and takes no mask (\"%1\")").arg(mask)};
        return Address::any();
    }
    if (text.contains(u'*')) {
        if (hasMask)
            return Problem{
                IpsecCmdParser::tr("\"%1/%2\": an address with * takes no mask").arg(text, mask)};
        return wildcardAddress(text);
    }
    const bool v6 = bracketed && text.contains(u':');
    if (v6 || Address::looksLikeIp(text)) {
        // One reading of addresses everywhere (Address::parseIp): no octal, hex or short forms,
        // no IPv4-mapped IPv6.
        auto parsed = Address::parseIp(text);
        if (!parsed)
            return Problem{parsed.error().message};
        const QHostAddress literal = parsed.value();
        if (!hasMask)
            return Address::host(literal);
        const auto p = prefixFor(mask, literal.protocol() == QAbstractSocket::IPv6Protocol
                                           ? Address::Family::IPv6
                                           : Address::Family::IPv4);
        if (const auto *problem = std::get_if<Problem>(&p))
            return *problem;
        auto a = Address::subnet(literal, std::get<int>(p));
        if (!a)
            return Problem{a.error().message};
        return *a;
    }
    if (hasMask)
        return Problem{
            IpsecCmdParser::tr("\"%1\" is a DNS name and takes no mask (\"%2\")").arg(text, mask)};
    if (!Address::isValidDnsName(text))
        return Problem{IpsecCmdParser::tr("\"%1\" is not an IP address or DNS name (0 = this "
                                          "computer, * = any address)")
                           .arg(text)};
    auto a = Address::dnsName(text.toString());
    if (!a)
        return Problem{a.error().message};
    return *a;
}

struct Endpoint {
    Address address;
    QList<QStringView> fields; // after the address and mask: port, protocol
};

Parsed<Endpoint> parseEndpoint(QStringView side, bool source)
{
    const QString role = source ? IpsecCmdParser::tr("source") : IpsecCmdParser::tr("destination");
    if (side.isEmpty() || side.startsWith(u':') || side.startsWith(u'/'))
        return Problem{IpsecCmdParser::tr("the %1 address is missing (0 = this computer, * = any "
                                          "address)")
                           .arg(role)};
    if (detail::looksLikeBareIPv6(side))
        return Problem{
            IpsecCmdParser::tr("IPv6 addresses must be written in brackets, e.g. [%1]")
                .arg(side.left(side.indexOf(u'/') < 0 ? side.size() : side.indexOf(u'/')))};
    QStringView addr;
    QStringView rest;
    QStringView mask;
    bool hasMask = false;
    const bool bracketed = side.startsWith(u'[');
    if (bracketed) {
        const qsizetype close = side.indexOf(u']');
        if (close < 0)
            return Problem{IpsecCmdParser::tr("the %1 address has '[' without ']'").arg(role)};
        addr = side.mid(1, close - 1);
        rest = side.mid(close + 1);
        if (const qsizetype slash = addr.indexOf(u'/'); slash >= 0) {
            mask = addr.mid(slash + 1);
            addr = addr.left(slash);
            hasMask = true;
        }
        if (addr.isEmpty())
            return Problem{IpsecCmdParser::tr("the %1 address in [ ] is empty").arg(role)};
    } else {
        qsizetype end = 0;
        while (end < side.size() && side[end] != u'/' && side[end] != u':')
            ++end;
        addr = side.left(end);
        rest = side.mid(end);
    }
    if (rest.startsWith(u'/')) {
        if (hasMask)
            return Problem{IpsecCmdParser::tr("the %1 address has two masks").arg(role)};
        const qsizetype colon = rest.indexOf(u':');
        mask = colon < 0 ? rest.mid(1) : rest.mid(1, colon - 1);
        rest = colon < 0 ? QStringView() : rest.mid(colon);
        hasMask = true;
    }
    if (!rest.isEmpty() && !rest.startsWith(u':'))
        return Problem{
            IpsecCmdParser::tr("unexpected \"%1\" after the %2 address").arg(rest, role)};
    auto address = makeAddress(addr, mask, hasMask, bracketed);
    if (auto *problem = std::get_if<Problem>(&address))
        return *problem;
    Endpoint e{std::get<Address>(address), {}};
    if (!rest.isEmpty())
        e.fields = rest.mid(1).split(u':');
    return e;
}

Parsed<quint16> parsePort(QStringView text)
{
    if (text.isEmpty())
        return quint16(0);
    if (!isAllDigits(text))
        return Problem{
            isPortPlaceholder(text)
                ? portPlaceholderMessage(text)
                : IpsecCmdParser::tr("port \"%1\" is not a number (0-65535, 0 = any)").arg(text)};
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535)
        return Problem{IpsecCmdParser::tr("port %1 is out of range (0-65535)").arg(text)};
    return quint16(port);
}

Parsed<Protocol> parseProtocol(QStringView text)
{
    if (text.isEmpty())
        return Problem{IpsecCmdParser::tr("the protocol after the last ':' is empty; leave out "
                                          "the ':' for any protocol")};
    if (isProtocolPlaceholder(text))
        return Problem{protocolPlaceholderMessage(text)};
    auto p = Protocol::parse(text);
    if (!p)
        return Problem{p.error().message};
    return *p;
}

// Both placeholders of the article's templates at once, so one run names every fix.
QStringList placeholderProblems(QStringView inner)
{
    QStringList problems;
    const auto fields = inner.split(u':');
    for (qsizetype i = 1; i < fields.size(); ++i) {
        if (isPortPlaceholder(fields[i]))
            problems << portPlaceholderMessage(fields[i]);
        else if (isProtocolPlaceholder(fields[i]))
            problems << protocolPlaceholderMessage(fields[i]);
    }
    return problems;
}

Parsed<Filter> parseInner(QStringView inner)
{
    qsizetype sep = -1;
    int depth = 0;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner[i];
        if (c == u'[')
            ++depth;
        else if (c == u']')
            --depth;
        else if (depth == 0 && (c == u'=' || c == u'+')) {
            if (sep >= 0)
                return Problem{IpsecCmdParser::tr("only one = or + may separate source and "
                                                  "destination")};
            sep = i;
        }
        if (depth < 0)
            return Problem{IpsecCmdParser::tr("']' without '['")};
    }
    if (depth != 0)
        return Problem{IpsecCmdParser::tr("'[' without ']'")};
    if (sep < 0)
        return Problem{IpsecCmdParser::tr("expected SRC=DST (one direction) or SRC+DST (mirrored), "
                                          "e.g. *=0:1434:UDP")};
    const QStringView src = inner.left(sep);
    const QStringView dst = inner.mid(sep + 1);

    // KB 813878 prints the outbound template as "*0=:PortNumber:Protocol"; it means "0=*:...".
    if ((src == u"*0" || src == u"0*") && (dst.isEmpty() || dst.startsWith(u':'))) {
        QString message = IpsecCmdParser::tr("\"%1\" is not an address; did you mean \"0=*%2\"? "
                                             "(0 = this computer, * = any address)")
                              .arg(src, dst);
        const QStringList placeholders = placeholderProblems(dst);
        if (!placeholders.isEmpty())
            message += u"; "_s + placeholders.join(u"; "_s);
        return Problem{message};
    }
    if (const QStringList placeholders = placeholderProblems(inner); !placeholders.isEmpty())
        return Problem{placeholders.join(u"; "_s)};

    auto from = parseEndpoint(src, true);
    if (auto *problem = std::get_if<Problem>(&from))
        return *problem;
    auto to = parseEndpoint(dst, false);
    if (auto *problem = std::get_if<Problem>(&to))
        return *problem;
    const Endpoint &s = std::get<Endpoint>(from);
    const Endpoint &d = std::get<Endpoint>(to);

    if (s.fields.size() > 1)
        return Problem{IpsecCmdParser::tr("the source takes only a port; the protocol goes at the "
                                          "end of the destination, as in 0:80+*::TCP")};
    if (d.fields.size() > 2) {
        QHostAddress a;
        if (a.setAddress(dst.toString()) && a.protocol() == QAbstractSocket::IPv6Protocol)
            return Problem{
                IpsecCmdParser::tr("IPv6 addresses must be written in brackets, e.g. [%1]")
                    .arg(dst)};
        return Problem{IpsecCmdParser::tr("too many ':' fields in \"%1\": expected "
                                          "DST[/MASK][:PORT][:PROTOCOL]")
                           .arg(dst)};
    }

    Filter f;
    f.source = s.address;
    f.destination = d.address;
    f.mirrored = inner[sep] == u'+';
    if (!s.fields.isEmpty()) {
        auto port = parsePort(s.fields[0]);
        if (auto *problem = std::get_if<Problem>(&port))
            return *problem;
        f.sourcePort = std::get<quint16>(port);
    }
    if (!d.fields.isEmpty()) {
        auto port = parsePort(d.fields[0]);
        if (auto *problem = std::get_if<Problem>(&port))
            return *problem;
        f.destinationPort = std::get<quint16>(port);
    }
    if (d.fields.size() == 2) {
        auto protocol = parseProtocol(d.fields[1]);
        if (auto *problem = std::get_if<Problem>(&protocol))
            return *problem;
        f.protocol = std::get<Protocol>(protocol);
    }
    if (const QStringList problems = f.validate(); !problems.isEmpty())
        return Problem{problems.first()};
    return f;
}

} // namespace

Result<FilterSpec> IpsecCmdParser::parseFilterSpec(QStringView text)
{
    const QStringView t = text.trimmed();
    const auto fail = [&](const QString &why) {
        return Error::usage(tr("invalid filter \"%1\": %2").arg(t, why));
    };
    if (t.isEmpty())
        return Error::usage(tr("empty filter: expected SRC=DST or SRC+DST, e.g. *=0:1434:UDP"));
    FilterSpec spec;
    QStringView inner = t;
    if (t.startsWith(u'[') && matchingBracket(t, 0) == t.size() - 1) {
        spec.wrap = FilterSpec::Wrap::Block;
        inner = t.mid(1, t.size() - 2);
    } else if (t.startsWith(u'(') || t.endsWith(u')')) {
        if (!t.startsWith(u'(') || !t.endsWith(u')'))
            return fail(tr("'(' and ')' must wrap the whole filter, as in (0:80+*::TCP)"));
        spec.wrap = FilterSpec::Wrap::Pass;
        inner = t.mid(1, t.size() - 2);
    }
    if (inner.startsWith(u'(')
        || (spec.wrap == FilterSpec::Wrap::Pass && inner.startsWith(u'[')
            && matchingBracket(inner, 0) == inner.size() - 1))
        return fail(tr("a filter is wrapped either in [ ] (block) or in ( ) (pass), not both"));
    if (inner.isEmpty())
        return fail(tr("nothing inside the brackets"));
    auto filter = parseInner(inner);
    if (auto *problem = std::get_if<Problem>(&filter))
        return fail(problem->message);
    spec.filter = std::get<Filter>(filter);
    return spec;
}

} // namespace ipsec::syntax
