#include "ConsoleHelp.h"
#include "MainWindow.h"
#include "directory/DirectoryWindow.h"

#include "client/ClientFactory.h"
#include "util/NetNamespace.h"
#include "util/SafeFile.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>
#include <QWizard>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The options are described once, in ConsoleHelp (--help and the manual page).
struct ConsoleOptions {
    QCommandLineOption help{{u"h"_s, u"help"_s, u"?"_s}, QString()};
    QCommandLineOption store{u"store"_s, QString(), u"PATH"_s};
    QCommandLineOption netns{u"netns"_s, QString(), u"NAME"_s};
    QCommandLineOption screenshot{u"screenshot"_s, QString(), u"PATH"_s};
    QCommandLineOption agent{u"agent"_s, QString()};
    QCommandLineOption noAgent{u"no-agent"_s, QString()};
    QCommandLineOption wizardScreenshot{u"screenshot-wizard"_s, QString(), u"PATH"_s};
};

void setUp(QCommandLineParser &parser, const ConsoleOptions &o)
{
    parser.addVersionOption();
    parser.addOptions(
        {o.help, o.store, o.netns, o.agent, o.noAgent, o.screenshot, o.wizardScreenshot});
    parser.addOptions(ipsec::ds::DirectoryOptions::commandLineOptions());
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
    if (parser.isSet(options.help)) {
        std::fputs(ConsoleHelp::page().text().toLocal8Bit().constData(), stdout);
        return 0;
    }

    // The agent when it runs (the console then needs no root), else this process.
    ipsec::ClientOptions clientOptions;
    clientOptions.service.storePath = parser.value(options.store);
    clientOptions.service.netns = ipsec::resolveNetworkNamespace(parser.value(options.netns));
    clientOptions.service.directory = ipsec::ds::DirectoryOptions::fromParser(parser);
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
    // The Active Directory window binds with the same --directory/--bind-dn options.
    window.setDirectoryClientFactory([directory = clientOptions.service.directory] {
        return ipsec::ui::DirectoryWindow::clientFor(directory);
    });
    window.show();
    // Written like every other file of the programs (checked, never through another user's
    // symbolic link).
    const auto savePicture = [](QWidget *widget, const QString &path) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        widget->grab().save(&buffer, "PNG");
        if (auto ok = ipsec::SafeFile::write(path, png, ipsec::SafeFile::Access::Readable); !ok)
            std::fprintf(stderr, "ipsec-console: %s\n", qPrintable(ok.error().message));
    };
    // For the README: --screenshot PATH saves the window (and, with --screenshot-wizard PATH,
    // the Block-a-port wizard) as PNG and quits. Works on the offscreen platform.
    if (parser.isSet(options.screenshot))
        QTimer::singleShot(800, &window, [&] {
            savePicture(&window, parser.value(options.screenshot));
            if (parser.isSet(options.wizardScreenshot)) {
                if (auto *action = window.findChild<QAction *>(u"blockPortAction"_s))
                    action->trigger();
            }
            QTimer::singleShot(800, &window, [&] {
                if (auto *wizard = window.findChild<QWizard *>())
                    savePicture(wizard, parser.value(options.wizardScreenshot));
                QCoreApplication::quit();
            });
        });
    return QCoreApplication::exec();
}
