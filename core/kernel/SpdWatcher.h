#pragma once

#include "kernel/NetlinkWatcher.h"

#include <QCoreApplication>

namespace ipsec::kernel {

// Changes of the current namespace's SPD made by anyone but this process (XFRMNLGRP_POLICY):
// `ip xfrm policy flush`, another tool, a program killed half-way through an apply. The
// owner then compares the kernel with what it should hold and repairs the difference.
// Changes sent from this process's own XFRM sockets (NetlinkSpd::isOwnPort) are ignored, so
// a repair does not trigger another one.
class SpdWatcher final : public NetlinkWatcher {
    Q_OBJECT
public:
    explicit SpdWatcher(QObject *parent = nullptr);
    Result<void> start();

protected:
    QString describe(nl_msg *message) override;
};

} // namespace ipsec::kernel
