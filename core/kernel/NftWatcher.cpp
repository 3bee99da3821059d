#include "kernel/NftWatcher.h"

#include "kernel/LibnlXfrm.h"

#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <unistd.h>

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

// The table a notification is about: attribute 1 is the table's name in the table, chain,
// rule, set and set element messages alike (NFTA_TABLE_NAME, NFTA_CHAIN_TABLE, …).
QByteArray tableOf(nl_msg *message, int *family)
{
    nlmsghdr *h = nlmsg_hdr(message);
    if (h->nlmsg_len < NLMSG_LENGTH(sizeof(nfgenmsg)))
        return {};
    const auto *g = static_cast<const nfgenmsg *>(nlmsg_data(h));
    *family = g->nfgen_family;
    nlattr *a = nlmsg_find_attr(h, sizeof(nfgenmsg), 1);
    if (!a)
        return {};
    const auto *name = static_cast<const char *>(nla_data(a));
    return QByteArray(name, qstrnlen(name, uint(nla_len(a))));
}

} // namespace

NftWatcher::NftWatcher(QObject *parent)
    : NetlinkWatcher(parent)
{
}

Result<void> NftWatcher::start()
{
    return open(NETLINK_NETFILTER, {NFNLGRP_NFTABLES});
}

QString NftWatcher::describe(nl_msg *message)
{
    const nlmsghdr *h = nlmsg_hdr(message);
    if (NFNL_SUBSYS_ID(h->nlmsg_type) != NFNL_SUBSYS_NFTABLES)
        return {};
    const int type = NFNL_MSG_TYPE(h->nlmsg_type);
    if (type == NFT_MSG_NEWGEN) {
        // The end of a transaction: who committed it?
        QString reason;
        reason.swap(m_pending);
        if (reason.isEmpty())
            return {};
        nlattr *pid =
            nlmsg_find_attr(const_cast<nlmsghdr *>(h), sizeof(nfgenmsg), NFTA_GEN_PROC_PID);
        // The kernel names the committing thread (task_pid_nr): one of ours when it is a task
        // of this process.
        const quint32 tid = pid ? ntohl(nla_get_u32(pid)) : 0; // NLA_BE32
        if (tid != 0
            && (tid == quint32(::getpid()) || QFileInfo::exists(u"/proc/self/task/%1"_s.arg(tid))))
            return {};
        return reason;
    }
    int family = 0;
    const QByteArray table = tableOf(message, &family);
    if (family != NFPROTO_INET || table != "ipsec_console")
        return {};
    switch (type) {
    case NFT_MSG_DELTABLE:
        m_pending = tr("the nftables table inet ipsec_console was deleted by another program");
        break;
    case NFT_MSG_NEWSETELEM:
    case NFT_MSG_DELSETELEM:
        if (m_pending.isEmpty())
            m_pending = tr("elements of the nftables table inet ipsec_console were changed by "
                           "another program");
        break;
    default:
        if (m_pending.isEmpty())
            m_pending = tr("the nftables table inet ipsec_console was changed by another "
                           "program");
        break;
    }
    return {};
}

} // namespace ipsec::kernel
