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
#include <QScopeGuard>

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
    // Rules tab: every change is made at once (as in the snap-in) and shown again.
    const auto refresh = [this, dialog] {
        if (auto now = m_service.load())
            dialog->setRules(now.value());
    };
    connect(&m_editor, &ObjectEditor::message, dialog, refresh);
    connect(dialog, &PolicyDialog::ruleActiveChanged, this,
            [this, refresh](qint64 ruleId, bool active) {
                auto now = m_service.load();
                if (const Rule *r = now ? now->rule(ruleId) : nullptr) {
                    Rule edited = *r;
                    edited.active = active;
                    m_editor.updateRule(edited);
                }
                refresh();
            });
    connect(dialog, &PolicyDialog::editRuleRequested, this, [this, dialog](qint64 ruleId) {
        auto now = m_service.load();
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
                auto now = m_service.load();
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
        const Policy policy = wizard->policy();
        const bool response = wizard->activateDefaultResponseRule();
        m_editor.beginStep(tr("Create policy %1").arg(policy.name));
        if (m_editor.createPolicy(policy) && !response) {
            if (auto now = m_service.load(); now && now->policyByName(policy.name)) {
                for (const Rule *r : now->rulesOf(now->policyByName(policy.name)->id)) {
                    if (r->defaultResponse && r->active) {
                        Rule off = *r;
                        off.active = false;
                        m_editor.updateRule(off);
                    }
                }
            }
        }
        m_editor.endStep();
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
    auto db = m_service.load();
    if (!db) {
        Q_EMIT error(db.error().message);
        return;
    }
    auto *wizard = new SecurityRuleWizard(db.value(), policyId, parent ? parent : m_dialogParent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        Rule rule = wizard->rule();
        // Objects made inside the wizard get their ids from the store, found by their names.
        const auto idOf = [this](const QString &name, bool list) -> qint64 {
            auto now = m_service.load();
            if (!now)
                return 0;
            if (list)
                return now->filterListByName(name) ? now->filterListByName(name)->id : 0;
            return now->filterActionByName(name) ? now->filterActionByName(name)->id : 0;
        };
        // The list, the action and the rule made in the wizard are one undo step.
        m_editor.beginStep(tr("Create rule %1").arg(rule.name));
        const auto done = qScopeGuard([this] { m_editor.endStep(); });
        if (const auto list = wizard->newFilterList()) {
            if (!m_editor.createFilterList(*list))
                return;
            rule.filterListId = idOf(list->name, true);
        }
        if (const auto action = wizard->newFilterAction()) {
            if (!m_editor.createFilterAction(*action))
                return;
            rule.filterActionId = idOf(action->name, false);
        }
        m_editor.createRule(rule);
    });
    wizard->show();
}

} // namespace ipsec::ui
