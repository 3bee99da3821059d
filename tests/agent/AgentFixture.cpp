#include "AgentFixture.h"

#include "client/AgentProtocol.h"

#include <QDBusMessage>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

QString AgentRun::describe() const
{
    return u"exit %1\n--- stdout\n%2--- stderr\n%3"_s.arg(code).arg(out, err);
}

AgentFixture::AgentFixture()
    : m_dir(std::make_unique<QTemporaryDir>(u"/tmp/ipsec-agent-test-XXXXXX"_s))
{
    // Other users (the unprivileged caller of the tests) must reach the bus socket.
    ::chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
}

AgentFixture::~AgentFixture()
{
    for (QProcess *p : {&m_agent, &m_bus}) {
        if (p->state() == QProcess::NotRunning)
            continue;
        if (p == &m_agent)
            stopAgent(false);
        p->kill();
        p->waitForFinished(5000);
    }
}

bool AgentFixture::startBus(QString *error, const QString &adminGroup)
{
    QString groupPolicy;
    if (!adminGroup.isEmpty()) {
        QFile policy(QStringLiteral(BUS_POLICY_PATH));
        if (!policy.open(QIODevice::ReadOnly))
            return *error = u"cannot read "_s + policy.fileName(), false;
        const QString text = QString::fromUtf8(policy.readAll());
        const qsizetype begin = text.indexOf(u"<policy group=\"sudo\">"_s);
        const qsizetype end = text.indexOf(u"</policy>"_s, begin);
        if (begin < 0 || end < 0)
            return *error = u"no sudo policy in "_s + policy.fileName(), false;
        groupPolicy = text.mid(begin, end + 9 - begin)
                          .replace(u"group=\"sudo\""_s, u"group=\"%1\""_s.arg(adminGroup));
    }
    const QString config = m_dir->filePath(u"bus.conf"_s);
    QFile f(config);
    if (!f.open(QIODevice::WriteOnly))
        return *error = u"cannot write "_s + config, false;
    f.write(QStringLiteral(
                R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
  <include>%2</include>
  %3
</busconfig>
)")
                .arg(m_dir->filePath(u"bus"_s), QStringLiteral(BUS_POLICY_PATH), groupPolicy)
                .toUtf8());
    f.close();
    m_bus.start(u"dbus-daemon"_s,
                {u"--nofork"_s, u"--print-address"_s, u"--config-file="_s + config});
    if (!m_bus.waitForStarted(5000))
        return *error = u"dbus-daemon does not start: "_s + m_bus.errorString(), false;
    QElapsedTimer t;
    t.start();
    while (!m_bus.canReadLine() && t.elapsed() < 10000)
        m_bus.waitForReadyRead(200);
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    if (m_address.isEmpty())
        return *error = u"dbus-daemon printed no address: "_s
                        + QString::fromUtf8(m_bus.readAllStandardError()),
               false;
    return true;
}

QDBusConnection AgentFixture::connect()
{
    static int n = 0;
    return QDBusConnection::connectToBus(m_address, u"agent-test-%1"_s.arg(++n));
}

QString AgentFixture::storePath() const
{
    return m_dir->filePath(u"policy.db"_s);
}

QString AgentFixture::runtimeDir() const
{
    return m_dir->filePath(u"run"_s);
}

QProcessEnvironment AgentFixture::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, m_address);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, runtimeDir());
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    return env;
}

bool AgentFixture::startAgent(const QString &netns, const QStringList &args, QString *error)
{
    if (netns.isEmpty())
        return *error = u"the agent must serve a namespace of the test"_s, false;
    m_agent.setProcessEnvironment(environment());
    m_agent.setProcessChannelMode(QProcess::MergedChannels);
    m_agent.start(
        QStringLiteral(POLICYD_PATH),
        QStringList{u"--netns"_s, netns, u"--store"_s, storePath(), u"--watch-interval"_s, u"200"_s}
            + args);
    if (!m_agent.waitForStarted(5000))
        return *error = u"ipsec-policyd does not start"_s, false;
    QDBusConnection bus = connect();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        const QDBusMessage reply =
            bus.call(QDBusMessage::createMethodCall(ipsec::AgentProtocol::service(),
                                                    ipsec::AgentProtocol::path(),
                                                    ipsec::AgentProtocol::interface(), u"Status"_s),
                     QDBus::Block, 2000);
        if (reply.type() == QDBusMessage::ReplyMessage)
            return true;
        if (m_agent.state() == QProcess::NotRunning)
            break;
        QThread::msleep(100);
    }
    *error = u"ipsec-policyd does not answer:\n"_s + agentLog();
    return false;
}

void AgentFixture::killAgent()
{
    if (m_agent.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_agent.processId()), SIGKILL);
    m_agent.waitForFinished(5000);
}

void AgentFixture::stopAgent(bool stop)
{
    if (m_agent.state() != QProcess::NotRunning)
        ::kill(pid_t(m_agent.processId()), stop ? SIGSTOP : SIGCONT);
}

bool AgentFixture::agentRunning() const
{
    return m_agent.state() == QProcess::Running;
}

QString AgentFixture::agentLog()
{
    m_agentLog += QString::fromUtf8(m_agent.readAll());
    return m_agentLog;
}

AgentRun AgentFixture::ipseccmd(const QStringList &args, const QStringList &user, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    QString program = QStringLiteral(IPSECCMD_PATH);
    if (user.isEmpty()) {
        p.start(program, args);
    } else {
        // The build folder may lie where other users cannot go (CI clones under /root): the
        // other user runs a copy in the test's own folder (the program links no library of the
        // build tree).
        const QString copy = m_dir->filePath(u"ipseccmd"_s);
        if (!QFile::exists(copy) && QFile::copy(program, copy))
            QFile::setPermissions(copy, QFile::permissions(copy) | QFile::ExeOther
                                            | QFile::ReadOther | QFile::ExeGroup
                                            | QFile::ReadGroup);
        if (QFile::exists(copy))
            program = copy;
        p.start(u"setpriv"_s, user + QStringList{program} + args);
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, u"timed out"_s};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
