#pragma once

#include "util/Result.h"

#include <QDBusConnection>
#include <QHash>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

class PolicyAgent;
struct DBusConnection;
struct DBusMessage;
struct DBusServer;
struct DBusWatch;

// One connection served by one thread with libdbus: Status and EmergencyUnassign.
struct LaneConnection {
    DBusConnection *connection = nullptr;
    PolicyAgent *agent = nullptr;
    QObject *context = nullptr; // the serving thread's: times early answers
    // Answers that another thread will send (shared: they may come after the connection ended).
    std::shared_ptr<std::atomic_int> waiting = std::make_shared<std::atomic_int>(0);
    QString caller; // for the log when the messages have no sender (peers)
    // Authorizes an EmergencyUnassign; calls done once, now or later, on the serving thread.
    std::function<void(DBusMessage *, std::function<void(const ipsec::Result<void> &)>)> authorize;
    const char *refusedErrorName = nullptr; // default: NotAuthorized

    bool registerObject(QString *problem);
    // The calling thread's nice value to LanePriority (as root).
    static void raisePriority();
    static constexpr int LanePriority = -10;
    // Reads, dispatches and runs due timers once; false when the connection closed.
    bool serveOnce();
    static int handleMessage(DBusConnection *connection, DBusMessage *message, void *lane);
    void status(DBusMessage *call);
    void emergencyUnassign(DBusMessage *call);
};

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
    // Root, polkit (when a polkit owned by root runs; it may ask for a password), else the
    // admin group: as Authorizer does for the main name, but on this connection.
    void authorize(DBusMessage *call, std::function<void(const ipsec::Result<void> &)> done);
    Credentials credentials(const QString &sender);
    bool polkitTrusted();

    PolicyAgent &m_agent;
    QDBusConnection::BusType m_busType;
    QString m_adminGroup;
    LaneConnection m_lane; // this thread's
    DBusConnection *&m_connection = m_lane.connection;
    QHash<QString, Credentials> m_credentials;
};

// Status and EmergencyUnassign on a socket of the agent (AgentProtocol::peerSocketPath(),
// peer-to-peer D-Bus), so that not even the bus daemon is in between: the daemon copies and
// checks every message in one go, and while it handles a 16 MB one every client of the bus
// waits (up to seconds on a loaded machine). Every client has a connection of its own, served
// on a thread of its own, so what one sends delays nobody else; a message over MaxMessageSize
// closes the sender's connection only. At most MaxPerUser connections per user (root: any
// number up to MaxConnections). Everyone may ask Status; EmergencyUnassign only root and the
// admin group (from the socket's credentials), others get AccessDenied and use the bus, where
// polkit is asked.
class PeerLane : public QThread {
    Q_OBJECT
public:
    PeerLane(PolicyAgent &agent, QString adminGroup);
    ~PeerLane() override;

    static constexpr int MaxConnections = 64;
    static constexpr int MaxPerUser = 4;

protected:
    void run() override;

private:
    class Connection;
    static void newConnection(DBusServer *server, DBusConnection *connection, void *self);
    void reap(bool all);

    PolicyAgent &m_agent;
    QString m_adminGroup;
    QList<DBusWatch *> m_watches;
    QList<Connection *> m_connections;
};
