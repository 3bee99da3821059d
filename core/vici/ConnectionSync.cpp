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

Result<QList<QByteArray>> ConnectionSync::hostCertificates(Client &client)
{
    Message args;
    args.add("type", QByteArrayLiteral("X509"));
    args.add("flag", QByteArrayLiteral("NONE"));
    auto r = client.callStreamed("list-certs", "list-cert", args);
    if (!r)
        return r.error();
    QList<QByteArray> out;
    for (const Message &cert : std::as_const(r->events))
        if (cert.valueOf("has_privkey") == "yes" && !cert.valueOf("data").isEmpty())
            out << cert.valueOf("data");
    return out;
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
    // A connection's IKE SAs outlive its unloading: close the project's that nothing wants
    // (unassign must not leave security associations of the old policy behind).
    auto sas = client.callStreamed("list-sas", "list-sa");
    if (!sas)
        return sas.error();
    for (const Message &sa : std::as_const(sas->events)) {
        for (const Element &ike : sa.children()) {
            if (!ConnectionBuilder::isOwnName(ike.name()) || wanted.contains(ike.name()))
                continue;
            Message args;
            args.add("ike-id", ike.valueOf("uniqueid"));
            args.add("force", QByteArrayLiteral("yes"));
            args.add("timeout", QByteArrayLiteral("1000"));
            auto r = client.call("terminate", args);
            if (!r)
                return r.error();
            if (Client::checkSuccess("terminate", *r))
                report.messages << tr("IKE: closed the security association of %1 with %2.")
                                       .arg(QString::fromUtf8(ike.name()),
                                            QString::fromUtf8(ike.valueOf("remote-host")));
        }
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
