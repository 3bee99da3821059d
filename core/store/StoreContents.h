#pragma once

#include "model/PolicyDatabase.h"
#include "util/Result.h"

namespace ipsec {

class StoreWriter;

// Makes the store hold exactly `db`, inside the caller's write transaction: every policy, rule,
// filter list (with its filters) and filter action with its guid, the assignment and each
// policy's last-modified time. Row ids are new; references are followed through db's ids.
// Used to import a snapshot in replace mode and to roll back an unconfirmed change.
// A reference in db to an object db does not hold is refused (Usage) before anything changes.
Result<void> replaceStoreContents(StoreWriter &writer, const PolicyDatabase &db);

} // namespace ipsec
