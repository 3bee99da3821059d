#pragma once

#include "kernel/NetlinkWatcher.h"

#include <QCoreApplication>

namespace ipsec::kernel {

// Changes of the project's nftables table (inet ipsec_console) made by any other process
// (NFNLGRP_NFTABLES): `nft delete element …`, `nft flush ruleset`, another program. Drift
// detection for the table, as SpdWatcher is for the XFRM entries: the owner then compares the
// table with the policy and repairs it. Changes of other tables are ignored, and so are the
// owner's own: every nftables transaction ends with a NEWGEN notification that names the
// thread that committed it.
class NftWatcher final : public NetlinkWatcher {
    Q_OBJECT
public:
    explicit NftWatcher(QObject *parent = nullptr);
    Result<void> start();

protected:
    QString describe(nl_msg *message) override;

private:
    QString m_pending; // a change of our table seen in the transaction not yet committed
};

} // namespace ipsec::kernel
