#include "service/IkeSync.h"

#include "vici/ConnectionSync.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {
constexpr int kTimeoutMs = 3000;
}

int IkeSync::ikeVersion()
{
    return qEnvironmentVariableIntValue("IPSEC_CONSOLE_IKE_VERSION") == 2 ? 2 : 1;
}

void IkeSync::sync(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dynamic,
                   ServiceReport &report)
{
    vici::ConnectionOptions options;
    options.ikeVersion = ikeVersion();
    const vici::ConnectionPlan plan = vici::ConnectionBuilder::build(db, dynamic, options);
    report.notices << plan.notices;
    const QString path = vici::Client::socketPath();
    // Nothing to negotiate and no daemon: nothing to say.
    if (plan.connections.isEmpty() && !QFileInfo::exists(path))
        return;
    vici::Client client(path, kTimeoutMs);
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
