#pragma once

#include "ObjectRef.h"
#include "model/PolicyDatabase.h"
#include "service/PolicyClient.h"

#include <QObject>

#include <functional>

class QUndoStack;
class QWidget;

namespace ipsec::ui {

// Carries out what the user asks for on store objects: each change is one service call wrapped
// in an undoable command. Holds no business rules; the service validates and refuses.
class ServiceWorker;

class ObjectEditor : public QObject {
    Q_OBJECT
public:
    ObjectEditor(PolicyClient &service, QUndoStack *undoStack, QWidget *dialogParent);

    // Changes (and their undo/redo) go through WORKER, off the GUI thread when it can.
    void setWorker(ServiceWorker *worker) { m_worker = worker; }
    // What the window shows: objects are looked up there instead of asking the service again
    // (which may hang). Null: ask the service.
    void setDatabase(const PolicyDatabase *db) { m_db = db; }

    bool assign(qint64 policyId);
    bool unassign();
    // Asks first (MessageBox seam), then deletes.
    bool remove(const ObjectRef &object);

    using Operation = std::function<Result<ServiceReport>()>;
    // One part of a change made of several service calls, and how to take it back.
    struct Step {
        Operation redo;
        Operation undo;
    };
    // Several changes that the user sees as one (a wizard's Finish), run in order as one job:
    // all or none. When one fails, those before it are taken back and no undo step is left;
    // what cannot be taken back stays as one undo step.
    bool executeSteps(const QString &text, const QList<Step> &steps);

    // A new name for a policy, rule, filter list or action (one undo step).
    bool rename(const ObjectRef &object, const QString &name);

    bool createPolicy(const Policy &policy);
    bool updatePolicy(const Policy &policy);
    bool createRule(const Rule &rule);
    bool updateRule(const Rule &rule);
    bool createFilterList(const FilterList &list);
    bool updateFilterList(const FilterList &list);
    bool createFilterAction(const FilterAction &action);
    bool updateFilterAction(const FilterAction &action);

    // A change already made elsewhere (a wizard's commands) becomes one undo step.
    void recordDone(const QString &text, const Operation &redo, const Operation &undo);

Q_SIGNALS:
    void message(const QString &text);
    void error(const QString &text);
    // A change (or its undo/redo) went through: what the window shows is behind.
    void changed();

private:
    // STAYED (optional): after a failure, whether a part of the change stayed (one undo step).
    using Stayed = std::function<bool()>;
    bool execute(const QString &text, const Operation &redo, const Operation &undo,
                 const Stayed &stayed = {});
    bool finishOrRetry(const QString &text, const Result<ServiceReport> &report,
                       const Operation &redo, const Operation &undo, const Stayed &stayed);
    bool finishChange(const QString &text, const Result<ServiceReport> &report,
                      const Operation &redo, const Operation &undo, const Stayed &stayed);
    bool deletePolicy(const Policy &policy, const PolicyDatabase &db);
    bool deleteFilter(const FilterList &list, int index);

    Result<PolicyDatabase> current() const;

    PolicyClient &m_service;
    ServiceWorker *m_worker = nullptr;
    const PolicyDatabase *m_db = nullptr;
    QUndoStack *m_undoStack = nullptr;
    QWidget *m_dialogParent = nullptr;
};

} // namespace ipsec::ui
