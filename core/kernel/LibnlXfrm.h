#pragma once

// Private to ipsec_kernel: the libnl headers are C and not -Wpedantic clean, so they are
// included here once with the warnings silenced. Never include this from a public header.

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wcast-align"
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/handlers.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/object.h>
#include <netlink/socket.h>
#include <netlink/xfrm/lifetime.h>
#include <netlink/xfrm/selector.h>
#include <netlink/xfrm/sp.h>
#pragma GCC diagnostic pop
