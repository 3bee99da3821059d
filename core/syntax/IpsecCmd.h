#pragma once

#include "model/Filter.h"
#include "model/Rule.h"
#include "model/SecurityMethod.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace ipsec::syntax {

// One filter spec of -f: SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTO], optionally wrapped in
// [ ] (dynamic block) or ( ) (dynamic pass). The whole word is a [ ] wrap only when its first '['
// is closed by its last character; IPv6 literals are bracketed: [2001:db8::]/32:80=0:443:TCP.
struct FilterSpec {
    enum class Wrap : quint8 { None, Block, Pass };
    Filter filter; // mirrored is true for '+'
    Wrap wrap = Wrap::None;
    friend bool operator==(const FilterSpec &, const FilterSpec &) = default;
};

// -n: BLOCK, PASS, INPASS or a list of security methods.
struct Negotiation {
    enum class Kind : quint8 { Block, Pass, InPass, Methods };
    Kind kind = Kind::Methods;
    QList<SecurityMethod> methods; // Kind::Methods (and optionally InPass)
    friend bool operator==(const Negotiation &, const Negotiation &) = default;
};

// A parsed ipsecpol / ipseccmd command line. Which fields are set says what to do; the service
// layer decides the mode: static when -w is given, query with "show", dynamic otherwise.
struct IpsecCmdCommand {
    QString computer; // \\name, empty = local

    // static mode
    bool staticMode = false;           // -w given
    QString storeType;                 // "REG" or "DS"
    QString storeDomain;               // DS:domain
    QString policyName;                // -p name
    std::optional<int> pollingMinutes; // -p name:poll
    QStringList ruleNames;             // -r (repeatable)
    bool assign = false;               // -x
    bool unassign = false;             // -y
    bool remove = false;               // -o

    // both modes
    QList<FilterSpec> filters;                                       // -f
    std::optional<Negotiation> negotiation;                          // -n
    QString tunnel;                                                  // -t
    QList<AuthMethod> authMethods;                                   // -a
    bool soft = false;                                               // -soft
    Rule::ConnectionType connectionType = Rule::ConnectionType::All; // -lan / -dialup
    QStringList mainModeMethods;                                     // -1s
    QString mainModeRekey;                                           // -1k
    bool mainModePfs = false;                                        // -1p
    QStringList mainModeFilters;                                     // -1f
    std::optional<int> softSaExpirySeconds;                          // -1e
    bool confirm = false;                                            // -confirm

    bool deleteDynamic = false; // -u
    QStringList show;           // query mode: filters policies auth stats sas all (lower case)
    bool help = false;          // -?

    friend bool operator==(const IpsecCmdCommand &, const IpsecCmdCommand &) = default;
};

// The ipsecpol/ipseccmd grammar (reference windows-ipsec.md §1). Flags in any order and case;
// typographic dashes (– — −) accepted where '-' is meant.
class IpsecCmdParser {
    Q_DECLARE_TR_FUNCTIONS(ipsec::syntax::IpsecCmdParser)
public:
    // args are the words after the program name, as the shell split them.
    static Result<IpsecCmdCommand> parse(const QStringList &args);
    static Result<FilterSpec> parseFilterSpec(QStringView text);
    static Result<Negotiation> parseNegotiation(const QStringList &words);
    // One ipsecpol-style security method: ESP[3DES,SHA], AH[MD5]+ESP[DES,SHA]3600S/50000KPFS ...
    static Result<SecurityMethod> parseSecurityMethod(QStringView text);

    // Splits one pasted command line into words like a POSIX shell: blanks separate words,
    // '...' is literal, "..." (also U+201C/U+201D quotes) honours \\ \" \$ \`, a backslash
    // escapes the next character, an unquoted # starts a comment. No expansions. On an
    // unterminated quote or trailing backslash returns {} and sets *error.
    static QStringList splitCommandLine(QStringView line, QString *error = nullptr);
    // The short usage text printed for no arguments and -?.
    static QString usage();
};

class IpsecCmdPrinter {
public:
    // The spec in the same syntax; parseFilterSpec(printFilterSpec(s)) == s for every valid s
    // (descriptions and ids are not part of the syntax).
    static QString filterSpec(const FilterSpec &spec);
    static QString negotiation(const Negotiation &n);
    static QString securityMethod(const SecurityMethod &m);
    // A full command line, words quoted for a POSIX shell where needed, starting with program.
    static QString commandLine(const IpsecCmdCommand &command,
                               const QString &program = QStringLiteral("ipseccmd"));
    // The argument vector (without program) that parse() turns back into command.
    static QStringList arguments(const IpsecCmdCommand &command);
    // One word quoted for a POSIX shell when needed: 'it'\''s', '*=0:80:TCP', plain words as is.
    static QString shellQuote(const QString &word);
};

} // namespace ipsec::syntax
