#include "kernel/NetlinkSpd.h"

#include "kernel/NetlinkCodec.h"
#include "kernel/Ownership.h"

#include <QHash>
#include <QMutex>
#include <QSet>

#include <linux/netlink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

// Not a libnl code: marks the failure made by the testing hook.
constexpr int kInjectedError = -100000;

struct CacheDeleter {
    void operator()(nl_cache *cache) const { nl_cache_free(cache); }
};

struct CallbackDeleter {
    void operator()(nl_cb *cb) const { nl_cb_put(cb); }
};

// NL_CB_VALID handler for a GETPOLICY reply.
int takePolicy(nl_msg *msg, void *arg)
{
    xfrmnl_sp *sp = nullptr;
    if (xfrmnl_sp_parse(nlmsg_hdr(msg), &sp) < 0 || !sp)
        return NL_SKIP;
    auto *found = static_cast<std::optional<SpdEntry> *>(arg);
    *found = netlink::fromLibnl(sp);
    xfrmnl_sp_put(sp);
    return NL_OK;
}

// The port ids of every open NetlinkSpd of this process (SpdWatcher ignores their changes).
QMutex g_portsMutex;
QSet<quint32> g_ownPorts;

} // namespace

NetlinkSpd::NetlinkSpd(nl_sock *socket, int batchFd, quint32 batchPort, Options options)
    : m_socket(socket)
    , m_batchFd(batchFd)
    , m_batchPort(batchPort)
    , m_options(options)
{
    const QMutexLocker lock(&g_portsMutex);
    g_ownPorts.insert(nl_socket_get_local_port(m_socket));
    if (m_batchPort)
        g_ownPorts.insert(m_batchPort);
}

NetlinkSpd::~NetlinkSpd()
{
    {
        const QMutexLocker lock(&g_portsMutex);
        g_ownPorts.remove(nl_socket_get_local_port(m_socket));
        g_ownPorts.remove(m_batchPort);
    }
    nl_socket_free(m_socket);
    if (m_batchFd >= 0)
        ::close(m_batchFd);
}

bool NetlinkSpd::isOwnPort(quint32 port)
{
    const QMutexLocker lock(&g_portsMutex);
    return port != 0 && g_ownPorts.contains(port);
}

Result<std::unique_ptr<NetlinkSpd>> NetlinkSpd::open(Options options)
{
    nl_sock *socket = nl_socket_alloc();
    if (!socket)
        return Error::kernel(tr("Cannot allocate a netlink socket."));
    if (const int err = nl_connect(socket, NETLINK_XFRM); err < 0) {
        const QString text = QString::fromLocal8Bit(nl_geterror(err));
        nl_socket_free(socket);
        return Error::kernel(tr("Cannot open the XFRM netlink socket: %1").arg(text));
    }
    nl_socket_enable_msg_peek(socket);
    if (options.socketBufferBytes > 0)
        nl_socket_set_buffer_size(socket, options.socketBufferBytes, options.socketBufferBytes);
    // A plain socket for batched deletes, opened here so that it lives in the same namespace
    // as the libnl one; libnl's sequence bookkeeping stays untouched by the batches.
    int batchFd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_XFRM);
    if (batchFd >= 0 && options.socketBufferBytes > 0)
        ::setsockopt(batchFd, SOL_SOCKET, SO_RCVBUF, &options.socketBufferBytes,
                     sizeof options.socketBufferBytes);
    // Bound now, so that its port id is known before the first request: the requests carry it
    // and the kernel's change notifications name it (SpdWatcher ignores our own changes).
    quint32 batchPort = 0;
    if (batchFd >= 0) {
        sockaddr_nl local{};
        local.nl_family = AF_NETLINK;
        socklen_t length = sizeof local;
        if (::bind(batchFd, reinterpret_cast<const sockaddr *>(&local), sizeof local) == 0
            && ::getsockname(batchFd, reinterpret_cast<sockaddr *>(&local), &length) == 0) {
            batchPort = local.nl_pid;
        } else {
            ::close(batchFd);
            batchFd = -1;
        }
    }
    return std::unique_ptr<NetlinkSpd>(new NetlinkSpd(socket, batchFd, batchPort, options));
}

void NetlinkSpd::setFailAfterOperations(int count)
{
    m_options.failAfterOperations = count;
    m_operations = 0;
}

QString NetlinkSpd::errorText(int nlError) const
{
    if (nlError == kInjectedError)
        return tr("injected failure (testing hook)");
    return QString::fromLocal8Bit(nl_geterror(nlError));
}

int NetlinkSpd::change(Change kind, const SpdEntry &entry, bool counted)
{
    if (counted && m_options.failAfterOperations >= 0
        && m_operations >= m_options.failAfterOperations)
        return kInjectedError;

    int err = 0;
    if (kind == Change::Delete) {
        netlink::MsgPtr msg = netlink::buildIdentityRequest(XFRM_MSG_DELPOLICY, entry);
        if (!msg)
            return -NLE_NOMEM;
        err = nl_send_auto(m_socket, msg.get());
        if (err >= 0)
            err = nl_wait_for_ack(m_socket);
    } else {
        netlink::SpPtr sp = netlink::toLibnl(entry);
        if (!sp)
            return -NLE_NOMEM;
        // NEWPOLICY is exclusive in the kernel: an existing identity gives EEXIST.
        err = kind == Change::Add ? xfrmnl_sp_add(m_socket, sp.get(), 0)
                                  : xfrmnl_sp_update(m_socket, sp.get(), 0);
    }
    if (err < 0)
        return err;
    if (counted)
        ++m_operations;
    return 0;
}

int NetlinkSpd::changeBatched(Change kind, const QList<const SpdEntry *> &entries,
                              QList<int> &errors)
{
    Q_ASSERT(kind != Change::Update);
    errors.fill(1, entries.size());
    if (m_batchFd < 0)
        return -NLE_BAD_SOCK;
    constexpr qsizetype kBatch = 256;
    sockaddr_nl kernelAddress{};
    kernelAddress.nl_family = AF_NETLINK;
    QByteArray request;
    QByteArray reply(64 * 1024, Qt::Uninitialized);
    for (qsizetype start = 0; start < entries.size(); start += kBatch) {
        const qsizetype end = std::min(entries.size(), start + kBatch);
        const quint32 firstSeq = m_batchSeq;
        request.clear();
        for (qsizetype i = start; i < end; ++i) {
            netlink::MsgPtr msg;
            if (kind == Change::Delete) {
                msg = netlink::buildIdentityRequest(XFRM_MSG_DELPOLICY, *entries[i]);
            } else {
                netlink::SpPtr sp = netlink::toLibnl(*entries[i]);
                nl_msg *raw = nullptr;
                if (sp && xfrmnl_sp_build_add_request(sp.get(), 0, &raw) >= 0)
                    msg.reset(raw);
            }
            if (!msg)
                return -NLE_NOMEM;
            nlmsghdr *h = nlmsg_hdr(msg.get());
            h->nlmsg_seq = m_batchSeq++;
            h->nlmsg_pid = m_batchPort;
            // Errors are always reported; only the last request asks for an acknowledgement,
            // which tells that the whole batch has been processed.
            h->nlmsg_flags = NLM_F_REQUEST | (i == end - 1 ? NLM_F_ACK : 0);
            request.append(reinterpret_cast<const char *>(h), qsizetype(NLMSG_ALIGN(h->nlmsg_len)));
            errors[i] = 0;
        }
        const ssize_t sent =
            ::sendto(m_batchFd, request.constData(), size_t(request.size()), 0,
                     reinterpret_cast<const sockaddr *>(&kernelAddress), sizeof kernelAddress);
        if (sent != ssize_t(request.size())) {
            std::fill(errors.begin() + start, errors.end(), 1);
            return -nl_syserr2nlerr(sent < 0 ? errno : EMSGSIZE);
        }
        const quint32 lastSeq = m_batchSeq - 1;
        bool done = false;
        bool failed = false;
        while (!done) {
            ssize_t n = ::recv(m_batchFd, reply.data(), size_t(reply.size()), 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return -nl_syserr2nlerr(errno);
            int remaining = int(n);
            for (auto *h = reinterpret_cast<nlmsghdr *>(reply.data()); NLMSG_OK(h, remaining);
                 h = NLMSG_NEXT(h, remaining)) {
                if (h->nlmsg_type != NLMSG_ERROR || h->nlmsg_seq < firstSeq
                    || h->nlmsg_seq > lastSeq)
                    continue;
                const auto *e = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
                const qsizetype index = start + qsizetype(h->nlmsg_seq - firstSeq);
                if (e->error != 0) {
                    errors[index] = -nl_syserr2nlerr(-e->error);
                    failed = true;
                }
                if (h->nlmsg_seq == lastSeq)
                    done = true;
            }
        }
        m_operations += int(end - start);
        if (failed)
            return 0;
    }
    return 0;
}

int NetlinkSpd::get(const SpdEntry &entry, SpdEntry *found)
{
    netlink::MsgPtr msg = netlink::buildIdentityRequest(XFRM_MSG_GETPOLICY, entry);
    std::unique_ptr<nl_cb, CallbackDeleter> cb(nl_cb_alloc(NL_CB_DEFAULT));
    if (!msg || !cb)
        return -NLE_NOMEM;
    int err = nl_send_auto(m_socket, msg.get());
    if (err < 0)
        return err;
    std::optional<SpdEntry> reply;
    nl_cb_set(cb.get(), NL_CB_VALID, NL_CB_CUSTOM, &takePolicy, &reply);
    // Either an error message (e.g. ENOENT), or the policy followed by the requested ack.
    err = nl_recvmsgs(m_socket, cb.get());
    if (err < 0)
        return err;
    if (!reply)
        return -NLE_OBJ_NOTFOUND;
    nl_wait_for_ack(m_socket);
    *found = *reply;
    return 0;
}

Result<QList<SpdEntry>> NetlinkSpd::list()
{
    nl_cache *raw = nullptr;
    if (const int err = xfrmnl_sp_alloc_cache(m_socket, &raw); err < 0)
        return Error::kernel(tr("Cannot list the XFRM policies: %1").arg(errorText(err)));
    std::unique_ptr<nl_cache, CacheDeleter> cache(raw);
    QList<SpdEntry> out;
    out.reserve(nl_cache_nitems(raw));
    for (nl_object *obj = nl_cache_get_first(raw); obj; obj = nl_cache_get_next(obj))
        out.append(netlink::fromLibnl(reinterpret_cast<xfrmnl_sp *>(obj)));
    return out;
}

Result<void> NetlinkSpd::add(const SpdEntry &entry)
{
    if (!isOwned(entry))
        return Error::permission(
            tr("Refusing to install a policy outside the console's priority band %1-%2: %3")
                .arg(kOwnedPriorityFirst)
                .arg(kOwnedPriorityLast)
                .arg(entry.toIpCommand()));
    const int err = change(Change::Add, entry, true);
    if (err == -NLE_EXIST)
        return Error::conflict(
            tr("The kernel already has a policy with the same direction and selector: %1")
                .arg(entry.toIpCommand()));
    if (err < 0)
        return Error::kernel(
            tr("Cannot add the policy (%1): %2").arg(errorText(err), entry.toIpCommand()));
    return {};
}

Result<void> NetlinkSpd::remove(const SpdEntry &entry)
{
    if (!isOwned(entry))
        return Error::permission(tr("Refusing to delete a policy the console does not own: %1")
                                     .arg(entry.toIpCommand()));
    // The kernel deletes by identity, which does not include the priority: make sure the policy
    // actually installed under this identity is ours.
    SpdEntry lookup = entry;
    lookup.index = 0; // by identity: an index given by the caller may be stale
    SpdEntry installed;
    if (const int err = get(lookup, &installed); err < 0) {
        if (err == -NLE_OBJ_NOTFOUND)
            return Error::notFound(tr("No such policy is installed: %1").arg(entry.toIpCommand()));
        return Error::kernel(
            tr("Cannot read the policy (%1): %2").arg(errorText(err), entry.toIpCommand()));
    }
    if (!isOwned(installed))
        return Error::permission(
            tr("Refusing to delete a foreign policy with the same selector: %1")
                .arg(installed.toIpCommand()));
    if (const int err = change(Change::Delete, installed, true); err < 0)
        return Error::kernel(
            tr("Cannot delete the policy (%1): %2").arg(errorText(err), entry.toIpCommand()));
    return {};
}

void NetlinkSpd::rollback(const QList<std::pair<Change, SpdEntry>> &undo, SpdApplyResult &result)
{
    for (auto it = undo.crbegin(); it != undo.crend(); ++it) {
        if (const int err = change(it->first, it->second, false); err < 0)
            result.rollbackErrors.append(
                tr("%1: %2").arg(it->second.toIpCommand(), errorText(err)));
    }
    result.rolledBack = result.rollbackErrors.isEmpty();
}

SpdApplyResult NetlinkSpd::apply(const SpdPlan &plan)
{
    SpdApplyResult result;
    using Op = SpdApplyResult::Operation;
    const auto refuse = [&result](Op op, const SpdEntry &entry, Error error) {
        result.error = std::move(error);
        result.failedOperation = op;
        result.failedEntry = entry;
        result.rolledBack = true; // nothing was changed
        return result;
    };

    // 1. Guards: the layer only writes inside its band.
    for (const SpdEntry &e : plan.toAdd)
        if (!isOwned(e))
            return refuse(Op::Add, e,
                          Error::permission(tr("Refusing to install a policy outside the "
                                               "console's priority band %1-%2: %3")
                                                .arg(kOwnedPriorityFirst)
                                                .arg(kOwnedPriorityLast)
                                                .arg(e.toIpCommand())));
    for (const SpdEntry &e : plan.toRemove)
        if (!isOwned(e))
            return refuse(Op::Remove, e,
                          Error::permission(tr("Refusing to delete a policy the console does "
                                               "not own: %1")
                                                .arg(e.toIpCommand())));
    if (plan.toAdd.isEmpty() && plan.toRemove.isEmpty())
        return result;

    // 2. One dump: what is installed under each identity (for the ownership check of deletes,
    //    for replacing in place, and for restoring exactly what was there).
    Result<QList<SpdEntry>> current =
        plan.current ? Result<QList<SpdEntry>>(*plan.current) : list();
    if (!current.ok())
        return refuse(Op::None, SpdEntry{}, current.error());
    QHash<QString, SpdEntry> installed;
    installed.reserve(current->size());
    for (const SpdEntry &e : *current)
        installed.insert(e.identityKey(), e);

    QHash<QString, SpdEntry> removals; // identity -> installed version
    QList<QString> removalOrder;
    for (const SpdEntry &e : plan.toRemove) {
        const QString key = e.identityKey();
        const auto it = installed.constFind(key);
        if (it == installed.constEnd()) {
            ++result.absent;
            continue;
        }
        if (!isOwned(*it))
            return refuse(Op::Remove, e,
                          Error::permission(tr("Refusing to delete a foreign policy with the "
                                               "same selector: %1")
                                                .arg(it->toIpCommand())));
        if (!removals.contains(key)) {
            removals.insert(key, *it);
            removalOrder.append(key);
        }
    }
    QSet<QString> replacedKeys;
    for (const SpdEntry &e : plan.toAdd) {
        const QString key = e.identityKey();
        const auto it = installed.constFind(key);
        if (it != installed.constEnd() && !removals.contains(key))
            return refuse(Op::Add, e,
                          Error::conflict(tr("The kernel already has a policy with the same "
                                             "direction and selector: %1")
                                              .arg(it->toIpCommand())));
    }

    // 3. Add (or replace in place), then delete; remember how to undo every step.
    QList<std::pair<Change, SpdEntry>> undo;
    undo.reserve(plan.toAdd.size() + removalOrder.size());
    const auto fail = [&](Op op, const SpdEntry &entry, int err) {
        result.failedOperation = op;
        result.failedEntry = entry;
        result.netlinkError = errorText(err);
        const QString what = op == Op::Remove ? tr("Cannot delete the policy (%1): %2")
                                              : tr("Cannot install the policy (%1): %2");
        result.error =
            err == -NLE_EXIST
                ? Error::conflict(tr("The kernel already has a policy with the same direction and "
                                     "selector (%1): %2")
                                      .arg(result.netlinkError, entry.toIpCommand()))
                : Error::kernel(what.arg(result.netlinkError, entry.toIpCommand()));
        rollback(undo, result);
        if (!result.rolledBack)
            result.error->message += u' '
                                     + tr("Restoring the previous policies failed too: %1")
                                           .arg(result.rollbackErrors.join(u"; "_s));
        return result;
    };
    // Without the testing hook (which counts single requests), many plain adds go in batches.
    const bool batching = m_options.failAfterOperations < 0 && m_batchFd >= 0;
    QList<const SpdEntry *> batchedAdds;
    for (const SpdEntry &e : plan.toAdd) {
        const QString key = e.identityKey();
        if (removals.contains(key) && !replacedKeys.contains(key)) {
            if (const int err = change(Change::Update, e, true); err < 0)
                return fail(Op::Replace, e, err);
            undo.append({Change::Update, removals.value(key)});
            replacedKeys.insert(key);
            ++result.replaced;
        } else if (batching) {
            batchedAdds << &e;
        } else {
            if (const int err = change(Change::Add, e, true); err < 0)
                return fail(Op::Add, e, err);
            undo.append({Change::Delete, e});
            ++result.added;
        }
    }
    if (!batchedAdds.isEmpty()) {
        QList<int> errors;
        const int err = changeBatched(Change::Add, batchedAdds, errors);
        qsizetype firstFailure = -1;
        for (qsizetype i = 0; i < batchedAdds.size(); ++i) {
            if (errors[i] == 0) {
                undo.append({Change::Delete, *batchedAdds[i]});
                ++result.added;
            } else if (errors[i] < 0 && firstFailure < 0) {
                firstFailure = i;
            }
        }
        if (firstFailure >= 0)
            return fail(Op::Add, *batchedAdds[firstFailure], errors[firstFailure]);
        if (err < 0)
            return fail(Op::Add,
                        *batchedAdds[std::min(qsizetype(result.added), batchedAdds.size() - 1)],
                        err);
    }
    QList<const SpdEntry *> deletes;
    deletes.reserve(removalOrder.size());
    for (const QString &key : std::as_const(removalOrder))
        if (!replacedKeys.contains(key))
            deletes << &removals[key];
    if (m_options.failAfterOperations < 0 && deletes.size() > 1) {
        // Many deletes (emergency unassign of thousands of entries): batched requests.
        QList<int> errors;
        const int err = changeBatched(Change::Delete, deletes, errors);
        qsizetype firstFailure = -1;
        for (qsizetype i = 0; i < deletes.size(); ++i) {
            if (errors[i] == 0) {
                undo.append({Change::Add, *deletes[i]});
                ++result.removed;
            } else if (errors[i] < 0 && firstFailure < 0) {
                firstFailure = i;
            }
        }
        if (firstFailure >= 0)
            return fail(Op::Remove, *deletes[firstFailure], errors[firstFailure]);
        if (err < 0)
            return fail(Op::Remove,
                        *deletes[std::min(qsizetype(result.removed), deletes.size() - 1)], err);
        return result;
    }
    for (const SpdEntry *old : std::as_const(deletes)) {
        if (const int err = change(Change::Delete, *old, true); err < 0)
            return fail(Op::Remove, *old, err);
        undo.append({Change::Add, *old});
        ++result.removed;
    }
    return result;
}

} // namespace ipsec::kernel
