#include "vici/ViciClient.h"

#include <QDeadlineTimer>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec::vici {

QString Client::socketPath(const QString &option)
{
    if (!option.isEmpty())
        return option;
    const QString env = qEnvironmentVariable("IPSEC_CONSOLE_VICI");
    return env.isEmpty() ? QString::fromLatin1(DefaultSocket) : env;
}

Client::Client(QString path, int timeoutMs)
    : m_path(std::move(path))
    , m_timeoutMs(timeoutMs)
{
}

Client::~Client()
{
    close();
}

void Client::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_reader = FrameReader{};
}

Error Client::failure(const QString &what) const
{
    return Error::kernel(tr("IKE daemon (charon) at %1: %2").arg(m_path, what));
}

Result<void> Client::connect()
{
    close();
    const QByteArray path = QFile::encodeName(m_path);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.isEmpty() || size_t(path.size()) >= sizeof address.sun_path)
        return failure(tr("not a usable socket path"));
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return failure(QString::fromLocal8Bit(std::strerror(errno)));
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == ENOENT || error == ECONNREFUSED)
            return failure(
                tr("not running (%1)").arg(QString::fromLocal8Bit(std::strerror(error))));
        return failure(QString::fromLocal8Bit(std::strerror(error)));
    }
    m_fd = fd;
    return {};
}

Result<void> Client::send(const Packet &packet)
{
    const QByteArray bytes = packet.frame();
    if (bytes.size() - 4 > Packet::MaxSize)
        return failure(tr("request too large (%1 bytes)").arg(bytes.size()));
    const QDeadlineTimer deadline(m_timeoutMs);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n =
            ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{m_fd, POLLOUT, 0};
            const int left = int(deadline.remainingTime());
            if (left <= 0 || ::poll(&p, 1, left) <= 0)
                return failure(tr("timed out sending"));
            continue;
        }
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return failure(tr("connection lost (%1)").arg(why));
    }
    return {};
}

Result<Packet> Client::receive()
{
    const QDeadlineTimer deadline(m_timeoutMs);
    char buffer[16384];
    for (;;) {
        if (auto packet = m_reader.next()) {
            if (!*packet) {
                close();
                return failure(packet->error().message);
            }
            return std::move(**packet);
        }
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            m_reader.feed(QByteArrayView(buffer, n));
            continue;
        }
        if (n == 0) {
            close();
            return failure(tr("the daemon closed the connection"));
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            pollfd p{m_fd, POLLIN, 0};
            const int left = int(deadline.remainingTime());
            if (left <= 0 || ::poll(&p, 1, left) <= 0)
                return failure(tr("no answer within %1 ms").arg(m_timeoutMs));
            continue;
        }
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        close();
        return failure(tr("connection lost (%1)").arg(why));
    }
}

Result<Message> Client::callOnce(const QByteArray &command, const Message &arguments)
{
    if (!isConnected()) {
        if (auto ok = connect(); !ok)
            return ok.error();
    }
    Packet request;
    request.type = Packet::Type::CmdRequest;
    request.name = command;
    request.message = arguments;
    if (auto ok = send(request); !ok)
        return ok.error();
    for (;;) {
        auto reply = receive();
        if (!reply)
            return reply.error();
        switch (reply->type) {
        case Packet::Type::CmdResponse:
            return std::move(reply->message);
        case Packet::Type::CmdUnknown:
            return failure(tr("does not know the command %1").arg(QString::fromUtf8(command)));
        case Packet::Type::Event:
            continue; // not registered by this call: ignore
        default:
            close();
            return failure(tr("unexpected %1 answer to %2")
                               .arg(Packet::typeName(reply->type), QString::fromUtf8(command)));
        }
    }
}

Result<Message> Client::call(const QByteArray &command, const Message &arguments)
{
    const bool wasConnected = isConnected();
    auto r = callOnce(command, arguments);
    // A daemon restarted since the last call closed our old connection: one fresh attempt.
    if (!r && wasConnected && !isConnected())
        r = callOnce(command, arguments);
    return r;
}

Result<Client::Streamed> Client::callStreamed(const QByteArray &command, const QByteArray &event,
                                              const Message &arguments)
{
    if (!isConnected()) {
        if (auto ok = connect(); !ok)
            return ok.error();
    }
    const auto registration = [&](Packet::Type type) -> Result<void> {
        Packet p;
        p.type = type;
        p.name = event;
        if (auto ok = send(p); !ok)
            return ok.error();
        auto reply = receive();
        if (!reply)
            return reply.error();
        if (reply->type == Packet::Type::EventUnknown)
            return failure(tr("does not know the event %1").arg(QString::fromUtf8(event)));
        if (reply->type != Packet::Type::EventConfirm)
            return failure(tr("unexpected %1 answer to registering %2")
                               .arg(Packet::typeName(reply->type), QString::fromUtf8(event)));
        return {};
    };
    if (auto ok = registration(Packet::Type::EventRegister); !ok)
        return ok.error();
    Packet request;
    request.type = Packet::Type::CmdRequest;
    request.name = command;
    request.message = arguments;
    if (auto ok = send(request); !ok)
        return ok.error();
    Streamed out;
    for (;;) {
        auto reply = receive();
        if (!reply)
            return reply.error();
        if (reply->type == Packet::Type::Event && reply->name == event) {
            out.events << std::move(reply->message);
            continue;
        }
        if (reply->type == Packet::Type::Event)
            continue;
        if (reply->type == Packet::Type::CmdUnknown)
            return failure(tr("does not know the command %1").arg(QString::fromUtf8(command)));
        if (reply->type != Packet::Type::CmdResponse) {
            close();
            return failure(tr("unexpected %1 answer to %2")
                               .arg(Packet::typeName(reply->type), QString::fromUtf8(command)));
        }
        out.response = std::move(reply->message);
        break;
    }
    if (auto ok = registration(Packet::Type::EventUnregister); !ok)
        return ok.error();
    return out;
}

Result<void> Client::checkSuccess(const QByteArray &command, const Message &response)
{
    if (response.valueOf("success") == "yes")
        return {};
    const QByteArray why = response.valueOf("errmsg");
    return Error::kernel(tr("The IKE daemon refused %1: %2")
                             .arg(QString::fromUtf8(command),
                                  why.isEmpty() ? tr("no reason given") : QString::fromUtf8(why)));
}

} // namespace ipsec::vici
