#pragma once

#include "util/Result.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>

#include <functional>

// Decides whether the sender of a D-Bus call may do what it asks. Reading is open to local
// users; changes need root or, where polkitd runs on the bus, polkit's yes (which may ask for a
// password, hence the callback), else membership of the admin group, checked from the
// caller's real credentials (the bus daemon's uid and pid, the groups from /proc/PID/status).
class Authorizer : public QObject {
    Q_OBJECT
public:
    enum class Action { Read, Modify, Emergency };

    Authorizer(QDBusConnection bus, QString adminGroup, QObject *parent = nullptr);

    using Done = std::function<void(const ipsec::Result<void> &)>;
    // Calls done exactly once, now or later (polkit), with an error naming what was refused
    // and why.
    void authorize(const QDBusMessage &call, Action action, const QString &what, Done done);

    static QString polkitAction(Action action);
    const QString &adminGroup() const { return m_adminGroup; }

private:
    bool polkitRuns() const;
    void askPolkit(const QDBusMessage &call, Action action, const QString &what, Done done);
    ipsec::Result<void> checkGroup(const QDBusMessage &call, uint uid, const QString &what) const;
    QString refusal(const QString &what, const QString &why) const;

    QDBusConnection m_bus;
    QString m_adminGroup;
};
