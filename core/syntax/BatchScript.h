#pragma once

// How cmd.exe reads a batch file, for the batch runner (`ipseccmd batch FILE`): physical lines
// joined by a trailing ^, %NAME% variables, and the command chaining operators & && ||.
// Nothing here runs anything; app/ipseccmd/BatchTool decides what each command means.

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ipsec::syntax {

class BatchScript {
    Q_DECLARE_TR_FUNCTIONS(ipsec::syntax::BatchScript)
public:
    // One logical line: the physical lines a trailing ^ joins, numbered by the first of them.
    struct Line {
        int number = 0;
        int lastNumber = 0; // the last physical line it took (== number without a ^)
        QString text;
    };
    static QList<Line> lines(const QString &text);

    // Expands %NAME% (case-insensitive, from vars), %0..%9 (args), %* and %% -> % as cmd.exe
    // does in a batch file: an undefined variable expands to nothing. %NAME:old=new% replaces
    // (case-insensitively; *old=new replaces up to the first old), %NAME:~start[,length]% takes
    // a substring (negative numbers count from the end). undefinedNames receives the names that
    // were not defined.
    static QString expand(const QString &line, const QHash<QString, QString> &vars,
                          const QStringList &args, QStringList *undefinedNames = nullptr);
    // The value of %NAME:MODIFIER% for a defined NAME; nullopt when MODIFIER is neither a
    // substring nor a substitution.
    static std::optional<QString> modify(const QString &value, const QString &modifier);

    // A command of a line and how it is joined to the one before it.
    struct Command {
        enum class Join { First, Always, IfSucceeded, IfFailed }; // -, &, &&, ||
        Join join = Join::First;
        QString text; // trimmed, carets of escaped characters removed
    };
    // Splits at &, && and || outside double quotes; ^& is a literal &. A single | (a pipe) is
    // reported through pipe.
    static QList<Command> commands(const QString &line, bool *pipe = nullptr);
};

} // namespace ipsec::syntax
