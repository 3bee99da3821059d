#include "ObjectEditor.h"

#include "ApplyAnyway.h"
#include "MessageBox.h"
#include "ServiceWorker.h"
#include "commands/ServiceCommand.h"
#include "models/DisplayText.h"
#include "service/SshGuard.h"

#include <QPointer>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

// Runs the steps in order; the first failure stops and is returned.
Result<ServiceReport> chain(const QList<std::function<Result<ServiceReport>()>> &steps)
{
    ServiceReport all;
    for (const auto &step : steps) {
        auto r = step();
        if (!r)
            return r.error();
        all.messages << r->messages;
        all.notices << r->notices;
    }
    return all;
}

} // namespace

ObjectEditor::ObjectEditor(PolicyClient &service, QUndoStack *undoStack, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_service(service)
    , m_undoStack(undoStack)
    , m_dialogParent(dialogParent)
{
    setObjectName(u"objectEditor"_s);
}

// Through the agent, what the window shows (a read could hang as long as the agent does);
// in-process the store itself, which is cheap and never behind.
Result<PolicyDatabase> ObjectEditor::current() const
{
    if (m_db && m_worker && m_worker->runsOffThread())
        return *m_db;
    return m_service.load();
}

// The change runs through the worker (off the GUI thread with the agent); its result comes
// back here. In-process it is done when this returns, and the return value says how it went;
// through the agent it says the change was started.
bool ObjectEditor::execute(const QString &text, const Operation &redo, const Operation &undo,
                           const Stayed &stayed)
{
    if (!m_worker) {
        const auto report = ApplyAnyway::run(m_service, m_dialogParent, redo);
        return finishChange(text, report, redo, undo, stayed);
    }
    std::optional<bool> done;
    const bool inline_ = !m_worker->runsOffThread();
    QPointer<ObjectEditor> self(this);
    m_worker->post(
        text,
        [this, self, text, redo, undo, stayed, inline_, &done]() -> ServiceWorker::Continuation {
            const auto report = redo();
            return [this, self, text, redo, undo, stayed, report, inline_, &done] {
                if (!self)
                    return;
                const bool ok = finishOrRetry(text, report, redo, undo, stayed);
                if (inline_) // only then is `done` still there
                    done = ok;
            };
        });
    return done.value_or(true);
}

// An SSH refusal is asked about here, on the GUI thread; the forced retry goes through the
// worker too.
bool ObjectEditor::finishOrRetry(const QString &text, const Result<ServiceReport> &report,
                                 const Operation &redo, const Operation &undo, const Stayed &stayed)
{
    const ChangeOptions options = m_service.changeOptions();
    if (report || options.force || !SshGuard::isRefusal(report.error(), options.sshConnection)
        || (stayed && stayed()))
        return finishChange(text, report, redo, undo, stayed);
    if (!MessageBox::warningWithAction(m_dialogParent, tr("Your SSH Connection"),
                                       report.error().message, tr("&Apply Anyway")))
        return finishChange(text, report, redo, undo, stayed);
    const Operation forced = [this, redo] {
        const ChangeOptions before = m_service.changeOptions();
        ChangeOptions o = before;
        o.force = true;
        m_service.setChangeOptions(o);
        auto r = redo();
        m_service.setChangeOptions(before);
        return r;
    };
    return execute(text, forced, undo, stayed);
}

bool ObjectEditor::finishChange(const QString &text, const Result<ServiceReport> &report,
                                const Operation &redo, const Operation &undo, const Stayed &stayed)
{
    if (!report) {
        Q_EMIT error(report.error().message);
        if (!stayed || !stayed())
            return false; // nothing changed: no undo step
        // A part stayed that could not be taken back: it is one undo step, as if done.
        auto *command =
            new ServiceCommand(text, redo, undo, [this](const QString &e) { Q_EMIT error(e); });
        command->setWorker(m_worker);
        m_undoStack->push(command);
        Q_EMIT changed();
        return false;
    }
    Q_EMIT message((report->messages + report->notices).join(u' '));
    auto *command =
        new ServiceCommand(text, redo, undo, [this](const QString &e) { Q_EMIT error(e); });
    command->setWorker(m_worker);
    m_undoStack->push(command);
    Q_EMIT changed();
    return true;
}

void ObjectEditor::recordDone(const QString &text, const Operation &redo, const Operation &undo)
{
    auto *command =
        new ServiceCommand(text, redo, undo, [this](const QString &e) { Q_EMIT error(e); });
    command->setWorker(m_worker);
    m_undoStack->push(command);
}

bool ObjectEditor::assign(qint64 policyId)
{
    const auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return false;
    }
    const Policy *policy = db->policy(policyId);
    if (!policy)
        return false;
    const Policy *previous = db->assignedPolicy();
    const QString name = policy->name;
    const QString before = previous ? previous->name : QString();
    return execute(
        tr("Assign %1").arg(name), [this, name] { return m_service.assignPolicy(name); },
        [this, before] {
            return before.isEmpty() ? m_service.unassignPolicy() : m_service.assignPolicy(before);
        });
}

bool ObjectEditor::unassign()
{
    const auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return false;
    }
    const Policy *previous = db->assignedPolicy();
    if (!previous)
        return false;
    const QString name = previous->name;
    return execute(
        tr("Un-assign %1").arg(name), [this] { return m_service.unassignPolicy(); },
        [this, name] { return m_service.assignPolicy(name); });
}

bool ObjectEditor::executeSteps(const QString &text, const QList<Step> &steps)
{
    // How many steps are in effect after the last run (read on the GUI thread after the job).
    auto inEffect = std::make_shared<qsizetype>(0);
    const Operation takeBack = [steps, inEffect]() -> Result<ServiceReport> {
        ServiceReport all;
        while (*inEffect > 0) {
            auto r = steps.at(*inEffect - 1).undo();
            if (!r)
                return r;
            all.messages << r->messages;
            all.notices << r->notices;
            --*inEffect;
        }
        return all;
    };
    const Operation redo = [steps, inEffect, takeBack]() -> Result<ServiceReport> {
        ServiceReport all;
        *inEffect = 0;
        for (const Step &step : steps) {
            auto r = step.redo();
            if (!r) {
                if (auto back = takeBack(); !back)
                    return Error{r.error().code,
                                 tr("%1 What was done before it could not be taken back: %2")
                                     .arg(r.error().message, back.error().message)};
                return r;
            }
            all.messages << r->messages;
            all.notices << r->notices;
            ++*inEffect;
        }
        return all;
    };
    return execute(text, redo, takeBack, [inEffect] { return *inEffect > 0; });
}

bool ObjectEditor::rename(const ObjectRef &object, const QString &name)
{
    const auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return false;
    }
    using Kind = ObjectRef::Kind;
    switch (object.kind) {
    case Kind::Policy:
        if (const Policy *p = db->policy(object.id)) {
            Policy edited = *p;
            edited.name = name;
            return updatePolicy(edited);
        }
        break;
    case Kind::Rule:
        if (const Rule *r = db->rule(object.id)) {
            Rule edited = *r;
            edited.name = name;
            return updateRule(edited);
        }
        break;
    case Kind::FilterList:
        if (const FilterList *l = db->filterList(object.id)) {
            FilterList edited = *l;
            edited.name = name;
            return updateFilterList(edited);
        }
        break;
    case Kind::FilterAction:
        if (const FilterAction *a = db->filterAction(object.id)) {
            FilterAction edited = *a;
            edited.name = name;
            return updateFilterAction(edited);
        }
        break;
    default:
        break;
    }
    return false;
}

bool ObjectEditor::createPolicy(const Policy &policy)
{
    auto state = std::make_shared<Policy>(policy);
    return execute(
        tr("Create policy %1").arg(policy.name),
        [this, state] {
            state->id = 0;
            state->guid = QUuid();
            return m_service.createPolicy(*state);
        },
        [this, state] { return m_service.deletePolicy(state->id); });
}

bool ObjectEditor::updatePolicy(const Policy &policy)
{
    const auto db = current();
    const Policy *old = db ? db->policy(policy.id) : nullptr;
    if (!old) {
        Q_EMIT error(tr("The policy no longer exists."));
        return false;
    }
    const Policy before = *old;
    return execute(
        tr("Edit policy %1").arg(policy.name),
        [this, policy] { return m_service.updatePolicy(policy); },
        [this, before] { return m_service.updatePolicy(before); });
}

bool ObjectEditor::createRule(const Rule &rule)
{
    auto state = std::make_shared<Rule>(rule);
    return execute(
        tr("Create rule %1").arg(rule.name),
        [this, state] {
            state->id = 0;
            state->guid = QUuid();
            return m_service.createRule(*state);
        },
        [this, state] { return m_service.deleteRule(state->id); });
}

bool ObjectEditor::updateRule(const Rule &rule)
{
    const auto db = current();
    const Rule *old = db ? db->rule(rule.id) : nullptr;
    if (!old) {
        Q_EMIT error(tr("The rule no longer exists."));
        return false;
    }
    const Rule before = *old;
    return execute(
        tr("Edit rule %1").arg(DisplayText::ruleName(*db, rule)),
        [this, rule] { return m_service.updateRule(rule); },
        [this, before] { return m_service.updateRule(before); });
}

bool ObjectEditor::createFilterList(const FilterList &list)
{
    auto state = std::make_shared<FilterList>(list);
    return execute(
        tr("Create filter list %1").arg(list.name),
        [this, state] {
            state->id = 0;
            state->guid = QUuid();
            return m_service.createFilterList(*state);
        },
        [this, state] { return m_service.deleteFilterList(state->id); });
}

bool ObjectEditor::updateFilterList(const FilterList &list)
{
    const auto db = current();
    const FilterList *old = db ? db->filterList(list.id) : nullptr;
    if (!old) {
        Q_EMIT error(tr("The filter list no longer exists."));
        return false;
    }
    const FilterList before = *old;
    return execute(
        tr("Edit filter list %1").arg(list.name),
        [this, list] { return m_service.updateFilterList(list); },
        [this, before] { return m_service.updateFilterList(before); });
}

bool ObjectEditor::createFilterAction(const FilterAction &action)
{
    auto state = std::make_shared<FilterAction>(action);
    return execute(
        tr("Create filter action %1").arg(action.name),
        [this, state] {
            state->id = 0;
            state->guid = QUuid();
            return m_service.createFilterAction(*state);
        },
        [this, state] { return m_service.deleteFilterAction(state->id); });
}

bool ObjectEditor::updateFilterAction(const FilterAction &action)
{
    const auto db = current();
    const FilterAction *old = db ? db->filterAction(action.id) : nullptr;
    if (!old) {
        Q_EMIT error(tr("The filter action no longer exists."));
        return false;
    }
    const FilterAction before = *old;
    return execute(
        tr("Edit filter action %1").arg(action.name),
        [this, action] { return m_service.updateFilterAction(action); },
        [this, before] { return m_service.updateFilterAction(before); });
}

bool ObjectEditor::remove(const ObjectRef &object)
{
    const auto db = current();
    if (!db) {
        Q_EMIT error(db.error().message);
        return false;
    }
    using Kind = ObjectRef::Kind;
    QString what;
    if (object.kind == Kind::Policy && db->policy(object.id))
        what = tr("the policy %1").arg(db->policy(object.id)->name);
    else if (object.kind == Kind::Rule && db->rule(object.id))
        what = tr("the rule %1").arg(DisplayText::ruleName(*db, *db->rule(object.id)));
    else if (object.kind == Kind::FilterList && db->filterList(object.id))
        what = tr("the filter list %1").arg(db->filterList(object.id)->name);
    else if (object.kind == Kind::FilterAction && db->filterAction(object.id))
        what = tr("the filter action %1").arg(db->filterAction(object.id)->name);
    else if (object.kind == Kind::Filter && db->filterList(object.id)
             && object.filterIndex < db->filterList(object.id)->filters.size())
        what = tr("the filter %1 of %2")
                   .arg(DisplayText::filterSummary(
                            db->filterList(object.id)->filters.at(object.filterIndex)),
                        db->filterList(object.id)->name);
    if (what.isEmpty())
        return false;
    const auto answer =
        MessageBox::question(m_dialogParent, tr("Delete"),
                             tr("Delete %1? You can undo this with Edit ▸ Undo.").arg(what),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;

    switch (object.kind) {
    case Kind::Policy:
        return deletePolicy(*db->policy(object.id), *db);
    case Kind::Rule: {
        auto state = std::make_shared<Rule>(*db->rule(object.id));
        return execute(
            tr("Delete rule %1").arg(DisplayText::ruleName(*db, *db->rule(object.id))),
            [this, state] { return m_service.deleteRule(state->id); },
            [this, state] {
                state->id = 0;
                return m_service.createRule(*state);
            });
    }
    case Kind::FilterList: {
        auto state = std::make_shared<FilterList>(*db->filterList(object.id));
        return execute(
            tr("Delete filter list %1").arg(state->name),
            [this, state] { return m_service.deleteFilterList(state->id); },
            [this, state] {
                state->id = 0;
                return m_service.createFilterList(*state);
            });
    }
    case Kind::FilterAction: {
        auto state = std::make_shared<FilterAction>(*db->filterAction(object.id));
        return execute(
            tr("Delete filter action %1").arg(state->name),
            [this, state] { return m_service.deleteFilterAction(state->id); },
            [this, state] {
                state->id = 0;
                return m_service.createFilterAction(*state);
            });
    }
    case Kind::Filter:
        return deleteFilter(*db->filterList(object.id), object.filterIndex);
    case Kind::None:
        break;
    }
    return false;
}

bool ObjectEditor::deletePolicy(const Policy &policy, const PolicyDatabase &db)
{
    // Undo re-creates the policy (which brings its own default response rule) and its rules.
    auto state = std::make_shared<Policy>(policy);
    auto rules = std::make_shared<QList<Rule>>();
    for (const Rule *r : db.rulesOf(policy.id))
        if (!r->defaultResponse)
            *rules << *r;
    return execute(
        tr("Delete policy %1").arg(policy.name),
        [this, state] { return m_service.deletePolicy(state->id); },
        [this, state, rules] {
            QList<std::function<Result<ServiceReport>()>> steps;
            steps << [this, state] {
                state->id = 0;
                return m_service.createPolicy(*state);
            };
            for (qsizetype i = 0; i < rules->size(); ++i)
                steps << [this, state, rules, i] {
                    Rule &r = (*rules)[i];
                    r.id = 0;
                    r.policyId = state->id;
                    return m_service.createRule(r);
                };
            return chain(steps);
        });
}

bool ObjectEditor::deleteFilter(const FilterList &list, int index)
{
    FilterList edited = list;
    edited.filters.removeAt(index);
    return execute(
        tr("Delete filter"), [this, edited] { return m_service.updateFilterList(edited); },
        [this, list] { return m_service.updateFilterList(list); });
}

} // namespace ipsec::ui
