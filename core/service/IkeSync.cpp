#include "service/IkeSync.h"

#include "vici/ConnectionSync.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {
constexpr int kTimeoutMs = 3000;
}

void IkeSync::applyDynamic(vici::ConnectionOptions &options, const engine::DynamicIke *ike)
{
    options.dynamicIke = ike;
    // netsh ipsec dynamic set config property=strongcrlcheck value=2: any CRL error fails.
    if (ike && ike->config.strongCrlCheck == 2)
        options.revocation = QByteArrayLiteral("strict");
}

int IkeSync::ikeVersion()
{
    return qEnvironmentVariableIntValue("IPSEC_CONSOLE_IKE_VERSION") == 2 ? 2 : 1;
}

void IkeSync::sync(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dynamic,
                   ServiceReport &report, const engine::DynamicIke *ike)
{
    vici::ConnectionOptions options;
    options.ikeVersion = ikeVersion();
    applyDynamic(options, ike);
    vici::ConnectionPlan plan = vici::ConnectionBuilder::build(db, dynamic, options);
    report.notices << plan.notices;
    const QString path = vici::Client::socketPath();
    // Nothing to negotiate and no daemon: nothing to say.
    if (plan.connections.isEmpty() && !QFileInfo::exists(path))
        return;
    vici::Client client(path, kTimeoutMs);
    // Certificate authentication: the host's certificates are those charon has a key for.
    if (std::any_of(plan.connections.cbegin(), plan.connections.cend(),
                    [](const vici::Connection &c) { return c.publicKey; })) {
        if (auto certs = vici::ConnectionSync::hostCertificates(client)) {
            if (certs->isEmpty())
                report.notices << tr("Certificate authentication: the IKE daemon holds no "
                                     "certificate with its private key for this computer; load "
                                     "them (e.g. swanctl --load-creds).");
            options.hostCertificates = *certs;
            plan = vici::ConnectionBuilder::build(db, dynamic, options);
        }
    }
    auto r = vici::ConnectionSync::apply(client, plan);
    if (!r) {
        if (!plan.connections.isEmpty())
            report.notices << tr("Negotiation is unavailable: %1. Traffic that requires "
                                 "security is dropped (never passed in clear text) until the IKE "
                                 "daemon runs; traffic that only requests it passes in clear.")
                                  .arg(r.error().message);
        return;
    }
    report.messages << r->messages;
}

void IkeSync::unloadAll(ServiceReport &report)
{
    const QString path = vici::Client::socketPath();
    if (!QFileInfo::exists(path))
        return;
    vici::Client client(path, kTimeoutMs);
    auto r = vici::ConnectionSync::unloadAll(client);
    if (!r) {
        report.notices << tr("The IKE daemon's connections of this tool could not be unloaded: "
                             "%1")
                              .arg(r.error().message);
        return;
    }
    report.messages << r->messages;
}

} // namespace ipsec
