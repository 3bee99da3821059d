#include "wizards/BlockPortPolicyPage.h"

#include "service/PolicyClient.h"
#include "wizards/BlockPortWizard.h"
#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

BlockPortPolicyPage::BlockPortPolicyPage(BlockPortWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_new(makeRadio(tr("Ne&w policy named:"), u"policyNew"_s, this))
    , m_name(new QLineEdit(this))
    , m_existing(makeRadio(tr("Add the rules to an &existing policy:"), u"policyExisting"_s, this))
    , m_policies(new QComboBox(this))
    , m_assign(new QCheckBox(tr("&Assign the policy now"), this))
    , m_error(makeErrorLabel(u"policyError"_s, this))
{
    setTitle(tr("IP Security Policy"));
    setSubTitle(tr("Choose the policy that receives the blocking rules."));
    m_name->setObjectName(u"policyNameEdit"_s);
    m_policies->setObjectName(u"existingPolicyCombo"_s);
    m_assign->setObjectName(u"assignCheck"_s);
    m_new->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_new);
    group->addButton(m_existing);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_new);
    layout->addWidget(m_name);
    layout->addWidget(m_existing);
    layout->addWidget(m_policies);
    layout->addSpacing(12);
    layout->addWidget(m_assign);
    layout->addWidget(m_error);
    layout->addStretch();
    registerField(u"policyNew"_s, m_new);
    registerField(u"policyName"_s, m_name);
    registerField(u"policyExisting"_s, m_existing);
    // The item's data is the policy's name; its text may say "(assigned)".
    registerField(u"existingPolicy"_s, m_policies, "currentData");
    registerField(u"assignNow"_s, m_assign);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameEdited = true;
        m_new->setChecked(true);
    });
    connect(m_name, &QLineEdit::textChanged, this, &BlockPortPolicyPage::updateState);
    connect(m_new, &QRadioButton::toggled, this, &BlockPortPolicyPage::updateState);
    connect(m_policies, &QComboBox::currentIndexChanged, this, &BlockPortPolicyPage::updateState);
}

void BlockPortPolicyPage::initializePage()
{
    const bool firstVisit = m_policies->count() == 0;
    const QString current = m_policies->currentData().toString();
    m_policies->clear();
    QString assigned;
    if (auto db = m_wizard.database()) {
        for (const Policy &p : db->policies) {
            m_policies->addItem(p.assigned ? tr("%1 (assigned)").arg(p.name) : p.name, p.name);
            if (p.assigned)
                assigned = p.name;
        }
    }
    // The first time, the assigned policy is the default: the rules are enforced at once and
    // nothing else stops being enforced.
    const QString wanted = firstVisit ? assigned : current;
    m_policies->setCurrentIndex(std::max(0, m_policies->findData(wanted)));
    m_existing->setEnabled(m_policies->count() > 0);
    m_policies->setEnabled(m_policies->count() > 0);
    if (firstVisit && !assigned.isEmpty())
        m_existing->setChecked(true);
    if (!m_nameEdited)
        m_name->setText(m_wizard.plan().defaultPolicyName());
    updateState();
}

QString BlockPortPolicyPage::problem() const
{
    if (m_existing->isChecked())
        return m_policies->currentIndex() < 0 ? tr("Choose a policy.") : QString();
    Policy policy;
    policy.name = m_name->text();
    if (const QStringList problems = policy.validate(); !problems.isEmpty())
        return problems.join(u' ');
    // The command line would add to a policy of that name; the wizard says so instead.
    if (m_policies->findData(policy.name, Qt::UserRole, Qt::MatchFixedString) >= 0) {
        return tr("A policy named \"%1\" exists already; choose it as an existing policy or "
                  "enter another name.")
            .arg(policy.name);
    }
    return {};
}

bool BlockPortPolicyPage::isComplete() const
{
    return problem().isEmpty();
}

void BlockPortPolicyPage::updateState()
{
    // Assigning the policy that is assigned already changes nothing.
    const bool assignedChosen =
        m_existing->isChecked()
        && m_policies->currentText() != m_policies->currentData().toString();
    m_assign->setEnabled(!assignedChosen);
    if (assignedChosen)
        m_assign->setChecked(false);
    m_error->setText(problem());
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
