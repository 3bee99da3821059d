#pragma once

// The IKE half of enforcement (issue 14): after the kernel took the policy, charon (over VICI)
// gets the project's connections for it. Never fails a command: the kernel already enforces
// Require Security without charon, so a missing daemon is a plain notice.

#include "engine/DynamicIke.h"
#include "engine/EffectivePolicy.h"
#include "service/PolicyClient.h"
#include "vici/ConnectionBuilder.h"

#include <QCoreApplication>

namespace ipsec {

class IkeSync {
    Q_DECLARE_TR_FUNCTIONS(ipsec::IkeSync)
public:
    // $IPSEC_CONSOLE_IKE_VERSION: 1 (default, as Windows 2000/XP/2003) or 2.
    static int ikeVersion();
    // Loads the connections of the assigned policy and of the dynamic rules (with the dynamic
    // main-mode and quick-mode policies and settings of `ike`), unloads the project's others.
    static void sync(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dynamic,
                     ServiceReport &report, const engine::DynamicIke *ike = nullptr);
    // Unloads every connection of the project (emergency unassign); silent without charon.
    static void unloadAll(ServiceReport &report);

private:
    // What the dynamic store adds: its policies, strongcrlcheck.
    static void applyDynamic(vici::ConnectionOptions &options, const engine::DynamicIke *ike);
};

} // namespace ipsec
