#include "kernel/SystemServers.h"

#include "kernel/LibnlXfrm.h"
#include "util/NetNamespace.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include <netlink/route/route.h>
#pragma GCC diagnostic pop

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QTimeZone>

#include <linux/rtnetlink.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

constexpr qint64 MaxFileBytes = 1024 * 1024;

QByteArray readSmall(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(MaxFileBytes);
}

QHostAddress fromNl(nl_addr *a)
{
    if (!a)
        return {};
    const auto *b = static_cast<const quint8 *>(nl_addr_get_binary_addr(a));
    if (nl_addr_get_family(a) == AF_INET && nl_addr_get_len(a) == 4)
        return QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
    if (nl_addr_get_family(a) == AF_INET6 && nl_addr_get_len(a) == 16)
        return QHostAddress(b);
    return {};
}

// An interface of this namespace, by name or index (a lease of another namespace's interface
// says nothing about this one).
bool interfaceHere(const QString &name)
{
    if (name.isEmpty())
        return true;
    bool numeric = false;
    const int index = name.toInt(&numeric);
    return numeric ? QNetworkInterface::interfaceFromIndex(index).isValid()
                   : QNetworkInterface::interfaceFromName(name).isValid();
}

QList<QHostAddress> uniqueValid(const QList<QHostAddress> &in)
{
    QList<QHostAddress> out;
    for (const QHostAddress &a : in) {
        if (a.isNull() || out.contains(a))
            continue;
        // Only what Address reads (no zone ids, no IPv4-mapped IPv6).
        QHostAddress plain = a;
        plain.setScopeId(QString());
        if (auto ok = Address::parseIp(plain.toString()); ok && !out.contains(ok.value()))
            out << ok.value();
    }
    return out;
}

} // namespace

QString SystemServers::resolvConfPath()
{
    const QString configured = qEnvironmentVariable("IPSEC_RESOLV_CONF");
    if (!configured.isEmpty())
        return configured;
    const QString ns = currentNetworkNamespace();
    if (!ns.isEmpty()) {
        const QString own = u"/etc/netns/%1/resolv.conf"_s.arg(ns);
        if (QFileInfo::exists(own))
            return own;
    }
    return u"/etc/resolv.conf"_s;
}

QStringList SystemServers::leaseLocations()
{
    const QString configured = qEnvironmentVariable("IPSEC_DHCP_LEASES");
    if (!configured.isEmpty())
        return configured.split(u':', Qt::SkipEmptyParts);
    return {u"/var/lib/dhcp"_s, u"/var/lib/dhclient"_s, u"/run/systemd/netif/leases"_s,
            u"/var/lib/NetworkManager"_s};
}

QList<QHostAddress> SystemServers::parseResolvConf(const QByteArray &text)
{
    static const QRegularExpression re(u"^\\s*nameserver\\s+([^\\s#;]+)"_s);
    QList<QHostAddress> out;
    for (const QByteArray &line : text.split('\n')) {
        const auto m = re.match(QString::fromLatin1(line));
        if (m.hasMatch())
            out << QHostAddress(m.captured(1));
    }
    return uniqueValid(out);
}

QList<SystemServers::Lease> SystemServers::parseLeases(const QByteArray &text,
                                                       const QString &fileName)
{
    QList<Lease> out;
    const QString all = QString::fromUtf8(text);
    if (all.contains(u"lease"_s) && all.contains(u'{')) {
        // dhclient: the later block of an interface is the newer lease.
        static const QRegularExpression block(u"lease6?\\s*\\{([^}]*)\\}"_s);
        static const QRegularExpression iface(u"\\binterface\\s+\"([^\"]+)\""_s);
        static const QRegularExpression server(
            u"\\boption\\s+dhcp-server-identifier\\s+([0-9.]+)\\s*;"_s);
        static const QRegularExpression expire(
            u"\\bexpire\\s+\\d\\s+(\\d{4}/\\d{2}/\\d{2}\\s+\\d{2}:\\d{2}:\\d{2})\\s*;"_s);
        for (auto it = block.globalMatch(all); it.hasNext();) {
            const QString body = it.next().captured(1);
            const auto s = server.match(body);
            if (!s.hasMatch())
                continue;
            Lease l;
            l.interfaceName = iface.match(body).captured(1);
            l.server = QHostAddress(s.captured(1));
            const auto e = expire.match(body);
            if (e.hasMatch()) {
                const QDateTime local =
                    QDateTime::fromString(e.captured(1), u"yyyy/MM/dd HH:mm:ss"_s);
                l.expires = QDateTime(local.date(), local.time(), QTimeZone::utc());
            }
            for (qsizetype i = 0; i < out.size(); ++i)
                if (out[i].interfaceName == l.interfaceName)
                    out.removeAt(i--);
            out << l;
        }
        return out;
    }
    // systemd-networkd: /run/systemd/netif/leases/IFINDEX; NetworkManager's internal client:
    // internal-UUID-IFNAME.lease; both KEY=VALUE.
    static const QRegularExpression server(u"^SERVER_ADDRESS=(\\S+)"_s,
                                           QRegularExpression::MultilineOption);
    const auto m = server.match(all);
    if (!m.hasMatch())
        return out;
    Lease l;
    l.server = QHostAddress(m.captured(1));
    const QString base = QFileInfo(fileName).fileName();
    static const QRegularExpression nm(u"^internal-[0-9a-fA-F-]{36}-(.+)\\.lease$"_s);
    bool numeric = false;
    (void)base.toInt(&numeric);
    if (numeric)
        l.interfaceName = base;
    else if (const auto n = nm.match(base); n.hasMatch())
        l.interfaceName = n.captured(1);
    out << l;
    return out;
}

SystemServers::Found SystemServers::defaultGateways()
{
    Found found;
    nl_sock *sock = nl_socket_alloc();
    nl_cache *cache = nullptr;
    int rc = sock ? nl_connect(sock, NETLINK_ROUTE) : -NLE_NOMEM;
    if (rc >= 0)
        rc = rtnl_route_alloc_cache(sock, AF_UNSPEC, 0, &cache);
    if (rc < 0) {
        found.unknownReason = tr("the routing table could not be read (%1).")
                                  .arg(QString::fromLocal8Bit(nl_geterror(rc)));
        if (sock)
            nl_socket_free(sock);
        return found;
    }
    QList<QHostAddress> gateways;
    for (nl_object *o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto *route = reinterpret_cast<rtnl_route *>(o);
        if (rtnl_route_get_table(route) != RT_TABLE_MAIN
            || rtnl_route_get_type(route) != RTN_UNICAST)
            continue;
        nl_addr *dst = rtnl_route_get_dst(route);
        if (dst && nl_addr_get_prefixlen(dst) != 0)
            continue;
        const int hops = rtnl_route_get_nnexthops(route);
        for (int i = 0; i < hops; ++i)
            if (rtnl_nexthop *hop = rtnl_route_nexthop_n(route, i))
                gateways << fromNl(rtnl_route_nh_get_gateway(hop));
    }
    nl_cache_free(cache);
    nl_socket_free(sock);
    found.addresses = uniqueValid(gateways);
    if (found.addresses.isEmpty())
        found.unknownReason = tr("this computer has no default gateway (no default route with a "
                                 "gateway in its network namespace).");
    return found;
}

SystemServers::Found SystemServers::find(Address::ServerType type)
{
    Found found;
    switch (type) {
    case Address::ServerType::Dns: {
        const QString path = resolvConfPath();
        if (!QFileInfo::exists(path)) {
            found.unknownReason = tr("there is no %1, so no DNS server is known.").arg(path);
            return found;
        }
        found.addresses = parseResolvConf(readSmall(path));
        // systemd-resolved's stub: the servers it forwards to are the DNS servers.
        const bool onlyStub = !found.addresses.isEmpty()
                              && std::all_of(found.addresses.cbegin(), found.addresses.cend(),
                                             [](const QHostAddress &a) {
                                                 return a == QHostAddress(u"127.0.0.53"_s);
                                             });
        const QString upstream = u"/run/systemd/resolve/resolv.conf"_s;
        if (onlyStub && path == u"/etc/resolv.conf"_s && QFileInfo::exists(upstream))
            found.addresses = parseResolvConf(readSmall(upstream));
        if (found.addresses.isEmpty())
            found.unknownReason = tr("%1 names no DNS server (no \"nameserver\" line).").arg(path);
        return found;
    }
    case Address::ServerType::Gateway:
        return defaultGateways();
    case Address::ServerType::Dhcp: {
        const QStringList places = leaseLocations();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<QHostAddress> servers;
        for (const QString &place : places) {
            QStringList files;
            const QFileInfo info(place);
            if (info.isDir()) {
                const QDir dir(place);
                for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                    files << dir.filePath(name);
            } else if (info.isFile()) {
                files << place;
            }
            for (const QString &file : std::as_const(files)) {
                for (const Lease &l : parseLeases(readSmall(file), file)) {
                    if (!interfaceHere(l.interfaceName))
                        continue;
                    if (l.expires.isValid() && l.expires < now)
                        continue;
                    servers << l.server;
                }
            }
        }
        found.addresses = uniqueValid(servers);
        if (found.addresses.isEmpty())
            found.unknownReason =
                tr("the DHCP server is not known: no current DHCP lease of an interface of this "
                   "network namespace was found (dhclient, systemd-networkd and NetworkManager "
                   "leases in %1).")
                    .arg(places.join(u", "_s));
        return found;
    }
    case Address::ServerType::None:
        break;
    }
    return found;
}

} // namespace ipsec::kernel
