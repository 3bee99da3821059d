#include "TrafficProbe.h"

#include "NetnsFixture.h"

#include <QDeadlineTimer>
#include <QHash>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct SocketAddress {
    sockaddr_storage storage{};
    socklen_t length = 0;
    const sockaddr *get() const { return reinterpret_cast<const sockaddr *>(&storage); }
};

// A link-local IPv6 address carries its interface index as a numeric scope id ("fe80::1%3");
// `scope` replaces it (the index is the sender's own interface when sending).
SocketAddress socketAddress(const QHostAddress &address, quint16 port, const QString &scope = {})
{
    SocketAddress out;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&out.storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        std::memcpy(&sa->sin6_addr, v6.c, 16);
        sa->sin6_scope_id = (scope.isEmpty() ? address.scopeId() : scope).toUInt();
        out.length = sizeof(sockaddr_in6);
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&out.storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        sa->sin_addr.s_addr = htonl(address.toIPv4Address());
        out.length = sizeof(sockaddr_in);
    }
    return out;
}

int familyOf(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
}

// Closes every descriptor it holds when the probe ends, whatever happened.
class FdSet {
public:
    FdSet() = default;
    FdSet(const FdSet &) = delete;
    FdSet &operator=(const FdSet &) = delete;
    ~FdSet()
    {
        for (const int fd : m_fds)
            closeNow(fd);
    }
    int keep(int fd)
    {
        if (fd >= 0)
            m_fds.push_back(fd);
        return fd;
    }
    // Closes with an RST (linger 0) so that no TIME_WAIT is left behind for the next probe.
    static void closeNow(int fd)
    {
        const linger l{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        ::close(fd);
    }

private:
    std::vector<int> m_fds;
};

// A socket of `type` made inside ns, non-blocking, bound to address:port (port 0: ephemeral).
int boundSocket(FdSet &fds, const QString &ns, int type, const QHostAddress &address, quint16 port)
{
    const int family = familyOf(address);
    const int fd = fds.keep(NetnsFixture::socketIn(ns, family, type));
    if (fd < 0)
        return -1;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    const SocketAddress sa = socketAddress(address, port);
    if (::bind(fd, sa.get(), sa.length) != 0)
        return -1;
    return fd;
}

QString endpointKey(const QString &ns, const QHostAddress &address, quint16 port)
{
    return ns + u'|' + address.toString() + u'|' + QString::number(port);
}

std::atomic<int> g_runNumber{0};

} // namespace

// ---------------------------------------------------------------------------------------------

const QHostAddress &VethPair::a4()
{
    static const QHostAddress a(u"10.77.0.1"_s);
    return a;
}

const QHostAddress &VethPair::a4second()
{
    static const QHostAddress a(u"10.77.0.11"_s);
    return a;
}

const QHostAddress &VethPair::a6()
{
    static const QHostAddress a(u"fd77::1"_s);
    return a;
}

const QHostAddress &VethPair::a6second()
{
    static const QHostAddress a(u"fd77::11"_s);
    return a;
}

const QHostAddress &VethPair::b4()
{
    static const QHostAddress a(u"10.77.0.2"_s);
    return a;
}

const QHostAddress &VethPair::b6()
{
    static const QHostAddress a(u"fd77::2"_s);
    return a;
}

bool VethPair::create(NetnsFixture &fixture, VethPair *pair, QString *error)
{
    pair->a = fixture.create();
    pair->b = fixture.create();
    if (pair->a.isEmpty() || pair->b.isEmpty()) {
        *error = fixture.lastError();
        return false;
    }
    const QString &a = pair->a;
    const QString &b = pair->b;
    const QList<QStringList> setup = {
        {u"link"_s, u"add"_s, u"va"_s, u"netns"_s, a, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s,
         u"vb"_s, u"netns"_s, b},
        {u"-netns"_s, a, u"addr"_s, u"add"_s, u"10.77.0.1/24"_s, u"dev"_s, u"va"_s},
        {u"-netns"_s, a, u"addr"_s, u"add"_s, u"10.77.0.11/24"_s, u"dev"_s, u"va"_s},
        {u"-netns"_s, b, u"addr"_s, u"add"_s, u"10.77.0.2/24"_s, u"dev"_s, u"vb"_s},
        {u"-netns"_s, a, u"addr"_s, u"add"_s, u"fd77::1/64"_s, u"dev"_s, u"va"_s, u"nodad"_s},
        {u"-netns"_s, a, u"addr"_s, u"add"_s, u"fd77::11/64"_s, u"dev"_s, u"va"_s, u"nodad"_s},
        {u"-netns"_s, b, u"addr"_s, u"add"_s, u"fd77::2/64"_s, u"dev"_s, u"vb"_s, u"nodad"_s},
        {u"-netns"_s, a, u"link"_s, u"set"_s, u"va"_s, u"up"_s},
        {u"-netns"_s, b, u"link"_s, u"set"_s, u"vb"_s, u"up"_s},
    };
    for (const QStringList &args : setup) {
        if (!fixture.ip(args)) {
            *error = fixture.lastError();
            return false;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------------------

Flow Flow::udp(const QString &fromNs, const QHostAddress &source, quint16 sourcePort,
               const QString &toNs, const QHostAddress &destination, quint16 destinationPort)
{
    return Flow{Proto::Udp, fromNs, source, sourcePort, toNs, destination, destinationPort};
}

Flow Flow::tcp(const QString &fromNs, const QHostAddress &source, quint16 sourcePort,
               const QString &toNs, const QHostAddress &destination, quint16 destinationPort)
{
    return Flow{Proto::Tcp, fromNs, source, sourcePort, toNs, destination, destinationPort};
}

QString Flow::toString() const
{
    const auto endpoint = [](const QHostAddress &a, quint16 port) -> QString {
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + a.toString() + u']'
                                 : a.toString();
        return host + u':' + (port ? QString::number(port) : u"*"_s);
    };
    return (proto == Proto::Udp ? u"udp "_s : u"tcp "_s) + endpoint(source, sourcePort) + u" -> "_s
           + endpoint(destination, destinationPort);
}

// ---------------------------------------------------------------------------------------------

QList<bool> TrafficProbe::run(const QList<Flow> &flows, int waitMs)
{
    const int runNumber = ++g_runNumber;
    QList<bool> delivered(flows.size(), false);
    FdSet fds;

    // One UDP socket per (namespace, address, port), shared by receiving and sending (two
    // sockets on one port would split the datagrams between them); one TCP listener per
    // destination; one TCP client per flow.
    QHash<QString, int> udpSockets;
    QHash<QString, int> tcpListeners;
    std::vector<int> tcpClients(size_t(flows.size()), -1);
    const auto udpSocket = [&](const QString &ns, const QHostAddress &address, quint16 port) {
        const QString key = endpointKey(ns, address, port);
        auto it = udpSockets.constFind(key);
        if (it == udpSockets.constEnd())
            it = udpSockets.insert(key, boundSocket(fds, ns, SOCK_DGRAM, address, port));
        return it.value();
    };

    for (const Flow &f : flows) {
        const QString key = endpointKey(f.toNs, f.destination, f.destinationPort);
        if (f.proto == Flow::Proto::Udp) {
            udpSocket(f.toNs, f.destination, f.destinationPort);
        } else if (!tcpListeners.contains(key)) {
            const int fd = boundSocket(fds, f.toNs, SOCK_STREAM, f.destination, f.destinationPort);
            tcpListeners.insert(key, fd >= 0 && ::listen(fd, 64) == 0 ? fd : -1);
        }
    }

    // Start every flow. A send or connect refused at once (an outbound block) stays undelivered.
    QDeadlineTimer deadline(waitMs);
    for (qsizetype i = 0; i < flows.size(); ++i) {
        const Flow &f = flows.at(i);
        const SocketAddress to =
            socketAddress(f.destination, f.destinationPort, f.source.scopeId());
        if (f.proto == Flow::Proto::Udp) {
            const int fd = udpSocket(f.fromNs, f.source, f.sourcePort);
            if (fd < 0)
                continue;
            const QByteArray payload =
                "probe:" + QByteArray::number(runNumber) + ':' + QByteArray::number(i);
            (void)::sendto(fd, payload.constData(), size_t(payload.size()), 0, to.get(), to.length);
        } else {
            const int fd = boundSocket(fds, f.fromNs, SOCK_STREAM, f.source, f.sourcePort);
            if (fd < 0)
                continue;
            if (::connect(fd, to.get(), to.length) == 0)
                delivered[i] = true;
            else if (errno == EINPROGRESS)
                tcpClients[size_t(i)] = fd;
        }
    }

    // Collect until everything arrived or the time is up.
    const QList<int> receivers = udpSockets.values();
    const QList<int> listeners = tcpListeners.values();
    const auto allDelivered = [&] {
        return std::all_of(delivered.cbegin(), delivered.cend(), [](bool b) { return b; });
    };
    while (!allDelivered() && !deadline.hasExpired()) {
        std::vector<pollfd> pfds;
        std::vector<qsizetype> clientOf; // flow index of each client entry, -1 otherwise
        for (const int fd : receivers) {
            if (fd >= 0) {
                pfds.push_back({fd, POLLIN, 0});
                clientOf.push_back(-1);
            }
        }
        for (const int fd : listeners) {
            if (fd >= 0) {
                pfds.push_back({fd, POLLIN, 0});
                clientOf.push_back(-1);
            }
        }
        for (qsizetype i = 0; i < flows.size(); ++i) {
            if (tcpClients[size_t(i)] >= 0 && !delivered.at(i)) {
                pfds.push_back({tcpClients[size_t(i)], POLLOUT, 0});
                clientOf.push_back(i);
            }
        }
        if (pfds.empty())
            break;
        const int remaining = int(qMax<qint64>(1, deadline.remainingTime()));
        if (::poll(pfds.data(), nfds_t(pfds.size()), remaining) <= 0)
            continue;
        for (size_t k = 0; k < pfds.size(); ++k) {
            const pollfd &p = pfds[k];
            if (!p.revents)
                continue;
            if (clientOf[k] >= 0) {
                int err = 0;
                socklen_t len = sizeof err;
                ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err == 0 && (p.revents & POLLOUT))
                    delivered[clientOf[k]] = true;
                else
                    tcpClients[size_t(clientOf[k])] = -1; // refused or reset: not delivered
                continue;
            }
            if (listeners.contains(p.fd)) {
                // Kept open until the end: closing now would reset the client before its
                // own poll saw the connection established.
                fds.keep(::accept(p.fd, nullptr, nullptr));
                continue;
            }
            char buf[128];
            ssize_t n;
            while ((n = ::recv(p.fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) {
                const QList<QByteArray> parts = QByteArray(buf, int(n)).split(':');
                if (parts.size() != 3 || parts.at(0) != "probe" || parts.at(1).toInt() != runNumber)
                    continue; // a late datagram of an earlier probe
                bool ok = false;
                const qsizetype index = parts.at(2).toLongLong(&ok);
                if (ok && index >= 0 && index < flows.size())
                    delivered[index] = true;
            }
        }
    }
    return delivered;
}

bool TrafficProbe::waitUntilDelivered(const QList<Flow> &flows, int attempts, int waitMs)
{
    for (int i = 0; i < attempts; ++i) {
        const QList<bool> got = run(flows, waitMs);
        if (std::all_of(got.cbegin(), got.cend(), [](bool b) { return b; }))
            return true;
    }
    return false;
}

QStringList TrafficProbe::mismatches(const QList<Flow> &flows, const QList<bool> &got,
                                     const QList<bool> &expected)
{
    QStringList out;
    for (qsizetype i = 0; i < flows.size(); ++i) {
        if (got.value(i) == expected.value(i))
            continue;
        out << flows.at(i).toString()
                   + (got.value(i) ? u": delivered, expected dropped"_s
                                   : u": dropped, expected delivered"_s);
    }
    return out;
}

QStringList TrafficProbe::mismatchesWithRetries(const QList<Flow> &flows,
                                                const QList<bool> &expected)
{
    QList<bool> got = run(flows);
    for (int attempt = 0; attempt < 2; ++attempt) {
        QList<qsizetype> retry;
        for (qsizetype i = 0; i < flows.size(); ++i)
            if (expected.at(i) && !got.at(i))
                retry << i;
        if (retry.isEmpty())
            break;
        QList<Flow> again;
        for (qsizetype i : std::as_const(retry))
            again << flows.at(i);
        const QList<bool> second = run(again);
        for (qsizetype k = 0; k < retry.size(); ++k)
            got[retry.at(k)] = second.at(k);
    }
    return mismatches(flows, got, expected);
}
