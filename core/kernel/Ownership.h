#pragma once

#include "kernel/SpdEntry.h"

#include <QtGlobal>

namespace ipsec::kernel {

// Which XFRM policies belong to this project.
//
// The kernel keeps no owner for an SPD entry, and FLUSHPOLICY would also remove strongSwan's or
// an administrator's policies, so the project claims a band of priorities and only ever
// installs, changes or deletes main-type policies inside it. Everything else is "foreign": it is
// listed and shown, never modified.
//
// Why 1,000 - 60,999 (lower number = higher precedence in XFRM):
//  * strongSwan's automatic priorities start at ~68,541 (pass shunts 68,541-200,000, IPsec/trap
//    policies 268,541-400,000, drop shunts 468,541-600,000). A Windows-style Block must win over
//    a co-resident tunnel or pass shunt, so the whole band lies below 68,541 (7,541 spare).
//  * strongSwan's `port_bypass = yes` installs its IKE bypass policies at priority 32; a console
//    "block all" must lose against them or IKE breaks. 1-999 stays free for such bypasses and
//    for an administrator's manual emergency overrides that must beat the console.
//  * 60,000 distinct priorities: the compiler gives every entry its own priority (ties are
//    undefined in the kernel), which covers the 10,000-filter target with room to renumber.
// Limitation: a foreign tool that installs main policies inside this band (for example a
// strongSwan `priority = 5000` override) is indistinguishable from ours; a ledger of installed
// selectors can tighten this later.
inline constexpr quint32 kOwnedPriorityFirst = 1000;
inline constexpr quint32 kOwnedPriorityLast = 60999;
inline constexpr quint32 kOwnedPriorityCount = kOwnedPriorityLast - kOwnedPriorityFirst + 1;

inline constexpr bool isOwnedPriority(quint32 priority)
{
    return priority >= kOwnedPriorityFirst && priority <= kOwnedPriorityLast;
}

// Owned = main-type policy with a priority inside the band.
inline bool isOwned(const SpdEntry &entry)
{
    return entry.policyType == SpdEntry::PolicyType::Main && isOwnedPriority(entry.priority);
}

} // namespace ipsec::kernel
