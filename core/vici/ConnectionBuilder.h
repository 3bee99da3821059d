#pragma once

// From the assigned policy to strongSwan connections and secrets, as swanctl would load them
// over VICI (README "Negotiation"). One connection per negotiating rule, named with the
// project's prefix so that only its own are ever loaded or unloaded:
//   ipsec-console-r<rule id>   (its CHILD_SA has the same name and the rule's reqid)
//   ipsec-console-d<n>         (a dynamic rule with authentication: netsh ipsec dynamic add
//                               rule; reqid engine::dynamicRuleReqid(n))
// The kernel policies stay the project's (engine/Negotiation.h): the CHILD_SA is a trap with
// `policies = no`, so charon answers the kernel's ACQUIREs for that reqid and installs only SAs.

#include "engine/DynamicIke.h"
#include "engine/EffectivePolicy.h"
#include "model/MainModeMethod.h"
#include "vici/ViciMessage.h"

namespace ipsec::vici {

inline constexpr QByteArrayView ConnectionPrefix = "ipsec-console-";

// Main-mode offers are the model's (the policy's mmsecmethods).
using ipsec::MainModeMethod;

struct ConnectionOptions {
    int ikeVersion = 1; // 1 (what Windows 2000/XP/2003 speak) or 2
    // Used when the assigned policy names none (Policy::mainModeMethods).
    QList<MainModeMethod> mainModeMethods = MainModeMethod::windowsDefaults();
    quint32 mainModeLifetimeSeconds = 28800; // Windows' 480 minutes
    // For certificate authentication: the host's certificates (DER) that charon holds a
    // private key for, offered as local.certs (IKEv1 needs an identity with a key: the
    // certificate's subject, as Windows sends it).
    QList<QByteArray> hostCertificates;
    // The dynamic main-mode and quick-mode policies that dynamic rules name (netsh ipsec
    // dynamic add mmpolicy|qmpolicy); null: none.
    const engine::DynamicIke *dynamicIke = nullptr;
    // remote.revocation of certificate authentication: "strict" (strongcrlcheck=2), or empty
    // for charon's default ("relaxed").
    QByteArray revocation;
};

struct Connection {
    QByteArray name;               // also the CHILD_SA's name and the secret's id
    quint32 reqid = 0;             // the kernel templates' (engine/Negotiation.h)
    Message config;                // the argument of load-conn: { name { … } }
    std::optional<Message> secret; // the argument of load-shared, for preshared keys
    QString ruleName;              // for reports
    QString authentication;        // "psk", "pubkey (CA …)"
    bool publicKey = false;        // certificate authentication
};

struct ConnectionPlan {
    QList<Connection> connections;
    QStringList notices; // skipped methods (Kerberos), rules without a usable method, …
};

class ConnectionBuilder {
    Q_DECLARE_TR_FUNCTIONS(ipsec::vici::ConnectionBuilder)
public:
    static ConnectionPlan build(const PolicyDatabase &db,
                                const QList<engine::DynamicFilter> &dynamic,
                                const ConnectionOptions &options = {});
    // Quick-mode offers: ESP[3DES,SHA1] -> "3des-sha1", AH[MD5] -> "md5"; PFS adds "-modp1024".
    // Empty when strongSwan cannot express it (ESP without integrity).
    static QByteArray espProposal(const SecurityMethod &m, bool pfs);
    static QByteArray ahProposal(const SecurityMethod &m, bool pfs);
    static bool isOwnName(QByteArrayView name) { return name.startsWith(ConnectionPrefix); }

private:
    // One connection: what it negotiates and how it authenticates.
    struct Spec {
        QByteArray name;
        quint32 reqid = 0;
        FilterAction action;    // quick mode: security methods, PFS
        QByteArray pfsGroup;    // with PFS: this group instead of modp1024
        QList<AuthMethod> auth; // in order of preference
        QString what;           // "rule "X"", for notices
        QString ruleName;       // for reports
        QList<QByteArray> ikeProposals;
        quint32 ikeLifetimeSeconds = 28800;
    };
    static void add(ConnectionPlan &plan, const ConnectionOptions &options, const Spec &spec);
    static void addDynamic(ConnectionPlan &plan, const QList<engine::DynamicFilter> &dynamic,
                           const ConnectionOptions &options);
};

} // namespace ipsec::vici
