#pragma once

// Listens to netlink multicast groups (rtnetlink, XFRM) from the event loop and reports bursts of
// relevant events as one changed() signal. Address, route and SPD events come in bursts (an
// interface coming up brings several addresses and routes); the debounce turns each burst into
// one re-enforcement. The socket belongs to the network namespace of the thread that opens it.

#include "util/Result.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

struct nl_sock;
struct nl_msg;

class QSocketNotifier;

namespace ipsec::kernel {

class NetlinkWatcher : public QObject {
    Q_OBJECT
public:
    ~NetlinkWatcher() override;

    bool isOpen() const { return m_socket != nullptr; }
    // Quiet time after the last relevant event before changed() (default 100 ms).
    void setDebounce(int ms) { m_debounce.setInterval(ms); }

Q_SIGNALS:
    // One burst of relevant events; `reasons` describes them (at most a few, for the log).
    void changed(const QStringList &reasons);

protected:
    explicit NetlinkWatcher(QObject *parent);
    // Connects a socket of `protocol` (NETLINK_ROUTE, NETLINK_XFRM) to the groups.
    Result<void> open(int protocol, const QList<int> &groups);
    // One received message: a short description when it matters, an empty string to ignore it.
    virtual QString describe(nl_msg *message) = 0;

private:
    static int received(nl_msg *message, void *self);
    void readAvailable();
    void note(const QString &reason);

    nl_sock *m_socket = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_debounce;
    QStringList m_reasons;
};

} // namespace ipsec::kernel
