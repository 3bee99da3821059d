#pragma once

#include "ObjectRef.h"

#include <QObject>

class QDialog;
class QWidget;

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class ObjectEditor;

// Opens the properties dialog of an object, or of a new one, without blocking (QDialog::open);
// OK hands the edited value to the ObjectEditor, which makes it an undoable change.
class PropertiesController : public QObject {
    Q_OBJECT
public:
    PropertiesController(PolicyClient &service, ObjectEditor &editor, QWidget *dialogParent);

    void showProperties(const ObjectRef &object);
    void newPolicy();
    void newFilterList();
    void newFilterAction();
    // The Security Rule wizard for a policy; a list or action made in it is created first.
    void newRule(qint64 policyId);

Q_SIGNALS:
    void error(const QString &text);

private:
    template <typename Dialog, typename Apply>
    void open(Dialog *dialog, Apply apply);

    PolicyClient &m_service;
    ObjectEditor &m_editor;
    QWidget *m_dialogParent = nullptr;
};

} // namespace ipsec::ui
