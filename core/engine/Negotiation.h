#pragma once

// How a Negotiate filter action becomes kernel IPsec templates (README "Negotiation").
//
//   Windows action                              dir out (sent)         dir in (received)
//   Require Security (no soft, no inpass)       required template      required template
//   inpass ("accept unsecured, respond IPsec")  required template      optional (level use)
//   soft ("fall back to clear")                 optional (level use)   optional (level use)
//
// A required template makes the kernel drop cleartext: outbound packets without an SA trigger
// an ACQUIRE to the IKE daemon and are not sent; inbound cleartext fails the policy check. An
// optional template still sends an ACQUIRE and uses the SA once it exists, but lets cleartext
// pass meanwhile, which is Windows' fall-back-to-clear without its 3-second wait.

#include "model/FilterAction.h"

namespace ipsec::engine {

// The part of a filter action the kernel needs.
struct Negotiation {
    bool inboundPassThrough = false; // INPASS
    bool allowUnsecured = false;     // -soft
    quint8 ipsecProtocol = 50;       // ESP 50 or AH 51: the first security method's
    quint32 reqid = 0; // 0: by origin (the rule's, or kDynamicReqid); dynamic rules with a
                       // charon connection of their own carry dynamicRuleReqid(n)

    static Negotiation of(const FilterAction &action);
    static Negotiation of(bool inboundPassThrough, bool allowUnsecured,
                          const QList<SecurityMethod> &methods);
    // Whether clear text may pass in this direction while no SA exists.
    bool clearAllowed(bool inbound) const
    {
        return allowUnsecured || (inbound && inboundPassThrough);
    }

    friend bool operator==(const Negotiation &, const Negotiation &) = default;
};

// Templates tie a policy to the IKE daemon's CHILD_SA by reqid: one per rule of the assigned
// policy, one for all dynamic filters, in a band far above the reqids strongSwan allocates by
// itself (from 1 upwards).
constexpr quint32 kReqidBase = 0x49500000;
constexpr quint32 kDynamicReqid = kReqidBase;
quint32 reqidForRule(qint64 ruleId); // kReqidBase + 1 + ruleId (wrapping inside the band)
// Dynamic rules that are negotiated (netsh ipsec dynamic add rule with authentication): just
// below the base, n = 1 .. kDynamicRuleSlots, so they never meet the rules' band.
constexpr quint32 kDynamicRuleSlots = 0xffff;
constexpr quint32 dynamicRuleReqid(quint32 n)
{
    return kReqidBase - n;
}

} // namespace ipsec::engine
