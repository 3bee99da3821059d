#pragma once

#include "snapshot/Snapshot.h"

namespace ipsec {

// Writes a snapshot as a Windows batch file of `netsh ipsec static` commands (reference
// windows-ipsec.md §2.1) that recreates its filter lists, filter actions, policies and rules and
// the assignment. Dynamic filters and kernel entries have no netsh static form and are listed
// as `rem` comments. CRLF line ends, values quoted where needed, '%' doubled for cmd.exe.
class NetshScriptWriter {
    Q_DECLARE_TR_FUNCTIONS(ipsec::NetshScriptWriter)
public:
    static QString write(const Snapshot &snapshot);
    // One value as netsh wants it: bare when it is one plain word, else "quoted" with embedded
    // quotes written as \' (netsh's own escape).
    static QString quote(const QString &value);
    // The filter's `srcaddr=… srcmask=… dstaddr=… dstmask=… protocol=… srcport=… dstport=…
    // mirrored=…` words (without filterlist and description).
    static QString filterArguments(const Filter &filter);
};

} // namespace ipsec
