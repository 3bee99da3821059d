#include "Cli.h"

#include "util/Profile.h"
#include "util/Translations.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    ipsec::profileMark("main");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ipseccmd"));
    QCoreApplication::setOrganizationName(QStringLiteral("ipsec-console"));
    ipsec::installTranslations();
    QStringList args = QCoreApplication::arguments();
    const QString argv0 = args.isEmpty() ? QString() : args.takeFirst();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = Cli::run(
        QString::fromLocal8Bit(argv[0]).isEmpty() ? argv0 : QString::fromLocal8Bit(argv[0]), args,
        CliIo{out, err});
    ipsec::profileMark("done");
    return code;
}
