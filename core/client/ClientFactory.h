#pragma once

#include "service/PolicyService.h"

#include <QCoreApplication>

#include <memory>

namespace ipsec {

struct ClientOptions {
    enum class Backend {
        Auto,      // the agent when it runs and serves this namespace and store, else in-process
        Agent,     // the agent or an error (--agent)
        InProcess, // never the agent (--no-agent)
    };
    Backend backend = Backend::Auto;
    // What the caller asks for; netns is a name (see resolveNetworkNamespace()). In-process, the
    // factory enters that namespace first.
    PolicyService::Options service;
    // How long a change through the agent may take (polkit may ask for a password meanwhile).
    int agentCallTimeoutMs = 120'000;
};

// The one way every front end (ipseccmd, netdiag, the console) gets its PolicyClient.
class ClientFactory {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ClientFactory)
public:
    static Result<std::unique_ptr<PolicyClient>> open(const ClientOptions &options);

    // Emergency unassign that works when the agent hangs: the agent is given timeoutMs, then
    // this process does it itself (root).
    static Result<ServiceReport> emergencyUnassign(const ClientOptions &options,
                                                   int agentTimeoutMs = 3000);
    static Result<ServiceReport> reassign(const ClientOptions &options,
                                          const ChangeOptions &change = {});
};

inline Result<std::unique_ptr<PolicyClient>> openPolicyClient(const ClientOptions &options)
{
    return ClientFactory::open(options);
}

} // namespace ipsec
