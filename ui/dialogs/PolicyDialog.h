#pragma once

#include "model/Policy.h"
#include "model/PolicyDatabase.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace ipsec::ui {

// Policy properties as in the snap-in. Rules tab (stored policies): the rules with their
// active check boxes, Add / Edit / Remove and "Use Add Wizard"; each of those is a change of its
// own, made at once by whoever listens to the signals (setRules() then shows the result).
// General tab: name, description, polling interval and the key exchange settings
// (KeyExchangeDialog), applied on OK.
class PolicyDialog : public QDialog {
    Q_OBJECT
public:
    explicit PolicyDialog(const Policy &policy, QWidget *parent = nullptr);
    Policy policy() const;
    void accept() override; // refuses (and says why) while the values are invalid
    void setRules(const PolicyDatabase &db);
    // The rule of the current row, 0 for none.
    qint64 currentRuleId() const;

Q_SIGNALS:
    void ruleActiveChanged(qint64 ruleId, bool active);
    void addRuleRequested(bool useWizard);
    void editRuleRequested(qint64 ruleId);
    void removeRuleRequested(qint64 ruleId);

private:
    QWidget *rulesTab();
    void editKeyExchange();
    void showKeyExchange();

    Policy m_policy;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QSpinBox *m_polling = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_keyExchangeSummary = nullptr;
    QTableWidget *m_rules = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_useWizard = nullptr;
    bool m_filling = false;
};

} // namespace ipsec::ui
