#pragma once

#include "service/PolicyClient.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QVariantMap>

class QDBusError;
class QDBusMessage;

namespace ipsec {

// The policy agent's D-Bus names and the conventions both sides share: how an ipsec::Error
// travels as a D-Bus error, and how ChangeOptions travel as an a{sv} options argument.
class AgentProtocol {
    Q_DECLARE_TR_FUNCTIONS(ipsec::AgentProtocol)
public:
    static constexpr auto Service = "io.github.ipsecconsole.PolicyAgent1";
    static constexpr auto Path = "/io/github/ipsecconsole/PolicyAgent1";
    static constexpr auto Interface = "io.github.ipsecconsole.PolicyAgent1";
    static QString service() { return QLatin1StringView(Service); }
    // Status and EmergencyUnassign only, on a second connection of the agent that nothing else
    // is queued on (see UrgentLane); the bus policy lets only root and the admin group call it.
    static constexpr auto UrgentService = "io.github.ipsecconsole.PolicyAgent1.Urgent";
    static QString urgentService() { return QLatin1StringView(UrgentService); }
    // The same two methods without the bus daemon in between: a socket of the agent's own
    // (peer-to-peer D-Bus), one connection per client (see PeerLane).
    static QString peerSocketPath();
    static QString path() { return QLatin1StringView(Path); }
    static QString interface() { return QLatin1StringView(Interface); }

    // polkit actions
    static constexpr auto ReadAction = "io.github.ipsecconsole.read";
    static constexpr auto ModifyAction = "io.github.ipsecconsole.modify";
    static constexpr auto EmergencyAction = "io.github.ipsecconsole.emergency";

    // io.github.ipsecconsole.PolicyAgent1.Error.<Usage|NotFound|…|NotAuthorized>
    static QString errorName(ErrorCode code);
    static QString notAuthorizedErrorName();
    // An error reply (or a transport failure) as an ipsec::Error with the right exit code.
    static Error toError(const QDBusError &error);
    static Error toError(const QDBusMessage &errorReply);

    // ChangeOptions <-> a{sv}: confirmWithin (u), force (b), sshConnection (s); the agent's
    // extras: dryRun (b), lineByLine (b, ExecuteNetsh). Unknown keys and wrong types are a usage
    // error.
    static QVariantMap toMap(const ChangeOptions &options, bool dryRun = false);
    struct CallOptions {
        ChangeOptions change;
        bool dryRun = false;
        bool lineByLine = false; // ExecuteNetsh: ScriptMode::LineByLine
    };
    static Result<CallOptions> fromMap(const QVariantMap &map);

    // Status() keys
    static constexpr auto StatusNetns = "netns";
    static constexpr auto StatusStorePath = "storePath";
    static constexpr auto StatusRevision = "revision";
    static constexpr auto StatusEnforcing = "enforcing";
    static constexpr auto StatusIkeExemption = "ikeExemption";
    static constexpr auto StatusVersion = "version";
    // "nft" or "xfrm": the kernel backend the agent was started with (--backend, issue 11).
    static constexpr auto StatusBackend = "backend";
    static constexpr auto StatusConfirmDeadline = "confirmationDeadline"; // x ms UTC, if pending
    static constexpr auto StatusConfirmDescription = "confirmationDescription";
};

} // namespace ipsec
