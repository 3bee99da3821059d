#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace ipsec::syntax {

// cmd.exe's `set /a EXPRESSION`: 32-bit signed integers that wrap; numbers in decimal, 0x hex
// and 0 octal; variables by name (case-insensitive; undefined or not a number: 0); the
// operators of `set /?` by their precedence: ( ), ! ~ - (unary), * / %, + -, << >>, &, ^, |,
// the assignments = *= /= %= += -= &= ^= |= <<= >>=, and "," between expressions. Quotes are
// ignored. vars holds the batch variables (case-folded names) and receives the assignments.
class BatchArithmetic {
    Q_DECLARE_TR_FUNCTIONS(ipsec::syntax::BatchArithmetic)
public:
    // The value of the last expression, or a usage error with cmd.exe's reason ("Missing
    // operand.", "Divide by zero error.", ...).
    static Result<qint32> evaluate(const QString &expression, QHash<QString, QString> &vars);
};

} // namespace ipsec::syntax
