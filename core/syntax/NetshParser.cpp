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
#include "NetshGrammar.h"
#include "model/Filter.h"

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

using C = NetshCommand;
using V = C::Verb;
using O = C::Object;
using detail::badValue;
using detail::Pending;

QString q(const QString &s)
{
    return detail::quoted(s);
}

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
    if (addrText.compare(u"WINS"_s, Qt::CaseInsensitive) == 0)
        return Error::usage(NetshParser::tr("%1=%2: WINS servers are not supported (Linux has no "
                                            "WINS client to ask); give the server's address, or "
                                            "use DNS, DHCP or GATEWAY")
                                .arg(tag, addrText));
    if (const auto server = Address::serverKeyword(addrText)) {
        // Resolved from the system whenever the policy is applied (resolv.conf, the routing
        // table, DHCP leases); masks are the full host mask, as netsh writes them.
        if (maskText) {
            auto prefix = Address::parseMask(*maskText, Address::Family::IPv4);
            if (!prefix || *prefix != 32)
                return Error::usage(NetshParser::tr("%1=%2 takes no %3 (%4)")
                                        .arg(tag, addrText, tag.left(3) + u"mask="_s, *maskText));
        }
        return Address::server(*server);
    }
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
                        << std::pair{u"stats"_s, O::Stats} << std::pair{u"mmsas"_s, O::MmSas}
                        << std::pair{u"qmsas"_s, O::QmSas};
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
    const auto grammar = detail::grammarOf(c.context, c.verb, c.object);
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
                if (w.compare(u"all"_s, Qt::CaseInsensitive) == 0) {
                    c.showAll = true;
                    // delete rule all POLICY: the value that follows is the policy.
                    if (c.verb == V::Delete && c.object == O::Rule)
                        given << u"name"_s << u"id"_s;
                } else
                    c.displayOptions << w.toLower();
                continue;
            }
            for (const QString &t : grammar->tags) {
                // name= is taken by id= or rule= (show rule id=2 "Policy").
                const bool named =
                    t == u"name"_s && (given.contains(u"id"_s) || given.contains(u"rule"_s));
                if (!given.contains(t) && !named) {
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
        if (auto ok = detail::tagSetters().at(tag)(c, pending, tag, value); !ok)
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
    // As netsh documents it: when one end is a server type, the other end is this computer.
    const auto serverPeer = [&](const std::optional<Address> &server, std::optional<Address> &other,
                                const QString &otherTag) -> Result<void> {
        if (!server || !server->isServer() || !other || other->isMe())
            return {};
        if (!other->isAny())
            return Error::usage(tr("%1=%2: a filter with a server type runs between the server "
                                   "and this computer; give %3=me")
                                    .arg(otherTag == u"dstaddr"_s ? u"srcaddr"_s : u"dstaddr"_s,
                                         Address::serverKeywordOf(server->serverType()), otherTag));
        c.notes << tr("%1=any becomes %1=me: a filter with a server type runs between the server "
                      "and this computer, as on Windows.")
                       .arg(otherTag);
        other = Address::me();
        return {};
    };
    if (auto ok = serverPeer(c.source, c.destination, u"dstaddr"_s); !ok)
        return ok.error();
    if (auto ok = serverPeer(c.destination, c.source, u"srcaddr"_s); !ok)
        return ok.error();

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
        const bool ikePolicy = c.object == O::MmPolicy || c.object == O::QmPolicy;
        // Stored in the dynamic store (engine::DynamicIke): nothing here is "not modelled".
        if (ikePolicy)
            c.unmodelledSettings.clear();
        if (c.verb != V::Show && c.object == O::Rule)
            ok = require({u"srcaddr"_s, u"dstaddr"_s});
        else if (ikePolicy && (c.verb == V::Add || c.verb == V::Set))
            ok = require({u"name"_s});
        else if (ikePolicy && c.verb == V::Delete && !c.showAll)
            ok = require({u"name"_s});
        else if (c.object == O::Config && c.verb == V::Set)
            ok = require({u"property"_s, u"value"_s});
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
            ok = c.showAll ? Result<void>() : requireOne(u"name"_s, u"guid"_s);
            break;
        case O::Rule:
            ok = c.showAll ? Result<void>() : requireOne(u"name"_s, u"id"_s);
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
    } else if (c.verb == V::Show) {
        // show rule id=N counts the rules of one policy; show filterlist rule=NAME shows the
        // list of that rule (netsh's syntax, reference windows-ipsec.md §2.1).
        if (given.contains(u"id"_s) && c.object != O::Rule)
            ok = Error::usage(tr("\"%1\": id= belongs to \"show rule\"").arg(commandName));
        else if (given.contains(u"rule"_s) && c.object != O::FilterList)
            ok = Error::usage(tr("\"%1\": rule= belongs to \"show filterlist\"").arg(commandName));
        else if (given.contains(u"id"_s) && given.contains(u"name"_s))
            ok = Error::usage(tr("\"%1\" takes name= or id=, not both").arg(commandName));
        else if (given.contains(u"rule"_s) && given.contains(u"name"_s))
            ok = Error::usage(tr("\"%1\" takes name= or rule=, not both").arg(commandName));
        else if (c.ruleId)
            ok = require({u"policy"_s});
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
    // \ ' # are escaped (ordinary characters for cmd), inside quotes \ is doubled and "" or
    // netsh's \' is an escaped quote.
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
        } else if (c == u'\\' && quoted && i + 1 < line.size() && line[i + 1] == u'\'') {
            // netsh's own escape of a quote inside a quoted value (rootca="CN=\'A\'").
            posix += u"\\\""_s;
            ++i;
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

} // namespace ipsec::syntax
