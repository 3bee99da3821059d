#include "engine/Negotiation.h"

namespace ipsec::engine {

Negotiation Negotiation::of(const FilterAction &action)
{
    return of(action.inboundPassThrough, action.allowUnsecured, action.securityMethods);
}

Negotiation Negotiation::of(bool inboundPassThrough, bool allowUnsecured,
                            const QList<SecurityMethod> &methods)
{
    Negotiation n;
    n.inboundPassThrough = inboundPassThrough;
    n.allowUnsecured = allowUnsecured;
    // One template per policy: strongSwan negotiates no AH+ESP bundles, so the first (preferred)
    // offer decides the protocol; an AH+ESP offer is carried by ESP.
    if (!methods.isEmpty() && !methods.first().esp && methods.first().ah)
        n.ipsecProtocol = 51;
    return n;
}

quint32 reqidForRule(qint64 ruleId)
{
    constexpr quint64 span = 0xffffffffULL - kReqidBase; // reqids above the base
    return kReqidBase + 1 + quint32(quint64(ruleId) % span);
}

} // namespace ipsec::engine
