#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace ipsec::ui {

class BlockPortWizard;
struct BlockPortPlan;

// Completing page: the equivalent ipseccmd command lines, and what went wrong on Finish.
class BlockPortSummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BlockPortSummaryPage(BlockPortWizard &wizard);
    void initializePage() override;
    // Incomplete while the change would stop enforcing the assigned policy and the user has
    // not said so.
    bool isComplete() const override;
    void showError(const QString &error);

private:
    void describeAssignment(const BlockPortPlan &plan);

    BlockPortWizard &m_wizard;
    QLabel *m_summary = nullptr;
    QLabel *m_assignment = nullptr;
    QCheckBox *m_replace = nullptr;
    QPlainTextEdit *m_commands = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
