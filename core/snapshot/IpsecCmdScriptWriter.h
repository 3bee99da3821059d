#pragma once

#include "snapshot/Snapshot.h"

namespace ipsec {

// Writes a snapshot as a POSIX shell script of ipseccmd command lines, one per rule, that
// recreates its policies and rules in a store and assigns the assigned one. What the ipseccmd
// syntax cannot say (descriptions, inactive rules, empty filter lists, the default response
// rule, shared list and action names) is noted in `#` comments; a rule's list and action are
// implicit, as ipseccmd makes them. Dynamic filters become dynamic-mode lines, commented out
// (they change the kernel at once).
class IpsecCmdScriptWriter {
    Q_DECLARE_TR_FUNCTIONS(ipsec::IpsecCmdScriptWriter)
public:
    static QString write(const Snapshot &snapshot);
};

} // namespace ipsec
