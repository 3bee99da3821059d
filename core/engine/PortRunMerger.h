#pragma once

// Many Windows policies list port after port ("block 1024, 1025, … 1031"); the kernel can
// match an aligned power-of-two port block with one value/mask selector, so such runs need
// not cost one SPD entry per port.
//
// Why it cannot change a verdict: only entries with the same rank (Specificity.h), direction,
// addresses, protocol, action and template are merged, and only ports that are all present.
// The rank includes the action, so no entry with a different outcome is ordered between two
// members; the merged block takes the best member's place and matches exactly their union.

#include "engine/XfrmCompiler.h"

namespace ipsec::engine {

// Merges in place: entries stay in rank order, priorities are not assigned yet, shadowed
// entries' winnerIndex is remapped.
void mergePortRuns(XfrmPlan &plan);

} // namespace ipsec::engine
