// How cmd.exe reads a batch file (syntax::BatchScript, syntax::BatchArithmetic): variable edits
// (%NAME:old=new%, %NAME:~start,length%) and `set /a` arithmetic, checked against what cmd.exe
// prints for the same lines.

#include "syntax/BatchArithmetic.h"
#include "syntax/BatchScript.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec::syntax;

class TestBatchScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expand_data();
    void expand();
    void arithmetic_data();
    void arithmetic();
    void arithmeticErrors_data();
    void arithmeticErrors();
};

void TestBatchScript::expand_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"%P%"_s << u"C:\\Policies\\Ban list.txt"_s;
    QTest::newRow("replace") << u"%P:\\=/%"_s << u"C:/Policies/Ban list.txt"_s;
    QTest::newRow("replace any case") << u"%P:BAN=Block%"_s << u"C:\\Policies\\Block list.txt"_s;
    QTest::newRow("remove") << u"%P: =%"_s << u"C:\\Policies\\Banlist.txt"_s;
    QTest::newRow("replace up to") << u"%P:*\\=%"_s << u"Policies\\Ban list.txt"_s;
    QTest::newRow("first chars") << u"%P:~0,2%"_s << u"C:"_s;
    QTest::newRow("from") << u"%P:~3%"_s << u"Policies\\Ban list.txt"_s;
    QTest::newRow("last chars") << u"%P:~-4%"_s << u".txt"_s;
    QTest::newRow("middle") << u"%P:~3,-13%"_s << u"Policies"_s;
    QTest::newRow("negative start, length") << u"%P:~-8,3%"_s << u"lis"_s;
    QTest::newRow("beyond the end") << u"%P:~40,3%"_s << QString();
    QTest::newRow("undefined with edit") << u"[%NOPE:~0,2%]"_s << u"[~0,2%]"_s;
    QTest::newRow("percent sign") << u"100%% done"_s << u"100% done"_s;
    QTest::newRow("not a modifier") << u"%P:x%"_s << QString();
}

void TestBatchScript::expand()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const QHash<QString, QString> vars{{u"p"_s, u"C:\\Policies\\Ban list.txt"_s}};
    QCOMPARE(BatchScript::expand(line, vars, {}), expected);
}

void TestBatchScript::arithmetic_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("stored");
    QTest::newRow("precedence") << u"x=2+3*4"_s << 14 << u"x"_s << u"14"_s;
    QTest::newRow("parentheses") << u"x=(2+3)*4"_s << 20 << u"x"_s << u"20"_s;
    QTest::newRow("hex and octal") << u"x=0x10 + 010"_s << 24 << u"x"_s << u"24"_s;
    QTest::newRow("variables") << u"x=base*2"_s << 20 << u"x"_s << u"20"_s;
    QTest::newRow("compound") << u"base+=5"_s << 15 << u"base"_s << u"15"_s;
    QTest::newRow("modulo, shift") << u"x=(17 % 5) << 2"_s << 8 << u"x"_s << u"8"_s;
    QTest::newRow("bits") << u"x=6 & 3 | 8 ^ 1"_s << 11 << u"x"_s << u"11"_s;
    QTest::newRow("unary") << u"x=-~5 + !0"_s << 7 << u"x"_s << u"7"_s;
    QTest::newRow("several") << u"a=1, b=a+1, c=b*10"_s << 20 << u"c"_s << u"20"_s;
    QTest::newRow("chained assignment") << u"a=b=3"_s << 3 << u"a"_s << u"3"_s;
    QTest::newRow("wraps at 32 bits")
        << u"x=2147483647+1"_s << int(-2147483648LL) << u"x"_s << u"-2147483648"_s;
    QTest::newRow("division truncates") << u"x=-7/2"_s << -3 << u"x"_s << u"-3"_s;
    QTest::newRow("quoted") << u"\"x=1<<4\""_s << 16 << u"x"_s << u"16"_s;
    QTest::newRow("undefined is 0") << u"x=nothing+1"_s << 1 << u"x"_s << u"1"_s;
    QTest::newRow("negative variable") << u"x=neg*2"_s << -8 << u"x"_s << u"-8"_s;
}

void TestBatchScript::arithmetic()
{
    QFETCH(QString, expression);
    QFETCH(int, value);
    QFETCH(QString, variable);
    QFETCH(QString, stored);
    QHash<QString, QString> vars{{u"base"_s, u"10"_s}, {u"neg"_s, u"-4"_s}};
    auto r = BatchArithmetic::evaluate(expression, vars);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(*r, value);
    QCOMPARE(vars.value(variable), stored);
}

void TestBatchScript::arithmeticErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("message");
    QTest::newRow("divide by zero") << u"x=1/0"_s << u"Divide by zero error."_s;
    QTest::newRow("missing operand") << u"x=1+"_s << u"Missing operand."_s;
    QTest::newRow("parenthesis") << u"x=(1"_s << u"Unbalanced parenthesis."_s;
    QTest::newRow("bad number") << u"x=08"_s << u"Invalid number \"08\"."_s;
    QTest::newRow("too big") << u"x=4294967296"_s << u"Invalid number"_s;
    QTest::newRow("empty") << u" "_s << u"The syntax of the command is incorrect."_s;
    QTest::newRow("missing operator") << u"x=1 2"_s << u"Missing operator."_s;
}

void TestBatchScript::arithmeticErrors()
{
    QFETCH(QString, expression);
    QFETCH(QString, message);
    QHash<QString, QString> vars{{u"x"_s, u"5"_s}};
    auto r = BatchArithmetic::evaluate(expression, vars);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(vars.value(u"x"_s), u"5"_s); // nothing assigned
}

QTEST_GUILESS_MAIN(TestBatchScript)
#include "TestBatchScript.moc"
