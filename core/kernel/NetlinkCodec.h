#pragma once

// Private to ipsec_kernel: conversions between SpdEntry and libnl-xfrm objects/messages.

#include "kernel/LibnlXfrm.h"
#include "kernel/SpdEntry.h"

#include <memory>

namespace ipsec::kernel::netlink {

struct SpDeleter {
    void operator()(xfrmnl_sp *sp) const { xfrmnl_sp_put(sp); }
};
using SpPtr = std::unique_ptr<xfrmnl_sp, SpDeleter>;

struct MsgDeleter {
    void operator()(nl_msg *msg) const { nlmsg_free(msg); }
};
using MsgPtr = std::unique_ptr<nl_msg, MsgDeleter>;

// A libnl policy object carrying everything SpdEntry writes (lifetimes unlimited, as `ip` does).
SpPtr toLibnl(const SpdEntry &entry);
// Reads a policy object from a dump or a GETPOLICY reply.
SpdEntry fromLibnl(xfrmnl_sp *sp);

// A DELPOLICY or GETPOLICY request that names the policy by its index when entry.index is set,
// else by (type, dir, selector, mark), as `ip xfrm policy delete|get SELECTOR dir D` does.
// (libnl 3.7's xfrmnl_sp_delete() can only delete by index.)
MsgPtr buildIdentityRequest(int messageType, const SpdEntry &entry);

} // namespace ipsec::kernel::netlink
