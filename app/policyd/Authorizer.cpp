#include "Authorizer.h"

#include "client/AgentProtocol.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QFile>

#include <grp.h>
#include <pwd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

const auto PolkitService = u"org.freedesktop.PolicyKit1"_s;
const auto BusService = u"org.freedesktop.DBus"_s;
const auto BusPath = u"/org/freedesktop/DBus"_s;
constexpr int PolkitTimeoutMs = 5 * 60 * 1000; // the user may be typing a password
constexpr int BusTimeoutMs = 10 * 1000;

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
struct ProcessIds {
    uint uid = 0;
    QList<uint> gids;
};

std::optional<ProcessIds> processIds(uint pid)
{
    QFile f(u"/proc/%1/status"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    ProcessIds c;
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

QDBusMessage busCall(const QString &method, const QString &argument)
{
    QDBusMessage m = QDBusMessage::createMethodCall(BusService, BusPath, BusService, method);
    m << argument;
    return m;
}

} // namespace

Authorizer::Authorizer(QDBusConnection bus, QString adminGroup, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_adminGroup(std::move(adminGroup))
{
    // Unique names leave the cache when their connection closes; a new polkit owner is looked
    // at again. (QDBusConnection::connect takes a slot signature.)
    m_bus.connect(BusService, BusPath, BusService, u"NameOwnerChanged"_s, this,
                  SLOT(nameOwnerChanged(QString, QString, QString)));
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

QString Authorizer::refusal(const QString &what, const QString &why)
{
    return tr("Not authorized to %1: %2").arg(what, why);
}

void Authorizer::nameOwnerChanged(const QString &name, const QString &, const QString &newOwner)
{
    if (name == PolkitService) {
        m_polkit = Polkit::Unknown;
        return;
    }
    if (newOwner.isEmpty() && name.startsWith(u':'))
        m_credentials.remove(name);
}

void Authorizer::credentials(const QString &sender, CredentialsDone done)
{
    if (const auto it = m_credentials.constFind(sender); it != m_credentials.cend()) {
        done(it.value());
        return;
    }
    auto &waiting = m_credentialsWaiting[sender];
    waiting << std::move(done);
    if (waiting.size() > 1)
        return; // asked already
    auto *watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(busCall(u"GetConnectionCredentials"_s, sender), BusTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, sender](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                Credentials c;
                const QDBusMessage reply = w->reply();
                if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
                    const auto map = qdbus_cast<QVariantMap>(reply.arguments().constFirst());
                    bool uidOk = false;
                    bool pidOk = false;
                    c.uid = map.value(u"UnixUserID"_s).toUInt(&uidOk);
                    c.pid = map.value(u"ProcessID"_s).toUInt(&pidOk);
                    c.valid = uidOk && pidOk;
                }
                if (c.valid) {
                    if (m_credentials.size() >= MaxCachedSenders)
                        m_credentials.clear();
                    m_credentials.insert(sender, c);
                }
                const auto callbacks = m_credentialsWaiting.take(sender);
                for (const auto &d : callbacks)
                    d(c);
            });
}

void Authorizer::polkitTrusted(std::function<void(bool)> done)
{
    if (m_polkit == Polkit::Absent || m_polkit == Polkit::Trusted) {
        done(m_polkit == Polkit::Trusted);
        return;
    }
    m_polkitWaiting << std::move(done);
    if (m_polkit == Polkit::LookingUp)
        return;
    m_polkit = Polkit::LookingUp;
    const auto settle = [this](Polkit state) {
        if (m_polkit == Polkit::LookingUp) // not reset by NameOwnerChanged meanwhile
            m_polkit = state;
        const auto waiting = std::exchange(m_polkitWaiting, {});
        for (const auto &d : waiting)
            d(state == Polkit::Trusted);
    };
    // Who owns the polkit name, then whether that is root: any user may own the name on a bus
    // whose policy allows it, and must not be able to say yes to everything.
    auto *owner = new QDBusPendingCallWatcher(
        m_bus.asyncCall(busCall(u"GetNameOwner"_s, PolkitService), BusTimeoutMs), this);
    connect(owner, &QDBusPendingCallWatcher::finished, this,
            [this, settle](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusMessage reply = w->reply();
                if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
                    return settle(Polkit::Absent);
                const QString name = reply.arguments().constFirst().toString();
                credentials(name, [settle, name](const Credentials &c) {
                    if (c.valid && c.uid == 0)
                        return settle(Polkit::Trusted);
                    if (c.valid)
                        qWarning().noquote()
                            << tr("%1 is owned by %2, uid %3, not by root: polkit is not asked.")
                                   .arg(PolkitService, name)
                                   .arg(c.uid);
                    settle(Polkit::Absent);
                });
            });
}

void Authorizer::askPolkit(const QString &sender, Action action, bool interactive,
                           std::function<void(bool, const QString &)> done)
{
    QDBusMessage check = QDBusMessage::createMethodCall(
        PolkitService, u"/org/freedesktop/PolicyKit1/Authority"_s,
        u"org.freedesktop.PolicyKit1.Authority"_s, u"CheckAuthorization"_s);
    QDBusArgument subject;
    subject.beginStructure();
    subject << u"system-bus-name"_s << QVariantMap{{u"name"_s, sender}};
    subject.endStructure();
    const uint flags = interactive ? 1 : 0; // AllowUserInteraction
    check << QVariant::fromValue(subject) << polkitAction(action)
          << QVariant::fromValue(QMap<QString, QString>{}) << flags << QString();
    auto *watcher = new QDBusPendingCallWatcher(
        m_bus.asyncCall(check, interactive ? PolkitTimeoutMs : BusTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [done = std::move(done)](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusMessage reply = w->reply();
                if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
                    done(false, w->error().message());
                    return;
                }
                bool authorized = false;
                bool challenge = false;
                QMap<QString, QString> details;
                const auto arg = reply.arguments().value(0).value<QDBusArgument>();
                arg.beginStructure();
                arg >> authorized >> challenge >> details;
                arg.endStructure();
                done(authorized, QString());
            });
}

void Authorizer::authorize(const QDBusMessage &call, Action action, const QString &what, Done done)
{
    const QString sender = call.service();
    credentials(sender, [this, sender, action, what, done = std::move(done)](const Credentials &c) {
        if (!c.valid) {
            done(
                Error::permission(refusal(what, tr("the caller's user could not be determined."))));
            return;
        }
        if (c.uid == 0) {
            done({});
            return;
        }
        polkitTrusted([this, sender, action, what, c, done](bool polkit) {
            if (polkit) {
                askPolkit(
                    sender, action, true,
                    [this, what, action, done](bool authorized, const QString &error) {
                        if (authorized)
                            done({});
                        else if (!error.isEmpty())
                            done(Error::permission(
                                refusal(what, tr("polkit could not be asked (%1).").arg(error))));
                        else
                            done(Error::permission(refusal(
                                what, tr("polkit refused action %1.").arg(polkitAction(action)))));
                    });
                return;
            }
            if (action == Action::Read) {
                done({});
                return;
            }
            done(checkGroup(c, what));
        });
    });
}

void Authorizer::maySeeSecrets(const QDBusMessage &call, std::function<void(bool)> done)
{
    const QString sender = call.service();
    credentials(sender, [this, sender, done = std::move(done)](const Credentials &c) {
        if (!c.valid || c.uid == 0) {
            done(c.valid);
            return;
        }
        polkitTrusted([this, sender, c, done](bool polkit) {
            if (polkit)
                askPolkit(sender, Action::Modify, false,
                          [done](bool authorized, const QString &) { done(authorized); });
            else
                done(bool(checkGroup(c, QString())));
        });
    });
}

Result<void> Authorizer::checkGroup(uint uid, uint pid, const QString &group, const QString &what)
{
    const auto gid = groupId(group);
    const QString who = tr("user %1 (uid %2)").arg(userName(uid)).arg(uid);
    if (!gid)
        return Error::permission(refusal(
            what, tr("only root may make changes, because the admin group \"%1\" does not exist.")
                      .arg(group)));
    const auto ids = processIds(pid);
    if (!ids || ids->uid != uid)
        return Error::permission(
            refusal(what, tr("the groups of %1 could not be read from the system.").arg(who)));
    if (ids->gids.contains(uint(*gid)))
        return {};
    return Error::permission(refusal(
        what, tr("%1 is neither root nor a member of the admin group \"%2\".").arg(who, group)));
}
