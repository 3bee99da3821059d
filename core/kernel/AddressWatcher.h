#pragma once

#include "kernel/NetlinkWatcher.h"

#include <QCoreApplication>

namespace ipsec::kernel {

// Addresses and routes of the current network namespace (rtnetlink, through libnl-route):
// what "me" on the far end of a filter stands for, and whether DNS names can be resolved,
// change with them. IPv6 link-local addresses and routes are ignored ("me" never includes them).
class AddressWatcher final : public NetlinkWatcher {
    Q_OBJECT
public:
    explicit AddressWatcher(QObject *parent = nullptr);
    // Joins RTNLGRP_IPV4_IFADDR, IPV6_IFADDR, IPV4_ROUTE and IPV6_ROUTE.
    Result<void> start();

protected:
    QString describe(nl_msg *message) override;
};

} // namespace ipsec::kernel
