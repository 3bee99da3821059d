#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

struct nft_ctx;

namespace ipsec::kernel {

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

// The project's nftables table ("inet ipsec_console") through libnftables, the library the
// `nft` program is built on (the program itself is never run). Why libnftables rather than
// libnftnl + libmnl: the compiler's output is the nft language itself, which the library
// parses, checks and sends as one netlink batch — one transaction, all or nothing, exactly what
// `nft -f` does — so the dry run, the listings and the kernel get the same text, and the
// project carries no second encoder of set elements, concatenations and intervals.
//
// Network namespaces: the library's netlink socket lives in the namespace of the thread that
// creates the context, so open() must run on a thread inside the target namespace (the
// programs enter --netns first thing in main; the tests open it on a thread that did setns()).
// libnftables keeps some process-wide state, so every call is serialized.
class NftBackend {
    Q_DECLARE_TR_FUNCTIONS(ipsec::kernel::NftBackend)
public:
    struct Options {
        // Testing hook: the next apply() fails inside the kernel's transaction (after every
        // other command of the batch was accepted), as a refused element would.
        bool failNextApply = false;
    };

    // Fails with a sentence that says nf_tables is missing when the kernel has no nf_tables.
    static Result<std::unique_ptr<NftBackend>> open(Options options);
    static Result<std::unique_ptr<NftBackend>> open() { return open(Options{}); }
    ~NftBackend();
    NftBackend(const NftBackend &) = delete;
    NftBackend &operator=(const NftBackend &) = delete;

    // Runs nft commands as one transaction: either every command takes effect or none.
    Result<void> apply(const QString &commands);
    // Removes the project's table (and with it every set, chain and counter) in one step.
    Result<void> deleteTable();
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

private:
    NftBackend(nft_ctx *ctx, Options options);
    // Runs one buffer; the output (with json) or the error text.
    Result<QString> run(const QString &commands, bool json);

    nft_ctx *m_ctx = nullptr;
    Options m_options;
};

} // namespace ipsec::kernel
