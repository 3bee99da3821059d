#include "BatchScript.h"

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

QList<BatchScript::Line> BatchScript::lines(const QString &text)
{
    QList<Line> out;
    const QStringList physical = text.split(u'\n');
    Line pending;
    bool continuing = false;
    for (qsizetype n = 0; n < physical.size(); ++n) {
        QString line = physical[n];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (!continuing) {
            pending = Line{int(n + 1), int(n + 1), {}};
        }
        pending.lastNumber = int(n + 1);
        // A trailing caret (outside quotes, not itself escaped) joins the next line.
        int carets = 0;
        for (qsizetype i = line.size() - 1; i >= 0 && line[i] == u'^'; --i)
            ++carets;
        const bool inQuotes = line.count(u'"') % 2 == 1;
        continuing = carets % 2 == 1 && !inQuotes && n + 1 < physical.size();
        if (continuing) {
            line.chop(1);
            pending.text += line;
            continue;
        }
        pending.text += line;
        out << pending;
    }
    return out;
}

QString BatchScript::expand(const QString &line, const QHash<QString, QString> &vars,
                            const QStringList &args, QStringList *undefinedNames)
{
    QString out;
    out.reserve(line.size());
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c != u'%') {
            out += c;
            continue;
        }
        if (i + 1 < line.size() && line[i + 1] == u'%') {
            out += u'%';
            ++i;
            continue;
        }
        if (i + 1 < line.size() && line[i + 1].isDigit()) {
            out += args.value(line[i + 1].digitValue());
            ++i;
            continue;
        }
        if (i + 1 < line.size() && line[i + 1] == u'*') {
            out += args.mid(1).join(u' ');
            ++i;
            continue;
        }
        if (i + 2 < line.size() && line[i + 1] == u'~') {
            // %~dp0 and friends: the batch file's folder, name...; %~1: an argument unquoted.
            qsizetype j = i + 2;
            while (j < line.size() && line[j].isLetter())
                ++j;
            if (j < line.size() && line[j].isDigit()) {
                const QString mods = line.mid(i + 2, j - i - 2);
                QString value = args.value(line[j].digitValue());
                if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
                    value = value.mid(1, value.size() - 2);
                if (mods.contains(u'd') || mods.contains(u'p')) {
                    const qsizetype slash =
                        std::max(value.lastIndexOf(u'/'), value.lastIndexOf(u'\\'));
                    value = slash < 0 ? u".\\"_s : value.left(slash + 1);
                }
                out += value;
                i = j;
                continue;
            }
        }
        const qsizetype end = line.indexOf(u'%', i + 1);
        if (end < 0) {
            out += c; // a lone % stays
            continue;
        }
        const QString name = line.mid(i + 1, end - i - 1);
        const qsizetype colon = name.indexOf(u':');
        const QString variable = colon < 0 ? name : name.left(colon);
        if (variable.isEmpty() || variable.contains(u' ') || (name.contains(u'=') && colon < 0)) {
            out += c;
            continue;
        }
        const auto it = vars.constFind(variable.toCaseFolded());
        if (colon >= 0 && it == vars.cend()) {
            // As cmd.exe in a batch file: "%NAME:" of an undefined NAME goes, and the scan
            // goes on after the colon.
            if (undefinedNames)
                *undefinedNames << variable;
            i += 1 + colon;
            continue;
        }
        if (colon >= 0) {
            // %NAME:~start,length% and %NAME:old=new% (also *old=new).
            if (auto modified = modify(*it, name.mid(colon + 1))) {
                out += *modified;
                i = end;
                continue;
            }
        }
        const auto whole = colon < 0 ? it : vars.constFind(name.toCaseFolded());
        if (whole != vars.cend())
            out += *whole;
        else if (undefinedNames)
            *undefinedNames << name;
        i = end;
    }
    return out;
}

std::optional<QString> BatchScript::modify(const QString &value, const QString &modifier)
{
    if (modifier.startsWith(u'~')) {
        // Substring: a negative start counts from the end; a negative length leaves that many
        // characters off the end; no length: to the end.
        const QStringList parts = modifier.mid(1).split(u',');
        if (parts.size() > 2)
            return std::nullopt;
        bool ok = true;
        const auto number = [&ok](const QString &text) {
            bool good = false;
            const int n = text.trimmed().toInt(&good);
            ok = ok && good;
            return n;
        };
        const qsizetype length = value.size();
        qsizetype start = number(parts[0]);
        if (!ok)
            return std::nullopt;
        start = start < 0 ? std::max<qsizetype>(0, length + start) : std::min(start, length);
        qsizetype stop = length;
        if (parts.size() == 2) {
            const qsizetype n = number(parts[1]);
            if (!ok)
                return std::nullopt;
            stop = n < 0 ? std::max(start, length + n) : std::min(length, start + n);
        }
        return value.mid(start, stop - start);
    }
    const qsizetype eq = modifier.indexOf(u'=');
    if (eq < 0)
        return std::nullopt;
    const QString to = modifier.mid(eq + 1);
    QString from = modifier.left(eq);
    if (from.startsWith(u'*')) {
        // *old=new: everything up to and including the first "old" becomes "new".
        from.remove(0, 1);
        if (from.isEmpty())
            return value;
        const qsizetype at = value.indexOf(from, 0, Qt::CaseInsensitive);
        if (at < 0)
            return value;
        return to + value.mid(at + from.size());
    }
    if (from.isEmpty())
        return value;
    QString result = value;
    result.replace(from, to, Qt::CaseInsensitive);
    return result;
}

QList<BatchScript::Command> BatchScript::commands(const QString &line, bool *pipe)
{
    QList<Command> out;
    Command current;
    bool quoted = false;
    if (pipe)
        *pipe = false;
    const auto finish = [&](Command::Join next) {
        current.text = current.text.trimmed();
        out << current;
        current = Command{};
        current.join = next;
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == u'"') {
            quoted = !quoted;
            current.text += c;
            continue;
        }
        if (!quoted && c == u'^' && i + 1 < line.size()) {
            current.text += line[++i]; // the escaped character, literally
            continue;
        }
        if (!quoted && c == u'&') {
            if (i + 1 < line.size() && line[i + 1] == u'&') {
                ++i;
                finish(Command::Join::IfSucceeded);
            } else if (i > 0 && (line[i - 1] == u'>' || line[i - 1] == u'<')) {
                current.text += c; // 2>&1
            } else {
                finish(Command::Join::Always);
            }
            continue;
        }
        if (!quoted && c == u'|') {
            if (i + 1 < line.size() && line[i + 1] == u'|') {
                ++i;
                finish(Command::Join::IfFailed);
            } else {
                if (pipe)
                    *pipe = true;
                current.text += c;
            }
            continue;
        }
        current.text += c;
    }
    finish(Command::Join::Always); // the last command (finish() opens the next, unused)
    out.removeIf([](const Command &c) { return c.text.isEmpty(); });
    if (!out.isEmpty())
        out.first().join = Command::Join::First;
    return out;
}

} // namespace ipsec::syntax
