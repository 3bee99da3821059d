#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace ipsec::help {

// One entry of a list: an option, an exit code, a file, a variable.
struct HelpItem {
    QString term; // "--store PATH", "0", "/etc/ipsec-console/policyd.conf"
    QString text; // one paragraph, wrapped when printed
};

// A titled part of a page: an optional paragraph, then items, then an optional block printed
// as it is (command tables that are already laid out).
struct HelpSection {
    QString title;
    QString text;
    QList<HelpItem> items;
    QString verbatim;
};

// One example: what it does, then the command lines, printed as they are.
struct HelpExample {
    QString text;
    QStringList commands;
};

// The single source of a program's help: printed by --help (text()) and installed as its
// manual page (man()), so the two cannot drift apart.
struct HelpPage {
    Q_DECLARE_TR_FUNCTIONS(HelpPage)

public:
    QString name;            // program name, also the page name
    int section = 1;         // manual section
    QString summary;         // the NAME line's "name - summary"
    QStringList synopsis;    // the arguments of each usage line (the name is added)
    QStringList description; // paragraphs
    QList<HelpSection> sections;
    QList<HelpExample> examples;
    QList<HelpItem> exitStatus;
    QList<HelpItem> environment;
    QList<HelpItem> files;
    QStringList seeAlso; // "netsh(1)"

    // The --help text: usage lines, paragraphs and lists wrapped at 79 columns.
    QString text() const;
    // The manual page source (man(7) macros).
    QString man(const QString &version, const QString &date) const;
    // Every item term of the page (the test checks that the rendered page shows them all).
    QStringList terms() const;
};

// Escapes text for a roff line: backslashes, hyphens as \- and a leading control character.
QString roffEscape(const QString &text);
// Wraps words at width columns; every line starts with indent, the first with firstIndent.
QString wrapText(const QString &text, int width, const QString &firstIndent, const QString &indent);

} // namespace ipsec::help
