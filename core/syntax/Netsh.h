#pragma once

// The `netsh ipsec` grammar (reference windows-ipsec.md §2): one command, and scripts (netsh
// scripts and Windows batch files of `netsh ipsec ...` lines). Parsing never touches the store;
// core/service applies what is parsed.

#include "model/Address.h"
#include "model/FilterAction.h"
#include "model/Protocol.h"
#include "model/Rule.h"
#include "model/SecurityMethod.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace ipsec::syntax {

// One parsed `ipsec static|dynamic VERB OBJECT tag=value ...` command. Only the fields of the
// tags given are set; the service supplies the defaults netsh documents.
struct NetshCommand {
    enum class Context : quint8 { Static, Dynamic };
    enum class Verb : quint8 { Add, Set, Delete, Show, ExportPolicy, ImportPolicy };
    enum class Object : quint8 {
        None, // exportpolicy, importpolicy
        Policy,
        FilterList,
        Filter,
        FilterAction,
        Rule,
        DefaultRule,
        Store,
        Batch,
        All,
        GpoAssignedPolicy,
        MmPolicy, // dynamic main-mode policy (engine::DynamicMmPolicy)
        QmPolicy, // dynamic quick-mode policy (engine::DynamicQmPolicy)
        Config,   // dynamic set|show config
        MmSas,    // dynamic show: charon's IKE SAs
        QmSas,    // dynamic show: charon's IPsec SAs
        Stats,    // dynamic show: SA counts and the kernel's counters
    };

    Context context = Context::Static;
    Verb verb = Verb::Add;
    Object object = Object::None;
    int line = 0; // 1-based line of a script; 0 for a single command
    QString text; // the command as written (without "netsh"), for messages and labels

    // Names and identification.
    std::optional<QString> name, newName, guid, policy, filterList, filterAction, description;
    std::optional<int> ruleId; // set/delete/show rule id=N: the N-th rule of the policy (1-based)
    std::optional<QString> ruleName; // show filterlist rule=NAME: the list that rule uses

    // Policy.
    std::optional<bool> assign, activateDefaultRule, mmPfs;
    std::optional<int> pollingMinutes, qmPerMm, mmLifetimeMinutes;
    QStringList mmSecMethods; // "3DES-SHA1-2", validated
    std::optional<QString> gpoName;

    // Filter (static add/delete filter, dynamic add/delete rule).
    std::optional<Address> source, destination; // masks already applied
    std::optional<Protocol> protocol;
    std::optional<quint16> sourcePort, destinationPort;
    std::optional<bool> mirrored;

    // Filter action.
    std::optional<FilterAction::Type> action;
    std::optional<bool> qmPfs, inPass, soft;
    std::optional<QList<SecurityMethod>> qmSecMethods;

    // Rule.
    std::optional<QString> tunnel;
    std::optional<Rule::ConnectionType> connectionType;
    std::optional<bool> activate;
    std::optional<QList<AuthMethod>> authMethods; // kerberos/psk/rootca in command-line order
    QStringList rootCaOptions;                    // certmap:/excludecaname: parts (not modelled)

    // Dynamic rule.
    std::optional<FilterAction::Type> actionInbound, actionOutbound;
    std::optional<QString> mmPolicy, qmPolicy;

    // Dynamic main-mode and quick-mode policies (also mmsecmethods, qmpermm, mmlifetime,
    // qmsecmethods, soft, inpass above), and set config.
    std::optional<int> softSaExpirationSeconds;
    std::optional<bool> isDefault;
    std::optional<QString> pfsGroup;                    // GRP1|GRP2|GRP3|GRPMM|NOPFS, upper case
    std::optional<QString> configProperty, configValue; // checked by the service

    // Store, batch, export/import, show.
    std::optional<QString> storeLocation, domain, batchMode, file;
    bool showAll = false;           // show ... all, delete policy/filterlist/filteraction/rule all
    QStringList displayOptions;     // level=, format=, wide=, resolvedns=, type=: how to print
    QStringList unmodelledSettings; // tags accepted but without a field in the model
    QStringList notes;              // sentences to show when the command runs (what was assumed)

    bool isReadOnly() const { return verb == Verb::Show || verb == Verb::ExportPolicy; }
    bool isDynamic() const { return context == Context::Dynamic; }
};

class NetshParser {
    Q_DECLARE_TR_FUNCTIONS(ipsec::syntax::NetshParser)
public:
    // words: one command split into words, beginning with "ipsec" (or with the context already
    // entered: contextWords such as {"ipsec","static"} are prepended). Context, verb, object and
    // tags are case-insensitive and may be shortened to a unique prefix.
    static Result<NetshCommand> parse(const QStringList &words);

    // Splits one line as cmd.exe and netsh do: blanks separate words, "..." groups (also the
    // typographic quotes), "" inside quotes is one ", backslashes and ' are ordinary.
    static Result<QStringList> splitLine(QStringView line);
    // The reverse of splitLine for one word: quoted when needed.
    static QString quoteWord(const QString &word);
};

// A whole script: a netsh script or a Windows batch file of `netsh ipsec ...` lines.
//
// * netsh lines: "ipsec static add ...", context lines ("pushd ipsec static", "popd", "ipsec",
//   "static", "dynamic", ".."), then commands relative to the context ("add policy ...");
//   "# ..." comments.
// * batch lines: "netsh [-c CONTEXT] ipsec ..." (also "@netsh", "netsh.exe", a path to it);
//   "@echo off", "echo ...", "rem ...", "::", "pause", "setlocal", "endlocal", "cls" are
//   skipped; "exit" (also "exit /b [n]") ends the script; ">nul" and "2>&1" are dropped.
// * anything else is an error "ORIGIN line N: ..." quoting the line.
// Bytes: UTF-8 (a BOM is skipped) or UTF-16 with a BOM; CRLF or LF; invalid UTF-8 is an error.
class NetshScript {
    Q_DECLARE_TR_FUNCTIONS(ipsec::syntax::NetshScript)
public:
    static constexpr qsizetype MaxLineLength = 65536;
    static constexpr qsizetype MaxBytes = 64 * 1024 * 1024;

    static Result<QList<NetshCommand>> parse(const QByteArray &bytes, const QString &origin);
    static Result<QList<NetshCommand>> parse(const QString &text, const QString &origin);

    // A line that could not be read; message as parse() words it ("ORIGIN line N: ...").
    struct LineError {
        int line = 0;
        QString message;
    };
    struct Parsed {
        QList<NetshCommand> commands;
        QList<LineError> errors;
    };
    // As netsh reads a script: every line on its own; a bad line is reported and skipped.
    static Parsed parseEach(const QString &text, const QString &origin);
    // Decodes script bytes (BOM, UTF-8 check with the line of the first bad byte).
    static Result<QString> decode(const QByteArray &bytes, const QString &origin);
    // Where a message points: "ORIGIN line N", or just "ORIGIN" for a script without any line
    // break (a single command).
    static QString location(const QString &origin, int line, const QString &script);

private:
    // errors: null for parse() (the first bad line ends it), else where bad lines are recorded.
    static Result<QList<NetshCommand>> parseScript(const QString &text, const QString &origin,
                                                   QList<LineError> *errors);
};

} // namespace ipsec::syntax
