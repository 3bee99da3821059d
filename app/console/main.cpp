#include "MainWindow.h"

#include "client/ClientFactory.h"
#include "util/NetNamespace.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>
#include <QWizard>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct ConsoleOptions {
    QCommandLineOption store{
        u"store"_s, QCoreApplication::translate("main", "Use the static policy store at PATH."),
        QCoreApplication::translate("main", "PATH")};
    QCommandLineOption netns{u"netns"_s,
                             QCoreApplication::translate("main", "Work in network namespace NAME."),
                             QCoreApplication::translate("main", "NAME")};
    QCommandLineOption screenshot{
        u"screenshot"_s,
        QCoreApplication::translate("main", "Save a picture of the main window to PATH and quit."),
        QCoreApplication::translate("main", "PATH")};
    QCommandLineOption agent{
        u"agent"_s,
        QCoreApplication::translate("main", "Work only through the policy agent ipsec-policyd.")};
    QCommandLineOption noAgent{
        u"no-agent"_s,
        QCoreApplication::translate("main", "Never use the policy agent; work in this process.")};
    QCommandLineOption wizardScreenshot{
        u"screenshot-wizard"_s,
        QCoreApplication::translate("main", "With --screenshot: also picture the Block-a-port "
                                            "wizard."),
        QCoreApplication::translate("main", "PATH")};
};

void setUp(QCommandLineParser &parser, const ConsoleOptions &o)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Manage the host's IPsec filtering policy."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(o.store);
    parser.addOption(o.netns);
    parser.addOption(o.agent);
    parser.addOption(o.noAgent);
    parser.addOption(o.screenshot);
    parser.addOption(o.wizardScreenshot);
}

bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "-?" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // --help and --version answer on the terminal, without a display.
    std::unique_ptr<QCoreApplication> app = wantsTextOnly(argc, argv)
                                                ? std::make_unique<QCoreApplication>(argc, argv)
                                                : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"ipsec-console"_s);
    QCoreApplication::setOrganizationName(u"ipsec-console"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(IPSEC_VERSION));
    ipsec::installTranslations();
    if (qobject_cast<QGuiApplication *>(app.get()))
        QGuiApplication::setApplicationDisplayName(
            QCoreApplication::translate("main", "IPsec Policy Console"));

    const ConsoleOptions options;
    QCommandLineParser parser;
    setUp(parser, options);
    parser.process(*app);

    // The agent when it runs (the console then needs no root), else this process.
    ipsec::ClientOptions clientOptions;
    clientOptions.service.storePath = parser.value(options.store);
    clientOptions.service.netns = ipsec::resolveNetworkNamespace(parser.value(options.netns));
    if (parser.isSet(options.agent))
        clientOptions.backend = ipsec::ClientOptions::Backend::Agent;
    else if (parser.isSet(options.noAgent))
        clientOptions.backend = ipsec::ClientOptions::Backend::InProcess;
    const auto fail = [](const ipsec::Error &e) {
        QMessageBox::critical(nullptr, QGuiApplication::applicationDisplayName(), e.message);
        return int(e.code);
    };
    auto service = ipsec::openPolicyClient(clientOptions);
    if (!service)
        return fail(service.error());
    QApplication::setWindowIcon(QIcon(u":/icons/ipsec-console.svg"_s));
    QGuiApplication::setDesktopFileName(u"ipsec-console"_s);
    ipsec::ui::MainWindow window(*service.value());
    window.show();
    // For the README: --screenshot PATH saves the window (and, with --screenshot-wizard PATH,
    // the Block-a-port wizard) as PNG and quits. Works on the offscreen platform.
    if (parser.isSet(options.screenshot))
        QTimer::singleShot(800, &window, [&] {
            window.grab().save(parser.value(options.screenshot));
            if (parser.isSet(options.wizardScreenshot)) {
                if (auto *action = window.findChild<QAction *>(u"blockPortAction"_s))
                    action->trigger();
            }
            QTimer::singleShot(800, &window, [&] {
                if (auto *wizard = window.findChild<QWizard *>())
                    wizard->grab().save(parser.value(options.wizardScreenshot));
                QCoreApplication::quit();
            });
        });
    return QCoreApplication::exec();
}
