#pragma once

// The IKE and IPsec SAs charon holds (list-sas), in plain values for `ipseccmd show sas`.

#include "vici/ViciClient.h"

namespace ipsec::vici {

struct ChildSaInfo {
    QString name;
    QString state;    // INSTALLED, REKEYING, …
    QString protocol; // ESP, AH
    QString mode;     // TRANSPORT
    QString encryption;
    QString integrity;
    QString spiIn, spiOut;
    QString localTs, remoteTs;
    qint64 lifetimeSeconds = -1; // until expiry, -1 unknown
};

struct IkeSaInfo {
    QString name;
    QString state; // ESTABLISHED, CONNECTING, …
    QString version;
    QString localHost, remoteHost;
    QString localId, remoteId;
    QString encryption, integrity, prf, dhGroup;
    qint64 establishedSeconds = -1;
    qint64 rekeySeconds = -1;
    QList<ChildSaInfo> children;
    bool own = false; // one of the project's connections
};

class SaList {
public:
    static Result<QList<IkeSaInfo>> read(Client &client);
    static QList<IkeSaInfo> fromEvents(const QList<Message> &events);
};

} // namespace ipsec::vici
