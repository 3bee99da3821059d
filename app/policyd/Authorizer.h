#pragma once

#include "util/Result.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QObject>

#include <functional>

// Decides whether the sender of a D-Bus call may do what it asks. Reading is open to local
// users; changes need root or, where polkitd runs on the bus (as root), polkit's yes (which may
// ask for a password), else membership of the admin group, checked from the caller's real
// credentials (the bus daemon's uid and pid, the groups from /proc/PID/status).
//
// Nothing here blocks: the bus is asked asynchronously (GetConnectionCredentials, cached per
// unique sender name until it leaves the bus; polkit), and the answer comes through a callback,
// so a flood of calls never keeps the agent from reading the bus.
class Authorizer : public QObject {
    Q_OBJECT
public:
    enum class Action { Read, Modify, Emergency };

    Authorizer(QDBusConnection bus, QString adminGroup, QObject *parent = nullptr);

    using Done = std::function<void(const ipsec::Result<void> &)>;
    // Calls done exactly once, now or later, with an error naming what was refused and why.
    void authorize(const QDBusMessage &call, Action action, const QString &what, Done done);
    // Whether the caller may see secrets (preshared keys): whoever may change the policy without
    // being asked for a password (root, polkit's yes to the modify action, the admin group).
    void maySeeSecrets(const QDBusMessage &call, std::function<void(bool)> done);

    static QString polkitAction(Action action);
    // For UrgentLane, which asks the bus itself: the refusal's text, and whether the process
    // `pid` of user `uid` is in `group` (from /proc/PID/status).
    static QString refusal(const QString &what, const QString &why);
    static ipsec::Result<void> checkGroup(uint uid, uint pid, const QString &group,
                                          const QString &what);
    const QString &adminGroup() const { return m_adminGroup; }
    // Senders whose credentials are kept at most (more: the cache starts again).
    static constexpr qsizetype MaxCachedSenders = 400;

private Q_SLOTS:
    void nameOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    struct Credentials {
        bool valid = false;
        uint uid = 0;
        uint pid = 0;
    };
    using CredentialsDone = std::function<void(const Credentials &)>;
    void credentials(const QString &sender, CredentialsDone done);
    // Whether a polkit owned by root runs on the bus (a polkit name owned by anyone else is
    // ignored, with a warning).
    void polkitTrusted(std::function<void(bool)> done);
    void askPolkit(const QString &sender, Action action, bool interactive,
                   std::function<void(bool authorized, const QString &error)> done);
    ipsec::Result<void> checkGroup(const Credentials &c, const QString &what) const
    {
        return checkGroup(c.uid, c.pid, m_adminGroup, what);
    }

    QDBusConnection m_bus;
    QString m_adminGroup;
    QHash<QString, Credentials> m_credentials;
    QHash<QString, QList<CredentialsDone>> m_credentialsWaiting;
    enum class Polkit { Unknown, LookingUp, Absent, Trusted };
    Polkit m_polkit = Polkit::Unknown;
    QList<std::function<void(bool)>> m_polkitWaiting;
};
