#pragma once

#include <QString>

namespace ipsec {

// Whether a computer name of a Windows command line (\\name, without the backslashes) means
// this computer: ".", "localhost", a loopback address, or this host's own name (short or
// fully qualified, any case). ipsecpol \\127.0.0.1 ... and netsh -r are then local commands.
bool isLocalComputer(const QString &name);

} // namespace ipsec
