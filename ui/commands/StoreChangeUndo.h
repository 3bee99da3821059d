#pragma once

#include "engine/EffectivePolicy.h"
#include "model/PolicyDatabase.h"
#include "service/PolicyClient.h"

namespace ipsec::ui {

// Undo for a change made of several service calls (a wizard's commands): what the store and
// the dynamic filters were before, and how to get back there.
struct StoreChangeUndo {
    PolicyDatabase before;
    QList<engine::DynamicFilter> dynamicBefore;

    // Captures the current state.
    static Result<StoreChangeUndo> capture(PolicyClient &service);
    // Deletes the objects created since the capture (matched by guid: rules, then policies,
    // filter lists and actions), restores the assignment and the dynamic filters.
    Result<ServiceReport> revert(PolicyClient &service) const;
};

} // namespace ipsec::ui
