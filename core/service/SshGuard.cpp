#include "service/SshGuard.h"

#include "engine/Evaluator.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

constexpr quint8 kTcp = 6;

// sshd may report an IPv4 peer as ::ffff:a.b.c.d; the filters speak plain IPv4.
QHostAddress plain(const QHostAddress &a)
{
    bool isV4 = false;
    const quint32 v4 = a.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : a;
}

QString endpoint(const QHostAddress &a, quint16 port)
{
    const QString text = a.toString();
    return (a.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + text + u']' : text) + u':'
           + QString::number(port);
}

QString filterText(const Filter &f)
{
    const auto side = [](const Address &a, quint16 port) {
        return port ? a.toString() + u':' + QString::number(port) : a.toString();
    };
    return u"%1 → %2 %3"_s.arg(side(f.source, f.sourcePort), side(f.destination, f.destinationPort),
                               f.protocol.name());
}

} // namespace

QString SshConnection::clientEndpoint() const
{
    return endpoint(client, clientPort);
}

QString SshConnection::serverEndpoint() const
{
    return endpoint(server, serverPort);
}

Result<std::optional<SshConnection>> SshGuard::parse(const QString &sshConnection)
{
    const QString text = sshConnection.trimmed();
    if (text.isEmpty())
        return std::optional<SshConnection>();
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    const auto bad = [&] {
        return Error::usage(tr("The SSH connection \"%1\" is not \"client-address client-port "
                               "server-address server-port\".")
                                .arg(text));
    };
    if (parts.size() != 4)
        return bad();
    SshConnection c;
    bool portOk[2] = {false, false};
    c.client = plain(QHostAddress(parts.at(0)));
    const uint clientPort = parts.at(1).toUInt(&portOk[0]);
    c.server = plain(QHostAddress(parts.at(2)));
    const uint serverPort = parts.at(3).toUInt(&portOk[1]);
    if (c.client.isNull() || c.server.isNull() || !portOk[0] || !portOk[1] || clientPort == 0
        || clientPort > 65535 || serverPort == 0 || serverPort > 65535
        || c.client.protocol() != c.server.protocol())
        return bad();
    c.clientPort = quint16(clientPort);
    c.serverPort = quint16(serverPort);
    return std::optional<SshConnection>(c);
}

std::optional<QString> SshGuard::blockReason(const SshConnection &c, const PolicyDatabase &db,
                                             const QList<engine::DynamicFilter> &dynamic,
                                             const engine::ExpansionContext &context,
                                             bool ikeExemption)
{
    // The kernel never filters loopback; a server address of another namespace or host is not
    // governed by this policy.
    if (c.server.isLoopback() || !context.localAddresses.contains(c.server))
        return std::nullopt;
    engine::EffectivePolicyOptions options;
    options.ikeExemption = ikeExemption;
    const auto policy = engine::EffectivePolicy::build(db, dynamic, context, options);
    const engine::Evaluator evaluator(policy);
    const engine::Packet in{c.client,     c.server,     kTcp,
                            c.clientPort, c.serverPort, engine::Direction::Inbound};
    const engine::Packet out{c.server,     c.client,     kTcp,
                             c.serverPort, c.clientPort, engine::Direction::Outbound};
    for (const engine::Packet &packet : {in, out}) {
        const engine::Verdict v = evaluator.evaluate(packet);
        if (v.kind != engine::Verdict::Kind::Block)
            continue;
        QString culprit;
        const Filter *filter = v.sourceIndex >= 0 && v.sourceIndex < policy.sources().size()
                                   ? &policy.sources().at(v.sourceIndex).filter
                                   : nullptr;
        const QString filterDescription = filter ? filterText(*filter)
                                                 : v.directionalFilter.source.toString() + u" → "_s
                                                       + v.directionalFilter.destination.toString();
        if (v.origin == engine::Origin::Dynamic) {
            culprit =
                tr("the dynamic filter %1").arg(v.label.isEmpty() ? filterDescription : v.label);
        } else {
            const Rule *rule = db.rule(v.ruleId);
            const FilterList *list = rule ? db.filterList(rule->filterListId) : nullptr;
            culprit = tr("filter %1 of filter list \"%2\" in rule \"%3\" of policy \"%4\"")
                          .arg(filterDescription, list ? list->name : QString(), v.ruleName,
                               v.policyName);
        }
        const QString direction = packet.direction == engine::Direction::Inbound
                                      ? tr("its inbound packets (TCP %1 → %2)")
                                            .arg(c.clientEndpoint(), c.serverEndpoint())
                                      : tr("its outbound replies (TCP %1 → %2)")
                                            .arg(c.serverEndpoint(), c.clientEndpoint());
        return tr("This change would cut your own SSH connection from %1 to %2: %3 would be "
                  "blocked by %4.")
            .arg(c.clientEndpoint(), c.serverEndpoint(), direction, culprit);
    }
    return std::nullopt;
}

Error SshGuard::refusal(const QString &reason)
{
    return Error::conflict(tr("Refused: %1 Nothing was changed. To apply it anyway, add --force "
                              "(in the console: Apply Anyway); with --confirm-within SECONDS it is "
                              "rolled back unless you confirm it in time.")
                               .arg(reason));
}

bool SshGuard::isRefusal(const Error &error, const QString &sshConnection)
{
    if (error.code != ErrorCode::Conflict)
        return false;
    auto c = parse(sshConnection);
    if (!c || !c.value())
        return false;
    return error.message.contains(c.value()->clientEndpoint())
           && error.message.contains(c.value()->serverEndpoint());
}

} // namespace ipsec
