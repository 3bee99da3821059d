#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>

// Options common to every personality (ipseccmd, ipsecpol, netdiag), given GNU-style.
struct CliOptions {
    QString store;
    QString netns;
    bool json = false;
    bool dryRun = false;
    std::optional<bool> ikeExemption; // --ike-exemption / --no-ike-exemption
    bool help = false;
    bool version = false;
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
    enum class Personality { IpsecCmd, IpsecPol, Netdiag, Netsh };
    static Personality personalityOf(const QString &argv0);
    static QString personalityName(Personality p);

    // Runs one command; returns the exit status (0, or an ipsec::ErrorCode value).
    static int run(const QString &argv0, const QStringList &args, CliIo io);

    // Removes --store/--netns/--json/--dry-run/--help/--version from args.
    static ipsec::Result<CliOptions> takeOptions(QStringList &args);
    static int fail(const ipsec::Error &error, CliIo io, Personality p);
};
