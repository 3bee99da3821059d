#pragma once

#include "Cli.h"

#include "service/PolicyClient.h"

#include <QCoreApplication>

#include <memory>

// The directory store for the command line: `-w DS[:domain]` and netsh's `set store
// location=domain [domain=NAME]` edit the IPsec policies of an Active Directory domain through
// the same service layer as the local store (ds::DirectoryStore). The connection comes from the
// directory options (--directory/--bind-dn/--bind-password-file or their IPSEC_CONSOLE_…
// variables); the GPO that "assign" writes to from --gpo or IPSEC_CONSOLE_GPO (default: the Default
// Domain Policy).
class DirectoryClient {
    Q_DECLARE_TR_FUNCTIONS(DirectoryClient)
public:
    // domain: "corp.test" (or empty: the directory's own). Binds before returning, so that an
    // unreachable directory or refused credentials are reported at once.
    static ipsec::Result<std::unique_ptr<ipsec::PolicyClient>> open(const CliOptions &options,
                                                                    const QString &domain);
    // "corp.test" -> "DC=corp,DC=test"; empty for an empty or malformed name.
    static QString baseDnOf(const QString &domain);
};
