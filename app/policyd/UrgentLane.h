#pragma once

#include "util/Result.h"

#include <QDBusConnection>
#include <QHash>
#include <QThread>

#include <atomic>
#include <functional>

class PolicyAgent;
struct DBusConnection;
struct DBusMessage;

// Status and EmergencyUnassign on a second bus connection of the agent, under its own name
// (AgentProtocol::UrgentService), read and answered on its own thread with libdbus itself.
//
// Why: a bus connection is one queue. A flood of calls to the agent's main name (five 16 MB
// scripts) sits in the bus daemon's queue to that connection in front of every later call, and
// libdbus reads 4 KiB per wake-up: Status waited 3-5 s behind it. QtDBus serves all connections
// of a process on one thread, which that flood keeps busy too (it converts each 16 MB string),
// so this lane does not use QtDBus. Nothing else travels on it.
//
// Nobody may jam it in turn: the bus policy lets only root and the admin group call it (and
// only these two methods), and a message bigger than MaxMessageSize closes the connection as
// soon as its header is read (it is opened again at once). Everyone else uses the main name.
class UrgentLane : public QThread {
    Q_OBJECT
public:
    UrgentLane(PolicyAgent &agent, QDBusConnection::BusType busType, QString adminGroup);
    ~UrgentLane() override; // closes the connection, ends the thread

    static constexpr long MaxMessageSize = 64 * 1024;
    static constexpr int ReconnectDelayMs = 100;

protected:
    void run() override;

private:
    struct Credentials {
        bool valid = false;
        uint uid = 0;
        uint pid = 0;
    };
    QString connectBus();
    void closeBus();
    static int handleMessage(DBusConnection *connection, DBusMessage *message, void *self);
    void status(DBusMessage *call);
    void emergencyUnassign(DBusMessage *call);
    // Root, polkit (when a polkit owned by root runs; it may ask for a password), else the
    // admin group: as Authorizer does for the main name, but on this connection.
    void authorize(DBusMessage *call, std::function<void(const ipsec::Result<void> &)> done);
    Credentials credentials(const QString &sender);
    bool polkitTrusted();

    PolicyAgent &m_agent;
    QDBusConnection::BusType m_busType;
    QString m_adminGroup;
    DBusConnection *m_connection = nullptr; // this thread's
    QObject *m_context = nullptr;           // this thread's: times early answers
    QHash<QString, Credentials> m_credentials;
    std::atomic_int m_waiting{0}; // answers that another thread will send
};
