#pragma once

// A PolicyClient that forwards to a real one and fails chosen calls, so that tests can make the
// second step of a change fail (and its taking back too) without a broken store or kernel, or
// that reports a chosen kernel state.

#include "service/PolicyClient.h"

namespace UiTestSupport {

class FailingClient : public ipsec::PolicyClient {
public:
    explicit FailingClient(ipsec::PolicyClient &inner)
        : m_inner(inner)
    {
        connect(&inner, &PolicyClient::changed, this, &PolicyClient::changed);
        connect(&inner, &PolicyClient::dynamicFiltersChanged, this,
                &PolicyClient::dynamicFiltersChanged);
    }

    // The Nth executeStatic() call from now fails (1: the next one; 0: none).
    int failStaticAt = 0;
    // Deleting rules, policies, filter lists and actions fails (taking a change back).
    bool failDeletes = false;
    // updateRule() fails.
    bool failRuleUpdates = false;
    // What kernelView() reports instead of asking (and the client then says it enforces).
    std::optional<ipsec::KernelView> kernel;

    using Report = ipsec::Result<ipsec::ServiceReport>;

    Backend backend() const override { return m_inner.backend(); }
    QString storePath() const override { return m_inner.storePath(); }
    QString netns() const override { return m_inner.netns(); }
    bool isEnforcing() const override { return kernel || m_inner.isEnforcing(); }
    bool ikeExemption() const override { return m_inner.ikeExemption(); }
    ipsec::Result<ipsec::PolicyDatabase> load() const override { return m_inner.load(); }
    void setWatchInterval(int intervalMs) override { m_inner.setWatchInterval(intervalMs); }

    Report executeStatic(const ipsec::syntax::IpsecCmdCommand &command) override
    {
        if (failStaticAt > 0 && --failStaticAt == 0)
            return refused();
        return m_inner.executeStatic(command);
    }
    Report executeDynamic(const ipsec::syntax::IpsecCmdCommand &command) override
    {
        return m_inner.executeDynamic(command);
    }
    Report executeNetsh(const QString &script, const QString &origin,
                        ipsec::ScriptMode mode) override
    {
        return m_inner.executeNetsh(script, origin, mode);
    }
    Report assignPolicy(const QString &name) override { return m_inner.assignPolicy(name); }
    Report unassignPolicy(const QString &name) override { return m_inner.unassignPolicy(name); }
    Report deletePolicy(const QString &name) override
    {
        return failDeletes ? refused() : m_inner.deletePolicy(name);
    }
    Report createPolicy(ipsec::Policy &policy) override { return m_inner.createPolicy(policy); }
    Report updatePolicy(const ipsec::Policy &policy) override
    {
        return m_inner.updatePolicy(policy);
    }
    Report deletePolicy(qint64 policyId) override
    {
        return failDeletes ? refused() : m_inner.deletePolicy(policyId);
    }
    Report createRule(ipsec::Rule &rule) override { return m_inner.createRule(rule); }
    Report updateRule(const ipsec::Rule &rule) override
    {
        return failRuleUpdates ? refused() : m_inner.updateRule(rule);
    }
    Report deleteRule(qint64 ruleId) override
    {
        return failDeletes ? refused() : m_inner.deleteRule(ruleId);
    }
    Report createFilterList(ipsec::FilterList &list) override
    {
        return m_inner.createFilterList(list);
    }
    Report updateFilterList(const ipsec::FilterList &list) override
    {
        return m_inner.updateFilterList(list);
    }
    Report deleteFilterList(qint64 listId) override
    {
        return failDeletes ? refused() : m_inner.deleteFilterList(listId);
    }
    Report createFilterAction(ipsec::FilterAction &action) override
    {
        return m_inner.createFilterAction(action);
    }
    Report updateFilterAction(const ipsec::FilterAction &action) override
    {
        return m_inner.updateFilterAction(action);
    }
    Report deleteFilterAction(qint64 actionId) override
    {
        return failDeletes ? refused() : m_inner.deleteFilterAction(actionId);
    }
    Report addDynamicFilters(const QList<ipsec::engine::DynamicFilter> &f) override
    {
        return m_inner.addDynamicFilters(f);
    }
    Report clearDynamicFilters() override { return m_inner.clearDynamicFilters(); }
    ipsec::Result<QList<ipsec::engine::DynamicFilter>> dynamicFilters() const override
    {
        return m_inner.dynamicFilters();
    }
    Report enforce() override { return m_inner.enforce(); }
    ipsec::Result<ipsec::KernelView> kernelView() override
    {
        return kernel ? ipsec::Result<ipsec::KernelView>(*kernel) : m_inner.kernelView();
    }
    ipsec::Result<QJsonObject> exportSnapshot(const QString &policyName) override
    {
        return m_inner.exportSnapshot(policyName);
    }
    Report importSnapshot(const QByteArray &document, const ipsec::ImportOptions &options) override
    {
        return m_inner.importSnapshot(document, options);
    }
    Report emergencyUnassign() override { return m_inner.emergencyUnassign(); }
    Report reassign() override { return m_inner.reassign(); }
    Report confirm() override { return m_inner.confirm(); }
    std::optional<ipsec::PendingConfirmation> pendingConfirmation() const override
    {
        return m_inner.pendingConfirmation();
    }

private:
    static Report refused() { return ipsec::Error::store(QStringLiteral("injected failure")); }

    ipsec::PolicyClient &m_inner;
};

} // namespace UiTestSupport
