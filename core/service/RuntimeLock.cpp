#include "service/RuntimeLock.h"

#include "util/SafeFile.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QRecursiveMutex>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec {

// One per lock file and process: the threads of the process take turns on the mutex, and the
// one holding it holds the flock() for the process.
struct RuntimeLock::Entry {
    QRecursiveMutex mutex;
    int depth = 0; // nesting of the holding thread
    int fd = -1;
};

namespace {

RuntimeLock::Entry *entryFor(const QString &path)
{
    static QMutex mutex;
    static QHash<QString, RuntimeLock::Entry *> entries; // a handful per process, kept
    const QMutexLocker lock(&mutex);
    RuntimeLock::Entry *&e = entries[path];
    if (!e)
        e = new RuntimeLock::Entry;
    return e;
}

QString reason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Result<RuntimeLock> RuntimeLock::acquire(const QString &runtimeDirectory, int timeoutMs)
{
    const QString path = runtimeDirectory + u"/lock"_s;
    const auto busy = [&] {
        return Error::store(tr("The runtime state in %1 stayed locked by another program for %2 "
                               "seconds; nothing was changed. Try again.")
                                .arg(runtimeDirectory)
                                .arg(timeoutMs / 1000));
    };
    Entry *e = entryFor(path);
    QDeadlineTimer deadline(timeoutMs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeoutMs));
    if (!e->mutex.tryLock(timeoutMs < 0 ? -1 : timeoutMs))
        return busy();
    if (e->depth++ > 0)
        return RuntimeLock(e);

    RuntimeLock held(e); // releases the mutex on every failure below
    if (auto ok = SafeFile::makeDirectory(runtimeDirectory, 0755); !ok)
        return ok.error();
    const QByteArray name = QFile::encodeName(path);
    e->fd = ::open(name.constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (e->fd < 0)
        return Error::store(tr("Cannot open the lock %1: %2").arg(path, reason(errno)));
    (void)::fchmod(e->fd, 0600);
    while (::flock(e->fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return Error::store(tr("Cannot take the lock %1: %2").arg(path, reason(errno)));
        if (deadline.hasExpired())
            return busy();
        QThread::msleep(5);
    }
    return Result<RuntimeLock>(std::move(held));
}

RuntimeLock::RuntimeLock(Entry *entry)
    : m_entry(entry)
{
}

RuntimeLock::RuntimeLock(RuntimeLock &&other) noexcept
    : m_entry(std::exchange(other.m_entry, nullptr))
{
}

RuntimeLock &RuntimeLock::operator=(RuntimeLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_entry = std::exchange(other.m_entry, nullptr);
    }
    return *this;
}

RuntimeLock::~RuntimeLock()
{
    release();
}

void RuntimeLock::release()
{
    Entry *e = std::exchange(m_entry, nullptr);
    if (!e)
        return;
    if (--e->depth == 0 && e->fd >= 0) {
        ::close(e->fd); // drops the flock()
        e->fd = -1;
    }
    e->mutex.unlock();
}

} // namespace ipsec
