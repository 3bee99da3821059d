#pragma once

#include "help/HelpPage.h"

// The help of ipsec-policyd: printed by --help and installed as ipsec-policyd(8).
class PolicydHelp {
    Q_DECLARE_TR_FUNCTIONS(PolicydHelp)
public:
    static ipsec::help::HelpPage page();
};
