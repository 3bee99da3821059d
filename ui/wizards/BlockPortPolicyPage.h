#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace ipsec::ui {

class BlockPortWizard;

// Static mode only: the policy that receives the rules (a new one, or one of the store) and
// whether to assign it at once.
class BlockPortPolicyPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BlockPortPolicyPage(BlockPortWizard &wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    QString problem() const;
    void updateState();

    BlockPortWizard &m_wizard;
    QRadioButton *m_new = nullptr;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_existing = nullptr;
    QComboBox *m_policies = nullptr;
    QCheckBox *m_assign = nullptr;
    QLabel *m_error = nullptr;
    bool m_nameEdited = false;
};

} // namespace ipsec::ui
