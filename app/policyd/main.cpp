// ipsec-policyd: the policy agent. Runs as root (systemd), applies the assigned static policy at
// start, holds the dynamic filters, watches the store and serves the console and ipseccmd on
// the system bus.

#include "EnforcementWatch.h"
#include "PolicyAgent.h"
#include "PolicydHelp.h"

#include "service/PolicyService.h"
#include "store/PolicyStore.h"
#include "util/NetNamespace.h"
#include "util/Translations.h"
#include "vici/DaemonWatch.h"
#include "vici/ViciClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QFile>
#include <QSettings>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const auto DefaultConfig = u"/etc/ipsec-console/policyd.conf"_s;

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "ipsec-policyd: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ipsec-policyd"_s);
    QCoreApplication::setOrganizationName(u"ipsec-console"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(IPSEC_VERSION));
    ipsec::installTranslations();
    // systemd's journal adds the time and the program name itself.
    qSetMessagePattern(u"%{if-warning}warning: %{endif}%{if-critical}error: %{endif}%{message}"_s);

    // The options are described once, in PolicydHelp (--help and the manual page).
    QCommandLineParser parser;
    parser.addVersionOption();
    const QCommandLineOption help({u"h"_s, u"help"_s, u"?"_s}, QString());
    const QCommandLineOption netns(u"netns"_s, QString(), u"NAME"_s);
    const QCommandLineOption store(u"store"_s, QString(), u"PATH"_s);
    const QCommandLineOption adminGroup(u"admin-group"_s, QString(), u"GROUP"_s);
    const QCommandLineOption config(u"config"_s, QString(), u"PATH"_s);
    const QCommandLineOption watch(u"watch-interval"_s, QString(), u"MS"_s, u"1000"_s);
    const QCommandLineOption session(u"session"_s, QString());
    const QCommandLineOption vici(u"vici"_s, QString(), u"PATH"_s);
    const QCommandLineOption backend(u"backend"_s, QString(), u"nft|xfrm"_s);
    const QCommandLineOption poll(u"poll-interval"_s, QString(), u"SECONDS"_s, u"0"_s);
    parser.addOptions(
        {help, netns, store, adminGroup, config, watch, session, vici, backend, poll});
    parser.addOptions(ipsec::ds::DirectoryOptions::commandLineOptions());
    parser.process(app);
    if (parser.isSet(help)) {
        std::fputs(PolicydHelp::page().text().toLocal8Bit().constData(), stdout);
        return 0;
    }

    PolicyAgent::Options options;
    QSettings settings(parser.isSet(config) ? parser.value(config) : DefaultConfig,
                       QSettings::IniFormat);
    if (parser.isSet(config) && settings.status() != QSettings::NoError)
        return fail(
            QCoreApplication::translate("main", "Cannot read %1.").arg(parser.value(config)), 2);
    options.adminGroup = parser.isSet(adminGroup)
                             ? parser.value(adminGroup)
                             : settings.value(u"AdminGroup"_s, u"sudo"_s).toString();
    bool numeric = false;
    options.watchIntervalMs = parser.value(watch).toInt(&numeric);
    if (!numeric || options.watchIntervalMs < 50)
        return fail(QCoreApplication::translate("main", "--watch-interval needs at least 50 ms."),
                    2);
    options.pollIntervalSeconds = parser.value(poll).toInt(&numeric);
    if (!numeric || options.pollIntervalSeconds < 0)
        return fail(QCoreApplication::translate("main", "--poll-interval needs a number of "
                                                        "seconds (0: the policy's own)."),
                    2);
    options.busType =
        parser.isSet(session) ? QDBusConnection::SessionBus : QDBusConnection::SystemBus;
    options.service.storePath = parser.value(store);
    options.service.directory = ipsec::ds::DirectoryOptions::fromParser(parser);
    // A password file anybody could read (or change) is refused now, not at the first poll.
    if (QString file = options.service.directory.bindPasswordFile.isEmpty()
                           ? qEnvironmentVariable("IPSEC_CONSOLE_BIND_PASSWORD_FILE")
                           : options.service.directory.bindPasswordFile;
        !file.isEmpty()) {
        if (auto ok = ipsec::ds::DirectoryOptions::readPasswordFile(file); !ok)
            return fail(ok.error().message, int(ok.error().code));
    }
    // The IKE half of the service reads the socket from the environment (core/vici).
    if (parser.isSet(vici))
        qputenv("IPSEC_CONSOLE_VICI", QFile::encodeName(parser.value(vici)));
    if (parser.isSet(backend)) {
        auto b = ipsec::PolicyService::resolveKernelBackend(parser.value(backend));
        if (!b || parser.value(backend).isEmpty())
            return fail(QCoreApplication::translate("main", "--backend needs nft or xfrm."), 2);
        options.service.kernelBackend = b.value();
    }
    options.service.netns = ipsec::resolveNetworkNamespace(parser.value(netns));

    // The namespace first: every netlink socket of the agent is opened in it.
    if (!options.service.netns.isEmpty()) {
        if (auto ok = ipsec::enterNetworkNamespace(options.service.netns); !ok)
            return fail(ok.error().message, int(ok.error().code));
    }
    QDBusConnection bus =
        parser.isSet(session) ? QDBusConnection::sessionBus() : QDBusConnection::systemBus();
    if (!bus.isConnected())
        return fail(QCoreApplication::translate("main", "No D-Bus connection: %1")
                        .arg(bus.lastError().message()),
                    6);
    // The agent's worker thread starts here, in the namespace, and opens the store there.
    PolicyAgent agent(bus, options);
    if (auto opened = agent.open(); !opened)
        return fail(opened.error().message, int(opened.error().code));
    const bool enforcing = agent.isEnforcing();
    if (!enforcing)
        qWarning().noquote() << QCoreApplication::translate(
            "main", "Not root: the store is served, the kernel is not changed.");
    // Address, route and SPD changes are followed from before the first enforcement on, so
    // nothing that happens during start-up is missed.
    EnforcementWatch networkWatch;
    if (enforcing) {
        QObject::connect(&networkWatch, &EnforcementWatch::enforcementNeeded, &agent,
                         &PolicyAgent::enforceSoon);
        for (const QString &problem : networkWatch.start())
            qWarning().noquote() << problem;
    }
    // charon (re)started: it has none of the project's connections; load them again. Connected
    // after start(): a charon that runs now gets them from startUp() below.
    ipsec::vici::DaemonWatch charonWatch(ipsec::vici::Client::socketPath());
    if (enforcing) {
        charonWatch.start();
        QObject::connect(&charonWatch, &ipsec::vici::DaemonWatch::connected, &agent, [&] {
            agent.enforceSoon(QCoreApplication::translate("main", "The IKE daemon answers at %1")
                                  .arg(charonWatch.socketPath()));
        });
        QObject::connect(&charonWatch, &ipsec::vici::DaemonWatch::lost, &agent,
                         [](const QString &why) {
                             qWarning().noquote()
                                 << QCoreApplication::translate(
                                        "main", "Negotiation is unavailable: %1; waiting for it to "
                                                "come back.")
                                        .arg(why);
                         });
    }
    auto started = agent.startUp();
    if (!started)
        qWarning().noquote() << QCoreApplication::translate("main", "Enforcing at start failed: %1")
                                    .arg(started.error().message);
    else
        for (const QString &m : started->messages)
            qInfo().noquote() << m;
    if (auto ok = agent.registerOnBus(); !ok)
        return fail(ok.error().message, int(ok.error().code));
    qInfo().noquote() << QCoreApplication::translate(
                             "main", "Serving %1 (network namespace %2, store %3, admin group %4).")
                             .arg(ipsec::AgentProtocol::service(),
                                  options.service.netns.isEmpty() ? u"(default)"_s
                                                                  : options.service.netns,
                                  ipsec::PolicyStore::resolvePath(options.service.storePath),
                                  options.adminGroup);
    // SIGTERM (systemctl stop) ends the process as it is: every store change is one SQLite
    // transaction, and the kernel keeps the static policy until the next start.
    return QCoreApplication::exec();
}
