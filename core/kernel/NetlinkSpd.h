#pragma once

#include "kernel/Spd.h"

#include <QCoreApplication>

#include <memory>

struct nl_sock;

namespace ipsec::kernel {

// The SPD of the network namespace the socket was opened in, over XFRM netlink (libnl-xfrm-3).
//
// One netlink socket is opened by open() and reused for every request; a netlink socket stays
// bound to the namespace of the thread that created it, so a caller may open() in a thread that
// did setns() and use the object from any thread afterwards (one thread at a time).
// Each change is one request + one acknowledgement; apply() lists the SPD once, not per entry.
class NetlinkSpd final : public Spd {
    Q_DECLARE_TR_FUNCTIONS(ipsec::kernel::NetlinkSpd)
public:
    struct Options {
        // Testing hook: after this many successful changes (add/replace/delete requests, not
        // counting rollback), the next change fails as if the kernel had refused it. -1 = never.
        int failAfterOperations = -1;
        // Socket buffer for large dumps.
        int socketBufferBytes = 4 * 1024 * 1024;
    };

    static Result<std::unique_ptr<NetlinkSpd>> open(Options options);
    static Result<std::unique_ptr<NetlinkSpd>> open() { return open(Options{}); }
    ~NetlinkSpd() override;
    NetlinkSpd(const NetlinkSpd &) = delete;
    NetlinkSpd &operator=(const NetlinkSpd &) = delete;

    Result<QList<SpdEntry>> list() override;
    Result<void> add(const SpdEntry &entry) override;
    Result<void> remove(const SpdEntry &entry) override;
    SpdApplyResult apply(const SpdPlan &plan) override;

    // Whether a netlink port id belongs to one of this process's open NetlinkSpd sockets: the
    // kernel names it in the notification of every change it made (see SpdWatcher).
    static bool isOwnPort(quint32 port);

    // Testing hook, see Options::failAfterOperations; also restarts the count.
    void setFailAfterOperations(int count);
    // Successful changes since open() or the last setFailAfterOperations().
    int operationCount() const { return m_operations; }

private:
    enum class Change { Add, Update, Delete };

    NetlinkSpd(nl_sock *socket, int batchFd, quint32 batchPort, Options options);
    // One change request; returns 0 or a negative libnl error code. `counted` changes are
    // subject to the failure injection; rollback steps are not.
    int change(Change kind, const SpdEntry &entry, bool counted);
    // NEWPOLICY (Add) or DELPOLICY (Delete) for many entries, sent in batches over a second,
    // raw socket with one acknowledgement per batch (thousands of entries: one round trip per
    // batch instead of per entry). errors[i] gets 0 or a negative libnl error code for
    // entries[i]; stops after the first batch with a failure (later entries keep 1: not
    // attempted). Returns 0, or a negative libnl error code when the socket itself failed.
    int changeBatched(Change kind, const QList<const SpdEntry *> &entries, QList<int> &errors);
    // GETPOLICY by identity; 0 and *found, or a negative libnl error code.
    int get(const SpdEntry &entry, SpdEntry *found);
    QString errorText(int nlError) const;
    void rollback(const QList<std::pair<Change, SpdEntry>> &undo, SpdApplyResult &result);

    nl_sock *m_socket = nullptr;
    int m_batchFd = -1;
    quint32 m_batchPort = 0;
    quint32 m_batchSeq = 1;
    Options m_options;
    int m_operations = 0;
};

} // namespace ipsec::kernel
