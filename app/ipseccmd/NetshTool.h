#pragma once

#include "Cli.h"

#include "service/PolicyClient.h"
#include "syntax/Netsh.h"

#include <memory>

// The netsh personality: `netsh ipsec ...` (one command as the shell split it), `netsh -c ipsec
// ...`, and `netsh -f SCRIPT` (a netsh script or a batch file: line by line as netsh runs it,
// or with --atomic as one transaction). Changes go to
// PolicyClient::executeNetsh; show and exportpolicy are read-only and handled here.
class NetshTool {
    Q_DECLARE_TR_FUNCTIONS(NetshTool)
public:
    NetshTool(CliOptions options, CliIo io);
    int run(const QStringList &args);
    // A script already read (the batch runner's netsh lines): as -f does.
    int runText(const QString &text, const QString &origin, ipsec::ScriptMode mode)
    {
        return runScript(text, origin, mode);
    }

private:
    // The one place that creates the client (a PolicyService for now).
    ipsec::Result<std::unique_ptr<ipsec::PolicyClient>> openClient(bool readOnly) const;
    int runScript(const QString &text, const QString &origin, ipsec::ScriptMode mode);
    int readOnly(ipsec::PolicyClient &client, const ipsec::syntax::NetshCommand &c);
    int importPolicy(ipsec::PolicyClient &client, const ipsec::syntax::NetshCommand &c);
    int exportPolicy(ipsec::PolicyClient &client, const ipsec::syntax::NetshCommand &c);
    int refuseWindowsPath(const QString &path);
    int report(const ipsec::ServiceReport &r);
    int fail(const ipsec::Error &e);

    CliOptions m_options;
    CliIo m_io;
};
