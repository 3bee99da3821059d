// NetshScript: netsh scripts and Windows batch files of `netsh ipsec ...` lines (see Netsh.h).
//
// The context of a netsh script follows netsh's interactive rules: "ipsec" enters ipsec,
// "static"/"dynamic" enter the sub-context, ".." goes up, "pushd CONTEXT"/"popd" save and restore
// it; a command is read relative to the current context. "netsh" lines of a batch file always
// start from the root (or from -c CONTEXT) and do not change the script's context.

#include "Netsh.h"

#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

QString shortened(const QString &line)
{
    constexpr qsizetype max = 160;
    return line.size() <= max ? line : line.left(max) + u"…"_s;
}

bool is(const QString &word, QStringView what)
{
    return word.compare(what, Qt::CaseInsensitive) == 0;
}

// "netsh", "netsh.exe", "@netsh", "%SystemRoot%\system32\netsh.exe", "C:/…/NETSH.EXE".
bool isNetshProgram(QString word)
{
    if (word.startsWith(u'@'))
        word.remove(0, 1);
    const qsizetype slash = std::max(word.lastIndexOf(u'\\'), word.lastIndexOf(u'/'));
    word = word.mid(slash + 1);
    return is(word, u"netsh") || is(word, u"netsh.exe");
}

// Batch lines that do nothing for the policy.
bool isBatchNoise(const QString &trimmed, const QStringList &words)
{
    if (trimmed.startsWith(u"::"_s))
        return true;
    QString first = words.isEmpty() ? QString() : words.first();
    if (first.startsWith(u'@'))
        first.remove(0, 1);
    // "echo." and "echo:" print an empty line; "rem:" is a comment too.
    static const QRegularExpression noise(u"^(echo|rem)([.:;(/].*)?$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    if (noise.match(first).hasMatch())
        return true;
    for (const auto *w : {u"pause", u"setlocal", u"endlocal", u"cls"})
        if (is(first, QStringView(w)))
            return true;
    return false;
}

// Drops output redirections to nul; refuses other redirections and command chaining.
Result<QStringList> dropRedirections(const QStringList &words)
{
    static const QRegularExpression toNul(u"^[12]?>>?nul$|^2>&1$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (toNul.match(w).hasMatch())
            continue;
        if ((w == u">"_s || w == u"1>"_s || w == u"2>"_s || w == u">>"_s) && i + 1 < words.size()
            && is(words[i + 1], u"nul")) {
            ++i;
            continue;
        }
        if (w == u"&"_s || w == u"&&"_s || w == u"||"_s || w == u"|"_s || w.startsWith(u'>')
            || w.startsWith(u'<') || w.startsWith(u"|"_s))
            return Error::usage(NetshScript::tr("%1 is not supported here: one netsh command "
                                                "per line, no pipes, chaining or redirection "
                                                "to files")
                                    .arg(u'"' + w + u'"'));
        out << w;
    }
    return out;
}

} // namespace

Result<QString> NetshScript::decode(const QByteArray &bytes, const QString &origin)
{
    if (bytes.size() > MaxBytes)
        return Error::usage(tr("%1 is larger than %2 MiB; that is not a netsh script")
                                .arg(origin)
                                .arg(MaxBytes / (1024 * 1024)));
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        // Notepad's "Unicode": UTF-16 with a byte order mark.
        auto decoder = QStringDecoder(QStringDecoder::Utf16, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return Error::usage(tr("%1 is not valid UTF-16").arg(origin));
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        return text;
    }
    const QByteArray body = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
    // Line by line, so that the error names the line of the first bad byte.
    QString text;
    text.reserve(body.size());
    qsizetype start = 0;
    int line = 1;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('\n', start);
        if (end < 0)
            end = body.size();
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString part = decoder.decode(QByteArrayView(body).sliced(start, end - start));
        if (decoder.hasError())
            return Error::usage(tr("%1 line %2: the text is not UTF-8 (a Windows code page?); "
                                   "save the file as UTF-8")
                                    .arg(origin)
                                    .arg(line));
        if (part.contains(QChar(0)))
            return Error::usage(tr("%1 line %2: contains a NUL character; that is not a text file")
                                    .arg(origin)
                                    .arg(line));
        text += part;
        if (end < body.size())
            text += u'\n';
        start = end + 1;
        ++line;
    }
    return text;
}

QString NetshScript::location(const QString &origin, int line, const QString &script)
{
    // A one-liner without a line break is a command line, where "line 1" would only confuse.
    if (!script.contains(u'\n'))
        return origin;
    return tr("%1 line %2").arg(origin).arg(line);
}

Result<QList<NetshCommand>> NetshScript::parse(const QByteArray &bytes, const QString &origin)
{
    auto text = decode(bytes, origin);
    if (!text)
        return text.error();
    return parse(text.value(), origin);
}

Result<QList<NetshCommand>> NetshScript::parse(const QString &text, const QString &origin)
{
    return parseScript(text, origin, nullptr);
}

NetshScript::Parsed NetshScript::parseEach(const QString &text, const QString &origin)
{
    Parsed parsed;
    auto commands = parseScript(text, origin, &parsed.errors);
    if (commands)
        parsed.commands = std::move(commands.value());
    return parsed;
}

Result<QList<NetshCommand>> NetshScript::parseScript(const QString &text, const QString &origin,
                                                     QList<LineError> *errors)
{
    QList<NetshCommand> commands;
    QStringList context; // e.g. {"ipsec", "static"}
    QList<QStringList> pushed;
    const QStringList lines = text.split(u'\n');
    const bool multiLine = lines.size() > 1; // as location(), once for the whole script
    commands.reserve(lines.size());
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int lineNo = int(n + 1);
        QString line = lines[n];
        if (line.endsWith(u'\r'))
            line.chop(1);
        const auto fail = [&](const QString &why) {
            return Error::usage(
                tr("%1: %2\n  %3")
                    .arg(multiLine ? tr("%1 line %2").arg(origin).arg(lineNo) : origin, why,
                         shortened(line.trimmed())));
        };
        if (line.size() > MaxLineLength) {
            Error e = Error::usage(tr("%1 line %2: the line is %3 characters long (at most %4)")
                                       .arg(origin)
                                       .arg(lineNo)
                                       .arg(line.size())
                                       .arg(MaxLineLength));
            if (!errors)
                return e;
            *errors << LineError{lineNo, e.message};
            continue;
        }
        bool stop = false;
        const auto parseLine = [&]() -> Result<std::optional<NetshCommand>> {
            const QString trimmed = line.trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
                return std::optional<NetshCommand>();
            // Noise first: an echo or rem line may hold anything, even an unbalanced quote.
            if (isBatchNoise(trimmed, {trimmed.section(u' ', 0, 0)}))
                return std::optional<NetshCommand>();
            auto split = NetshParser::splitLine(trimmed);
            if (!split)
                return fail(split.error().message);
            auto cleaned = dropRedirections(*split);
            if (!cleaned)
                return fail(cleaned.error().message);
            QStringList words = *cleaned;
            if (words.isEmpty())
                return std::optional<NetshCommand>();
            if (trimmed.contains(u'%')) {
                // The program itself may be spelt %SystemRoot%\system32\netsh.exe.
                static const QRegularExpression variable(u"%[^%\\s]+%|%~?[0-9*]"_s);
                const qsizetype from = isNetshProgram(words.first()) ? 1 : 0;
                for (qsizetype k = from; k < words.size(); ++k) {
                    QString w = words[k];
                    w.replace(u"%%"_s, QString());
                    if (variable.match(w).hasMatch())
                        return fail(tr("batch variables such as %NAME% are not expanded here; "
                                       "write the values out"));
                    words[k].replace(u"%%"_s, u"%"_s);
                }
            }
            const QString first = words.first();
            if (is(first, u"exit") || is(first, u"quit") || is(first, u"bye")
                || is(first, u"@exit")) {
                stop = true;
                return std::optional<NetshCommand>();
            }

            QStringList full;
            if (isNetshProgram(first)) {
                QStringList rest = words.mid(1);
                QStringList start;
                while (!rest.isEmpty() && rest.first().startsWith(u'-')) {
                    const QString option = rest.takeFirst();
                    if (is(option, u"-c")) {
                        if (rest.isEmpty())
                            return fail(tr("netsh -c needs a context such as ipsec"));
                        start = rest.takeFirst().split(u' ', Qt::SkipEmptyParts);
                    } else if (is(option, u"-r") || is(option, u"-u") || is(option, u"-p")) {
                        return fail(tr("netsh %1 (remote computers, other accounts) is not "
                                       "supported: run the script on that machine")
                                        .arg(option));
                    } else if (is(option, u"-f")) {
                        return fail(tr("netsh -f inside a script is not supported; run each script "
                                       "on its own"));
                    } else {
                        return fail(tr("unknown netsh option %1").arg(option));
                    }
                }
                if (rest.isEmpty() && start.isEmpty())
                    return fail(tr("netsh without a command; expected \"netsh ipsec static ...\""));
                full = start + rest;
            } else if (is(first, u"pushd")) {
                pushed << context;
                const QStringList target = words.mid(1);
                if (!target.isEmpty()) {
                    if (target.size() > 2 || !is(target[0], u"ipsec")
                        || (target.size() == 2 && !is(target[1], u"static")
                            && !is(target[1], u"dynamic")))
                        return fail(
                            tr("only the ipsec, ipsec static and ipsec dynamic contexts are "
                               "supported"));
                    context = target;
                }
                return std::optional<NetshCommand>();
            } else if (is(first, u"popd")) {
                if (pushed.isEmpty())
                    return fail(tr("popd without pushd"));
                context = pushed.takeLast();
                return std::optional<NetshCommand>();
            } else if (words.size() == 1
                       && (is(first, u"ipsec") || is(first, u"static") || is(first, u"dynamic")
                           || first == u".."_s)) {
                if (first == u".."_s) {
                    if (!context.isEmpty())
                        context.removeLast();
                } else if (is(first, u"ipsec")) {
                    context = {u"ipsec"_s};
                } else if (context.size() >= 1 && is(context[0], u"ipsec")) {
                    context = {u"ipsec"_s, first.toLower()};
                } else {
                    return fail(
                        tr("\"%1\" is a context inside ipsec; write \"ipsec %1\"").arg(first));
                }
                return std::optional<NetshCommand>();
            } else if (context.isEmpty() && !is(first, u"ipsec")) {
                return fail(tr("not a netsh ipsec command; expected \"netsh ipsec ...\" or "
                               "\"ipsec ...\" (batch lines other than echo, rem, ::, pause, "
                               "setlocal, endlocal and @echo off are not run)"));
            } else {
                full = is(first, u"ipsec") ? words : context + words;
            }
            if (!full.isEmpty() && is(full.first(), u"ipsec") && full.size() > 1
                && (is(full[1], u"dump") || is(full[1], u"help") || full[1] == u"?"_s))
                return fail(tr("\"ipsec %1\" is not supported in scripts").arg(full[1]));
            if (full.isEmpty() || !full.first().startsWith(u"ip"_s, Qt::CaseInsensitive))
                return fail(tr("only netsh ipsec commands are supported, not \"%1\"")
                                .arg(full.isEmpty() ? first : full.first()));
            auto command = NetshParser::parse(full);
            if (!command)
                return fail(command.error().message);
            command->line = lineNo;
            return std::optional<NetshCommand>(*command);
        };
        auto one = parseLine();
        if (!one) {
            if (!errors)
                return one.error();
            *errors << LineError{lineNo, one.error().message};
            continue;
        }
        if (one.value())
            commands << *one.value();
        if (stop)
            break;
    }
    return commands;
}

} // namespace ipsec::syntax
