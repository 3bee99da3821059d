#include "BatchArithmetic.h"

#include <QList>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

struct Token {
    enum class Kind { Number, Name, Operator, End };
    Kind kind = Kind::End;
    QString text;
    quint32 number = 0;
};

const QStringList kOperators{u"<<="_s, u">>="_s, u"<<"_s, u">>"_s, u"*="_s, u"/="_s, u"%="_s,
                             u"+="_s,  u"-="_s,  u"&="_s, u"^="_s, u"|="_s, u"("_s,  u")"_s,
                             u"!"_s,   u"~"_s,   u"-"_s,  u"+"_s,  u"*"_s,  u"/"_s,  u"%"_s,
                             u"&"_s,   u"^"_s,   u"|"_s,  u"="_s,  u","_s};

bool isOperatorStart(QChar c)
{
    return QStringView(u"<>*/%+-&^|()!~=,").contains(c);
}

// Decimal, 0x hex, 0 octal, as cmd.exe reads numbers; nullopt when it is no valid number.
std::optional<quint32> parseNumber(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    int base = 10;
    QStringView digits = text;
    if (text.size() > 2 && (text.startsWith(u"0x") || text.startsWith(u"0X"))) {
        base = 16;
        digits = text.mid(2);
    } else if (text.size() > 1 && text.startsWith(u'0')) {
        base = 8;
        digits = text.mid(1);
    }
    bool ok = false;
    const qulonglong v = digits.toULongLong(&ok, base);
    if (!ok || v > 0xffffffffULL || (base == 10 && v > 0x7fffffffULL))
        return std::nullopt;
    return quint32(v);
}

class Evaluator {
public:
    Evaluator(QList<Token> tokens, QHash<QString, QString> &vars)
        : m_tokens(std::move(tokens))
        , m_vars(vars)
    {
    }

    Result<qint32> run()
    {
        qint32 last = 0;
        do {
            auto v = assignment();
            if (!v)
                return v.error();
            last = qint32(*v);
        } while (accept(u","_s));
        if (peek().kind != Token::Kind::End)
            return fail(BatchArithmetic::tr("Missing operator."));
        return last;
    }

private:
    using Value = Result<quint32>;

    const Token &peek(int ahead = 0) const
    {
        static const Token end;
        return m_pos + ahead < m_tokens.size() ? m_tokens[m_pos + ahead] : end;
    }
    bool accept(const QString &op)
    {
        if (peek().kind == Token::Kind::Operator && peek().text == op) {
            ++m_pos;
            return true;
        }
        return false;
    }
    static Error fail(const QString &why) { return Error::usage(why); }

    quint32 variable(const QString &name) const
    {
        // The value read as a number (with a sign); anything else counts as 0.
        const QString value = m_vars.value(name.toCaseFolded()).trimmed();
        const bool negative = value.startsWith(u'-');
        const quint32 n = parseNumber(negative ? value.mid(1) : value).value_or(0);
        return negative ? 0u - n : n;
    }

    Value assignment()
    {
        static const QStringList assigns{u"="_s,  u"*="_s, u"/="_s, u"%="_s,  u"+="_s, u"-="_s,
                                         u"&="_s, u"^="_s, u"|="_s, u"<<="_s, u">>="_s};
        if (peek().kind == Token::Kind::Name && peek(1).kind == Token::Kind::Operator
            && assigns.contains(peek(1).text)) {
            const QString name = peek().text;
            const QString op = peek(1).text;
            m_pos += 2;
            auto right = assignment();
            if (!right)
                return right;
            quint32 v = *right;
            if (op != u"="_s) {
                auto combined = binary(op.chopped(1), variable(name), v);
                if (!combined)
                    return combined;
                v = *combined;
            }
            m_vars.insert(name.toCaseFolded(), QString::number(qint32(v)));
            return v;
        }
        return level(0);
    }

    static Value binary(const QString &op, quint32 a, quint32 b)
    {
        const auto sa = qint32(a);
        const auto sb = qint32(b);
        if (op == u"*"_s)
            return quint32(qint64(sa) * sb);
        if (op == u"/"_s || op == u"%"_s) {
            if (sb == 0)
                return fail(BatchArithmetic::tr("Divide by zero error."));
            if (sa == std::numeric_limits<qint32>::min() && sb == -1)
                return op == u"/"_s ? a : 0u;
            return quint32(op == u"/"_s ? sa / sb : sa % sb);
        }
        if (op == u"+"_s)
            return a + b;
        if (op == u"-"_s)
            return a - b;
        if (op == u"<<"_s)
            return b >= 32 ? 0u : a << b;
        if (op == u">>"_s)
            return quint32(sa >> (b >= 32 ? 31 : b));
        if (op == u"&"_s)
            return a & b;
        if (op == u"^"_s)
            return a ^ b;
        return a | b;
    }

    // Binary operators from the loosest (|) to the tightest (* / %).
    Value level(int n)
    {
        static const QList<QStringList> levels{{u"|"_s},         {u"^"_s},
                                               {u"&"_s},         {u"<<"_s, u">>"_s},
                                               {u"+"_s, u"-"_s}, {u"*"_s, u"/"_s, u"%"_s}};
        if (n == levels.size())
            return unary();
        auto left = level(n + 1);
        if (!left)
            return left;
        quint32 v = *left;
        for (;;) {
            const Token &t = peek();
            if (t.kind != Token::Kind::Operator || !levels[n].contains(t.text))
                return v;
            const QString op = t.text;
            ++m_pos;
            auto right = level(n + 1);
            if (!right)
                return right;
            auto r = binary(op, v, *right);
            if (!r)
                return r;
            v = *r;
        }
    }

    Value unary()
    {
        if (accept(u"!"_s)) {
            auto v = unary();
            return v ? Value(*v == 0 ? 1u : 0u) : v;
        }
        if (accept(u"~"_s)) {
            auto v = unary();
            return v ? Value(~*v) : v;
        }
        if (accept(u"-"_s)) {
            auto v = unary();
            return v ? Value(0u - *v) : v;
        }
        if (accept(u"+"_s))
            return unary();
        return primary();
    }

    Value primary()
    {
        const Token t = peek();
        switch (t.kind) {
        case Token::Kind::Number:
            ++m_pos;
            return t.number;
        case Token::Kind::Name:
            ++m_pos;
            return variable(t.text);
        case Token::Kind::Operator:
            if (t.text == u"("_s) {
                ++m_pos;
                qint32 last = 0;
                do {
                    auto v = assignment();
                    if (!v)
                        return v;
                    last = qint32(*v);
                } while (accept(u","_s));
                if (!accept(u")"_s))
                    return fail(BatchArithmetic::tr("Unbalanced parenthesis."));
                return quint32(last);
            }
            break;
        case Token::Kind::End:
            break;
        }
        return fail(BatchArithmetic::tr("Missing operand."));
    }

    QList<Token> m_tokens;
    QHash<QString, QString> &m_vars;
    qsizetype m_pos = 0;
};

} // namespace

Result<qint32> BatchArithmetic::evaluate(const QString &expression, QHash<QString, QString> &vars)
{
    QString text = expression;
    text.remove(u'"');
    QList<Token> tokens;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (isOperatorStart(c)) {
            const auto op =
                std::find_if(kOperators.cbegin(), kOperators.cend(), [&](const QString &o) {
                    return QStringView(text).mid(i).startsWith(o);
                });
            if (op == kOperators.cend()) // a lone < or >
                return Error::usage(tr("Missing operator."));
            tokens << Token{Token::Kind::Operator, *op, 0};
            i += op->size();
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && !text[j].isSpace() && !isOperatorStart(text[j]))
            ++j;
        const QString word = text.mid(i, j - i);
        i = j;
        if (word.front().isDigit()) {
            const auto n = parseNumber(word);
            if (!n)
                return Error::usage(
                    tr("Invalid number \"%1\". Numeric constants are either decimal (17), "
                       "hexadecimal (0x11) or octal (021), and limited to 32 bits.")
                        .arg(word));
            tokens << Token{Token::Kind::Number, word, *n};
        } else {
            tokens << Token{Token::Kind::Name, word, 0};
        }
    }
    if (tokens.isEmpty())
        return Error::usage(tr("The syntax of the command is incorrect."));
    QHash<QString, QString> working = vars; // an error changes no variable
    auto r = Evaluator(tokens, working).run();
    if (r)
        vars = working;
    return r;
}

} // namespace ipsec::syntax
