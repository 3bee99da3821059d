#include "kernel/SpdWatcher.h"

#include "kernel/LibnlXfrm.h"
#include "kernel/NetlinkSpd.h"

#include <linux/xfrm.h>

namespace ipsec::kernel {

SpdWatcher::SpdWatcher(QObject *parent)
    : NetlinkWatcher(parent)
{
}

Result<void> SpdWatcher::start()
{
    return open(NETLINK_XFRM, {XFRMNLGRP_POLICY});
}

QString SpdWatcher::describe(nl_msg *message)
{
    const nlmsghdr *h = nlmsg_hdr(message);
    // The kernel copies the requester's nlmsg_pid into the notification.
    if (NetlinkSpd::isOwnPort(h->nlmsg_pid))
        return {};
    switch (h->nlmsg_type) {
    case XFRM_MSG_NEWPOLICY:
    case XFRM_MSG_UPDPOLICY:
        return tr("an IPsec policy was added or changed by another program");
    case XFRM_MSG_DELPOLICY:
    case XFRM_MSG_POLEXPIRE:
        return tr("an IPsec policy was deleted by another program");
    case XFRM_MSG_FLUSHPOLICY:
        return tr("the IPsec policies were flushed by another program");
    default:
        return {};
    }
}

} // namespace ipsec::kernel
