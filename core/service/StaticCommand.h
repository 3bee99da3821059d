#pragma once

#include "service/PolicyService.h"

namespace ipsec {

class StoreWriter;

// ipsecpol/ipseccmd static mode against one open store transaction.
class StaticCommand {
    Q_DECLARE_TR_FUNCTIONS(ipsec::StaticCommand)
public:
    StaticCommand(StoreWriter &writer, ServiceReport &report);
    Result<void> run(const syntax::IpsecCmdCommand &command);

    // Checks that need no store: which flag combinations static mode accepts.
    static Result<void> check(const syntax::IpsecCmdCommand &command);

private:
    Result<Policy> findOrCreatePolicy(const syntax::IpsecCmdCommand &c);
    Result<void> removeRules(const Policy &policy, const QStringList &ruleNames);
    Result<void> removePolicy(const Policy &policy);
    Result<void> putRule(const Policy &policy, const syntax::IpsecCmdCommand &c);
    Result<qint64> filterListFor(const QString &ruleName, const QList<Filter> &filters,
                                 qint64 currentListId);
    Result<qint64> filterActionFor(const syntax::IpsecCmdCommand &c);
    Result<void> dropImplicitListIfUnused(qint64 listId);

    StoreWriter &w;
    ServiceReport &report;
};

} // namespace ipsec
