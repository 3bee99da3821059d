#include "vici/ConnectionSync.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace ipsec::vici {

Result<QList<QByteArray>> ConnectionSync::loadedConnections(Client &client)
{
    auto r = client.call("get-conns");
    if (!r)
        return r.error();
    return r->itemsOf("conns");
}

Result<SyncReport> ConnectionSync::apply(Client &client, const ConnectionPlan &plan)
{
    SyncReport report;
    auto names = loadedConnections(client);
    if (!names)
        return names.error();
    auto shared = client.call("get-shared");
    if (!shared)
        return shared.error();

    QSet<QByteArray> wanted;
    for (const Connection &c : plan.connections) {
        wanted.insert(c.name);
        if (c.secret) {
            auto r = client.call("load-shared", *c.secret);
            if (!r)
                return r.error();
            if (auto ok = Client::checkSuccess("load-shared", *r); !ok)
                return ok.error();
        }
        auto r = client.call("load-conn", c.config);
        if (!r)
            return r.error();
        if (auto ok = Client::checkSuccess("load-conn", *r); !ok)
            return ok.error();
        report.loaded << QString::fromUtf8(c.name);
        report.messages << tr("IKE: loaded connection %1 for rule \"%2\" (%3).")
                               .arg(QString::fromUtf8(c.name), c.ruleName, c.authentication);
    }
    for (const QByteArray &name : names.value()) {
        if (!ConnectionBuilder::isOwnName(name)) {
            ++report.foreign;
            continue;
        }
        if (wanted.contains(name))
            continue;
        Message args;
        args.add("name", name);
        auto r = client.call("unload-conn", args);
        if (!r)
            return r.error();
        if (auto ok = Client::checkSuccess("unload-conn", *r); !ok)
            return ok.error();
        report.unloaded << QString::fromUtf8(name);
        report.messages << tr("IKE: unloaded connection %1.").arg(QString::fromUtf8(name));
    }
    // Secrets of ours whose connection is gone (or that no longer use a preshared key).
    QSet<QByteArray> wantedSecrets;
    for (const Connection &c : plan.connections)
        if (c.secret)
            wantedSecrets.insert(c.name);
    for (const QByteArray &id : shared->itemsOf("keys")) {
        if (!ConnectionBuilder::isOwnName(id) || wantedSecrets.contains(id))
            continue;
        Message args;
        args.add("id", id);
        auto r = client.call("unload-shared", args);
        if (!r)
            return r.error();
        if (auto ok = Client::checkSuccess("unload-shared", *r); !ok)
            return ok.error();
    }
    return report;
}

} // namespace ipsec::vici
