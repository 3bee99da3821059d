#pragma once

#include "client/ClientFactory.h"
#include "ds/DirectoryOptions.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>

// Options common to every personality (ipseccmd, ipsecpol, netdiag), given GNU-style.
struct CliOptions {
    QString store;
    QString netns;
    QString vici; // --vici PATH: charon's VICI socket (as $IPSEC_CONSOLE_VICI)
    // --directory, --computer, --bind-dn, --bind-password-file: the domain's directory
    ipsec::ds::DirectoryOptions directory;
    bool json = false;
    bool dryRun = false;
    std::optional<bool> ikeExemption; // --ike-exemption / --no-ike-exemption
    QString backend;                  // --backend nft|xfrm
    int confirmWithinSeconds = 0;     // --confirm-within SECONDS: roll back unless confirmed
    bool force = false;               // --force: apply even when it cuts the caller's SSH session
    bool atomic = false;              // --atomic: a script as one transaction (all or nothing)
    QString encoding;                 // --encoding NAME: how a script file is written
    bool help = false;
    bool version = false;
    // --agent: only through ipsec-policyd; --no-agent: never (in-process); default: the agent
    // when it runs and serves this namespace and store.
    std::optional<bool> agent;
};

struct CliIo {
    QTextStream &out;
    QTextStream &err;
};

// The multi-call entry point: the personality comes from the program name (ipseccmd, ipsecpol,
// netdiag, netsh; case and a trailing ".exe" ignored, so pasted Windows lines work).
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    // Gpupdate and Secedit: the Windows commands that fetch the domain's policy now.
    enum class Personality { IpsecCmd, IpsecPol, Netdiag, Netsh, Gpupdate, Secedit };
    static Personality personalityOf(const QString &argv0);
    static QString personalityName(Personality p);

    // Runs one command; returns the exit status (0, or an ipsec::ErrorCode value).
    static int run(const QString &argv0, const QStringList &args, CliIo io);

    // Removes --store/--netns/--json/--dry-run/--[no-]agent/--help/--version from args.
    static ipsec::Result<CliOptions> takeOptions(QStringList &args);
    static int fail(const ipsec::Error &error, CliIo io, Personality p);
    // What the tools ask the client factory for.
    static ipsec::ClientOptions clientOptions(const CliOptions &options, bool readOnly);
    // The caller's ChangeOptions: --confirm-within, --force and $SSH_CONNECTION.
    static ipsec::ChangeOptions changeOptions(const CliOptions &options);
    // After a change made with --confirm-within: through the agent, says how to confirm; in
    // this process, waits for the confirmation or rolls back (ConfirmationWait). Exit status.
    static int awaitConfirmation(ipsec::PolicyClient &client, const CliOptions &options,
                                 const QString &program, CliIo io);
};
