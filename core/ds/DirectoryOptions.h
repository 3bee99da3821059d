#pragma once

// Where the directory is and how to bind to it: --directory ldap://HOST, --bind-dn DN,
// --bind-password-file FILE, --computer NAME, or the environment variables
// IPSEC_CONSOLE_DIRECTORY, IPSEC_CONSOLE_BIND_DN, IPSEC_CONSOLE_BIND_PASSWORD_FILE and
// IPSEC_CONSOLE_COMPUTER (an explicit option wins over the environment).

#include "ds/DirectoryDiscovery.h"
#include "util/Result.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace ipsec::ds {

struct DirectoryOptions {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::DirectoryOptions)
public:
    QString url;              // ldap://HOST[:PORT] or ldaps://HOST[:PORT]
    QString bindDn;           // empty: anonymous (Active Directory then shows no IPsec objects)
    QString bindPasswordFile; // read when binding, never kept longer than needed
    QString baseDn;           // empty: the directory's defaultNamingContext
    QString computer;         // this member's computer account (default: the host name)
    // Administration (-w DS, the console's directory window): the GPO "assign" writes to, by
    // display name, {GUID} or DN; empty: the Default Domain Policy.
    QString gpo;
    int timeoutMs = 10000;
    bool discovered = false; // url found from the domain membership (DNS SRV)

    // The options every program takes, in one place: --directory, --computer, --bind-dn and
    // --bind-password-file (names without the dashes).
    static QStringList optionNames();
    // Sets the field of option `name` (without dashes); false: not a directory option.
    bool set(const QString &name, const QString &value);
    // For programs that use QCommandLineParser: the options, and the values the parser saw.
    static QList<QCommandLineOption> commandLineOptions();
    static DirectoryOptions fromParser(const QCommandLineParser &parser);
    // Whether a directory is named by an option or the environment (no discovery needed).
    bool isExplicit() const;

    // Fills what the caller left empty from the environment; the computer defaults to the host
    // name; without a directory, it is found from the domain membership (DirectoryDiscovery).
    // Refuses a URL that is not ldap:// or ldaps:// and a bind DN without a password file.
    static Result<DirectoryOptions> resolve(DirectoryOptions explicitOptions,
                                            const DirectoryDiscovery::Sources &discovery = {});

    // The password of bindPasswordFile: a regular file (no symbolic link) that only its owner
    // may read (mode 0600 or stricter), owned by root or by the caller, without its trailing
    // newline. The error names the file,
    // never its content.
    static Result<QByteArray> readPasswordFile(const QString &path);
};

} // namespace ipsec::ds
