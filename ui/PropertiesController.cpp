#include "PropertiesController.h"

#include "ObjectEditor.h"
#include "dialogs/FilterActionDialog.h"
#include "dialogs/FilterDialog.h"
#include "dialogs/FilterListDialog.h"
#include "dialogs/PolicyDialog.h"
#include "service/PolicyService.h"

#include <QDialog>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

PropertiesController::PropertiesController(PolicyService &service, ObjectEditor &editor,
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
    case Kind::Policy:
    case Kind::Rule: // the rule's own page is not written yet: show its policy
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

} // namespace ipsec::ui
