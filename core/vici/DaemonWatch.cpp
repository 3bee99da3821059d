#include "vici/DaemonWatch.h"

#include <QFile>

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSocketNotifier>
#include <QTimer>
#include <algorithm>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace ipsec::vici {

DaemonWatch::DaemonWatch(QString socketPath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(socketPath))
{
}

DaemonWatch::~DaemonWatch()
{
    drop();
}

void DaemonWatch::start()
{
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &DaemonWatch::tryConnect);
    // charon creates its socket anew when it starts: try at once, not after the pause.
    const QString folder = QFileInfo(m_path).absolutePath();
    m_folder = new QFileSystemWatcher(this);
    if (QFileInfo(folder).isDir())
        m_folder->addPath(folder);
    connect(m_folder, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (m_fd >= 0)
            return;
        // The socket may exist before charon listens on it: short pauses again.
        m_retry->stop();
        m_retryMs = FirstRetryMs;
        tryConnect();
    });
    tryConnect();
}

void DaemonWatch::drop()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void DaemonWatch::tryConnect()
{
    if (m_fd >= 0)
        return;
    const QByteArray path = QFile::encodeName(m_path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.isEmpty() || size_t(path.size()) >= sizeof address.sun_path)
        return; // never usable; IkeSync reports the path itself
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd >= 0
        && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0) {
        m_fd = fd;
        m_retryMs = FirstRetryMs;
        m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &DaemonWatch::onReadable);
        Q_EMIT connected();
        return;
    }
    if (fd >= 0)
        ::close(fd);
    m_retry->start(m_retryMs);
    m_retryMs = std::min(m_retryMs * 2, LongestRetryMs);
}

void DaemonWatch::onReadable()
{
    // Nothing was asked, so anything readable is the end of the connection (or a stray byte).
    char buffer[512];
    const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR)))
        return;
    const QString why = n == 0
                            ? tr("the IKE daemon (charon) at %1 closed its connection").arg(m_path)
                            : tr("the connection to the IKE daemon (charon) at %1 broke: %2")
                                  .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
    drop();
    Q_EMIT lost(why);
    m_retry->start(m_retryMs);
}

} // namespace ipsec::vici
