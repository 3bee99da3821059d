// POSIX-shell-like word splitting (for pasted command lines) and quoting (for printed ones).

#include "IpsecCmd.h"

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isOpeningDoubleQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201C) || c == QChar(0x201D);
}

} // namespace

QStringList IpsecCmdParser::splitCommandLine(QStringView line, QString *error)
{
    enum class State { Plain, Single, Double };
    QStringList words;
    QString word;
    bool inWord = false;
    State state = State::Plain;
    const auto setError = [&](const QString &message) {
        if (error)
            *error = message;
        return QStringList();
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        switch (state) {
        case State::Plain:
            if (isBlank(c)) {
                if (inWord)
                    words << word;
                word.clear();
                inWord = false;
            } else if (c == u'\\') {
                if (i + 1 == line.size())
                    return setError(tr("the line ends with a backslash"));
                if (line[++i] != u'\n') { // backslash-newline continues the line
                    word += line[i];
                    inWord = true;
                }
            } else if (c == u'\'') {
                state = State::Single;
                inWord = true;
            } else if (isOpeningDoubleQuote(c)) {
                state = State::Double;
                inWord = true;
            } else if (c == u'#' && !inWord) {
                i = line.size(); // comment to the end of the line
            } else {
                word += c;
                inWord = true;
            }
            break;
        case State::Single:
            if (c == u'\'')
                state = State::Plain;
            else
                word += c;
            break;
        case State::Double:
            if (c == u'\\' && i + 1 < line.size()
                && QStringView(u"$`\"\\\n").contains(line[i + 1])) {
                if (line[++i] != u'\n')
                    word += line[i];
            } else if (isOpeningDoubleQuote(c)) {
                state = State::Plain;
            } else {
                word += c;
            }
            break;
        }
    }
    if (state != State::Plain)
        return setError(state == State::Single ? tr("a single quote (') is not closed")
                                               : tr("a double quote (\") is not closed"));
    if (inWord)
        words << word;
    if (error)
        error->clear();
    return words;
}

QString IpsecCmdPrinter::shellQuote(const QString &word)
{
    // Characters that mean nothing to sh anywhere in a word (= is safe after the program name).
    static const QStringView safe = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    u"0123456789_@%+=:,./-";
    bool plain = !word.isEmpty();
    for (const QChar c : word)
        plain = plain && safe.contains(c);
    if (plain)
        return word;
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace ipsec::syntax
