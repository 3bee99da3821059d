// IpsecCmdParser::parse: the ipsecpol/ipseccmd command line (reference windows-ipsec.md §1.3).
//
// Rules beyond the documentation, chosen to reject mistakes early:
// - Flags are matched in any case and order; '-' may be typed as – — or −.
// - Single-value flags (-w -p -t -1k -1e) may appear once; -r and the list flags (-f -a -1s
//   -1f) may repeat and accumulate; -n takes one list.
// - List flags take every following word up to the next word that starts with a dash (or a
//   backslash, so a misplaced \\computer gets its own message).
// - -p -r -x -y -o only work in static mode (-w); -confirm and [ ]/( ) filter wraps only in
//   dynamic mode; -u and "show" stand alone (besides \\computer).
// - -f is required unless -u, -x, -y, -o, show or -? is given.

#include "IpsecCmd.h"
#include "SyntaxHelpers.h"

#include "model/Policy.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

using detail::isAllDigits;
using detail::isDash;

enum class Flag {
    Help,
    Store,
    Policy,
    Rule,
    Filters,
    Negotiate,
    Tunnel,
    Auth,
    Soft,
    Lan,
    Dialup,
    MmMethods,
    MmRekey,
    MmPfs,
    MmFilters,
    SoftExpiry,
    Confirm,
    Assign,
    Unassign,
    Delete,
    DeleteDynamic
};
enum class Arity { None, One, List };

struct FlagInfo {
    QStringView name;
    Flag flag;
    Arity arity;
    const char *value; // what the value is, for "needs a value" messages
};

#define IPSEC_VALUE(text) QT_TRANSLATE_NOOP("ipsec::syntax::IpsecCmdParser", text)
constexpr FlagInfo flagTable[] = {
    {u"-?", Flag::Help, Arity::None, nullptr},
    {u"-w", Flag::Store, Arity::One, IPSEC_VALUE("REG or DS[:domain]")},
    {u"-p", Flag::Policy, Arity::One, IPSEC_VALUE("a policy name, optionally with :POLL minutes")},
    {u"-r", Flag::Rule, Arity::One, IPSEC_VALUE("a rule name")},
    {u"-f", Flag::Filters, Arity::List, IPSEC_VALUE("filter specs such as *=0:1434:UDP")},
    {u"-n", Flag::Negotiate, Arity::List,
     IPSEC_VALUE("BLOCK, PASS, INPASS or security methods such as ESP[3DES,SHA]")},
    {u"-t", Flag::Tunnel, Arity::One, IPSEC_VALUE("the tunnel endpoint address or DNS name")},
    {u"-a", Flag::Auth, Arity::List, IPSEC_VALUE("KERBEROS, PRESHARE:\"key\" or CERT:\"CA name\"")},
    {u"-soft", Flag::Soft, Arity::None, nullptr},
    {u"-lan", Flag::Lan, Arity::None, nullptr},
    {u"-dialup", Flag::Dialup, Arity::None, nullptr},
    {u"-1s", Flag::MmMethods, Arity::List, IPSEC_VALUE("main-mode methods such as 3DES-SHA-2")},
    {u"-1k", Flag::MmRekey, Arity::One, IPSEC_VALUE("rekey limits such as 10Q/3600S")},
    {u"-1p", Flag::MmPfs, Arity::None, nullptr},
    {u"-1f", Flag::MmFilters, Arity::List, IPSEC_VALUE("main-mode filters such as 0+*")},
    {u"-1e", Flag::SoftExpiry, Arity::One, IPSEC_VALUE("the soft-SA expiry in seconds")},
    {u"-confirm", Flag::Confirm, Arity::None, nullptr},
    {u"-x", Flag::Assign, Arity::None, nullptr},
    {u"-y", Flag::Unassign, Arity::None, nullptr},
    {u"-o", Flag::Delete, Arity::None, nullptr},
    {u"-u", Flag::DeleteDynamic, Arity::None, nullptr},
};
#undef IPSEC_VALUE

bool isFlagLike(QStringView word)
{
    return word.size() >= 2 && isDash(word[0]);
}

const FlagInfo *lookupFlag(QStringView word)
{
    if (!isFlagLike(word))
        return nullptr;
    for (const FlagInfo &info : flagTable)
        if (word.mid(1).compare(info.name.mid(1), Qt::CaseInsensitive) == 0)
            return &info;
    return nullptr;
}

QString validFlags()
{
    QStringList names;
    for (const FlagInfo &info : flagTable)
        names << info.name.toString();
    return names.join(u' ');
}

const QStringList &showKeywords()
{
    static const QStringList words{u"filters"_s, u"policies"_s, u"auth"_s,
                                   u"stats"_s,   u"sas"_s,      u"all"_s};
    return words;
}

class CommandParser {
public:
    explicit CommandParser(const QStringList &args)
        : m_args(args)
    {
    }
    Result<IpsecCmdCommand> run();

private:
    Result<void> parseWords();
    Result<void> handle(const FlagInfo &info, const QStringList &values);
    Result<void> parseStore(const QString &value);
    Result<void> parsePolicy(const QString &value);
    Result<void> checkCombination() const;
    void notePlaceholder(QStringView flag, const QString &name);
    bool seen(Flag f) const { return m_seen.contains(f); }

    const QStringList &m_args;
    IpsecCmdCommand m_cmd;
    QList<Flag> m_seen; // in command-line order
    bool m_query = false;
    // Template names pasted from KB 813878 ("Block ProtocolPortNumber Filter"). Reported
    // together with any other error, so the article's typo hint is never hidden behind them.
    QStringList m_placeholders;
};

Result<IpsecCmdCommand> CommandParser::run()
{
    if (m_args.isEmpty())
        return Error::usage(IpsecCmdParser::tr("no arguments given.") + u'\n'
                            + IpsecCmdParser::usage());
    auto r = parseWords();
    if (r)
        r = checkCombination();
    if (!r && !m_placeholders.isEmpty())
        return Error::usage(r.error().message + u'\n' + m_placeholders.join(u'\n'));
    if (!m_placeholders.isEmpty())
        return Error::usage(m_placeholders.join(u'\n'));
    if (!r)
        return r.error();
    return m_cmd;
}

void CommandParser::notePlaceholder(QStringView flag, const QString &name)
{
    if (name.contains(u"ProtocolPortNumber"))
        m_placeholders << IpsecCmdParser::tr(
                              "%1 \"%2\": ProtocolPortNumber is a placeholder: put the protocol "
                              "and port, as in \"Block UDP 1434 Filter\"")
                              .arg(flag, name);
    else if (name.compare(u"Existing_IPSec_Policy_Name", Qt::CaseInsensitive) == 0)
        m_placeholders << IpsecCmdParser::tr(
                              "%1 \"%2\": Existing_IPSec_Policy_Name is a placeholder: put the "
                              "name of the assigned policy (netdiag /test:ipsec shows it)")
                              .arg(flag, name);
}

Result<void> CommandParser::parseWords()
{
    qsizetype i = 0;
    if (m_args[0].startsWith(u'\\')) {
        // \\name as typed on Windows; a POSIX shell leaves \name of an unquoted \\name.
        const QString name = m_args[0].mid(m_args[0].startsWith(u"\\\\") ? 2 : 1);
        if (name.isEmpty() || name.contains(u'\\') || name.contains(u' '))
            return Error::usage(
                IpsecCmdParser::tr("\"%1\" is not a computer name: expected \\\\name")
                    .arg(m_args[0]));
        m_cmd.computer = name;
        ++i;
    }
    bool afterValue = false; // the previous word was the value of -w -p -r -t -1k or -1e
    while (i < m_args.size()) {
        const QString &word = m_args[i++];
        if (word.startsWith(u'\\'))
            return Error::usage(
                IpsecCmdParser::tr("\"%1\": \\\\computer must be the first argument").arg(word));
        if (!isFlagLike(word)) {
            if (word.compare(u"show", Qt::CaseInsensitive) != 0) {
                if (afterValue)
                    return Error::usage(
                        IpsecCmdParser::tr("unexpected argument \"%1\" after %2 \"%3\"; quote "
                                           "values that contain spaces, e.g. %2 \"%3 %1\"")
                            .arg(word, m_args[i - 3], m_args[i - 2]));
                if (word.startsWith(u'/'))
                    return Error::usage(
                        IpsecCmdParser::tr(
                            "unexpected argument \"%1\": flags start with '-', as in -%2")
                            .arg(word, word.mid(1)));
                return Error::usage(IpsecCmdParser::tr("unexpected argument \"%1\"").arg(word));
            }
            if (m_query)
                return Error::usage(IpsecCmdParser::tr("\"show\" is given twice"));
            m_query = true;
            const qsizetype start = i;
            for (; i < m_args.size() && !isFlagLike(m_args[i]); ++i) {
                const QString k = m_args[i].toLower();
                if (!showKeywords().contains(k))
                    return Error::usage(
                        IpsecCmdParser::tr("\"%1\" is not a show keyword: expected %2")
                            .arg(m_args[i], showKeywords().join(u", "_s)));
                m_cmd.show << k;
            }
            if (i == start)
                return Error::usage(IpsecCmdParser::tr("show needs one or more of: %1")
                                        .arg(showKeywords().join(u' ')));
            continue;
        }
        const FlagInfo *info = lookupFlag(word);
        if (!info)
            return Error::usage(
                IpsecCmdParser::tr("unknown flag \"%1\"; valid flags are %2, and show KEYWORDS")
                    .arg(word, validFlags()));
        QStringList values;
        if (info->arity == Arity::One) {
            if (i == m_args.size() || lookupFlag(m_args[i]))
                return Error::usage(IpsecCmdParser::tr("%1 needs a value: %2")
                                        .arg(info->name, IpsecCmdParser::tr(info->value)));
            values << m_args[i++];
        } else if (info->arity == Arity::List) {
            while (i < m_args.size() && !isFlagLike(m_args[i]) && !m_args[i].startsWith(u'\\'))
                values << m_args[i++];
            if (values.isEmpty())
                return Error::usage(IpsecCmdParser::tr("%1 needs one or more values: %2")
                                        .arg(info->name, IpsecCmdParser::tr(info->value)));
        }
        afterValue = info->arity == Arity::One;
        if ((info->arity == Arity::One && info->flag != Flag::Rule)
            || info->flag == Flag::Negotiate) {
            if (seen(info->flag))
                return Error::usage(IpsecCmdParser::tr("%1 is given twice").arg(info->name));
        }
        m_seen << info->flag;
        if (auto r = handle(*info, values); !r)
            return r.error();
    }
    return {};
}

Result<void> CommandParser::parseStore(const QString &value)
{
    const qsizetype colon = value.indexOf(u':');
    const QString type = value.left(colon < 0 ? value.size() : colon).toUpper();
    const QString domain = colon < 0 ? QString() : value.mid(colon + 1);
    if (type != u"REG" && type != u"DS")
        return Error::usage(IpsecCmdParser::tr("-w \"%1\": expected REG (local registry store) or "
                                               "DS[:domain] (directory store)")
                                .arg(value));
    if (colon >= 0 && (type == u"REG" || domain.trimmed().isEmpty()))
        return Error::usage(IpsecCmdParser::tr("-w \"%1\": only DS takes a domain, and it may not "
                                               "be empty, as in -w DS:example.com")
                                .arg(value));
    m_cmd.staticMode = true;
    m_cmd.storeType = type;
    m_cmd.storeDomain = domain;
    return {};
}

// name[:poll] where poll is the all-digit part after the last ':' (names may contain ':').
Result<void> CommandParser::parsePolicy(const QString &value)
{
    QString name = value;
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon >= 0 && isAllDigits(QStringView(value).mid(colon + 1))) {
        name = value.left(colon);
        bool ok = false;
        const int poll = QStringView(value).mid(colon + 1).toInt(&ok);
        if (!ok || poll < 1 || poll > 43200)
            return Error::usage(IpsecCmdParser::tr("-p \"%1\": the polling interval %2 is out of "
                                                   "range (1-43200 minutes)")
                                    .arg(value, value.mid(colon + 1)));
        m_cmd.pollingMinutes = poll;
    }
    if (const QString problem = validateName(name, QT_TRANSLATE_NOOP("ipsec::Names", "policy"));
        !problem.isEmpty())
        return Error::usage(u"-p: "_s + problem);
    m_cmd.policyName = name;
    notePlaceholder(u"-p", name);
    return {};
}

// Words of one -f list that the shell split at blanks after ':' ("*=0: 1434: UDP").
QString joinedSplitSpec(const QStringList &values, qsizetype bad)
{
    qsizetype first = bad;
    while (first > 0 && values[first - 1].endsWith(u':'))
        --first;
    qsizetype last = bad;
    while (last + 1 < values.size() && values[last].endsWith(u':'))
        ++last;
    if (first == last)
        return {};
    return values.mid(first, last - first + 1).join(QString());
}

Result<void> CommandParser::handle(const FlagInfo &info, const QStringList &values)
{
    const QString value = values.value(0);
    switch (info.flag) {
    case Flag::Help:
        m_cmd.help = true;
        return {};
    case Flag::Store:
        return parseStore(value);
    case Flag::Policy:
        return parsePolicy(value);
    case Flag::Rule:
        if (const QString problem = validateName(value, QT_TRANSLATE_NOOP("ipsec::Names", "rule"));
            !problem.isEmpty())
            return Error::usage(u"-r: "_s + problem);
        m_cmd.ruleNames << value;
        notePlaceholder(u"-r", value);
        return {};
    case Flag::Filters:
        for (qsizetype k = 0; k < values.size(); ++k) {
            auto spec = IpsecCmdParser::parseFilterSpec(values[k]);
            if (!spec) {
                const QString joined = joinedSplitSpec(values, k);
                if (joined.isEmpty())
                    return spec.error();
                return Error::usage(
                    spec.error().message
                    + IpsecCmdParser::tr("; a filter spec contains no blanks: did you mean "
                                         "\"%1\"?")
                          .arg(joined));
            }
            m_cmd.filters << *spec;
        }
        return {};
    case Flag::Negotiate: {
        auto n = IpsecCmdParser::parseNegotiation(values);
        if (!n)
            return n.error();
        m_cmd.negotiation = *n;
        return {};
    }
    case Flag::Tunnel: {
        const auto a = Address::parse(value);
        if (!a || !(a->isHost() || a->isDnsName()))
            return Error::usage(
                IpsecCmdParser::tr("-t \"%1\": expected the tunnel endpoint as one IP address "
                                   "or a DNS name")
                    .arg(value));
        m_cmd.tunnel = value;
        return {};
    }
    case Flag::Auth:
        for (const QString &v : values) {
            auto a = AuthMethod::parse(v);
            if (!a)
                return Error::usage(u"-a: "_s + a.error().message);
            m_cmd.authMethods << *a;
        }
        return {};
    case Flag::Soft:
        m_cmd.soft = true;
        return {};
    case Flag::Lan:
    case Flag::Dialup: {
        const auto type =
            info.flag == Flag::Lan ? Rule::ConnectionType::Lan : Rule::ConnectionType::Dialup;
        if (m_cmd.connectionType != Rule::ConnectionType::All && m_cmd.connectionType != type)
            return Error::usage(IpsecCmdParser::tr("-lan and -dialup exclude each other"));
        m_cmd.connectionType = type;
        return {};
    }
    case Flag::MmMethods: {
        static const QRegularExpression re(u"^(DES|3DES)-(MD5|SHA|SHA1)-([123])$"_s,
                                           QRegularExpression::CaseInsensitiveOption);
        for (const QString &v : values) {
            if (!re.match(v).hasMatch())
                return Error::usage(
                    IpsecCmdParser::tr("-1s \"%1\": expected ConfAlg-HashAlg-Group such as "
                                       "3DES-SHA-2 (DES|3DES, MD5|SHA, group 1|2|3)")
                        .arg(v));
            m_cmd.mainModeMethods << v.toUpper();
        }
        return {};
    }
    case Flag::MmRekey: {
        static const QRegularExpression re(
            u"^([1-9][0-9]{0,8})([QS])(?:/([1-9][0-9]{0,8})([QS]))?$"_s,
            QRegularExpression::CaseInsensitiveOption);
        const auto m = re.match(value);
        if (!m.hasMatch()
            || (m.hasCaptured(4) && m.captured(2).toUpper() == m.captured(4).toUpper()))
            return Error::usage(
                IpsecCmdParser::tr("-1k \"%1\": expected NQ (quick modes), NS (seconds) or "
                                   "NQ/NS, as in 10Q/3600S")
                    .arg(value));
        m_cmd.mainModeRekey = value.toUpper();
        return {};
    }
    case Flag::MmPfs:
        m_cmd.mainModePfs = true;
        return {};
    case Flag::MmFilters:
        for (const QString &v : values) {
            auto spec = IpsecCmdParser::parseFilterSpec(v);
            if (!spec)
                return Error::usage(u"-1f: "_s + spec.error().message);
            const Filter &f = spec->filter;
            if (spec->wrap != FilterSpec::Wrap::None || f.sourcePort || f.destinationPort
                || !f.protocol.isAny())
                return Error::usage(
                    IpsecCmdParser::tr("-1f \"%1\": main-mode filters name addresses only, "
                                       "as in 0+*, without ports, protocol or [ ]/( )")
                        .arg(v));
            m_cmd.mainModeFilters << IpsecCmdPrinter::filterSpec(*spec);
        }
        return {};
    case Flag::SoftExpiry: {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!isAllDigits(value) || !ok || seconds < 1)
            return Error::usage(
                IpsecCmdParser::tr(
                    "-1e \"%1\": expected the soft-SA expiry in seconds, such as 300")
                    .arg(value));
        m_cmd.softSaExpirySeconds = seconds;
        return {};
    }
    case Flag::Confirm:
        m_cmd.confirm = true;
        return {};
    case Flag::Assign:
        m_cmd.assign = true;
        return {};
    case Flag::Unassign:
        m_cmd.unassign = true;
        return {};
    case Flag::Delete:
        m_cmd.remove = true;
        return {};
    case Flag::DeleteDynamic:
        m_cmd.deleteDynamic = true;
        return {};
    }
    return {};
}

Result<void> CommandParser::checkCombination() const
{
    const auto name = [](Flag f) {
        for (const FlagInfo &info : flagTable)
            if (info.flag == f)
                return info.name.toString();
        return QString();
    };
    if (m_cmd.help)
        return {};
    if (m_query) {
        if (!m_seen.isEmpty())
            return Error::usage(
                IpsecCmdParser::tr("show cannot be combined with %1; only \\\\computer may "
                                   "precede it")
                    .arg(name(m_seen.first())));
        return {};
    }
    if (m_cmd.deleteDynamic) {
        for (const Flag f : m_seen)
            if (f != Flag::DeleteDynamic)
                return Error::usage(
                    IpsecCmdParser::tr(
                        "-u deletes all dynamic policy and takes no other flag (found %1)")
                        .arg(name(f)));
        return {};
    }
    if (!m_cmd.staticMode) {
        for (const Flag f : m_seen)
            if (f == Flag::Policy || f == Flag::Rule || f == Flag::Assign || f == Flag::Unassign
                || f == Flag::Delete)
                return Error::usage(
                    IpsecCmdParser::tr("%1 needs static mode: add -w REG").arg(name(f)));
    } else {
        if (m_cmd.confirm)
            return Error::usage(
                IpsecCmdParser::tr("-confirm works in dynamic mode only; drop it or drop -w"));
        for (const FilterSpec &spec : m_cmd.filters)
            if (spec.wrap != FilterSpec::Wrap::None)
                return Error::usage(
                    IpsecCmdParser::tr(
                        "filter \"%1\": [ ] and ( ) are dynamic-mode shortcuts; with -w write "
                        "the filter bare and give -n BLOCK or -n PASS")
                        .arg(IpsecCmdPrinter::filterSpec(spec)));
    }
    if (m_cmd.assign && m_cmd.unassign)
        return Error::usage(
            IpsecCmdParser::tr("-x (assign) and -y (unassign) contradict each other"));
    if (m_cmd.assign && m_cmd.remove)
        return Error::usage(
            IpsecCmdParser::tr("-x (assign) and -o (delete) contradict each other"));
    if (m_cmd.filters.isEmpty() && !m_cmd.assign && !m_cmd.unassign && !m_cmd.remove)
        return Error::usage(
            IpsecCmdParser::tr("-f FILTERS is required unless -u, -x, -y, -o or show is "
                               "given, e.g. -f *=0:1434:UDP"));
    return {};
}

} // namespace

Result<IpsecCmdCommand> IpsecCmdParser::parse(const QStringList &args)
{
    return CommandParser(args).run();
}

QString IpsecCmdParser::usage()
{
    return tr("usage: ipseccmd [\\\\computer] -f FILTER... [-n BLOCK|PASS|INPASS|METHOD...] "
              "[-t TUNNEL] [-a AUTH...] [-soft] [-lan|-dialup] [-1s MMMETHOD...] [-1k REKEY] "
              "[-1p] [-1f MMFILTER...] [-1e SECONDS] [-confirm]\n"
              "       static: -w REG|DS[:domain] [-p POLICY[:POLL]] [-r RULE]... [-x] [-y] [-o]\n"
              "       ipseccmd -u\n"
              "       ipseccmd [\\\\computer] show filters|policies|auth|stats|sas|all...\n"
              "FILTER is SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTOCOL], e.g. *=0:1434:UDP; "
              "0 = this computer, * = any; [FILTER] blocks, (FILTER) passes.");
}

} // namespace ipsec::syntax
