// IpsecCmdPrinter: the canonical ipsecpol/ipseccmd spelling of parsed values.
//
// Canonical forms (parse(print(x)) == x):
// - addresses: 0 (me), * (any), 10.1.2.3, 10.0.0.0/255.0.0.0 (IPv4 masks dotted, as in every
//   documented ipsecpol example), [2001:db8::1], [2001:db8::]/32 (IPv6 bracketed, prefix
//   length), DNS names as stored (lower case); octet wildcards print as dotted masks.
// - ports only when non-zero; the protocol by name (TCP UDP ICMP RAW) or number, after the
//   destination port field: *=0:1434:UDP, 0+*::ICMP, 0:80+*::TCP.
// - security methods in ipsecpol form: AH[MD5]+ESP[3DES,SHA]3600S/50000KPFS.
// - flags in a fixed order, lower case, ASCII dashes.

#include "IpsecCmd.h"
#include "SyntaxHelpers.h"

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

QString dottedMask(int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return QHostAddress(mask).toString();
}

QString addressText(const Address &a)
{
    switch (a.kind()) {
    case Address::Kind::Any:
        return u"*"_s;
    case Address::Kind::Me:
        return u"0"_s;
    case Address::Kind::DnsName:
        return a.name();
    case Address::Kind::Server: // ipsecpol has no server types; "<GATEWAY>" is refused if read
        return a.toString();
    case Address::Kind::Host:
        return a.isIPv6() ? u'[' + a.address().toString() + u']' : a.address().toString();
    case Address::Kind::Subnet:
        if (a.isIPv6())
            return u'[' + a.address().toString() + u"]/"_s + QString::number(a.prefixLength());
        return a.address().toString() + u'/' + dottedMask(a.prefixLength());
    }
    return {};
}

QString endpointText(const Address &a, const QString &fields)
{
    const QString side = addressText(a) + fields;
    if (detail::looksLikeBareIPv6(side)) // e.g. DNS name "cafe" with protocol 50: [cafe]::50
        return u'[' + addressText(a) + u']' + fields;
    return side;
}

QString protocolText(Protocol p)
{
    switch (p.number()) {
    case Protocol::Tcp:
        return u"TCP"_s;
    case Protocol::Udp:
        return u"UDP"_s;
    case Protocol::Icmp:
        return u"ICMP"_s;
    case Protocol::Raw:
        return u"RAW"_s;
    default:
        return QString::number(p.number());
    }
}

QString hashText(SecurityMethod::Hash h)
{
    switch (h) {
    case SecurityMethod::Hash::None:
        return u"NONE"_s;
    case SecurityMethod::Hash::Md5:
        return u"MD5"_s;
    case SecurityMethod::Hash::Sha1:
        return u"SHA"_s;
    }
    return {};
}

QString cipherText(SecurityMethod::Cipher c)
{
    switch (c) {
    case SecurityMethod::Cipher::None:
        return u"NONE"_s;
    case SecurityMethod::Cipher::Des:
        return u"DES"_s;
    case SecurityMethod::Cipher::TripleDes:
        return u"3DES"_s;
    }
    return {};
}

QStringList negotiationWords(const Negotiation &n)
{
    QStringList words;
    switch (n.kind) {
    case Negotiation::Kind::Block:
        return {u"BLOCK"_s};
    case Negotiation::Kind::Pass:
        return {u"PASS"_s};
    case Negotiation::Kind::InPass:
        words << u"INPASS"_s;
        break;
    case Negotiation::Kind::Methods:
        break;
    }
    for (const SecurityMethod &m : n.methods)
        words << IpsecCmdPrinter::securityMethod(m);
    return words;
}

} // namespace

QString IpsecCmdPrinter::filterSpec(const FilterSpec &spec)
{
    const Filter &f = spec.filter;
    QString src = f.sourcePort ? u':' + QString::number(f.sourcePort) : QString();
    QString dst;
    if (!f.protocol.isAny())
        dst = u':' + (f.destinationPort ? QString::number(f.destinationPort) : QString()) + u':'
              + protocolText(f.protocol);
    else if (f.destinationPort)
        dst = u':' + QString::number(f.destinationPort);
    const QString text =
        endpointText(f.source, src) + (f.mirrored ? u'+' : u'=') + endpointText(f.destination, dst);
    switch (spec.wrap) {
    case FilterSpec::Wrap::None:
        return text;
    case FilterSpec::Wrap::Block:
        return u'[' + text + u']';
    case FilterSpec::Wrap::Pass:
        return u'(' + text + u')';
    }
    return text;
}

QString IpsecCmdPrinter::securityMethod(const SecurityMethod &m)
{
    QString s;
    if (m.ah)
        s += u"AH["_s + hashText(m.ahHash) + u']';
    if (m.ah && m.esp)
        s += u'+';
    if (m.esp)
        s += u"ESP["_s + cipherText(m.espCipher) + u',' + hashText(m.espHash) + u']';
    if (m.lifetimeSeconds)
        s += QString::number(m.lifetimeSeconds) + u'S';
    if (m.lifetimeSeconds && m.lifetimeKBytes)
        s += u'/';
    if (m.lifetimeKBytes)
        s += QString::number(m.lifetimeKBytes) + u'K';
    if (m.pfs)
        s += u"PFS"_s;
    return s;
}

QString IpsecCmdPrinter::negotiation(const Negotiation &n)
{
    return negotiationWords(n).join(u' ');
}

QStringList IpsecCmdPrinter::arguments(const IpsecCmdCommand &c)
{
    QStringList a;
    if (!c.computer.isEmpty())
        a << u"\\\\"_s + c.computer;
    if (!c.show.isEmpty())
        a << u"show"_s << c.show;
    if (c.staticMode)
        a << u"-w"_s
          << (c.storeDomain.isEmpty() ? c.storeType : c.storeType + u':' + c.storeDomain);
    if (!c.policyName.isEmpty() || c.pollingMinutes)
        a << u"-p"_s
          << c.policyName
                 + (c.pollingMinutes ? u':' + QString::number(*c.pollingMinutes) : QString());
    for (const QString &r : c.ruleNames)
        a << u"-r"_s << r;
    if (!c.filters.isEmpty()) {
        a << u"-f"_s;
        for (const FilterSpec &spec : c.filters)
            a << filterSpec(spec);
    }
    if (c.negotiation)
        a << u"-n"_s << negotiationWords(*c.negotiation);
    if (!c.tunnel.isEmpty())
        a << u"-t"_s << c.tunnel;
    if (!c.authMethods.isEmpty()) {
        a << u"-a"_s;
        for (const AuthMethod &m : c.authMethods)
            a << m.toString();
    }
    if (c.soft)
        a << u"-soft"_s;
    if (c.connectionType == Rule::ConnectionType::Lan)
        a << u"-lan"_s;
    else if (c.connectionType == Rule::ConnectionType::Dialup)
        a << u"-dialup"_s;
    if (!c.mainModeMethods.isEmpty())
        a << u"-1s"_s << c.mainModeMethods;
    if (!c.mainModeRekey.isEmpty())
        a << u"-1k"_s << c.mainModeRekey;
    if (c.mainModePfs)
        a << u"-1p"_s;
    if (!c.mainModeFilters.isEmpty())
        a << u"-1f"_s << c.mainModeFilters;
    if (c.softSaExpirySeconds)
        a << u"-1e"_s << QString::number(*c.softSaExpirySeconds);
    if (c.confirm)
        a << u"-confirm"_s;
    if (c.assign)
        a << u"-x"_s;
    if (c.unassign)
        a << u"-y"_s;
    if (c.remove)
        a << u"-o"_s;
    if (c.deleteDynamic)
        a << u"-u"_s;
    if (c.help)
        a << u"-?"_s;
    return a;
}

QString IpsecCmdPrinter::commandLine(const IpsecCmdCommand &command, const QString &program)
{
    QStringList words{shellQuote(program)};
    for (const QString &arg : arguments(command))
        words << shellQuote(arg);
    return words.join(u' ');
}

} // namespace ipsec::syntax
