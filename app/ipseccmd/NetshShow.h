#pragma once

#include "service/PolicyClient.h"
#include "syntax/Netsh.h"

#include <QTextStream>

// `netsh ipsec static|dynamic show ...`: the stored objects as netsh lists them ("Policy Name
// : X" blocks), or JSON with --json. Reads only.
class NetshShow {
    Q_DECLARE_TR_FUNCTIONS(NetshShow)
public:
    NetshShow(ipsec::PolicyClient &client, QTextStream &out, bool json);
    ipsec::Result<void> show(const ipsec::syntax::NetshCommand &c);

private:
    void policy(const ipsec::Policy &p, const ipsec::PolicyDatabase &db, bool verbose);
    void filterList(const ipsec::FilterList &l);
    void filterAction(const ipsec::FilterAction &a);
    void rule(const ipsec::Rule &r, const ipsec::PolicyDatabase &db);
    void field(const QString &label, const QString &value);
    ipsec::Result<void> showDynamic(const ipsec::syntax::NetshCommand &c);
    // show mmpolicy|qmpolicy|config: the dynamic store's IKE side.
    ipsec::Result<void> showDynamicIke(const ipsec::syntax::NetshCommand &c);

    ipsec::PolicyClient &m_client;
    QTextStream &m_out;
    bool m_json;
};
