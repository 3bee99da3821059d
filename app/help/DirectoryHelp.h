#pragma once

// The domain directory's options and variables, described once for every program's help
// (they are parsed once too, in core/ds/DirectoryOptions).

#include "HelpPage.h"

namespace ipsec::help {

class DirectoryHelp {
    Q_DECLARE_TR_FUNCTIONS(DirectoryHelp)
public:
    static QList<HelpItem> options();
    static QList<HelpItem> environment();
};

} // namespace ipsec::help
