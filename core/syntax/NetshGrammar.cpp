// The tag tables of the netsh ipsec grammar: which tags each command takes, in netsh's
// documented (positional) order, and how each tag's value is read and checked.

#include "NetshGrammar.h"
#include "IpsecCmd.h"
#include "SyntaxHelpers.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace ipsec::syntax::detail {

QString quoted(const QString &s)
{
    return u'"' + s + u'"';
}

Error badValue(const QString &tag, const QString &value, const QString &expected)
{
    return Error::usage(NetshParser::tr("%1=%2: expected %3").arg(tag, quoted(value), expected));
}

namespace {

using C = NetshCommand;

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

} // namespace

const std::map<QString, Setter> &tagSetters()
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
        t[u"id"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            // show rule id=all: every rule of the policy, as netsh documents it.
            if (c.verb == C::Verb::Show && v.compare(u"all"_s, Qt::CaseInsensitive) == 0) {
                c.showAll = true;
                return {};
            }
            auto n = number(tag, v, 1, 1000000);
            if (!n)
                return n.error();
            c.ruleId = *n;
            return {};
        };
        t[u"rule"_s] = text(&C::ruleName);
        t[u"assign"_s] = flag(&C::assign);
        t[u"activatedefaultrule"_s] = flag(&C::activateDefaultRule);
        t[u"pollinginterval"_s] = integer(&C::pollingMinutes, 1, 43200);
        t[u"mmpfs"_s] = [](C &c, Pending &, const QString &tag, const QString &v) -> Result<void> {
            auto b = yesNo(tag, v);
            if (!b)
                return b.error();
            c.mmPfs = *b;
            return {};
        };
        t[u"qmpermm"_s] = [](C &c, Pending &, const QString &tag,
                             const QString &v) -> Result<void> {
            auto n = number(tag, v, 0, 1000000);
            if (!n)
                return n.error();
            c.qmPerMm = *n;
            return {};
        };
        t[u"mmlifetime"_s] = [](C &c, Pending &, const QString &tag,
                                const QString &v) -> Result<void> {
            auto n = number(tag, v, 1, 1000000);
            if (!n)
                return n.error();
            c.mmLifetimeMinutes = *n;
            return {};
        };
        t[u"mmsecmethods"_s] = [](C &c, Pending &, const QString &tag,
                                  const QString &v) -> Result<void> {
            auto m = mmMethods(tag, v);
            if (!m)
                return m.error();
            c.mmSecMethods = *m;
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
        t[u"mmpolicy"_s] = text(&C::mmPolicy);
        t[u"qmpolicy"_s] = text(&C::qmPolicy);
        t[u"softsaexpirationtime"_s] = integer(&C::softSaExpirationSeconds, 0, 172800);
        t[u"default"_s] = flag(&C::isDefault);
        t[u"pfsgroup"_s] = [](C &c, Pending &, const QString &tag,
                              const QString &v) -> Result<void> {
            auto g = oneOf(tag, v, {u"GRP1"_s, u"GRP2"_s, u"GRP3"_s, u"GRPMM"_s, u"NOPFS"_s});
            if (!g)
                return g.error();
            c.pfsGroup = *g;
            return {};
        };
        t[u"property"_s] = [](C &c, Pending &, const QString &tag,
                              const QString &v) -> Result<void> {
            auto p = oneOf(tag, v,
                           {u"ipsecdiagnostics"_s, u"ikelogging"_s, u"strongcrlcheck"_s,
                            u"ipsecloginterval"_s, u"ipsecexempt"_s, u"bootmode"_s,
                            u"bootexemptions"_s});
            if (!p)
                return p.error();
            c.configProperty = *p;
            return {};
        };
        t[u"value"_s] = text(&C::configValue);
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

namespace {

using V = C::Verb;
using O = C::Object;

const QStringList kFilterTags{u"filterlist"_s, u"srcaddr"_s,  u"dstaddr"_s, u"description"_s,
                              u"protocol"_s,   u"mirrored"_s, u"srcmask"_s, u"dstmask"_s,
                              u"srcport"_s,    u"dstport"_s};
const QStringList kShowTags{u"name"_s,       u"policy"_s, u"level"_s, u"format"_s, u"wide"_s,
                            u"resolvedns"_s, u"type"_s,   u"id"_s,    u"rule"_s};
const QStringList kDynamicRuleTags{
    u"srcaddr"_s,  u"dstaddr"_s,          u"mmpolicy"_s,       u"qmpolicy"_s,
    u"protocol"_s, u"srcport"_s,          u"dstport"_s,        u"mirrored"_s,
    u"conntype"_s, u"actioninbound"_s,    u"actionoutbound"_s, u"srcmask"_s,
    u"dstmask"_s,  u"tunneldstaddress"_s, u"kerberos"_s,       u"psk"_s,
    u"rootca"_s};

} // namespace

std::optional<Grammar> grammarOf(C::Context context, C::Verb verb, C::Object object)
{
    if (context == C::Context::Dynamic) {
        if (verb == V::Show && (object == O::MmPolicy || object == O::QmPolicy))
            return Grammar{{u"name"_s, u"level"_s, u"format"_s}, {u"all"_s}};
        if (verb == V::Show)
            return Grammar{{u"level"_s, u"format"_s, u"resolvedns"_s}, {u"all"_s}};
        if (verb == V::Delete && object == O::All)
            return Grammar{};
        if (object == O::Rule)
            return Grammar{kDynamicRuleTags, {}};
        if (verb == V::Delete && (object == O::MmPolicy || object == O::QmPolicy))
            return Grammar{{u"name"_s}, {u"all"_s}};
        if (object == O::MmPolicy)
            return Grammar{{u"name"_s, u"qmpermm"_s, u"mmlifetime"_s, u"softsaexpirationtime"_s,
                            u"mmsecmethods"_s, u"default"_s},
                           {}};
        if (object == O::QmPolicy)
            return Grammar{
                {u"name"_s, u"soft"_s, u"pfsgroup"_s, u"qmsecmethods"_s, u"inpass"_s, u"default"_s},
                {}};
        if (object == O::Config && verb == V::Set)
            return Grammar{{u"property"_s, u"value"_s}, {}};
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
            return Grammar{{u"name"_s, u"guid"_s}, {u"all"_s}};
        case O::Filter:
            return Grammar{{u"filterlist"_s, u"srcaddr"_s, u"dstaddr"_s, u"protocol"_s,
                            u"srcmask"_s, u"dstmask"_s, u"srcport"_s, u"dstport"_s, u"mirrored"_s},
                           {}};
        case O::Rule:
            return Grammar{{u"name"_s, u"id"_s, u"policy"_s}, {u"all"_s}};
        case O::All:
            return Grammar{};
        default:
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// Exact match first, then the unique prefix; errors name the candidates.

} // namespace ipsec::syntax::detail
