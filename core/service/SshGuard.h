#pragma once

#include "engine/EffectivePolicy.h"
#include "model/PolicyDatabase.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <optional>

namespace ipsec {

// The caller's own SSH connection, from $SSH_CONNECTION.
struct SshConnection {
    QHostAddress client;
    quint16 clientPort = 0;
    QHostAddress server;
    quint16 serverPort = 0;

    // "10.0.0.1:50022" / "[fd00::1]:50022": never translated, so a front end can recognise a
    // refusal of its own connection (isRefusal()).
    QString clientEndpoint() const;
    QString serverEndpoint() const;
};

// Refuses a change that would cut the caller's own SSH session: the new effective policy is
// asked (through the same evaluator the kernel compiler agrees with) about both halves of the
// connection, the inbound TCP packets client -> server and the outbound replies.
class SshGuard {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SshGuard)
public:
    // "client-ip client-port server-ip server-port" (IPv4 or IPv6); empty text: no connection.
    static Result<std::optional<SshConnection>> parse(const QString &sshConnection);

    // Why the policy of db + dynamic would block the connection, naming the policy, rule, filter
    // list and filter (or the dynamic filter) that does; nullopt when both halves still pass.
    // `context` is what "me" means here; a connection whose server address is not one of its
    // local addresses does not pass through this namespace's policy and is never blocked.
    static std::optional<QString> blockReason(const SshConnection &connection,
                                              const PolicyDatabase &db,
                                              const QList<engine::DynamicFilter> &dynamic,
                                              const engine::ExpansionContext &context,
                                              bool ikeExemption);

    // The refusal as the service returns it (Conflict), with how to override it.
    static Error refusal(const QString &reason);
    // Whether an error is the guard's refusal of this $SSH_CONNECTION (works for messages that
    // come over D-Bus in another language: it looks for the untranslated client endpoint).
    static bool isRefusal(const Error &error, const QString &sshConnection);
};

} // namespace ipsec
