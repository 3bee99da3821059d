#include "util/NetNamespace.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec {

QString resolveNetworkNamespace(const QString &explicitName)
{
    if (!explicitName.isEmpty())
        return explicitName;
    return qEnvironmentVariable("IPSEC_CONSOLE_NETNS");
}

namespace {
struct NetNamespace {
    Q_DECLARE_TR_FUNCTIONS(ipsec::NetNamespace)
};

QString &enteredName()
{
    static QString name;
    return name;
}
} // namespace

QString currentNetworkNamespace()
{
    return enteredName();
}

Result<void> enterNetworkNamespace(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9_.-]{1,64}$"_s);
    if (!valid.match(name).hasMatch() || name == u"."_s || name == u".."_s)
        return Error::usage(
            NetNamespace::tr("\"%1\" is not a network namespace name (letters, digits, '.', '_', "
                             "'-').")
                .arg(name));
    const QByteArray path = "/run/netns/" + name.toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return Error::notFound(NetNamespace::tr("Network namespace \"%1\" does not exist (no "
                                                    "%2); create it with: ip netns add %1")
                                       .arg(name, QString::fromLocal8Bit(path)));
        return Error::permission(
            NetNamespace::tr("Cannot open network namespace %1: %2")
                .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(std::strerror(err))));
    }
    const int rc = ::setns(fd, CLONE_NEWNET);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return Error::permission(
            NetNamespace::tr("Cannot enter network namespace \"%1\": %2 (root is needed).")
                .arg(name, QString::fromLocal8Bit(std::strerror(err))));
    enteredName() = name; // first thing in main, before other threads read it
    return {};
}

} // namespace ipsec
