#pragma once

// Keeps charon in step with the policy: loads the project's connections and secrets, unloads
// the project's ones that are no longer wanted, and never touches anything else (names without
// the project's prefix). Runs on the caller's thread over a blocking Client.

#include "vici/ConnectionBuilder.h"
#include "vici/ViciClient.h"

namespace ipsec::vici {

struct SyncReport {
    QStringList loaded;   // connection names
    QStringList unloaded; // connection names
    int foreign = 0;      // connections of others, left alone
    QStringList messages; // one line per change, for the command's report
};

class ConnectionSync {
    Q_DECLARE_TR_FUNCTIONS(ipsec::vici::ConnectionSync)
public:
    // Loads every connection of the plan (and its secret), then unloads the project's others.
    static Result<SyncReport> apply(Client &client, const ConnectionPlan &plan);
    // Unloads every connection and secret of the project (unassign, emergency unassign).
    static Result<SyncReport> unloadAll(Client &client) { return apply(client, {}); }
    // The names of the connections charon has loaded (get-conns).
    static Result<QList<QByteArray>> loadedConnections(Client &client);
    // The X.509 end-entity certificates (DER) charon holds a private key for (list-certs).
    static Result<QList<QByteArray>> hostCertificates(Client &client);
};

} // namespace ipsec::vici
