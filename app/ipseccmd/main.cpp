#include "Cli.h"

#include "util/Translations.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ipseccmd"));
    QCoreApplication::setOrganizationName(QStringLiteral("ipsec-console"));
    ipsec::installTranslations();
    QStringList args = QCoreApplication::arguments();
    const QString argv0 = args.isEmpty() ? QString() : args.takeFirst();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Cli::run(QString::fromLocal8Bit(argv[0]).isEmpty() ? argv0
                                                              : QString::fromLocal8Bit(argv[0]),
                    args, CliIo{out, err});
}
