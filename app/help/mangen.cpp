// ipsec-mangen: writes the manual pages of the project's programs from the same help pages that
// their --help prints.
//   ipsec-mangen --out DIR --version V --date D [--link ALIAS.1=PAGE.1]...
//   ipsec-mangen --text PAGE | --man PAGE | --terms PAGE     (for the tests)

#include "console/ConsoleHelp.h"
#include "ipseccmd/IpseccmdHelp.h"
#include "policyd/PolicydHelp.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <cstdio>
#include <map>

using namespace Qt::StringLiterals;
using ipsec::help::HelpPage;

namespace {

std::map<QString, HelpPage> pages()
{
    std::map<QString, HelpPage> out;
    for (const HelpPage &p : {IpseccmdHelp::ipseccmd(), IpseccmdHelp::netsh(),
                              IpseccmdHelp::netdiag(), PolicydHelp::page(), ConsoleHelp::page()})
        out.emplace(p.name, p);
    return out;
}

int usage()
{
    std::fputs("usage: ipsec-mangen --out DIR --version V --date YYYY-MM-DD [--link A.1=P.1]...\n"
               "       ipsec-mangen --text|--man|--terms PAGE\n",
               stderr);
    return 2;
}

bool write(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        std::fprintf(stderr, "ipsec-mangen: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    const auto all = pages();
    QString out;
    QString version = QStringLiteral(IPSEC_VERSION);
    QString date = u"2026-01-01"_s;
    QStringList links;
    while (!args.isEmpty()) {
        const QString option = args.takeFirst();
        if (args.isEmpty())
            return usage();
        const QString value = args.takeFirst();
        if (option == u"--text"_s || option == u"--man"_s || option == u"--terms"_s) {
            const auto page = all.find(value);
            if (page == all.end())
                return usage();
            QString text;
            if (option == u"--text"_s)
                text = page->second.text();
            else if (option == u"--man"_s)
                text = page->second.man(version, date);
            else
                text = page->second.terms().join(u'\n') + u'\n';
            std::fputs(text.toUtf8().constData(), stdout);
            return 0;
        }
        if (option == u"--out"_s)
            out = value;
        else if (option == u"--version"_s)
            version = value;
        else if (option == u"--date"_s)
            date = value;
        else if (option == u"--link"_s)
            links << value;
        else
            return usage();
    }
    if (out.isEmpty() || !QDir().mkpath(out))
        return usage();
    for (const auto &[name, page] : all) {
        if (!write(out + u'/' + name + u'.' + QString::number(page.section),
                   page.man(version, date)))
            return 1;
    }
    for (const QString &link : std::as_const(links)) {
        const QStringList pair = link.split(u'=');
        if (pair.size() != 2)
            return usage();
        const QString target = pair.at(1);
        const QString section = target.section(u'.', -1);
        if (!write(out + u'/' + pair.at(0), u".so man"_s + section + u'/' + target + u'\n'))
            return 1;
    }
    return 0;
}
