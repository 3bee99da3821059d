#pragma once

#include "model/Address.h"
#include "syntax/IpsecCmd.h"
#include "wizards/PortList.h"

#include <QCoreApplication>

namespace ipsec::ui {

// What the Block-a-port wizard asks for, and the ipseccmd commands that do it (KB 813878):
// one command per rule, one filter spec per protocol and port.
struct BlockPortPlan {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ui::BlockPortPlan)
public:
    enum class Protocols : quint8 { Tcp, Udp, Both };
    enum class Directions : quint8 { Inbound, Outbound, Both };

    Protocols protocols = Protocols::Udp;
    PortList ports;
    Directions directions = Directions::Inbound;
    Address remote = Address::any(); // any, a host or a subnet
    bool staticMode = true;
    QString policyName;  // static mode
    bool assign = false; // static mode: -x on the last command

    // "Block UDP 1434 Filter"
    QString defaultPolicyName() const;
    // "Block Inbound UDP 1434 Rule"
    QString ruleName(bool inbound) const;
    QList<syntax::IpsecCmdCommand> commands() const;

private:
    QString protocolLabel() const;
};

} // namespace ipsec::ui
