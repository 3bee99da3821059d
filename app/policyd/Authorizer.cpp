#include "Authorizer.h"

#include "client/AgentProtocol.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFile>

#include <grp.h>
#include <pwd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

const auto PolkitService = u"org.freedesktop.PolicyKit1"_s;
constexpr int PolkitTimeoutMs = 5 * 60 * 1000; // the user may be typing a password

QString userName(uint uid)
{
    if (const passwd *pw = ::getpwuid(uid))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(uid);
}

// "NAME" or a number; nullopt when no such group exists.
std::optional<gid_t> groupId(const QString &group)
{
    bool numeric = false;
    const uint gid = group.toUInt(&numeric);
    if (numeric)
        return gid_t(gid);
    if (const struct group *gr = ::getgrnam(group.toLocal8Bit().constData()))
        return gr->gr_gid;
    return std::nullopt;
}

// Real uid, real gid and supplementary groups of a process, from /proc/PID/status.
struct Credentials {
    uint uid = 0;
    QList<uint> gids;
};

std::optional<Credentials> credentialsOf(uint pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    Credentials c;
    bool haveUid = false;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> words = line.simplified().split(' ');
        if (words.size() < 2)
            continue;
        if (words.first() == "Uid:") {
            c.uid = words.at(1).toUInt(&haveUid);
        } else if (words.first() == "Gid:") {
            c.gids << words.at(1).toUInt();
        } else if (words.first() == "Groups:") {
            for (qsizetype i = 1; i < words.size(); ++i)
                c.gids << words.at(i).toUInt();
        }
    }
    if (!haveUid)
        return std::nullopt;
    return c;
}

} // namespace

Authorizer::Authorizer(QDBusConnection bus, QString adminGroup, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_adminGroup(std::move(adminGroup))
{
}

QString Authorizer::polkitAction(Action action)
{
    switch (action) {
    case Action::Read:
        return QLatin1StringView(AgentProtocol::ReadAction);
    case Action::Modify:
        return QLatin1StringView(AgentProtocol::ModifyAction);
    case Action::Emergency:
        return QLatin1StringView(AgentProtocol::EmergencyAction);
    }
    return {};
}

bool Authorizer::polkitRuns() const
{
    auto *bus = m_bus.interface();
    return bus && bus->isServiceRegistered(PolkitService).value();
}

QString Authorizer::refusal(const QString &what, const QString &why) const
{
    return tr("Not authorized to %1: %2").arg(what, why);
}

void Authorizer::authorize(const QDBusMessage &call, Action action, const QString &what, Done done)
{
    auto *bus = m_bus.interface();
    const auto uid = bus ? bus->serviceUid(call.service()) : QDBusReply<uint>();
    if (!uid.isValid()) {
        done(Error::permission(refusal(what, tr("the caller's user could not be determined."))));
        return;
    }
    if (uid.value() == 0) {
        done({});
        return;
    }
    if (polkitRuns()) {
        askPolkit(call, action, what, std::move(done));
        return;
    }
    if (action == Action::Read) {
        done({});
        return;
    }
    done(checkGroup(call, uid.value(), what));
}

ipsec::Result<void> Authorizer::checkGroup(const QDBusMessage &call, uint uid,
                                           const QString &what) const
{
    const auto gid = groupId(m_adminGroup);
    const QString who = tr("user %1 (uid %2)").arg(userName(uid)).arg(uid);
    if (!gid)
        return Error::permission(refusal(
            what, tr("only root may make changes, because the admin group \"%1\" does not exist.")
                      .arg(m_adminGroup)));
    const auto pid = m_bus.interface()->servicePid(call.service());
    const auto creds = pid.isValid() ? credentialsOf(pid.value()) : std::nullopt;
    if (!creds || creds->uid != uid)
        return Error::permission(
            refusal(what, tr("the groups of %1 could not be read from the system.").arg(who)));
    if (creds->gids.contains(uint(*gid)))
        return {};
    return Error::permission(refusal(
        what,
        tr("%1 is neither root nor a member of the admin group \"%2\".").arg(who, m_adminGroup)));
}

void Authorizer::askPolkit(const QDBusMessage &call, Action action, const QString &what, Done done)
{
    QDBusMessage check = QDBusMessage::createMethodCall(
        PolkitService, u"/org/freedesktop/PolicyKit1/Authority"_s,
        u"org.freedesktop.PolicyKit1.Authority"_s, u"CheckAuthorization"_s);
    QDBusArgument subject;
    subject.beginStructure();
    subject << u"system-bus-name"_s << QVariantMap{{u"name"_s, call.service()}};
    subject.endStructure();
    constexpr uint AllowUserInteraction = 1;
    check << QVariant::fromValue(subject) << polkitAction(action)
          << QVariant::fromValue(QMap<QString, QString>{}) << AllowUserInteraction << QString();
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(check, PolkitTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, what, action, done = std::move(done)](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusMessage reply = w->reply();
                if (reply.type() != QDBusMessage::ReplyMessage) {
                    done(Error::permission(refusal(
                        what, tr("polkit could not be asked (%1).").arg(w->error().message()))));
                    return;
                }
                bool authorized = false;
                bool challenge = false;
                QMap<QString, QString> details;
                const auto arg = reply.arguments().value(0).value<QDBusArgument>();
                arg.beginStructure();
                arg >> authorized >> challenge >> details;
                arg.endStructure();
                if (authorized)
                    done({});
                else
                    done(Error::permission(
                        refusal(what, tr("polkit refused action %1.").arg(polkitAction(action)))));
            });
}
