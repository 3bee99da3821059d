// NetshParser: one `ipsec static|dynamic VERB OBJECT [tag=]value ...` command.
//
// Decisions beyond the documented grammar (reference windows-ipsec.md §2):
// - Context, verb, object and tag names match case-insensitively and by unique prefix, as netsh
//   does ("st a pol", "desc=", "mirror="); an exact name always wins ("filter" is not short for
//   "filterlist"); an ambiguous prefix is an error that lists the candidates.
// - A value without a tag goes to the first tag of the documented order not given yet.
// - "tag = value" (spaces around '=') is accepted, as `exportpolicy file = x.ipsec` is written.
// - pollinginterval is in minutes (the model's unit; the snap-in shows minutes).
// - Settings the model has no field for (main-mode settings, certmap) are parsed and validated
//   and then named in a notice, never silently dropped.

#include "IpsecCmd.h"
#include "Netsh.h"
#include "SyntaxHelpers.h"
#include "model/Filter.h"

#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

using C = NetshCommand;

// Raw address and mask texts, combined when every tag is read.
struct Pending {
    std::optional<QString> srcAddr, dstAddr, srcMask, dstMask;
};

using Setter = std::function<Result<void>(C &, Pending &, const QString &tag, const QString &v)>;

QString q(const QString &s)
{
    return u'"' + s + u'"';
}

Error badValue(const QString &tag, const QString &value, const QString &expected)
{
    return Error::usage(NetshParser::tr("%1=%2: expected %3").arg(tag, q(value), expected));
}

Result<bool> yesNo(const QString &tag, const QString &v)
{
    for (const auto *yes : {u"yes", u"y"})
        if (v.compare(QStringView(yes), Qt::CaseInsensitive) == 0)
            return true;
    for (const auto *no : {u"no", u"n"})
        if (v.compare(QStringView(no), Qt::CaseInsensitive) == 0)
            return false;
    return badValue(tag, v, NetshParser::tr("yes, no, y or n"));
}

Result<int> number(const QString &tag, const QString &v, int min, int max)
{
    bool ok = false;
    const int n = detail::isAllDigits(v) ? v.toInt(&ok) : 0;
    if (!ok || n < min || n > max)
        return badValue(tag, v, NetshParser::tr("a whole number from %1 to %2").arg(min).arg(max));
    return n;
}

Result<QString> oneOf(const QString &tag, const QString &v, const QStringList &choices)
{
    for (const QString &c : choices)
        if (v.compare(c, Qt::CaseInsensitive) == 0)
            return c;
    return badValue(tag, v, choices.join(u'|'));
}

Result<QList<SecurityMethod>> qmMethods(const QString &tag, const QString &v)
{
    QList<SecurityMethod> methods;
    for (const QString &word : v.split(u' ', Qt::SkipEmptyParts)) {
        auto m = IpsecCmdParser::parseSecurityMethod(word);
        if (!m)
            return Error::usage(u"%1=: %2"_s.arg(tag, m.error().message));
        methods << *m;
    }
    if (methods.isEmpty())
        return badValue(tag, v, NetshParser::tr("one or more methods such as ESP[3DES,SHA1]"));
    return methods;
}

Result<QStringList> mmMethods(const QString &tag, const QString &v)
{
    QStringList out;
    for (const QString &word : v.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList p = word.split(u'-');
        const bool ok =
            p.size() == 3 && QStringList{u"DES"_s, u"3DES"_s}.contains(p[0], Qt::CaseInsensitive)
            && QStringList{u"MD5"_s, u"SHA1"_s, u"SHA"_s}.contains(p[1], Qt::CaseInsensitive)
            && QStringList{u"1"_s, u"2"_s, u"3"_s}.contains(p[2]);
        if (!ok)
            return badValue(tag, word,
                            NetshParser::tr("ConfAlg-HashAlg-GroupNum such as 3DES-SHA1-2 "
                                            "(DES|3DES, MD5|SHA1, 1|2|3)"));
        out << word.toUpper();
    }
    if (out.isEmpty())
        return badValue(tag, v, NetshParser::tr("one or more methods such as 3DES-SHA1-2"));
    return out;
}

void addAuth(C &c, AuthMethod m)
{
    if (!c.authMethods)
        c.authMethods = QList<AuthMethod>{};
    c.authMethods->append(std::move(m));
}

// rootca="<CA DN> certmap:yes|no excludecaname:yes|no"; \' inside stands for a quote.
Result<void> rootCa(C &c, const QString &tag, const QString &v)
{
    QStringList words = v.split(u' ', Qt::SkipEmptyParts);
    while (!words.isEmpty()) {
        const QString &last = words.last();
        const qsizetype colon = last.indexOf(u':');
        const QString key = last.left(colon).toLower();
        if (colon < 0 || (key != u"certmap"_s && key != u"excludecaname"_s))
            break;
        if (auto b = yesNo(tag + u' ' + key, last.mid(colon + 1)); !b)
            return b.error();
        c.rootCaOptions.prepend(last);
        words.removeLast();
    }
    QString dn = words.join(u' ');
    dn.replace(u"\\'"_s, u"\""_s);
    if (dn.isEmpty())
        return badValue(tag, v, NetshParser::tr("the name of a root certification authority"));
    addAuth(c, AuthMethod{AuthMethod::Kind::Certificate, dn});
    return {};
}

const std::map<QString, Setter> &setters()
{
    static const std::map<QString, Setter> table = [] {
        std::map<QString, Setter> t;
        const auto text = [](std::optional<QString> C::*field) {
            return Setter([field](C &c, Pending &, const QString &, const QString &v) {
                c.*field = v;
                return Result<void>();
            });
        };
        const auto flag = [](std::optional<bool> C::*field) {
            return Setter([field](C &c, Pending &, const QString &tag, const QString &v) {
                auto b = yesNo(tag, v);
                if (!b)
                    return Result<void>(b.error());
                c.*field = *b;
                return Result<void>();
            });
        };
        const auto integer = [](std::optional<int> C::*field, int min, int max) {
            return Setter([=](C &c, Pending &, const QString &tag, const QString &v) {
                auto n = number(tag, v, min, max);
                if (!n)
                    return Result<void>(n.error());
                c.*field = *n;
                return Result<void>();
            });
        };
        const auto raw = [](std::optional<QString> Pending::*field) {
            return Setter([field](C &, Pending &p, const QString &, const QString &v) {
                p.*field = v;
                return Result<void>();
            });
        };
        const auto port = [](std::optional<quint16> C::*field) {
            return Setter([field](C &c, Pending &, const QString &tag, const QString &v) {
                auto n = number(tag, v, 0, 65535);
                if (!n)
                    return Result<void>(n.error());
                c.*field = quint16(*n);
                return Result<void>();
            });
        };
        const auto actionType = [](std::optional<FilterAction::Type> C::*field) {
            return Setter([field](C &c, Pending &, const QString &tag, const QString &v) {
                auto a = FilterAction::parseType(v);
                if (!a)
                    return Result<void>(badValue(tag, v, u"permit|block|negotiate"_s));
                c.*field = *a;
                return Result<void>();
            });
        };
        const auto unmodelled = [](std::optional<QString> C::*field) {
            return Setter([field](C &c, Pending &, const QString &tag, const QString &v) {
                if (field)
                    c.*field = v;
                c.unmodelledSettings << tag;
                return Result<void>();
            });
        };
        const auto display = [](const QStringList &choices) {
            return Setter([choices](C &c, Pending &, const QString &tag, const QString &v) {
                auto ok = oneOf(tag, v, choices);
                if (!ok)
                    return Result<void>(ok.error());
                c.displayOptions << tag + u'=' + ok->toLower();
                return Result<void>();
            });
        };

        t[u"name"_s] = text(&C::name);
        t[u"newname"_s] = text(&C::newName);
        t[u"description"_s] = text(&C::description);
        t[u"policy"_s] = text(&C::policy);
        t[u"filterlist"_s] = text(&C::filterList);
        t[u"filteraction"_s] = text(&C::filterAction);
        t[u"file"_s] = text(&C::file);
        t[u"domain"_s] = text(&C::domain);
        t[u"gponame"_s] = text(&C::gpoName);
        t[u"guid"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            if (QUuid::fromString(v).isNull())
                return badValue(tag, v,
                                NetshParser::tr("a GUID such as {01234567-89ab-cdef-0123-"
                                                "456789abcdef}"));
            c.guid = v;
            return {};
        };
        t[u"id"_s] = integer(&C::ruleId, 1, 1000000);
        t[u"assign"_s] = flag(&C::assign);
        t[u"activatedefaultrule"_s] = flag(&C::activateDefaultRule);
        t[u"pollinginterval"_s] = integer(&C::pollingMinutes, 1, 43200);
        t[u"mmpfs"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            auto b = yesNo(tag, v);
            if (!b)
                return b.error();
            c.mmPfs = *b;
            c.unmodelledSettings << tag;
            return {};
        };
        t[u"qmpermm"_s] = [](C &c, Pending &, const QString &tag,
                             const QString &v) -> Result<void> {
            auto n = number(tag, v, 0, 1000000);
            if (!n)
                return n.error();
            c.qmPerMm = *n;
            c.unmodelledSettings << tag;
            return {};
        };
        t[u"mmlifetime"_s] = [](C &c, Pending &, const QString &tag,
                                const QString &v) -> Result<void> {
            auto n = number(tag, v, 1, 1000000);
            if (!n)
                return n.error();
            c.mmLifetimeMinutes = *n;
            c.unmodelledSettings << tag;
            return {};
        };
        t[u"mmsecmethods"_s] = [](C &c, Pending &, const QString &tag,
                                  const QString &v) -> Result<void> {
            auto m = mmMethods(tag, v);
            if (!m)
                return m.error();
            c.mmSecMethods = *m;
            c.unmodelledSettings << tag;
            return {};
        };
        t[u"srcaddr"_s] = raw(&Pending::srcAddr);
        t[u"dstaddr"_s] = raw(&Pending::dstAddr);
        t[u"srcmask"_s] = raw(&Pending::srcMask);
        t[u"dstmask"_s] = raw(&Pending::dstMask);
        t[u"srcport"_s] = port(&C::sourcePort);
        t[u"dstport"_s] = port(&C::destinationPort);
        t[u"protocol"_s] = [](C &c, Pending &, const QString &tag,
                              const QString &v) -> Result<void> {
            auto p = Protocol::parse(v);
            if (!p)
                return badValue(tag, v,
                                NetshParser::tr("ANY, ICMP, TCP, UDP, RAW or a number "
                                                "0-255"));
            c.protocol = *p;
            return {};
        };
        t[u"mirrored"_s] = flag(&C::mirrored);
        t[u"action"_s] = actionType(&C::action);
        t[u"actioninbound"_s] = actionType(&C::actionInbound);
        t[u"actionoutbound"_s] = actionType(&C::actionOutbound);
        t[u"qmpfs"_s] = flag(&C::qmPfs);
        t[u"inpass"_s] = flag(&C::inPass);
        t[u"soft"_s] = flag(&C::soft);
        t[u"qmsecmethods"_s] = [](C &c, Pending &, const QString &tag,
                                  const QString &v) -> Result<void> {
            auto m = qmMethods(tag, v);
            if (!m)
                return m.error();
            c.qmSecMethods = *m;
            return {};
        };
        t[u"tunnel"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            auto a = Address::parse(v);
            if (!a || !(a->isHost() || a->isDnsName()))
                return badValue(tag, v,
                                NetshParser::tr("the IP address or DNS name of the "
                                                "tunnel endpoint"));
            c.tunnel = a->toString();
            return {};
        };
        t[u"tunneldstaddress"_s] = t[u"tunnel"_s];
        t[u"conntype"_s] = [](C &c, Pending &, const QString &tag,
                              const QString &v) -> Result<void> {
            auto kind = oneOf(tag, v, {u"lan"_s, u"dialup"_s, u"all"_s});
            if (!kind)
                return kind.error();
            c.connectionType = *kind == u"lan"_s      ? Rule::ConnectionType::Lan
                               : *kind == u"dialup"_s ? Rule::ConnectionType::Dialup
                                                      : Rule::ConnectionType::All;
            return {};
        };
        t[u"activate"_s] = flag(&C::activate);
        t[u"kerberos"_s] = [](C &c, Pending &, const QString &tag,
                              const QString &v) -> Result<void> {
            auto b = yesNo(tag, v);
            if (!b)
                return b.error();
            if (!c.authMethods)
                c.authMethods = QList<AuthMethod>{};
            if (*b)
                addAuth(c, AuthMethod{AuthMethod::Kind::Kerberos, {}});
            return {};
        };
        t[u"psk"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            if (v.isEmpty())
                return badValue(tag, v, NetshParser::tr("a non-empty preshared key"));
            addAuth(c, AuthMethod{AuthMethod::Kind::PresharedKey, v});
            return {};
        };
        t[u"rootca"_s] = [](C &c, Pending &, const QString &tag, const QString &v) {
            return rootCa(c, tag, v);
        };
        t[u"mmpolicy"_s] = unmodelled(&C::mmPolicy);
        t[u"qmpolicy"_s] = unmodelled(&C::qmPolicy);
        t[u"location"_s] = [](C &c, Pending &, const QString &tag,
                              const QString &v) -> Result<void> {
            auto l = oneOf(tag, v, {u"local"_s, u"domain"_s, u"persistent"_s});
            if (!l)
                return l.error();
            c.storeLocation = *l;
            return {};
        };
        t[u"mode"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            auto m = oneOf(tag, v, {u"enable"_s, u"disable"_s});
            if (!m)
                return m.error();
            c.batchMode = *m;
            return {};
        };
        t[u"level"_s] = display({u"verbose"_s, u"normal"_s});
        t[u"format"_s] = display({u"list"_s, u"table"_s});
        t[u"wide"_s] = display({u"yes"_s, u"no"_s});
        t[u"resolvedns"_s] = display({u"yes"_s, u"no"_s});
        t[u"type"_s] = display({u"tunnel"_s, u"transport"_s});
        return t;
    }();
    return table;
}

// The tags of one command, in netsh's documented (positional) order.
struct Grammar {
    QStringList tags;
    QStringList flags; // value-less words (show ... all)
};

using V = C::Verb;
using O = C::Object;

const QStringList kFilterTags{u"filterlist"_s, u"srcaddr"_s,  u"dstaddr"_s, u"description"_s,
                              u"protocol"_s,   u"mirrored"_s, u"srcmask"_s, u"dstmask"_s,
                              u"srcport"_s,    u"dstport"_s};
const QStringList kShowTags{u"name"_s, u"policy"_s,     u"level"_s, u"format"_s,
                            u"wide"_s, u"resolvedns"_s, u"type"_s};
const QStringList kDynamicRuleTags{
    u"srcaddr"_s,  u"dstaddr"_s,          u"mmpolicy"_s,       u"qmpolicy"_s,
    u"protocol"_s, u"srcport"_s,          u"dstport"_s,        u"mirrored"_s,
    u"conntype"_s, u"actioninbound"_s,    u"actionoutbound"_s, u"srcmask"_s,
    u"dstmask"_s,  u"tunneldstaddress"_s, u"kerberos"_s,       u"psk"_s,
    u"rootca"_s};

std::optional<Grammar> grammarOf(C::Context context, V verb, O object)
{
    if (context == C::Context::Dynamic) {
        if (verb == V::Show)
            return Grammar{{u"level"_s, u"format"_s, u"resolvedns"_s}, {}};
        if (verb == V::Delete && object == O::All)
            return Grammar{};
        if (object == O::Rule)
            return Grammar{kDynamicRuleTags, {}};
        return std::nullopt;
    }
    switch (verb) {
    case V::ExportPolicy:
    case V::ImportPolicy:
        return Grammar{{u"file"_s}, {}};
    case V::Show:
        return Grammar{kShowTags, {u"all"_s, u"default"_s}};
    case V::Add:
        switch (object) {
        case O::Policy:
            return Grammar{{u"name"_s, u"description"_s, u"mmpfs"_s, u"qmpermm"_s, u"mmlifetime"_s,
                            u"activatedefaultrule"_s, u"pollinginterval"_s, u"assign"_s,
                            u"mmsecmethods"_s},
                           {}};
        case O::FilterList:
            return Grammar{{u"name"_s, u"description"_s}, {}};
        case O::Filter:
            return Grammar{kFilterTags, {}};
        case O::FilterAction:
            return Grammar{{u"name"_s, u"description"_s, u"qmpfs"_s, u"inpass"_s, u"soft"_s,
                            u"action"_s, u"qmsecmethods"_s},
                           {}};
        case O::Rule:
            return Grammar{{u"name"_s, u"policy"_s, u"filterlist"_s, u"filteraction"_s, u"tunnel"_s,
                            u"conntype"_s, u"activate"_s, u"description"_s, u"kerberos"_s, u"psk"_s,
                            u"rootca"_s},
                           {}};
        default:
            return std::nullopt;
        }
    case V::Set:
        switch (object) {
        case O::Policy:
            return Grammar{{u"name"_s, u"guid"_s, u"newname"_s, u"description"_s, u"mmpfs"_s,
                            u"qmpermm"_s, u"mmlifetime"_s, u"activatedefaultrule"_s,
                            u"pollinginterval"_s, u"assign"_s, u"gponame"_s, u"mmsecmethods"_s},
                           {}};
        case O::FilterList:
            return Grammar{{u"name"_s, u"guid"_s, u"newname"_s, u"description"_s}, {}};
        case O::FilterAction:
            return Grammar{{u"name"_s, u"guid"_s, u"newname"_s, u"description"_s, u"qmpfs"_s,
                            u"inpass"_s, u"soft"_s, u"action"_s, u"qmsecmethods"_s},
                           {}};
        case O::Rule:
            return Grammar{{u"name"_s, u"id"_s, u"policy"_s, u"newname"_s, u"description"_s,
                            u"filterlist"_s, u"filteraction"_s, u"tunnel"_s, u"conntype"_s,
                            u"activate"_s, u"kerberos"_s, u"psk"_s, u"rootca"_s},
                           {}};
        case O::DefaultRule:
            return Grammar{{u"policy"_s, u"qmpfs"_s, u"activate"_s, u"qmsecmethods"_s,
                            u"kerberos"_s, u"psk"_s, u"rootca"_s},
                           {}};
        case O::Store:
            return Grammar{{u"location"_s, u"domain"_s}, {}};
        case O::Batch:
            return Grammar{{u"mode"_s}, {}};
        default:
            return std::nullopt;
        }
    case V::Delete:
        switch (object) {
        case O::Policy:
        case O::FilterList:
        case O::FilterAction:
            return Grammar{{u"name"_s, u"guid"_s}, {}};
        case O::Filter:
            return Grammar{{u"filterlist"_s, u"srcaddr"_s, u"dstaddr"_s, u"protocol"_s,
                            u"srcmask"_s, u"dstmask"_s, u"srcport"_s, u"dstport"_s, u"mirrored"_s},
                           {}};
        case O::Rule:
            return Grammar{{u"name"_s, u"id"_s, u"policy"_s}, {}};
        case O::All:
            return Grammar{};
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// Exact match first, then the unique prefix; errors name the candidates.
template <typename T>
Result<T> pick(const QString &word, const QList<std::pair<QString, T>> &choices,
               const QString &what)
{
    QStringList names;
    QList<T> hits;
    QStringList hitNames;
    for (const auto &[name, value] : choices) {
        names << name;
        if (word.compare(name, Qt::CaseInsensitive) == 0)
            return value;
        if (!word.isEmpty() && name.startsWith(word, Qt::CaseInsensitive)) {
            hits << value;
            hitNames << name;
        }
    }
    if (hits.size() == 1)
        return hits.first();
    if (hits.size() > 1)
        return Error::usage(NetshParser::tr("%1 %2 is ambiguous: it could be %3")
                                .arg(what, q(word), hitNames.join(u", "_s)));
    return Error::usage(
        NetshParser::tr("unknown %1 %2; expected %3").arg(what, q(word), names.join(u", "_s)));
}

Result<Address> combine(const QString &tag, const QString &addrText,
                        const std::optional<QString> &maskText)
{
    static const QStringList servers{u"WINS"_s, u"DNS"_s, u"DHCP"_s, u"GATEWAY"_s};
    if (servers.contains(addrText, Qt::CaseInsensitive))
        return Error::usage(NetshParser::tr("%1=%2: server types (WINS, DNS, DHCP, GATEWAY) are "
                                            "not supported here; give the server's address")
                                .arg(tag, addrText));
    if (addrText.isEmpty())
        return badValue(tag, addrText, NetshParser::tr("me, any, an IP address or a DNS name"));
    if (addrText == u"0.0.0.0"_s && maskText) {
        if (auto zero = Address::parseMask(*maskText, Address::Family::IPv4); zero && *zero == 0)
            return Address::any();
    }
    auto a = Address::parse(addrText);
    if (!a)
        return Error::usage(u"%1=%2: %3"_s.arg(tag, addrText, a.error().message));
    if (!maskText)
        return *a;
    const QString maskTag = tag.left(3) + u"mask"_s;
    auto prefix =
        Address::parseMask(*maskText, a->isIPv6() ? Address::Family::IPv6 : Address::Family::IPv4);
    if (!prefix)
        return Error::usage(u"%1=%2: %3"_s.arg(maskTag, *maskText, prefix.error().message));
    if (!a->isLiteral() || a->isSubnet()) {
        // me, any and DNS names take only the full mask (netsh writes it out); a subnet has one.
        const bool full = *prefix == (a->isIPv6() ? 128 : 32);
        if (full || (a->isAny() && *prefix == 0))
            return *a;
        return Error::usage(NetshParser::tr("%1=%2 takes no %3 (%4)")
                                .arg(tag, addrText, maskTag + u'=', *maskText));
    }
    auto s = Address::subnet(a->address(), *prefix);
    if (!s)
        return Error::usage(
            u"%1=%2 %3=%4: %5"_s.arg(tag, addrText, maskTag, *maskText, s.error().message));
    return *s;
}

// "tag = value" and "tag= value" and "tag =value" become "tag=value".
QStringList joinSpacedEquals(const QStringList &words)
{
    QStringList out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString w = words[i];
        if (w == u"="_s && !out.isEmpty() && !out.last().contains(u'=') && i + 1 < words.size()) {
            out.last() += u'=' + words[++i];
            continue;
        }
        if (w.startsWith(u'=') && w.size() > 1 && !out.isEmpty() && !out.last().contains(u'=')) {
            out.last() += w;
            continue;
        }
        if (w.endsWith(u'=') && w.count(u'=') == 1 && i + 1 < words.size()
            && !words[i + 1].contains(u'=')) {
            w += words[++i];
        }
        out << w;
    }
    return out;
}

} // namespace

Result<NetshCommand> NetshParser::parse(const QStringList &input)
{
    const QStringList words = joinSpacedEquals(input);
    NetshCommand c;
    c.text = words.join(u' ');
    qsizetype i = 0;
    const auto next = [&]() {
        return i < words.size() ? words[i++] : QString();
    };
    const auto missing = [&](const QString &what, const QString &choices) {
        return Error::usage(tr("%1 is missing after \"%2\"; expected %3")
                                .arg(what, words.mid(0, i).join(u' '), choices));
    };

    if (i >= words.size())
        return Error::usage(tr("empty command; expected \"ipsec static ...\" or \"ipsec dynamic "
                               "...\""));
    auto ctx = pick<int>(next(), {{u"ipsec"_s, 0}}, tr("context"));
    if (!ctx)
        return ctx.error();
    if (i >= words.size())
        return missing(tr("the context"), u"static, dynamic"_s);
    auto context = pick<C::Context>(
        next(), {{u"static"_s, C::Context::Static}, {u"dynamic"_s, C::Context::Dynamic}},
        tr("context"));
    if (!context)
        return context.error();
    c.context = *context;

    QList<std::pair<QString, V>> verbs{
        {u"add"_s, V::Add}, {u"set"_s, V::Set}, {u"delete"_s, V::Delete}, {u"show"_s, V::Show}};
    if (c.context == C::Context::Static)
        verbs << std::pair{u"exportpolicy"_s, V::ExportPolicy}
              << std::pair{u"importpolicy"_s, V::ImportPolicy};
    if (i >= words.size())
        return missing(tr("the command"), u"add, set, delete, show"_s);
    auto verb = pick<V>(next(), verbs, tr("command"));
    if (!verb)
        return verb.error();
    c.verb = *verb;

    if (c.verb != V::ExportPolicy && c.verb != V::ImportPolicy) {
        QList<std::pair<QString, O>> objects;
        if (c.context == C::Context::Static) {
            objects = {{u"policy"_s, O::Policy}, {u"filterlist"_s, O::FilterList},
                       {u"filter"_s, O::Filter}, {u"filteraction"_s, O::FilterAction},
                       {u"rule"_s, O::Rule},     {u"defaultrule"_s, O::DefaultRule},
                       {u"store"_s, O::Store},   {u"batch"_s, O::Batch},
                       {u"all"_s, O::All},       {u"gpoassignedpolicy"_s, O::GpoAssignedPolicy}};
        } else {
            objects = {{u"rule"_s, O::Rule},
                       {u"all"_s, O::All},
                       {u"mmpolicy"_s, O::MmPolicy},
                       {u"qmpolicy"_s, O::QmPolicy},
                       {u"config"_s, O::Config}};
            if (c.verb == V::Show)
                objects << std::pair{u"qmfilter"_s, O::Rule} << std::pair{u"mmfilter"_s, O::Rule}
                        << std::pair{u"stats"_s, O::All} << std::pair{u"mmsas"_s, O::All}
                        << std::pair{u"qmsas"_s, O::All};
        }
        QStringList names;
        for (const auto &o : objects)
            names << o.first;
        if (i >= words.size())
            return missing(tr("the object"), names.join(u", "_s));
        auto object = pick<O>(next(), objects, tr("object"));
        if (!object)
            return object.error();
        c.object = *object;
    }
    if (c.object == O::MmPolicy || c.object == O::QmPolicy || c.object == O::Config)
        return Error::usage(tr("\"dynamic ... %1\" is not supported: main-mode and quick-mode "
                               "policies and the IPsec driver settings belong to the IKE daemon, "
                               "which this program does not configure")
                                .arg(words[i - 1]));
    const auto grammar = grammarOf(c.context, c.verb, c.object);
    if (!grammar)
        return Error::usage(
            tr("\"%1\" is not a netsh ipsec command").arg(words.mid(0, i).join(u' ')));
    const QString commandName = words.mid(2, i - 2).join(u' ');

    QList<std::pair<QString, QString>> tagChoices;
    for (const QString &t : grammar->tags)
        tagChoices << std::pair{t, t};
    QStringList given;
    Pending pending;
    for (; i < words.size(); ++i) {
        const QString &w = words[i];
        QString tag;
        QString value;
        const qsizetype eq = w.indexOf(u'=');
        if (eq < 0) {
            if (grammar->flags.contains(w, Qt::CaseInsensitive)) {
                if (w.compare(u"all"_s, Qt::CaseInsensitive) == 0)
                    c.showAll = true;
                else
                    c.displayOptions << w.toLower();
                continue;
            }
            for (const QString &t : grammar->tags) {
                if (!given.contains(t)) {
                    tag = t;
                    break;
                }
            }
            if (tag.isEmpty())
                return Error::usage(
                    grammar->tags.isEmpty()
                        ? tr("\"%1\" takes no values, but %2 was given").arg(commandName, q(w))
                        : tr("unexpected value %1: every tag of \"%2\" is already given")
                              .arg(q(w), commandName));
            value = w;
        } else {
            if (eq == 0)
                return Error::usage(tr("%1 has no tag before '='").arg(q(w)));
            if (grammar->tags.isEmpty())
                return Error::usage(
                    tr("\"%1\" takes no tags, but %2 was given").arg(commandName, q(w)));
            auto t = pick<QString>(w.left(eq), tagChoices, tr("tag for \"%1\":").arg(commandName));
            if (!t)
                return t.error();
            tag = *t;
            value = w.mid(eq + 1);
        }
        if (given.contains(tag))
            return Error::usage(tr("%1= is given twice").arg(tag));
        given << tag;
        if (auto ok = setters().at(tag)(c, pending, tag, value); !ok)
            return ok.error();
    }

    if (pending.srcMask && !pending.srcAddr)
        return Error::usage(tr("srcmask= needs srcaddr="));
    if (pending.dstMask && !pending.dstAddr)
        return Error::usage(tr("dstmask= needs dstaddr="));
    if (pending.srcAddr) {
        auto a = combine(u"srcaddr"_s, *pending.srcAddr, pending.srcMask);
        if (!a)
            return a.error();
        c.source = *a;
    }
    if (pending.dstAddr) {
        auto a = combine(u"dstaddr"_s, *pending.dstAddr, pending.dstMask);
        if (!a)
            return a.error();
        c.destination = *a;
    }

    // Required tags.
    const auto require = [&](const QStringList &tags) -> Result<void> {
        for (const QString &t : tags)
            if (!given.contains(t))
                return Error::usage(tr("\"%1\" needs %2=").arg(commandName, t));
        return {};
    };
    const auto requireOne = [&](const QString &a, const QString &b) -> Result<void> {
        if (given.contains(a) && given.contains(b))
            return Error::usage(tr("\"%1\" takes %2= or %3=, not both").arg(commandName, a, b));
        if (!given.contains(a) && !given.contains(b))
            return Error::usage(tr("\"%1\" needs %2= or %3=").arg(commandName, a, b));
        return {};
    };
    Result<void> ok;
    if (c.context == C::Context::Dynamic) {
        if (c.verb != V::Show && c.object == O::Rule)
            ok = require({u"srcaddr"_s, u"dstaddr"_s});
        if (ok && c.verb == V::Set && c.object == O::Rule && !c.actionInbound && !c.actionOutbound)
            ok = Error::usage(tr("\"set rule\" changes actioninbound= or actionoutbound=; give "
                                 "at least one"));
    } else if (c.verb == V::ExportPolicy || c.verb == V::ImportPolicy) {
        ok = require({u"file"_s});
    } else if (c.verb == V::Add) {
        switch (c.object) {
        case O::Filter:
            ok = require({u"filterlist"_s, u"srcaddr"_s, u"dstaddr"_s});
            break;
        case O::Rule:
            ok = require({u"name"_s, u"policy"_s, u"filterlist"_s, u"filteraction"_s});
            break;
        default:
            ok = require({u"name"_s});
        }
    } else if (c.verb == V::Set || c.verb == V::Delete) {
        switch (c.object) {
        case O::Policy:
        case O::FilterList:
        case O::FilterAction:
            ok = requireOne(u"name"_s, u"guid"_s);
            break;
        case O::Rule:
            ok = requireOne(u"name"_s, u"id"_s);
            if (ok)
                ok = require({u"policy"_s});
            break;
        case O::DefaultRule:
            ok = require({u"policy"_s});
            break;
        case O::Filter:
            ok = require({u"filterlist"_s});
            break;
        case O::Store:
            ok = require({u"location"_s});
            break;
        case O::Batch:
            ok = require({u"mode"_s});
            break;
        default:
            break;
        }
    }
    if (!ok)
        return ok.error();
    // A filter to be added must make sense on its own (ports only with TCP or UDP, ...).
    const bool addsFilter =
        (c.verb == V::Add && c.object == O::Filter)
        || (c.context == C::Context::Dynamic && c.object == O::Rule && c.verb != V::Show);
    if (addsFilter) {
        Filter f;
        f.source = *c.source;
        f.destination = *c.destination;
        f.protocol = c.protocol.value_or(Protocol::any());
        f.sourcePort = c.sourcePort.value_or(0);
        f.destinationPort = c.destinationPort.value_or(0);
        if (const QStringList problems = f.validate(); !problems.isEmpty())
            return Error::usage(problems.join(u' '));
    }
    return c;
}

Result<QStringList> NetshParser::splitLine(QStringView line)
{
    // Rewrites cmd quoting into the POSIX-shell form splitCommandLine reads: outside quotes
    // \ ' # are escaped (ordinary characters for cmd), inside quotes \ is doubled and "" is an
    // escaped quote.
    QString posix;
    posix.reserve(line.size() + 16);
    bool quoted = false;
    const auto isQuote = [](QChar c) {
        return c == u'"' || c == QChar(0x201C) || c == QChar(0x201D);
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (isQuote(c)) {
            if (quoted && i + 1 < line.size() && line[i + 1] == u'"' && c == u'"') {
                posix += u"\\\""_s;
                ++i;
                continue;
            }
            quoted = !quoted;
            posix += c;
        } else if (c == u'\\') {
            posix += u"\\\\"_s;
        } else if (!quoted && (c == u'\'' || c == u'#')) {
            posix += u'\\';
            posix += c;
        } else if (!quoted && c == u'\n') {
            posix += u' ';
        } else {
            posix += c;
        }
    }
    QString error;
    QStringList words = IpsecCmdParser::splitCommandLine(posix, &error);
    if (!error.isEmpty())
        return Error::usage(error);
    return words;
}

QString NetshParser::quoteWord(const QString &word)
{
    bool plain = !word.isEmpty();
    for (const QChar c : word)
        plain = plain && !c.isSpace() && c != u'"' && c != QChar(0x201C) && c != QChar(0x201D);
    if (plain)
        return word;
    QString inner = word;
    inner.replace(u"\""_s, u"\"\""_s);
    return u'"' + inner + u'"';
}

QString NetshParser::usage()
{
    return tr("Usage: netsh [OPTIONS] ipsec static|dynamic COMMAND [tag=]value ...\n"
              "       netsh [OPTIONS] -c ipsec COMMAND ...\n"
              "       netsh [OPTIONS] -f SCRIPT      (a netsh script or a .cmd/.bat file of\n"
              "                                      netsh ipsec lines, run as one transaction)\n"
              "\n"
              "static (the persistent store):\n"
              "  add|set|delete policy       name= description= pollinginterval= (minutes)\n"
              "                              activatedefaultrule= assign=yes|no newname=\n"
              "  add|set|delete filterlist   name= description= newname=\n"
              "  add|delete filter           filterlist= srcaddr= dstaddr= protocol= srcport=\n"
              "                              dstport= srcmask= dstmask= mirrored= description=\n"
              "  add|set|delete filteraction name= action=permit|block|negotiate qmsecmethods=\n"
              "                              inpass= soft= qmpfs= description= newname=\n"
              "  add|set|delete rule         name=|id= policy= filterlist= filteraction=\n"
              "                              activate= tunnel= conntype= kerberos= psk= rootca=\n"
              "  set defaultrule             policy= activate= kerberos= psk= rootca=\n"
              "  set store location=local   set batch mode=enable|disable   delete all\n"
              "  show policy|filterlist|filteraction|rule|all|store|gpoassignedpolicy [name=] "
              "[all]\n"
              "  exportpolicy file=FILE      (.ipsec is added when FILE has no extension)\n"
              "  importpolicy file=FILE\n"
              "dynamic (the running policy, lost at reboot):\n"
              "  add|set|delete rule         srcaddr= dstaddr= protocol= srcport= dstport=\n"
              "                              mirrored= actioninbound= actionoutbound= srcmask= "
              "dstmask=\n"
              "  delete all                  show all|rule\n"
              "\n"
              "Addresses: me, any, an IP address (IPv4 or IPv6) or a DNS name; masks dotted or\n"
              "prefix lengths; port 0 means any port. Tags may be shortened (desc=, mirror=) or\n"
              "left out (values in the order above); yes|no|y|n.\n"
              "\n"
              "Options:\n"
              "  --store PATH   --netns NAME   --dry-run   --json (show)   --help   --version\n"
              "\n"
              "Exit status: 0 success, 2 usage error, 3 not found, 4 store error, 5 conflict,\n"
              "6 kernel error, 7 permission denied.\n");
}

} // namespace ipsec::syntax
