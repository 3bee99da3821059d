#pragma once

#include "help/HelpPage.h"

// The help of the ipseccmd program's personalities: --help prints these pages and ipsec-mangen
// installs them as ipseccmd(1) (ipsecpol(1) points there), netsh(1) and netdiag(1).
class IpseccmdHelp {
    Q_DECLARE_TR_FUNCTIONS(IpseccmdHelp)
public:
    // program: "ipseccmd" or "ipsecpol", the name the usage lines show.
    static ipsec::help::HelpPage ipseccmd(const QString &program = QStringLiteral("ipseccmd"));
    static ipsec::help::HelpPage netsh();
    static ipsec::help::HelpPage netdiag();

private:
    static QList<ipsec::help::HelpItem> exitStatus();
    static QList<ipsec::help::HelpItem> storeOptions();
    static QList<ipsec::help::HelpItem> files();
    static QList<ipsec::help::HelpItem> environment();
};
