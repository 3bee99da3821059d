#pragma once

#include "help/HelpPage.h"

// The help of ipsec-console: printed by --help and installed as ipsec-console(1).
class ConsoleHelp {
    Q_DECLARE_TR_FUNCTIONS(ConsoleHelp)
public:
    static ipsec::help::HelpPage page();
};
