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
//   own name; any other computer is refused;
// * names clash case-insensitively (as the store keys them): creating or renaming onto the name
//   of another object of the same kind is refused with the same sentence from every front end
//   (ipseccmd reuses a policy of that name instead, as ipsecpol does);
// * names in messages are quoted as netsh reads them back: "Name", an embedded " doubled.
class PolicyEdits {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyEdits)
public:
    static QString quote(const QString &name);

    enum class Object : quint8 { Policy, FilterList, FilterAction };
    // A conflict error when another object of that kind (not exceptId) has this name.
    static Result<void> checkNameFree(StoreWriter &w, Object kind, const QString &name,
                                      qint64 exceptId = 0);
    // The same for the rules of one policy.
    static Result<void> checkRuleNameFree(StoreWriter &w, const Policy &policy, const QString &name,
                                          qint64 exceptId = 0);
    // The default response rule's name.
    static QString defaultRuleName();

    // Inserts policy (id and guid filled in) and its default response rule (active or not); a
    // name clash is refused.
    static Result<void> createPolicy(StoreWriter &w, ServiceReport &report, Policy &policy,
                                     bool activateDefaultRule);
    static Result<void> assign(StoreWriter &w, ServiceReport &report, const Policy &policy);
    // Unassigns the policy first when it is assigned; the caller deletes what else goes with it.
    static Result<void> deletePolicy(StoreWriter &w, ServiceReport &report, const Policy &policy);
    // Usage error for a remote computer; nothing for this one.
    static Result<void> checkComputer(const QString &computer);
};

} // namespace ipsec
