#include "util/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QString reason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Error foreignLink(const QString &path, uid_t owner)
{
    return Error::permission(
        SafeFile::tr("%1 is a symbolic link that belongs to another user (uid %2); nothing was "
                     "written, so that the file it points to stays untouched. Remove the link "
                     "or choose another name.")
            .arg(path)
            .arg(owner));
}

// Writes everything, retrying after signals and short writes.
bool writeAll(int fd, const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

} // namespace

Result<QString> SafeFile::target(const QString &path)
{
    QString current = QFileInfo(path).absoluteFilePath();
    // A few links in a row at most, like the kernel's own limit on nested links (40).
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(QFile::encodeName(current).constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            return current;
        if (st.st_uid != ::geteuid())
            return foreignLink(current, st.st_uid);
        const QString next = QFileInfo(current).symLinkTarget();
        if (next.isEmpty())
            return current;
        current = next;
    }
    return Error::store(tr("Cannot write %1: too many levels of symbolic links.").arg(path));
}

Result<void> SafeFile::write(const QString &path, const QByteArray &data, Access access)
{
    auto resolved = target(path);
    if (!resolved)
        return resolved.error();
    const QString file = resolved.value();
    const QFileInfo info(file);
    const mode_t mode = access == Access::OwnerOnly ? 0600 : 0644;
    const auto failed = [&path](int error) {
        return Error::store(
            tr("Cannot write %1: %2. The file was left as it was.").arg(path, reason(error)));
    };

    QByteArray temporary =
        QFile::encodeName(info.absolutePath() + u"/."_s + info.fileName() + u".XXXXXX"_s);
    // mkostemp creates the file 0600 with O_EXCL: nothing else can be in its place.
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return failed(errno);
    const auto discard = [&](int error) {
        ::close(fd);
        ::unlink(temporary.constData());
        return failed(error);
    };
    if (::fchmod(fd, mode) != 0)
        return discard(errno);
    if (!writeAll(fd, data))
        return discard(errno);
    if (::fsync(fd) != 0)
        return discard(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failed(error);
    }
    // rename() replaces whatever is at the name, a link included, without following it.
    if (::rename(temporary.constData(), QFile::encodeName(file).constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failed(error);
    }
    // The rename itself reaches the disk with the folder (best effort: some file systems
    // cannot sync a folder).
    const int dir = ::open(QFile::encodeName(info.absolutePath()).constData(),
                           O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        (void)::fsync(dir);
        ::close(dir);
    }
    return {};
}

Result<void> SafeFile::makeDirectory(const QString &path, mode_t mode)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QStringList parts = absolute.split(u'/', Qt::SkipEmptyParts);
    QString current;
    for (const QString &part : parts) {
        current += u'/' + part;
        const QByteArray name = QFile::encodeName(current);
        struct stat st {};
        if (::lstat(name.constData(), &st) == 0) {
            if (S_ISLNK(st.st_mode)) {
                if (st.st_uid != ::geteuid() && st.st_uid != 0)
                    return foreignLink(current, st.st_uid);
                if (::stat(name.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
                    return Error::store(
                        tr("Cannot create the folder %1: %2 is not a folder.").arg(path, current));
                continue;
            }
            if (!S_ISDIR(st.st_mode))
                return Error::store(
                    tr("Cannot create the folder %1: %2 is not a folder.").arg(path, current));
            continue;
        }
        if (::mkdir(name.constData(), mode) != 0 && errno != EEXIST)
            return Error::store(tr("Cannot create the folder %1: %2").arg(current, reason(errno)));
        // mkdir's mode passes through the umask (both ways of it matter: 000 would leave it
        // writable by everybody, 077 would hide the runtime state from the console).
        if (::chmod(name.constData(), mode) != 0)
            return Error::store(tr("Cannot create the folder %1: %2").arg(current, reason(errno)));
    }
    return {};
}

} // namespace ipsec
