#include "client/ClientFactory.h"

#include "client/AgentClient.h"
#include "store/PolicyStore.h"
#include "util/NetNamespace.h"

#include <QDBusConnection>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// Why the agent is not the right one for these options; empty when it is.
QString mismatch(const ClientOptions &o, const AgentClient::Status &s)
{
    if (s.netns != o.service.netns)
        return ClientFactory::tr("the policy agent serves network namespace \"%1\", not \"%2\"")
            .arg(s.netns.isEmpty() ? u"(default)"_s : s.netns,
                 o.service.netns.isEmpty() ? u"(default)"_s : o.service.netns);
    // Without an explicit store the caller means the machine's policy: the agent's.
    const bool explicitStore =
        !o.service.storePath.isEmpty() || qEnvironmentVariableIsSet("IPSEC_CONSOLE_STORE");
    if (explicitStore && PolicyStore::resolvePath(o.service.storePath) != s.storePath)
        return ClientFactory::tr("the policy agent serves the store %1").arg(s.storePath);
    if (o.service.ikeExemption && *o.service.ikeExemption != s.ikeExemption)
        return ClientFactory::tr("the policy agent enforces with the IKE exemption %1")
            .arg(s.ikeExemption ? u"on"_s : u"off"_s);
    if (o.service.kernelFailAfter >= 0)
        return u"kernel failure test hook"_s;
    return {};
}

// --backend beside a running agent of this namespace and store: the agent enforces with its own
// backend, so the command goes to the agent when it is the same one and is refused when it is
// not (enforcing in this process would work behind the agent's back, which puts its own state
// back at the next repair).
Result<void> checkBackend(const ClientOptions &o, const AgentClient::Status &s)
{
    const QString wanted = o.service.kernelBackend.trimmed().toLower();
    if (wanted.isEmpty() || wanted == s.kernelBackend)
        return {};
    const QString agent =
        s.kernelBackend.isEmpty() ? ClientFactory::tr("(unknown)") : s.kernelBackend;
    return Error::conflict(
        ClientFactory::tr("--backend %1 conflicts with the policy agent, which enforces with "
                          "--backend %2 in this network namespace. Leave out --backend (the "
                          "agent's backend applies), or restart ipsec-policyd with --backend %1 "
                          "(or IPSEC_CONSOLE_BACKEND=%1) to change it.")
            .arg(wanted, agent));
}

// The agent when it runs and fits; the reason otherwise (code NotFound: not running/fitting;
// Conflict: it runs and fits, but with another --backend than the one asked for).
Result<std::unique_ptr<AgentClient>> connectAgent(const ClientOptions &o, int statusTimeoutMs,
                                                  bool anyBackend = false)
{
    auto client = AgentClient::open(QDBusConnection::systemBus(), statusTimeoutMs);
    if (!client)
        return client.error();
    if (const QString why = mismatch(o, client.value()->status()); !why.isEmpty())
        return Error::notFound(ClientFactory::tr("Not using the policy agent: %1.").arg(why));
    if (!anyBackend) {
        if (auto ok = checkBackend(o, client.value()->status()); !ok)
            return ok.error();
    }
    client.value()->setCallTimeout(o.agentCallTimeoutMs);
    client.value()->setDryRun(o.service.dryRun);
    return client;
}

Result<void> enterNamespace(const ClientOptions &o)
{
    if (o.service.netns.isEmpty())
        return {};
    return enterNetworkNamespace(o.service.netns);
}

} // namespace

Result<std::unique_ptr<PolicyClient>> ClientFactory::open(const ClientOptions &options)
{
    if (options.backend != ClientOptions::Backend::InProcess) {
        auto agent = connectAgent(options, 5000);
        if (agent) {
            // Root also enters the namespace, so that what this process looks up itself (the
            // local addresses "me" stands for, in netdiag) is the agent's view too.
            if (::geteuid() == 0)
                (void)enterNamespace(options);
            return std::unique_ptr<PolicyClient>(std::move(agent.value()));
        }
        if (options.backend == ClientOptions::Backend::Agent
            || agent.error().code == ErrorCode::Conflict)
            return agent.error();
    }
    if (auto ok = enterNamespace(options); !ok)
        return ok.error();
    auto service = PolicyService::open(options.service);
    if (!service)
        return service.error();
    return std::unique_ptr<PolicyClient>(std::move(service.value()));
}

Result<ServiceReport> ClientFactory::emergencyUnassign(const ClientOptions &options,
                                                       int agentTimeoutMs)
{
    QString agentProblem;
    if (options.backend != ClientOptions::Backend::InProcess) {
        // The emergency removes what either backend holds: the agent's backend never matters.
        auto agent = connectAgent(options, agentTimeoutMs, true);
        if (agent) {
            auto report = agent.value()->emergencyUnassign(agentTimeoutMs);
            // A refusal is an answer; only silence (or a vanished agent) means "do it here".
            if (report || report.error().code != ErrorCode::Kernel)
                return report;
            agentProblem = report.error().message;
        } else if (options.backend == ClientOptions::Backend::Agent) {
            return agent.error();
        } else if (agent.error().code == ErrorCode::Kernel) {
            agentProblem = agent.error().message;
        }
    }
    if (auto ok = enterNamespace(options); !ok)
        return ok.error();
    auto report = PolicyService::emergencyUnassign(options.service);
    if (report && !agentProblem.isEmpty())
        report->notices.prepend(
            tr("The policy agent did not answer (%1); done in this process instead.")
                .arg(agentProblem));
    return report;
}

Result<ServiceReport> ClientFactory::reassign(const ClientOptions &options,
                                              const ChangeOptions &change)
{
    if (options.backend != ClientOptions::Backend::InProcess) {
        auto agent = connectAgent(options, 5000);
        if (agent) {
            agent.value()->setChangeOptions(change);
            return agent.value()->reassign();
        }
        if (options.backend == ClientOptions::Backend::Agent
            || agent.error().code == ErrorCode::Conflict)
            return agent.error();
    }
    if (auto ok = enterNamespace(options); !ok)
        return ok.error();
    return PolicyService::reassign(options.service, change);
}

} // namespace ipsec
