#pragma once

#include "util/Result.h"

#include <QString>

namespace ipsec {

// Moves the calling thread (call it first thing in main, before threads exist) into the named
// network namespace /run/netns/NAME, as `ip netns exec` does.
Result<void> enterNetworkNamespace(const QString &name);

// --netns, else $IPSEC_CONSOLE_NETNS, else empty (the current namespace).
QString resolveNetworkNamespace(const QString &explicitName);

} // namespace ipsec
