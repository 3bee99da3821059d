#pragma once

#include "kernel/AddressWatcher.h"
#include "kernel/NftWatcher.h"
#include "kernel/ServerConfigWatcher.h"
#include "kernel/SpdWatcher.h"

#include <QObject>

// What makes the agent enforce again without a change of the store (issue 12, items 10 and 14):
// - addresses and routes of its namespace changed: "me" on the far end of a filter, DNS names
//   (now resolvable, or resolving differently) and netsh's GATEWAY server type depend on them;
// - the DNS servers of resolv.conf or the DHCP server of the leases changed (server types);
// - the kernel's SPD was changed by someone else (`ip xfrm policy flush`, a program killed
//   during an apply), or its nftables table (`nft delete element`, `nft flush ruleset`):
//   enforcing compares the kernel with the policy and repairs the drift.
// Both are debounced (100 ms), so a burst of events is one enforcement.
class EnforcementWatch : public QObject {
    Q_OBJECT
public:
    explicit EnforcementWatch(QObject *parent = nullptr);
    // Opens the netlink sockets in the calling thread's network namespace; the problems, as
    // sentences, of the watchers that could not start (the agent works on without them).
    QStringList start();

Q_SIGNALS:
    void enforcementNeeded(const QString &why);

private:
    ipsec::kernel::AddressWatcher m_addresses;
    ipsec::kernel::SpdWatcher m_spd;
    ipsec::kernel::NftWatcher m_nft; // the project's nftables table (issue 11)
    ipsec::kernel::ServerConfigWatcher m_servers;
};
