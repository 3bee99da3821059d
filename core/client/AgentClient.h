#pragma once

#include "client/AgentProtocol.h"
#include "service/PolicyClient.h"

#include <QDBusConnection>
#include <QVariantList>

#include <memory>

namespace ipsec {

class AgentInterface;

// PolicyClient over D-Bus: every operation is one call to ipsec-policyd, which authorizes it
// and runs it on its PolicyService. Errors come back with their ipsec::ErrorCode (so exit codes
// stay the same); the agent's signals come out as PolicyClient signals. Nothing about the
// policy is cached: every read asks the agent.
class AgentClient : public PolicyClient {
    Q_OBJECT
public:
    // What the agent says about itself (Status()).
    struct Status {
        QString netns;
        QString storePath;
        qint64 revision = 0;
        bool enforcing = false;
        bool ikeExemption = true;
        QString version;
        QString kernelBackend; // "nft" or "xfrm"; empty from an agent that does not say
        std::optional<PendingConfirmation> pending;
    };

    // Connects to the agent on `connection`; fails when nobody owns its name or it does not
    // answer Status() within statusTimeoutMs.
    static Result<std::unique_ptr<AgentClient>> open(const QDBusConnection &connection,
                                                     int statusTimeoutMs = 5000);
    ~AgentClient() override;

    const Status &status() const { return m_status; }
    Result<Status> fetchStatus(int timeoutMs) const;
    // Milliseconds a change may take (polkit may ask for a password meanwhile).
    void setCallTimeout(int ms) { m_timeoutMs = ms; }
    // Changes are computed and reported, not applied (--dry-run).
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }

    Backend backend() const override { return Backend::Agent; }
    QString storePath() const override { return m_status.storePath; }
    QString netns() const override { return m_status.netns; }
    bool isEnforcing() const override { return m_status.enforcing; }
    bool ikeExemption() const override { return m_status.ikeExemption; }
    Result<PolicyDatabase> load() const override;
    // The agent watches the store itself and signals every change; nothing to set here.
    void setWatchInterval(int) override {}

    Result<ServiceReport> executeStatic(const syntax::IpsecCmdCommand &command) override;
    Result<ServiceReport> executeDynamic(const syntax::IpsecCmdCommand &command) override;
    Result<ServiceReport> executeNetsh(const QString &script, const QString &origin,
                                       ScriptMode mode = ScriptMode::Atomic) override;
    Result<ServiceReport> assignPolicy(const QString &name) override;
    Result<ServiceReport> unassignPolicy(const QString &name = {}) override;
    Result<ServiceReport> deletePolicy(const QString &name) override;
    Result<ServiceReport> createPolicy(Policy &policy) override;
    Result<ServiceReport> updatePolicy(const Policy &policy) override;
    Result<ServiceReport> deletePolicy(qint64 policyId) override;
    Result<ServiceReport> createRule(Rule &rule) override;
    Result<ServiceReport> updateRule(const Rule &rule) override;
    Result<ServiceReport> deleteRule(qint64 ruleId) override;
    Result<ServiceReport> createFilterList(FilterList &list) override;
    Result<ServiceReport> updateFilterList(const FilterList &list) override;
    Result<ServiceReport> deleteFilterList(qint64 listId) override;
    Result<ServiceReport> createFilterAction(FilterAction &action) override;
    Result<ServiceReport> updateFilterAction(const FilterAction &action) override;
    Result<ServiceReport> deleteFilterAction(qint64 actionId) override;
    Result<ServiceReport> addDynamicFilters(const QList<engine::DynamicFilter> &f) override;
    Result<ServiceReport> clearDynamicFilters() override;
    Result<QList<engine::DynamicFilter>> dynamicFilters() const override;
    Result<engine::DynamicIke> dynamicIke() const override;
    Result<ServiceReport> enforce() override;
    Result<ServiceReport> refreshPolicy() override;
    Result<KernelView> kernelView() override;
    Result<QJsonObject> exportSnapshot(const QString &policyName = {}) override;
    Result<ServiceReport> importSnapshot(const QByteArray &document,
                                         const ImportOptions &options) override;
    Result<ServiceReport> emergencyUnassign() override;
    Result<ServiceReport> reassign() override;
    Result<ServiceReport> confirm() override;
    std::optional<PendingConfirmation> pendingConfirmation() const override;

    // Emergency unassign with its own (short) timeout: the caller falls back to doing it
    // in-process when the agent hangs.
    Result<ServiceReport> emergencyUnassign(int timeoutMs);

private:
    AgentClient(const QDBusConnection &connection, Status status);
    Result<QDBusMessage> call(const QString &method, const QVariantList &args,
                              int timeoutMs = -1) const;
    template <typename T>
    Result<T> read(const QString &method, const QVariantList &args = {}) const;
    // A change: the caller's ChangeOptions go along as the last argument.
    Result<ServiceReport> change(const QString &method, QVariantList args, int timeoutMs = -1);
    template <typename T>
    Result<ServiceReport> create(const QString &method, T &object);
    QVariant options() const;

    // The agent's socket for Status and EmergencyUnassign, connected when first needed.
    std::optional<QDBusConnection> peerConnection() const;

    QDBusConnection m_connection;
    mutable std::optional<QDBusConnection> m_peer;
    std::unique_ptr<AgentInterface> m_interface;
    Status m_status;
    int m_timeoutMs = 120'000;
    bool m_dryRun = false;
};

} // namespace ipsec
