#pragma once

// The IKE and IPsec SAs charon holds (list-sas), in plain values for `ipseccmd show sas`.

#include "vici/ViciClient.h"

#include <QJsonObject>

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

// charon's SAs as seen at one moment, or why they cannot be seen (the console's monitor, over
// the agent; `show sas`).
struct IkeView {
    bool available = false;
    QString reason; // when not available: why (not running, refused, …)
    QList<IkeSaInfo> sas;
};

class SaList {
public:
    static Result<QList<IkeSaInfo>> read(Client &client);
    static QList<IkeSaInfo> fromEvents(const QList<Message> &events);
    // Reads charon at Client::socketPath() (3 s at most).
    static IkeView view();
    // The JSON of `ipseccmd show sas --json` ("ike"): {available, reason | sas: [...]}.
    static QJsonObject toJson(const IkeView &view);
    static IkeView fromJson(const QJsonObject &o);
};

} // namespace ipsec::vici
