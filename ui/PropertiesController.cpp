#include "PropertiesController.h"

#include "wizards/IpSecurityPolicyWizard.h"
#include "wizards/SecurityRuleWizard.h"

#include "ObjectEditor.h"
#include "dialogs/FilterActionDialog.h"
#include "dialogs/FilterDialog.h"
#include "dialogs/FilterListDialog.h"
#include "dialogs/PolicyDialog.h"
#include "dialogs/RuleDialog.h"
#include "model/PolicyDatabase.h"
#include "service/PolicyClient.h"

#include <QDialog>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

PropertiesController::PropertiesController(PolicyClient &service, ObjectEditor &editor,
                                           QWidget *dialogParent)
    : QObject(dialogParent)
    , m_service(service)
    , m_editor(editor)
    , m_dialogParent(dialogParent)
{
    setObjectName(u"propertiesController"_s);
}

template <typename Dialog, typename Apply>
void PropertiesController::open(Dialog *dialog, Apply apply)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [dialog, apply] { apply(*dialog); });
    dialog->open();
}

// Through the agent, dialogs open on what the window shows: a read could hang as long as the
// agent does. In-process the store is read (cheap, never behind).
Result<PolicyDatabase> PropertiesController::current() const
{
    if (m_db && m_offThread)
        return *m_db;
    return m_service.load();
}

void PropertiesController::showProperties(const ObjectRef &object)
{
    const auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return;
    }
    using Kind = ObjectRef::Kind;
    switch (object.kind) {
    case Kind::Rule:
        if (const Rule *r = db->rule(object.id)) {
            open(new RuleDialog(*r, db.value(), m_dialogParent),
                 [this](RuleDialog &d) { m_editor.updateRule(d.rule()); });
            break;
        }
        [[fallthrough]];
    case Kind::Policy:
        if (const Policy *p = db->policy(object.policyId))
            showPolicyProperties(*p, db.value());
        break;
    case Kind::FilterList:
        if (const FilterList *l = db->filterList(object.id))
            open(new FilterListDialog(*l, m_dialogParent),
                 [this](FilterListDialog &d) { m_editor.updateFilterList(d.filterList()); });
        break;
    case Kind::FilterAction:
        if (const FilterAction *a = db->filterAction(object.id))
            open(new FilterActionDialog(*a, m_dialogParent), [this](FilterActionDialog &d) {
                if (auto value = d.filterAction())
                    m_editor.updateFilterAction(value.value());
            });
        break;
    case Kind::Filter:
        if (const FilterList *l = db->filterList(object.id);
            l && object.filterIndex >= 0 && object.filterIndex < l->filters.size()) {
            const FilterList list = *l;
            const int index = object.filterIndex;
            open(new FilterDialog(list.filters.at(index), m_dialogParent),
                 [this, list, index](FilterDialog &d) {
                     if (auto f = d.filter()) {
                         FilterList edited = list;
                         edited.filters[index] = f.value();
                         m_editor.updateFilterList(edited);
                     }
                 });
        }
        break;
    case Kind::None:
        break;
    }
}

// The snap-in's way: the IP Security Policy Wizard (name, description, default response rule).
void PropertiesController::showPolicyProperties(const Policy &policy, const PolicyDatabase &db)
{
    auto *dialog = new PolicyDialog(policy, m_dialogParent);
    dialog->setRules(db);
    const qint64 policyId = policy.id;
    // Rules tab: every change is made at once (as in the snap-in) and shown again when the
    // window has read it back.
    const auto refresh = [this, dialog] {
        if (auto now = current())
            dialog->setRules(now.value());
    };
    connect(this, &PropertiesController::databaseReloaded, dialog, refresh);
    connect(dialog, &PolicyDialog::ruleActiveChanged, this,
            [this, refresh](qint64 ruleId, bool active) {
                auto now = current();
                if (const Rule *r = now ? now->rule(ruleId) : nullptr) {
                    Rule edited = *r;
                    edited.active = active;
                    m_editor.updateRule(edited);
                }
                refresh();
            });
    connect(dialog, &PolicyDialog::editRuleRequested, this, [this, dialog](qint64 ruleId) {
        auto now = current();
        if (const Rule *r = now ? now->rule(ruleId) : nullptr)
            open(new RuleDialog(*r, now.value(), dialog),
                 [this](RuleDialog &d) { m_editor.updateRule(d.rule()); });
    });
    connect(dialog, &PolicyDialog::removeRuleRequested, this,
            [this, refresh, policyId](qint64 ruleId) {
                m_editor.remove({ObjectRef::Kind::Rule, ruleId, -1, policyId});
                refresh();
            });
    connect(dialog, &PolicyDialog::addRuleRequested, this,
            [this, dialog, policyId](bool useWizard) {
                if (useWizard) {
                    newRule(policyId, dialog);
                    return;
                }
                auto now = current();
                if (!now)
                    return;
                Rule rule;
                rule.policyId = policyId;
                open(new RuleDialog(rule, now.value(), dialog),
                     [this](RuleDialog &d) { m_editor.createRule(d.rule()); });
            });
    open(dialog, [this](PolicyDialog &d) { m_editor.updatePolicy(d.policy()); });
}

void PropertiesController::newPolicy()
{
    auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return;
    }
    auto *wizard = new IpSecurityPolicyWizard(db.value(), m_dialogParent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        auto policy = std::make_shared<Policy>(wizard->policy());
        PolicyClient *service = &m_service;
        QList<ObjectEditor::Step> steps;
        steps << ObjectEditor::Step{[service, policy] {
                                        policy->id = 0;
                                        policy->guid = QUuid();
                                        return service->createPolicy(*policy);
                                    },
                                    [service, policy] {
                                        return service->deletePolicy(policy->id);
                                    }};
        // The service adds the default response rule, active; the wizard may want it off.
        if (!wizard->activateDefaultResponseRule()) {
            steps << ObjectEditor::Step{[service, policy]() -> Result<ServiceReport> {
                                            auto now = service->load();
                                            if (!now)
                                                return now.error();
                                            ServiceReport all;
                                            for (const Rule *r : now->rulesOf(policy->id)) {
                                                if (r->defaultResponse && r->active) {
                                                    Rule off = *r;
                                                    off.active = false;
                                                    auto done = service->updateRule(off);
                                                    if (!done)
                                                        return done;
                                                    all.messages << done->messages;
                                                }
                                            }
                                            return all;
                                        },
                                        [] {
                                            return Result<ServiceReport>(ServiceReport{});
                                        }}; // goes with the policy
        }
        m_editor.executeSteps(tr("Create policy %1").arg(policy->name), steps);
    });
    wizard->show();
}

void PropertiesController::newFilterList()
{
    open(new FilterListDialog(FilterList{}, m_dialogParent),
         [this](FilterListDialog &d) { m_editor.createFilterList(d.filterList()); });
}

void PropertiesController::newFilterAction()
{
    FilterAction initial;
    initial.type = FilterAction::Type::Block;
    open(new FilterActionDialog(initial, m_dialogParent), [this](FilterActionDialog &d) {
        if (auto value = d.filterAction())
            m_editor.createFilterAction(value.value());
    });
}

void PropertiesController::newRule(qint64 policyId, QWidget *parent)
{
    auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return;
    }
    auto *wizard = new SecurityRuleWizard(db.value(), policyId, parent ? parent : m_dialogParent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        // The list, the action and the rule made in the wizard are one change: all or none,
        // one undo step. The service fills in the ids of what it creates.
        auto rule = std::make_shared<Rule>(wizard->rule());
        std::shared_ptr<FilterList> list;
        std::shared_ptr<FilterAction> action;
        PolicyClient *service = &m_service;
        QList<ObjectEditor::Step> steps;
        if (const auto made = wizard->newFilterList()) {
            list = std::make_shared<FilterList>(*made);
            steps << ObjectEditor::Step{[service, list] {
                                            list->id = 0;
                                            list->guid = QUuid();
                                            return service->createFilterList(*list);
                                        },
                                        [service, list] {
                                            return service->deleteFilterList(list->id);
                                        }};
        }
        if (const auto made = wizard->newFilterAction()) {
            action = std::make_shared<FilterAction>(*made);
            steps << ObjectEditor::Step{[service, action] {
                                            action->id = 0;
                                            action->guid = QUuid();
                                            return service->createFilterAction(*action);
                                        },
                                        [service, action] {
                                            return service->deleteFilterAction(action->id);
                                        }};
        }
        steps << ObjectEditor::Step{[service, rule, list, action] {
                                        rule->id = 0;
                                        rule->guid = QUuid();
                                        if (list)
                                            rule->filterListId = list->id;
                                        if (action)
                                            rule->filterActionId = action->id;
                                        return service->createRule(*rule);
                                    },
                                    [service, rule] {
                                        return service->deleteRule(rule->id);
                                    }};
        m_editor.executeSteps(tr("Create rule %1").arg(rule->name), steps);
    });
    wizard->show();
}

} // namespace ipsec::ui
