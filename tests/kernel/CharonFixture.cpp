#include "CharonFixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using ipsec::vici::Client;
using ipsec::vici::Message;

bool CharonFixture::installed()
{
    return QFileInfo(program()).isExecutable();
}

CharonFixture::CharonFixture(QString folder, QString name)
    : m_folder(std::move(folder))
    , m_name(std::move(name))
{
}

CharonFixture::~CharonFixture()
{
    stop();
}

QString CharonFixture::socketPath() const
{
    return QDir(m_folder).filePath(m_name + u".vici"_s);
}

QString CharonFixture::logPath() const
{
    return QDir(m_folder).filePath(m_name + u".log"_s);
}

QByteArray CharonFixture::log() const
{
    QFile f(logPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool CharonFixture::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool CharonFixture::start(const QString &ns)
{
    stop();
    m_ns = ns;
    // No plugin that would put policies or a userspace IPsec stack beside the kernel's
    // (bypass-lan, kernel-libipsec); certificates and keys come over VICI.
    const QString conf = QDir(m_folder).filePath(m_name + u".conf"_s);
    QFile f(conf);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(u"charon {\n"
            "  install_routes = no\n"
            "  plugins {\n"
            "    vici { socket = unix://%1 }\n"
            "    kernel-libipsec { load = no }\n"
            "    bypass-lan { load = no }\n"
            "    forecast { load = no }\n"
            "    farp { load = no }\n"
            "    dhcp { load = no }\n"
            "  }\n"
            "  filelog { log { path = %2\n flush_line = yes\n append = yes\n default = 1\n"
            "    ike = 2\n knl = 2 } }\n"
            "  syslog { identifier = charon-test }\n"
            "}\n"_s.arg(socketPath(), logPath())
                .toUtf8());
    f.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // ip netns exec and unshare exec; sh execs charon: the process is charon itself.
    m_process->start(u"ip"_s, {u"netns"_s, u"exec"_s, ns, u"unshare"_s, u"-m"_s, u"sh"_s, u"-c"_s,
                               u"mount -t tmpfs none /run && STRONGSWAN_CONF=\"$0\" exec \"$1\""_s,
                               conf, program()});
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && running()) {
        if (QFileInfo::exists(socketPath())) {
            Client c(socketPath(), 2000);
            if (c.call("version"))
                return true;
        }
        QThread::msleep(50);
    }
    qWarning("charon %s in %s did not come up", qPrintable(m_name), qPrintable(ns));
    return false;
}

void CharonFixture::stop()
{
    if (!m_process)
        return;
    if (running()) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_process.reset();
}

void CharonFixture::crash()
{
    if (!running())
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(5000);
    m_process.reset();
}

QList<QByteArray> CharonFixture::connections() const
{
    Client c(socketPath(), 3000);
    auto r = c.call("get-conns");
    return r ? r->itemsOf("conns") : QList<QByteArray>{};
}

QList<Message> CharonFixture::sas() const
{
    Client c(socketPath(), 3000);
    auto r = c.callStreamed("list-sas", "list-sa");
    return r ? r->events : QList<Message>{};
}

QList<Message> CharonFixture::conns() const
{
    Client c(socketPath(), 3000);
    auto r = c.callStreamed("list-conns", "list-conn");
    return r ? r->events : QList<Message>{};
}

QString CharonFixture::call(const QByteArray &command, const Message &arguments) const
{
    Client c(socketPath(), 3000);
    auto r = c.call(command, arguments);
    if (!r)
        return r.error().message;
    auto ok = Client::checkSuccess(command, *r);
    return ok ? QString() : ok.error().message;
}
