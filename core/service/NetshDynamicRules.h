#pragma once

#include "engine/DynamicIke.h"
#include "service/PolicyClient.h"
#include "syntax/Netsh.h"

namespace ipsec {

// `netsh ipsec dynamic add|set|delete rule|mmpolicy|qmpolicy`, `set config` and `delete all`,
// on working copies of the dynamic filter list and the dynamic IKE policies (PolicyService
// enforces and records them; see NetshRunner). A rule is identified by its traffic; inbound
// means towards this host.
class NetshDynamicRules {
    Q_DECLARE_TR_FUNCTIONS(ipsec::NetshDynamicRules)
public:
    NetshDynamicRules(QList<engine::DynamicFilter> &filters, engine::DynamicIke &ike,
                      ServiceReport &report);
    Result<void> run(const syntax::NetshCommand &command);
    bool changed() const { return m_changed; }
    bool ikeChanged() const { return m_ikeChanged; }

    // The filters a dynamic add rule stands for: one, or two (one per direction) when
    // actioninbound and actionoutbound differ.
    static Result<QList<engine::DynamicFilter>> filtersOf(const syntax::NetshCommand &c);

    // `set config property=P value=V`: checks the value and changes config; a sentence for the
    // command's report says what it does here (or that it is noted only).
    static Result<QString> applyConfig(engine::DynamicConfig &config, const QString &property,
                                       const QString &value);

private:
    Result<void> runMmPolicy(const syntax::NetshCommand &c);
    Result<void> runQmPolicy(const syntax::NetshCommand &c);
    Result<void> runConfig(const syntax::NetshCommand &c);
    // mmpolicy=, qmpolicy= and the authentication methods of an added or changed rule.
    Result<void> attachNegotiation(QList<engine::DynamicFilter> &filters,
                                   const syntax::NetshCommand &c);
    // Negotiation (soft, inpass, protocol) of filters from their quick-mode policy.
    void resolveNegotiation(engine::DynamicFilter &d) const;
    quint32 freeReqid() const;
    int usersOf(bool mainMode, const QString &name) const;
    // The steps mmpolicy and qmpolicy share (P is engine::DynamicMmPolicy or DynamicQmPolicy):
    // delete name=X|all (a policy rules use stays), and the policy an add or set starts from.
    template <typename P>
    Result<QStringList> deletePolicies(QList<P> &list, const syntax::NetshCommand &c);
    template <typename P>
    Result<P> policyToEdit(const QList<P> &list, const syntax::NetshCommand &c);

    QList<engine::DynamicFilter> &m_dynamic;
    engine::DynamicIke &m_ike;
    ServiceReport &report;
    bool m_changed = false;
    bool m_ikeChanged = false;
};

} // namespace ipsec
