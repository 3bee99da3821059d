#include "wizards/BlockPortSummaryPage.h"

#include "wizards/BlockPortWizard.h"
#include "wizards/WizardSupport.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

BlockPortSummaryPage::BlockPortSummaryPage(BlockPortWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_commands(new QPlainTextEdit(this))
    , m_error(makeErrorLabel(u"commitError"_s, this))
{
    setTitle(tr("Completing the Block a Port Wizard"));
    setSubTitle(tr("Finish runs these commands; you can also copy them into a script."));
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    m_commands->setObjectName(u"commandLineView"_s);
    m_commands->setReadOnly(true);
    m_commands->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_commands, 1);
    layout->addWidget(m_error);
}

void BlockPortSummaryPage::initializePage()
{
    const BlockPortPlan plan = m_wizard.plan();
    const auto commands = plan.commands();
    if (plan.staticMode) {
        m_summary->setText(tr("%n rule(s) will be added to policy \"%1\"; each with %2 filter(s).",
                              nullptr, int(commands.size()))
                               .arg(plan.policyName)
                               .arg(commands.isEmpty() ? 0 : commands.first().filters.size()));
    } else {
        m_summary->setText(tr("Dynamic filters block the traffic at once; they are lost when the "
                              "policy agent restarts."));
    }
    m_commands->setPlainText(m_wizard.commandLines().join(u'\n'));
    m_error->clear();
}

void BlockPortSummaryPage::showError(const QString &error)
{
    m_error->setText(error);
}

} // namespace ipsec::ui
