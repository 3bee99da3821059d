#pragma once

#include "util/Result.h"

#include <QString>

namespace ipsec {

// Moves the calling thread (call it first thing in main, before threads exist) into the named
// network namespace /run/netns/NAME, as `ip netns exec` does.
Result<void> enterNetworkNamespace(const QString &name);

// The name given to enterNetworkNamespace() in this process, or empty (the namespace the process
// was started in): where /etc/netns/NAME/resolv.conf applies, as `ip netns exec` arranges.
QString currentNetworkNamespace();

// --netns, else $IPSEC_CONSOLE_NETNS, else empty (the current namespace).
QString resolveNetworkNamespace(const QString &explicitName);

} // namespace ipsec
