#pragma once

// Test helper: a private D-Bus "system" bus (its own dbus-daemon, socket in a temporary folder
// that other users can reach) and the real ipsec-policyd on it, serving a namespace of the test;
// the real ipseccmd run against it, as root or as another user (setpriv).

#include <QDBusConnection>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

struct AgentRun {
    int code = -1;
    QString out;
    QString err;
    QString describe() const;
};

class AgentFixture {
public:
    AgentFixture();
    ~AgentFixture(); // stops the agent and the bus it started

    // Starts dbus-daemon --nofork --print-address with a generated configuration: a private bus
    // that allows everything, then the project's bus policy file (what the package installs in
    // /usr/share/dbus-1/system.d); adminGroup (a gid) gets what it gives "sudo".
    bool startBus(QString *error, const QString &adminGroup = {});
    QString busAddress() const { return m_address; }
    // A connection of this process to the private bus (a new name each call).
    QDBusConnection connect();

    // Starts ipsec-policyd --netns NETNS --store <temp>/policy.db ARGS and waits until it
    // answers Status().
    bool startAgent(const QString &netns, const QStringList &args, QString *error);
    void killAgent();          // SIGKILL, as a crash
    void stopAgent(bool stop); // SIGSTOP / SIGCONT: a hanging agent
    bool agentRunning() const;
    qint64 agentPid() const { return m_agent.processId(); }
    QString agentLog();

    QString storePath() const;
    QString runtimeDir() const;
    QProcessEnvironment environment() const;

    // The real ipseccmd with DBUS_SYSTEM_BUS_ADDRESS on the private bus; `user` not empty:
    // through `setpriv USER...` (e.g. --reuid=65534 --regid=65534 --clear-groups).
    AgentRun ipseccmd(const QStringList &args, const QStringList &user = {}, int timeoutMs = 60000);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_bus;
    QProcess m_agent;
    QString m_address;
    QString m_agentLog;
};
