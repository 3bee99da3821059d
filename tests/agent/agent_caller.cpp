// Test helper for test_agent_hardening: a D-Bus client of the policy agent that the test runs as
// an unprivileged user (setpriv), to send what an ordinary local user could send.
//
//   agent_caller netsh-flood COUNT CHARS SMALL   COUNT ExecuteNetsh calls of a CHARS-character
//                                                script and SMALL small change calls, all at once
//   agent_caller exports COUNT                   COUNT ExportSnapshot calls at once
//   agent_caller urgent-flood COUNT CHARS        COUNT Status calls with a CHARS-character
//                                                argument to the agent's urgent name
//   agent_caller peer-flood COUNT CHARS          the same on the agent's socket
//   agent_caller fake-polkit                     owns org.freedesktop.PolicyKit1 and says yes
//                                                to every CheckAuthorization (prints "ready")
//
// The bus is DBUS_SYSTEM_BUS_ADDRESS. Waits (up to 60 s) for every reply and prints
// "replies N errors M" and the error names seen.

#include "client/AgentProtocol.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusVirtualObject>
#include <QSet>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class YesPolkit : public QDBusVirtualObject {
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() != u"CheckAuthorization"_s)
            return false;
        QDBusArgument result;
        result.beginStructure();
        result << true << false << QMap<QString, QString>();
        result.endStructure();
        connection.send(message.createReply(QVariant::fromValue(result)));
        return true;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return 3;
    if (args.at(1) == u"fake-polkit"_s) {
        YesPolkit polkit;
        if (!bus.registerVirtualObject(u"/org/freedesktop/PolicyKit1/Authority"_s, &polkit)
            || !bus.registerService(u"org.freedesktop.PolicyKit1"_s))
            return 4;
        std::printf("ready\n");
        std::fflush(stdout);
        return QCoreApplication::exec();
    }
    if (args.size() < 3)
        return 2;
    const auto call = [](const QString &method, const QVariantList &arguments) {
        QDBusMessage m = QDBusMessage::createMethodCall(ipsec::AgentProtocol::service(),
                                                        ipsec::AgentProtocol::path(),
                                                        ipsec::AgentProtocol::interface(), method);
        m.setArguments(arguments);
        return m;
    };
    QList<QDBusMessage> calls;
    if (args.at(1) == u"netsh-flood"_s && args.size() >= 5) {
        const int count = args.at(2).toInt();
        const QString script = QString(args.at(3).toInt(), u'x');
        const int small = args.at(4).toInt();
        for (int i = 0; i < count; ++i)
            calls << call(u"ExecuteNetsh"_s, {script, u"flood"_s, QVariantMap()});
        for (int i = 0; i < small; ++i)
            calls << call(u"ExecuteDynamic"_s, {QStringList{u"-u"_s}, QVariantMap()});
    } else if ((args.at(1) == u"urgent-flood"_s || args.at(1) == u"peer-flood"_s)
               && args.size() >= 4) {
        const bool peer = args.at(1) == u"peer-flood"_s;
        if (peer) {
            bus = QDBusConnection::connectToPeer(
                u"unix:path="_s + ipsec::AgentProtocol::peerSocketPath(), u"peer"_s);
            if (!bus.isConnected())
                return 5;
        }
        const QString text = QString(args.at(3).toInt(), u'x');
        for (int i = 0, n = args.at(2).toInt(); i < n; ++i) {
            QDBusMessage m = QDBusMessage::createMethodCall(
                peer ? QString() : ipsec::AgentProtocol::urgentService(),
                ipsec::AgentProtocol::path(), ipsec::AgentProtocol::interface(), u"Status"_s);
            m << text;
            calls << m;
        }
    } else if (args.at(1) == u"exports"_s) {
        for (int i = 0, n = args.at(2).toInt(); i < n; ++i)
            calls << call(u"ExportSnapshot"_s, {QString()});
    } else {
        return 2;
    }
    int replies = 0;
    int errors = 0;
    QSet<QString> names;
    for (const QDBusMessage &m : calls) {
        auto *w = new QDBusPendingCallWatcher(bus.asyncCall(m, 60000), &app);
        QObject::connect(w, &QDBusPendingCallWatcher::finished, &app,
                         [&, total = calls.size()](QDBusPendingCallWatcher *self) {
                             self->deleteLater();
                             if (self->isError()) {
                                 ++errors;
                                 names.insert(self->error().name());
                             } else {
                                 ++replies;
                             }
                             if (replies + errors == total)
                                 QCoreApplication::quit();
                         });
    }
    QTimer::singleShot(65000, &app, &QCoreApplication::quit);
    QCoreApplication::exec();
    std::printf("replies %d errors %d %s\n", replies, errors,
                qPrintable(QStringList(names.cbegin(), names.cend()).join(u' ')));
    return 0;
}
