#pragma once

// The project's table sent to the kernel as netlink messages built with libnftnl and libmnl:
// one batch per change (NFNL_MSG_BATCH_BEGIN … END), so the kernel commits all of it or none.
// Set elements are encoded from their binary keys, so 10,000 elements cost what the kernel
// needs to insert them, not the parsing and evaluation of 10,000 elements of nft text (see
// NftBackend.h for why the backend uses both libraries).

#include "kernel/NftTableSpec.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <vector>

struct mnl_socket;

namespace ipsec::kernel {

class NftNetlink {
    Q_DECLARE_TR_FUNCTIONS(ipsec::kernel::NftNetlink)
public:
    // The netlink socket lives in the network namespace of the calling thread.
    static Result<std::unique_ptr<NftNetlink>> open();
    ~NftNetlink();
    NftNetlink(const NftNetlink &) = delete;
    NftNetlink &operator=(const NftNetlink &) = delete;

    // The ruleset's generation: every committed transaction of the namespace (anyone's) adds one.
    Result<quint32> generation();
    Result<bool> tableExists();

    // `guard`: the generation the change was computed against (0: none). When another
    // transaction was committed since, the kernel refuses the batch and *stale is set.
    // Deletes the table (if any) and creates `spec` in one transaction; an empty spec just
    // deletes the table.
    Result<void> replaceTable(const NftTableSpec &spec, quint32 guard, bool *stale = nullptr);
    // Adds and deletes set elements of the existing table (deletes first), one transaction.
    Result<void> updateElements(const NftTableSpec &layout, const QList<NftElementChange> &changes,
                                quint32 guard, bool *stale = nullptr);

    // Testing hook: the next batch carries one more message that the kernel refuses after
    // accepting all the others, so the whole transaction is dropped.
    void failNextBatch() { m_failNext = true; }

private:
    explicit NftNetlink(mnl_socket *socket);
    Result<void> send(std::vector<char> &batch, quint32 firstSeq, const QStringList &what,
                      bool *stale);
    Result<void> request(std::vector<char> &message,
                         const std::function<void(const void *)> &reply);

    mnl_socket *m_socket = nullptr;
    quint32 m_portId = 0;
    quint32 m_seq = 0;
    bool m_failNext = false;
};

} // namespace ipsec::kernel
