#pragma once

#include "ObjectRef.h"

#include <QObject>

class QDialog;
class QWidget;

#include "util/Result.h"

namespace ipsec {
class PolicyClient;
struct Policy;
struct PolicyDatabase;
} // namespace ipsec

namespace ipsec::ui {

class ObjectEditor;

// Opens the properties dialog of an object, or of a new one, without blocking (QDialog::open);
// OK hands the edited value to the ObjectEditor, which makes it an undoable change.
class PropertiesController : public QObject {
    Q_OBJECT
public:
    PropertiesController(PolicyClient &service, ObjectEditor &editor, QWidget *dialogParent);

    // DB: what the window shows; used instead of asking the service when OFFTHREAD (the agent).
    void setDatabase(const PolicyDatabase *db, bool offThread)
    {
        m_db = db;
        m_offThread = offThread;
    }

    void showProperties(const ObjectRef &object);
    void newPolicy();
    void newFilterList();
    void newFilterAction();
    // The Security Rule wizard for a policy; a list or action made in it is created first.
    // PARENT: the window the wizard belongs to (the main window when null).
    void newRule(qint64 policyId, QWidget *parent = nullptr);

    // The window read the store again: open dialogs show it.
    void databaseUpdated() { Q_EMIT databaseReloaded(); }

Q_SIGNALS:
    void error(const QString &text);
    void databaseReloaded();

private:
    template <typename Dialog, typename Apply>
    void open(Dialog *dialog, Apply apply);
    void showPolicyProperties(const Policy &policy, const PolicyDatabase &db);

    PolicyClient &m_service;
    ObjectEditor &m_editor;
    QWidget *m_dialogParent = nullptr;
    const PolicyDatabase *m_db = nullptr;
    bool m_offThread = false;
    Result<PolicyDatabase> current() const;
};

} // namespace ipsec::ui
