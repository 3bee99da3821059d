#include "kernel/AddressWatcher.h"

#include "kernel/LibnlXfrm.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include <netlink/route/addr.h>
#include <netlink/route/route.h>
#pragma GCC diagnostic pop

#include <linux/rtnetlink.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

QString text(nl_addr *a)
{
    if (!a)
        return {};
    char buffer[INET6_ADDRSTRLEN + 8];
    return QString::fromLatin1(nl_addr2str(a, buffer, sizeof buffer));
}

// fe80::/10 (link-local) and ff00::/8 (multicast): never part of "me".
bool linkLocalOrMulticast(nl_addr *a)
{
    if (!a || nl_addr_get_family(a) != AF_INET6 || nl_addr_get_len(a) < 2)
        return false;
    const auto *b = static_cast<const quint8 *>(nl_addr_get_binary_addr(a));
    return (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || b[0] == 0xff;
}

struct Parsed {
    int type = 0;
    QString description;
};

void parsedObject(nl_object *object, void *arg)
{
    auto *p = static_cast<Parsed *>(arg);
    const bool added = p->type == RTM_NEWADDR || p->type == RTM_NEWROUTE;
    const QString verb = added ? AddressWatcher::tr("added") : AddressWatcher::tr("removed");
    const QString kind = QString::fromLatin1(nl_object_get_type(object));
    if (kind == "route/addr"_L1) {
        auto *addr = reinterpret_cast<rtnl_addr *>(object);
        nl_addr *local = rtnl_addr_get_local(addr);
        if (linkLocalOrMulticast(local))
            return;
        p->description = AddressWatcher::tr("address %1 %2").arg(text(local), verb);
    } else if (kind == "route/route"_L1) {
        auto *route = reinterpret_cast<rtnl_route *>(object);
        nl_addr *dst = rtnl_route_get_dst(route);
        if (linkLocalOrMulticast(dst))
            return;
        const QString where =
            dst && nl_addr_get_prefixlen(dst) == 0 ? AddressWatcher::tr("default") : text(dst);
        p->description = AddressWatcher::tr("route %1 %2").arg(where, verb);
    }
}

} // namespace

AddressWatcher::AddressWatcher(QObject *parent)
    : NetlinkWatcher(parent)
{
}

Result<void> AddressWatcher::start()
{
    return open(NETLINK_ROUTE,
                {RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE});
}

QString AddressWatcher::describe(nl_msg *message)
{
    Parsed p;
    p.type = nlmsg_hdr(message)->nlmsg_type;
    switch (p.type) {
    case RTM_NEWADDR:
    case RTM_DELADDR:
    case RTM_NEWROUTE:
    case RTM_DELROUTE:
        break;
    default:
        return {};
    }
    // libnl-route turns the message into an address or route object.
    if (nl_msg_parse(message, &parsedObject, &p) < 0)
        return tr("addresses or routes changed");
    return p.description;
}

} // namespace ipsec::kernel
