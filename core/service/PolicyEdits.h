#pragma once

#include "service/PolicyClient.h"

#include <QCoreApplication>

namespace ipsec {

class StoreWriter;

// The editing rules that ipseccmd/ipsecpol (StaticCommand), netsh (NetshRunner) and the console
// (PolicyService) share, in one place, as Windows has them:
// * a new policy gets its default response rule;
// * assigning a policy unassigns the one assigned before, and says so;
// * deleting an assigned policy unassigns it, then deletes it;
// * \\computer names this computer when it is ".", localhost, a loopback address or this host's
//   own name; any other computer is refused.
class PolicyEdits {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyEdits)
public:
    static QString quote(const QString &s) { return u'"' + s + u'"'; }
    // The default response rule's name.
    static QString defaultRuleName();

    // Inserts policy (id and guid filled in) and its default response rule (active or not).
    static Result<void> createPolicy(StoreWriter &w, ServiceReport &report, Policy &policy,
                                     bool activateDefaultRule);
    static Result<void> assign(StoreWriter &w, ServiceReport &report, const Policy &policy);
    // Unassigns the policy first when it is assigned; the caller deletes what else goes with it.
    static Result<void> deletePolicy(StoreWriter &w, ServiceReport &report, const Policy &policy);
    // Usage error for a remote computer; nothing for this one.
    static Result<void> checkComputer(const QString &computer);
};

} // namespace ipsec
