#include "PropertiesController.h"

#include "wizards/SecurityRuleWizard.h"

#include "ObjectEditor.h"
#include "dialogs/FilterActionDialog.h"
#include "dialogs/FilterDialog.h"
#include "dialogs/FilterListDialog.h"
#include "dialogs/PolicyDialog.h"
#include "dialogs/RuleDialog.h"
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

void PropertiesController::showProperties(const ObjectRef &object)
{
    const auto db = m_service.load();
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
            open(new PolicyDialog(*p, m_dialogParent),
                 [this](PolicyDialog &d) { m_editor.updatePolicy(d.policy()); });
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

void PropertiesController::newPolicy()
{
    open(new PolicyDialog(Policy{}, m_dialogParent),
         [this](PolicyDialog &d) { m_editor.createPolicy(d.policy()); });
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

void PropertiesController::newRule(qint64 policyId)
{
    auto db = m_service.load();
    if (!db) {
        Q_EMIT error(db.error().message);
        return;
    }
    auto *wizard = new SecurityRuleWizard(db.value(), policyId, m_dialogParent);
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
