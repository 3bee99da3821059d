#pragma once

#include "model/Address.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QStringList>

namespace ipsec::kernel {

// What netsh's server types stand for on this computer, read from the system each time:
// * DNS: the name servers of resolv.conf ($IPSEC_RESOLV_CONF, else /etc/netns/NS/resolv.conf
//   when the process entered namespace NS and that file exists, as `ip netns exec` would show
//   it, else /etc/resolv.conf; systemd-resolved's stub 127.0.0.53 is replaced by the servers of
//   /run/systemd/resolve/resolv.conf);
// * GATEWAY: the gateways of the default routes of the current network namespace (rtnetlink,
//   libnl-route; main table, IPv4 and IPv6);
// * DHCP: the server of the DHCP leases of this namespace's interfaces: dhclient
//   (/var/lib/dhcp, /var/lib/dhclient), systemd-networkd (/run/systemd/netif/leases) and
//   NetworkManager (/var/lib/NetworkManager); $IPSEC_DHCP_LEASES (files or folders separated by
//   ':') replaces these places.
class SystemServers {
    Q_DECLARE_TR_FUNCTIONS(ipsec::kernel::SystemServers)
public:
    struct Found {
        QList<QHostAddress> addresses;
        QString unknownReason; // a sentence when addresses is empty
        friend bool operator==(const Found &, const Found &) = default;
    };
    static Found find(Address::ServerType type);

    // The resolv.conf in effect, and the lease files and folders looked at: what the agent
    // watches (their changes change the answer).
    static QString resolvConfPath();
    static QStringList leaseLocations();

    // The parts, for tests.
    static QList<QHostAddress> parseResolvConf(const QByteArray &text);
    struct Lease {
        QString interfaceName; // empty when the lease does not say
        QHostAddress server;
        QDateTime expires; // invalid: never, or not said
    };
    // dhclient's "lease { ... }" blocks, or systemd-networkd's (and NetworkManager's internal
    // client's) KEY=VALUE file; the latest lease of each interface.
    static QList<Lease> parseLeases(const QByteArray &text, const QString &fileName);
    static Found defaultGateways();
};

} // namespace ipsec::kernel
