#include "help/HelpPage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec::help;

class TestHelpPage : public QObject {
    Q_OBJECT
private slots:
    void roffEscapesControlCharacters();
    void wrapsAtTheWidth();
    void textAndManShowTheSameParts();
};

void TestHelpPage::roffEscapesControlCharacters()
{
    QCOMPARE(roffEscape(u"-w REG"_s), u"\\-w REG"_s);
    QCOMPARE(roffEscape(u"C:\\path"_s), u"C:\\epath"_s);
    // A line that starts with a dot or a quote would be a roff request.
    QCOMPARE(roffEscape(u".ipsec is added"_s), u"\\&.ipsec is added"_s);
    QCOMPARE(roffEscape(u"'quoted'"_s), u"\\&'quoted'"_s);
}

void TestHelpPage::wrapsAtTheWidth()
{
    const QString text = wrapText(u"aaa bbb ccc ddd"_s, 9, u"  "_s, u"    "_s);
    QCOMPARE(text, u"  aaa bbb\n    ccc\n    ddd\n"_s);
    QCOMPARE(wrapText(u"one"_s, 79, u"  -x                  "_s, u"  "_s),
             u"  -x                  one\n"_s);
}

void TestHelpPage::textAndManShowTheSameParts()
{
    HelpPage p;
    p.name = u"tool"_s;
    p.summary = u"does things"_s;
    p.synopsis = {u"[-x] FILE"_s};
    p.description = {u"First paragraph."_s, u"Second one."_s};
    p.sections = {{u"Options"_s,
                   {},
                   {{u"-x"_s, u"be extra"_s}, {u"--a-very-long-option VALUE"_s, u"long"_s}},
                   {}}};
    p.examples = {{u"Run it:"_s, {u"tool -x .file"_s}}};
    p.exitStatus = {{u"0"_s, u"success"_s}};
    p.seeAlso = {u"other(1)"_s};
    QCOMPARE(p.text(), u"Usage: tool [-x] FILE\n"
                       "\n"
                       "First paragraph.\n"
                       "\n"
                       "Second one.\n"
                       "\n"
                       "Options:\n"
                       "  -x                  be extra\n"
                       "  --a-very-long-option VALUE\n"
                       "                      long\n"
                       "\n"
                       "Examples:\n"
                       "  Run it:\n"
                       "    tool -x .file\n"
                       "\n"
                       "Exit status:\n"
                       "  0                   success\n"
                       "\n"
                       "See also: other(1)\n"_s);
    const QString man = p.man(u"1.0"_s, u"2026-01-02"_s);
    QVERIFY2(man.contains(u".TH \"TOOL\" 1 \"2026\\-01\\-02\" \"ipsec\\-console 1.0\""_s),
             qPrintable(man));
    QVERIFY(man.contains(u".SH NAME\ntool \\- does things\n"_s));
    QVERIFY(man.contains(u".SH SYNOPSIS\n\\fBtool\\fR [\\-x] FILE\n"_s));
    QVERIFY(man.contains(u".SH \"OPTIONS\"\n.TP\n\\fB\\-x\\fR\nbe extra\n"_s));
    QVERIFY(man.contains(u".nf\ntool \\-x .file\n.fi\n"_s));
    QVERIFY(man.contains(u".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nsuccess\n"_s));
    QVERIFY(man.contains(u".BR other (1)\n"_s));
    QCOMPARE(p.terms(), (QStringList{u"-x"_s, u"--a-very-long-option VALUE"_s, u"0"_s}));
}

QTEST_GUILESS_MAIN(TestHelpPage)
#include "TestHelpPage.moc"
