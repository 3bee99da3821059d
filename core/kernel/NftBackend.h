#pragma once

#include "kernel/NftTableSpec.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

struct nft_ctx;

namespace ipsec::kernel {

class NftNetlink;

// What the kernel holds in the project's table, in the compiler's own terms (NftCompiler): for
// comparing with a plan (drift) and for the per-filter counters.
struct NftTableState {
    struct Counted {
        QString text; // an element "10.0.0.0/24 . 22", or a rule "@set drop" / "drop" / "accept"
        quint64 packets = 0;
        quint64 bytes = 0;
    };
    bool exists = false;
    QHash<QString, QList<Counted>> sets; // set name -> elements
    QSet<QString> intervalSets;          // the sets with "flags interval"
    QList<Counted> inputRules;
    QList<Counted> outputRules;
    int elementCount() const;
};

// The project's nftables table ("inet ipsec_console"), never by running the `nft` program.
//
// Changes go through libnftnl + libmnl (NftNetlink): the table is built from its binary form
// (NftTableSpec) into one netlink batch, one transaction, all or nothing, as `nft -f` sends it.
// This replaced libnftables for changes because libnftables parses and evaluates every element
// of the text (10,000 ports: ~200 ms of user space for a few ms of kernel work) and, to add one
// element, first fills its cache with the whole set (~20 ms at 10,000 elements); encoding the
// elements directly costs what the kernel needs. The price is a second encoder next to nft's
// (key types, concatenation descriptions, interval end elements, register layout), which the
// tests keep honest by comparing the kernel's listing with the compiler's plan.
//
// Reading stays with libnftables (listTable, state, tableText, tables): nft's JSON is the
// reference reading of what the kernel holds, for drift detection, counters and reports.
// libnftables is loaded (dlopen, libnftables.so.1) and its context created on the first
// reading, not at the programs' start: most commands never read (docs/design-nftables.md).
//
// What was applied last is recorded (Options::recordFile, in the runtime folder) together with
// the ruleset's generation id after that transaction and the network namespace: as long as the
// generation is unchanged nobody committed anything since, so the record is what the kernel
// holds, and an incremental change is diffed against it instead of reading the table back; the
// change's batch carries that generation, so the kernel refuses it if anything was committed in
// between (then the caller reads the kernel and tries again). When another commit came in
// between, the table is still recorded, without a generation: never trusted for a change, but
// it is the table this project enforced last, which an emergency unassign keeps for `reassign`
// (it moves the file into its record: one record of the table, not a second copy as text).
//
// Network namespaces: both libraries' netlink sockets live in the namespace of the thread that
// creates them, so open() must run on a thread inside the target namespace (the programs enter
// --netns first thing in main; the tests open it on a thread that did setns()). libnftables
// keeps some process-wide state, so every call is serialized.
class NftBackend {
    Q_DECLARE_TR_FUNCTIONS(ipsec::kernel::NftBackend)
public:
    struct Options {
        // Testing hook: the next apply() fails inside the kernel's transaction (after every
        // other command of the batch was accepted), as a refused element would.
        bool failNextApply = false;
        // Where the last applied table is recorded (empty: in memory only).
        QString recordFile;
    };

    // Fails with a sentence that says nf_tables is missing when the kernel has no nf_tables.
    static Result<std::unique_ptr<NftBackend>> open(Options options);
    static Result<std::unique_ptr<NftBackend>> open() { return open(Options{}); }
    ~NftBackend();
    NftBackend(const NftBackend &) = delete;
    NftBackend &operator=(const NftBackend &) = delete;

    // Runs nft commands as one transaction: either every command takes effect or none.
    // `result`: what the table is afterwards, to record (nullptr: unknown, the record goes).
    Result<void> apply(const QString &commands, const NftTableSpec *result = nullptr);
    // Removes the project's table (and with it every set, chain and counter) in one step.
    Result<void> deleteTable();
    // Replaces the table by `spec` (an empty spec removes it), one transaction, and records it.
    Result<void> replaceTable(const NftTableSpec &spec);
    // The table last applied through this backend (or another process with the same record
    // file), when the kernel's generation shows nothing was committed since; nullopt otherwise.
    std::optional<NftTableSpec> recorded();
    // Records `spec` as the table enforced last without changing the kernel (the caller found the
    // kernel holding it already), without a generation: see the class comment.
    void keep(const NftTableSpec &spec);
    // A record file read without the kernel (its generation is not checked): the table, or its
    // summary from the file's header. nullopt when the file is missing or damaged.
    struct RecordSummary {
        bool table = false; // false: the record says there is no table
        int elements = 0;
    };
    static std::optional<RecordSummary> recordSummary(const QString &file);
    static std::optional<NftTableSpec> readRecord(const QString &file);
    // Writes a record file of `spec` without a generation (never trusted for a change), as an
    // emergency's record of a table not applied through a backend. False when it failed.
    static bool writeRecordFile(const QString &file, const NftTableSpec &spec);
    // The table in nft syntax, as a dry run shows it.
    static QString specText(const NftTableSpec &spec);
    // Turns the recorded table into `result` by adding and deleting set elements, one
    // transaction that the kernel refuses when anything was committed since the record
    // (*stale is set then: read the kernel and try again).
    Result<void> updateElements(const NftTableSpec &result, const QList<NftElementChange> &changes,
                                bool *stale);
    // Whether the project's table exists.
    Result<bool> tableExists();
    // "list table inet ipsec_console" as nft's JSON ({"nftables": [...]}); an empty object
    // when the table does not exist.
    Result<QJsonObject> listTable();
    // The table read back and reduced to NftTableState.
    Result<NftTableState> state();
    // The table in nft syntax (with counters), empty when it does not exist.
    Result<QString> tableText();
    // Every table of the namespace as "family name" (foreign ones included), for reports.
    Result<QStringList> tables();

    void setFailNextApply(bool fail) { m_options.failNextApply = fail; }
    void setRecordFile(const QString &file) { m_options.recordFile = file; }

private:
    NftBackend(std::unique_ptr<NftNetlink> netlink, Options options);
    // Loads libnftables and creates the context in the backend's namespace (under the lock).
    Result<void> ensureContext();
    // Runs one buffer; the output (with json) or the error text.
    Result<QString> run(const QString &commands, bool json);
    // Records `result` after a commit that started at generation `before`: with the generation
    // when the kernel's shows that commit was the only one, else without. No result: forgets.
    void record(quint32 before, const NftTableSpec *result);
    void writeRecord(std::optional<quint32> generation, const NftTableSpec &table);
    static bool writeRecord(const QString &file, quint64 netns, std::optional<quint32> generation,
                            const NftTableSpec &table);
    void forget();

    nft_ctx *m_ctx = nullptr;
    std::unique_ptr<NftNetlink> m_netlink;
    Options m_options;
    quint64 m_netns = 0; // inode of the namespace
    int m_netnsFd = -1;  // the namespace, for ensureContext() on another thread
    struct Record {
        quint32 generation = 0;
        NftTableSpec table;
    };
    std::optional<Record> m_record; // loaded from recordFile on first use
};

} // namespace ipsec::kernel
