#pragma once

#include "model/PolicyDatabase.h"

#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QRadioButton;

namespace ipsec::ui {

// Filter Action of the Security Rule Wizard: one of the store's actions, or a new one made
// with the Filter Action Wizard.
class RuleFilterActionPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RuleFilterActionPage(const PolicyDatabase &database, QWidget *parent = nullptr);
    bool isComplete() const override;

    qint64 existingActionId() const;               // 0 when the new action is chosen
    std::optional<FilterAction> newAction() const; // set when the new action is chosen
    void setNewAction(const FilterAction &action); // what the Filter Action Wizard made
    // The type of the chosen action (decides whether authentication is asked for).
    FilterAction::Type chosenType() const;
    QString chosenName() const;

private:
    void openActionWizard();

    PolicyDatabase m_database;
    std::optional<FilterAction> m_newAction;
    QRadioButton *m_existing = nullptr;
    QComboBox *m_actions = nullptr;
    QRadioButton *m_new = nullptr;
    QLabel *m_newLabel = nullptr;
};

} // namespace ipsec::ui
