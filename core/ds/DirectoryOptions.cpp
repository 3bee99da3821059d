#include "ds/DirectoryOptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

QStringList DirectoryOptions::optionNames()
{
    return {u"directory"_s, u"computer"_s, u"bind-dn"_s, u"bind-password-file"_s, u"gpo"_s};
}

bool DirectoryOptions::set(const QString &name, const QString &value)
{
    if (name == u"directory"_s)
        url = value;
    else if (name == u"computer"_s)
        computer = value;
    else if (name == u"bind-dn"_s)
        bindDn = value;
    else if (name == u"bind-password-file"_s)
        bindPasswordFile = value;
    else if (name == u"gpo"_s)
        gpo = value;
    else
        return false;
    return true;
}

QList<QCommandLineOption> DirectoryOptions::commandLineOptions()
{
    return {QCommandLineOption(u"directory"_s, QString(), u"URL"_s),
            QCommandLineOption(u"computer"_s, QString(), u"NAME"_s),
            QCommandLineOption(u"bind-dn"_s, QString(), u"DN"_s),
            QCommandLineOption(u"bind-password-file"_s, QString(), u"FILE"_s),
            QCommandLineOption(u"gpo"_s, QString(), u"NAME"_s)};
}

DirectoryOptions DirectoryOptions::fromParser(const QCommandLineParser &parser)
{
    DirectoryOptions o;
    for (const QString &name : optionNames())
        if (parser.isSet(name))
            o.set(name, parser.value(name));
    return o;
}

bool DirectoryOptions::isExplicit() const
{
    return !url.isEmpty() || qEnvironmentVariableIsSet("IPSEC_CONSOLE_DIRECTORY");
}

Result<DirectoryOptions> DirectoryOptions::resolve(DirectoryOptions o,
                                                   const DirectoryDiscovery::Sources &discovery)
{
    const auto env = [](const char *name) {
        return qEnvironmentVariable(name).trimmed();
    };
    if (o.url.isEmpty())
        o.url = env("IPSEC_CONSOLE_DIRECTORY");
    if (o.bindDn.isEmpty())
        o.bindDn = env("IPSEC_CONSOLE_BIND_DN");
    if (o.bindPasswordFile.isEmpty())
        o.bindPasswordFile = env("IPSEC_CONSOLE_BIND_PASSWORD_FILE");
    if (o.computer.isEmpty())
        o.computer = env("IPSEC_CONSOLE_COMPUTER");
    if (o.gpo.isEmpty())
        o.gpo = env("IPSEC_CONSOLE_GPO");
    if (o.computer.isEmpty()) {
        char host[256] = {};
        if (::gethostname(host, sizeof host - 1) == 0)
            o.computer = QString::fromLocal8Bit(host).section(u'.', 0, 0);
    }
    if (o.url.isEmpty()) {
        auto found = DirectoryDiscovery::directoryUrl(discovery);
        if (!found)
            return found.error();
        o.url = *found;
        o.discovered = true;
    }
    const QUrl url(o.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"ldap"_s && scheme != u"ldaps"_s) || url.host().isEmpty()
        || !url.path().isEmpty() || url.hasQuery() || !url.userInfo().isEmpty())
        return Error::usage(tr("The directory \"%1\" is not an LDAP address: use ldap://HOST, "
                               "ldap://HOST:PORT or ldaps://HOST.")
                                .arg(o.url));
    if (!o.bindDn.isEmpty() && o.bindPasswordFile.isEmpty())
        return Error::usage(tr("The bind DN \"%1\" needs a password file: give "
                               "--bind-password-file FILE or set "
                               "IPSEC_CONSOLE_BIND_PASSWORD_FILE.")
                                .arg(o.bindDn));
    return o;
}

Result<QByteArray> DirectoryOptions::readPasswordFile(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        const int err = errno;
        return Error::permission(tr("The password file %1 cannot be read: %2.")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(err))));
    }
    struct stat st = {};
    QByteArray secret;
    bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (!ok) {
        ::close(fd);
        return Error::permission(tr("The password file %1 is not a regular file.").arg(path));
    }
    if (st.st_uid != 0 && st.st_uid != ::geteuid()) {
        ::close(fd);
        return Error::permission(tr("The password file %1 belongs to another user (uid %2); it "
                                    "must belong to root or to you.")
                                     .arg(path)
                                     .arg(st.st_uid));
    }
    if ((st.st_mode & 077) != 0) {
        ::close(fd);
        return Error::permission(tr("The password file %1 can be read by other users (mode %2); "
                                    "make it readable by its owner only (chmod 600).")
                                     .arg(path)
                                     .arg(st.st_mode & 0777, 4, 8, QChar(u'0')));
    }
    if (st.st_size > 4096) {
        ::close(fd);
        return Error::usage(tr("The password file %1 is larger than 4 KiB.").arg(path));
    }
    char buffer[4097];
    qsizetype total = 0;
    while (total < qsizetype(sizeof buffer)) {
        const ssize_t n = ::read(fd, buffer + total, sizeof buffer - size_t(total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += n;
    }
    ::close(fd);
    secret = QByteArray(buffer, total);
    std::memset(buffer, 0, sizeof buffer);
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return Error::usage(tr("The password file %1 is empty.").arg(path));
    return secret;
}

} // namespace ipsec::ds
