#include "wizards/BlockPortPlan.h"

using namespace Qt::StringLiterals;

namespace ipsec::ui {

QString BlockPortPlan::protocolLabel() const
{
    switch (protocols) {
    case Protocols::Tcp:
        return u"TCP"_s;
    case Protocols::Udp:
        return u"UDP"_s;
    case Protocols::Both:
        break;
    }
    return tr("TCP and UDP");
}

QString BlockPortPlan::defaultPolicyName() const
{
    return tr("Block %1 %2 Filter").arg(protocolLabel(), ports.text);
}

QString BlockPortPlan::ruleName(bool inbound) const
{
    return inbound ? tr("Block Inbound %1 %2 Rule").arg(protocolLabel(), ports.text)
                   : tr("Block Outbound %1 %2 Rule").arg(protocolLabel(), ports.text);
}

QList<syntax::IpsecCmdCommand> BlockPortPlan::commands() const
{
    QList<bool> inbound;
    if (directions != Directions::Outbound)
        inbound << true;
    if (directions != Directions::Inbound)
        inbound << false;
    QList<Protocol> protocolList;
    if (protocols != Protocols::Udp)
        protocolList << Protocol::tcp();
    if (protocols != Protocols::Tcp)
        protocolList << Protocol::udp();

    QList<syntax::IpsecCmdCommand> result;
    for (bool in : inbound) {
        syntax::IpsecCmdCommand c;
        if (staticMode) {
            c.staticMode = true;
            c.storeType = u"REG"_s;
            c.policyName = policyName;
            c.ruleNames = {ruleName(in)};
            c.negotiation = syntax::Negotiation{syntax::Negotiation::Kind::Block, {}};
        }
        for (const Protocol &protocol : protocolList) {
            for (quint16 port : ports.ports) {
                syntax::FilterSpec spec;
                // The port is always the destination's: inbound to me, outbound to the remote.
                spec.filter.source = in ? remote : Address::me();
                spec.filter.destination = in ? Address::me() : remote;
                spec.filter.protocol = protocol;
                spec.filter.destinationPort = port;
                spec.wrap =
                    staticMode ? syntax::FilterSpec::Wrap::None : syntax::FilterSpec::Wrap::Block;
                c.filters << spec;
            }
        }
        result << c;
    }
    // Assigning after the last rule: the kernel never enforces half of the policy.
    if (staticMode && assign && !result.isEmpty())
        result.last().assign = true;
    return result;
}

} // namespace ipsec::ui
