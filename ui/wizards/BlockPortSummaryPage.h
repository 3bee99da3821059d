#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace ipsec::ui {

class BlockPortWizard;

// Completing page: the equivalent ipseccmd command lines, and what went wrong on Finish.
class BlockPortSummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BlockPortSummaryPage(BlockPortWizard &wizard);
    void initializePage() override;
    void showError(const QString &error);

private:
    BlockPortWizard &m_wizard;
    QLabel *m_summary = nullptr;
    QPlainTextEdit *m_commands = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
