#pragma once

#include "model/PolicyDatabase.h"

#include <QWizard>

#include <optional>

namespace ipsec::ui {

class RuleFilterActionPage;
class RuleFilterListPage;
class TextChoicePage;

// The snap-in's Security Rule Wizard: tunnel endpoint, network type, IP filter list, filter
// action and (for Negotiate only) the authentication method. Builds a Rule for policyId. When
// the user made a new filter list or action, the caller creates it first
// (PolicyClient::createFilterList / createFilterAction) and puts its id into the rule before
// PolicyClient::createRule().
class SecurityRuleWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        Page_Tunnel,
        Page_NetworkType,
        Page_FilterList,
        Page_FilterAction,
        Page_Authentication,
        Page_Completing,
    };

    SecurityRuleWizard(const PolicyDatabase &database, qint64 policyId, QWidget *parent = nullptr);

    // filterListId / filterActionId are 0 where newFilterList() / newFilterAction() are set.
    Rule rule() const;
    std::optional<FilterList> newFilterList() const;
    std::optional<FilterAction> newFilterAction() const;
    int nextId() const override;

    // The pages, for the tests (they stand in for the nested wizards).
    RuleFilterListPage *filterListPage() const { return m_lists; }
    RuleFilterActionPage *filterActionPage() const { return m_actions; }

private:
    qint64 m_policyId = 0;
    TextChoicePage *m_tunnel = nullptr;
    RuleFilterListPage *m_lists = nullptr;
    RuleFilterActionPage *m_actions = nullptr;
    TextChoicePage *m_auth = nullptr;
};

} // namespace ipsec::ui
