#include "wizards/BlockPortSummaryPage.h"

#include "service/PolicyClient.h"
#include "wizards/BlockPortWizard.h"
#include "wizards/WizardSupport.h"

#include <QCheckBox>

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

BlockPortSummaryPage::BlockPortSummaryPage(BlockPortWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_summary(new QLabel(this))
    , m_assignment(new QLabel(this))
    , m_replace(new QCheckBox(this))
    , m_commands(new QPlainTextEdit(this))
    , m_error(makeErrorLabel(u"commitError"_s, this))
{
    setTitle(tr("Completing the Block a Port Wizard"));
    setSubTitle(tr("Finish runs these commands; you can also copy them into a script."));
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    m_assignment->setObjectName(u"assignmentLabel"_s);
    m_assignment->setWordWrap(true);
    m_replace->setObjectName(u"replaceAssignedCheck"_s);
    connect(m_replace, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    m_commands->setObjectName(u"commandLineView"_s);
    m_commands->setReadOnly(true);
    m_commands->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_assignment);
    layout->addWidget(m_replace);
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
    describeAssignment(plan);
}

// What happens to enforcement, in words: which policy is enforced after Finish, and which one
// stops being enforced (that needs the user's explicit yes).
void BlockPortSummaryPage::describeAssignment(const BlockPortPlan &plan)
{
    m_replace->setChecked(false);
    m_replace->hide();
    m_assignment->setStyleSheet({});
    const auto db = m_wizard.database();
    const Policy *assigned = db ? db->assignedPolicy() : nullptr;
    if (!plan.staticMode) {
        m_assignment->clear();
    } else if (assigned && assigned->name == plan.policyName) {
        m_assignment->setText(tr("\"%1\" is the assigned policy: the new rules are enforced as "
                                 "soon as you click Finish.")
                                  .arg(assigned->name));
    } else if (assigned && plan.assign) {
        const int rules = int(db->rulesOf(assigned->id).size());
        m_assignment->setText(
            tr("Warning: \"%1\" (%n rule(s)) is the policy enforced now. Finish assigns \"%2\" "
               "instead, and the rules of \"%1\" stop being enforced.",
               nullptr, rules)
                .arg(assigned->name, plan.policyName));
        m_assignment->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
        m_replace->setText(tr("&Stop enforcing \"%1\" and assign \"%2\"")
                               .arg(QString(assigned->name).replace(u'&', u"&&"_s),
                                    QString(plan.policyName).replace(u'&', u"&&"_s)));
        m_replace->show();
    } else if (plan.assign) {
        m_assignment->setText(tr("No policy is assigned now; Finish assigns \"%1\" and its rules "
                                 "are enforced.")
                                  .arg(plan.policyName));
    } else if (assigned) {
        m_assignment->setText(tr("\"%1\" is not assigned: its rules are not enforced. \"%2\" "
                                 "stays the enforced policy.")
                                  .arg(plan.policyName, assigned->name));
    } else {
        m_assignment->setText(tr("\"%1\" is not assigned: its rules are not enforced until you "
                                 "assign it.")
                                  .arg(plan.policyName));
    }
    Q_EMIT completeChanged();
}

bool BlockPortSummaryPage::isComplete() const
{
    return m_replace->isHidden() || m_replace->isChecked();
}

void BlockPortSummaryPage::showError(const QString &error)
{
    m_error->setText(error);
}

} // namespace ipsec::ui
