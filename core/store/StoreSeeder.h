#pragma once

#include "store/PolicyStore.h"

namespace ipsec {

// Fills a store with a set of objects that refer to each other by their ids in that set (as
// PolicyDatabase::windowsDefaults() does, with positions), giving them real ids. Internal to
// core/store.
class StoreSeeder {
public:
    static Result<void> insertAll(StoreWriter &writer, PolicyDatabase objects);
};

} // namespace ipsec
