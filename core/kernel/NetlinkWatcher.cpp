#include "kernel/NetlinkWatcher.h"

#include "kernel/LibnlXfrm.h"

#include <QDebug>
#include <QSocketNotifier>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {
constexpr qsizetype kMaxReasons = 4; // enough for a log line
} // namespace

NetlinkWatcher::NetlinkWatcher(QObject *parent)
    : QObject(parent)
    , m_debounce(this) // a child: moveToThread() takes it along
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(100);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        QStringList reasons;
        reasons.swap(m_reasons);
        Q_EMIT changed(reasons);
    });
}

NetlinkWatcher::~NetlinkWatcher()
{
    delete m_notifier;
    if (m_socket)
        nl_socket_free(m_socket);
}

Result<void> NetlinkWatcher::open(int protocol, const QList<int> &groups)
{
    nl_sock *socket = nl_socket_alloc();
    if (!socket)
        return Error::kernel(tr("Cannot allocate a netlink socket."));
    // Notifications carry no sequence numbers of ours.
    nl_socket_disable_seq_check(socket);
    nl_socket_modify_cb(socket, NL_CB_VALID, NL_CB_CUSTOM, &NetlinkWatcher::received, this);
    if (const int err = nl_connect(socket, protocol); err < 0) {
        const QString text = QString::fromLocal8Bit(nl_geterror(err));
        nl_socket_free(socket);
        return Error::kernel(tr("Cannot open a netlink socket: %1").arg(text));
    }
    for (int group : groups) {
        if (const int err = nl_socket_add_membership(socket, group); err < 0) {
            const QString text = QString::fromLocal8Bit(nl_geterror(err));
            nl_socket_free(socket);
            return Error::kernel(tr("Cannot join netlink group %1: %2").arg(group).arg(text));
        }
    }
    nl_socket_set_nonblocking(socket);
    nl_socket_enable_msg_peek(socket); // never truncate a long message
    // A burst (thousands of SPD changes by another program) must not overrun the socket; if
    // it does anyway, the overrun itself counts as a change.
    nl_socket_set_buffer_size(socket, 1024 * 1024, 0);
    m_socket = socket;
    m_notifier =
        new QSocketNotifier(qintptr(nl_socket_get_fd(socket)), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &NetlinkWatcher::readAvailable);
    return {};
}

int NetlinkWatcher::received(nl_msg *message, void *self)
{
    auto *watcher = static_cast<NetlinkWatcher *>(self);
    if (const QString reason = watcher->describe(message); !reason.isEmpty())
        watcher->note(reason);
    return NL_OK;
}

void NetlinkWatcher::note(const QString &reason)
{
    if (m_reasons.size() < kMaxReasons && !m_reasons.contains(reason))
        m_reasons << reason;
    m_debounce.start(); // (re)starts: the burst ends after the quiet time
}

void NetlinkWatcher::readAvailable()
{
    for (;;) {
        const int err = nl_recvmsgs_default(m_socket);
        if (err == -NLE_AGAIN)
            return;
        if (err == -NLE_NOMEM) { // ENOBUFS: events were lost, so assume they mattered
            note(tr("netlink events were lost"));
            continue;
        }
        if (err < 0) {
            // A broken message: skip it, the next read continues with the next datagram.
            qWarning().noquote() << tr("Reading netlink events failed: %1")
                                        .arg(QString::fromLocal8Bit(nl_geterror(err)));
            return;
        }
    }
}

} // namespace ipsec::kernel
