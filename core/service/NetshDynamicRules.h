#pragma once

#include "service/PolicyClient.h"
#include "syntax/Netsh.h"

namespace ipsec {

// `netsh ipsec dynamic add|set|delete rule` and `delete all`, on a working copy of the dynamic
// filter list (PolicyService enforces and records it; see NetshRunner). A rule is identified
// by its traffic; inbound means towards this host.
class NetshDynamicRules {
    Q_DECLARE_TR_FUNCTIONS(ipsec::NetshDynamicRules)
public:
    NetshDynamicRules(QList<engine::DynamicFilter> &filters, ServiceReport &report);
    Result<void> run(const syntax::NetshCommand &command);
    bool changed() const { return m_changed; }

    // The filters a dynamic add rule stands for: one, or two (one per direction) when
    // actioninbound and actionoutbound differ.
    static Result<QList<engine::DynamicFilter>> filtersOf(const syntax::NetshCommand &c);

private:
    QList<engine::DynamicFilter> &m_dynamic;
    ServiceReport &report;
    bool m_changed = false;
};

} // namespace ipsec
