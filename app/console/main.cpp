#include "MainWindow.h"

#include "service/PolicyService.h"
#include "util/NetNamespace.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"ipsec-console"_s);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "IPsec Policy Console"));
    QApplication::setOrganizationName(u"ipsec-console"_s);
    QApplication::setApplicationVersion(QStringLiteral(IPSEC_VERSION));

    ipsec::installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Manage the host's IPsec filtering policy."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(
        u"store"_s, QApplication::translate("main", "Use the static policy store at PATH."),
        QApplication::translate("main", "PATH"));
    const QCommandLineOption netnsOption(
        u"netns"_s, QApplication::translate("main", "Work in network namespace NAME."),
        QApplication::translate("main", "NAME"));
    parser.addOption(storeOption);
    parser.addOption(netnsOption);
    parser.process(app);

    ipsec::PolicyService::Options options;
    options.storePath = parser.value(storeOption);
    options.netns = ipsec::resolveNetworkNamespace(parser.value(netnsOption));
    if (!options.netns.isEmpty()) {
        if (auto ok = ipsec::enterNetworkNamespace(options.netns); !ok) {
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), ok.error().message);
            return int(ok.error().code);
        }
    }
    auto service = ipsec::PolicyService::open(options);
    if (!service) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(),
                              service.error().message);
        return int(service.error().code);
    }
    ipsec::ui::MainWindow window(*service.value());
    window.show();
    return app.exec();
}
