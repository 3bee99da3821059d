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
class ObjectEditor : public QObject {
    Q_OBJECT
public:
    ObjectEditor(PolicyClient &service, QUndoStack *undoStack, QWidget *dialogParent);

    bool assign(qint64 policyId);
    bool unassign();
    // Asks first (MessageBox seam), then deletes.
    bool remove(const ObjectRef &object);

    bool createPolicy(const Policy &policy);
    bool updatePolicy(const Policy &policy);
    bool createRule(const Rule &rule);
    bool updateRule(const Rule &rule);
    bool createFilterList(const FilterList &list);
    bool updateFilterList(const FilterList &list);
    bool createFilterAction(const FilterAction &action);
    bool updateFilterAction(const FilterAction &action);

Q_SIGNALS:
    void message(const QString &text);
    void error(const QString &text);

private:
    using Operation = std::function<Result<ServiceReport>()>;
    bool execute(const QString &text, const Operation &redo, const Operation &undo);
    bool deletePolicy(const Policy &policy, const PolicyDatabase &db);
    bool deleteFilter(const FilterList &list, int index);

    PolicyClient &m_service;
    QUndoStack *m_undoStack = nullptr;
    QWidget *m_dialogParent = nullptr;
};

} // namespace ipsec::ui
