#include "wizards/RuleFilterActionPage.h"

#include "wizards/FilterActionWizard.h"
#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

RuleFilterActionPage::RuleFilterActionPage(const PolicyDatabase &database, QWidget *parent)
    : QWizardPage(parent)
    , m_database(database)
    , m_existing(
          makeRadio(tr("Use an &existing filter action:"), u"useExistingFilterAction"_s, this))
    , m_actions(new QComboBox(this))
    , m_new(makeRadio(tr("Use a &new filter action:"), u"useNewFilterAction"_s, this))
    , m_newLabel(new QLabel(tr("(none yet)"), this))
{
    setTitle(tr("Filter Action"));
    setSubTitle(tr("Select the filter action for this security rule."));
    m_actions->setObjectName(u"filterActionCombo"_s);
    for (const FilterAction &a : database.filterActions)
        m_actions->addItem(a.name, a.id);
    m_newLabel->setObjectName(u"newFilterActionLabel"_s);
    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(u"addFilterActionButton"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_existing);
    group->addButton(m_new);
    m_existing->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_existing);
    layout->addWidget(m_actions);
    layout->addWidget(m_new);
    layout->addWidget(m_newLabel);
    layout->addWidget(add, 0, Qt::AlignLeft);
    layout->addStretch();
    connect(add, &QPushButton::clicked, this, &RuleFilterActionPage::openActionWizard);
    connect(m_new, &QRadioButton::toggled, this, &QWizardPage::completeChanged);
    connect(m_actions, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
}

void RuleFilterActionPage::openActionWizard()
{
    auto *wizard = new FilterActionWizard(m_database, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] { setNewAction(wizard->action()); });
    wizard->open();
}

void RuleFilterActionPage::setNewAction(const FilterAction &action)
{
    m_newAction = action;
    m_newLabel->setText(tr("%1 (%2)").arg(action.name, FilterAction::typeName(action.type)));
    m_new->setChecked(true);
    Q_EMIT completeChanged();
}

qint64 RuleFilterActionPage::existingActionId() const
{
    return m_existing->isChecked() ? m_actions->currentData().toLongLong() : 0;
}

std::optional<FilterAction> RuleFilterActionPage::newAction() const
{
    return m_new->isChecked() ? m_newAction : std::nullopt;
}

FilterAction::Type RuleFilterActionPage::chosenType() const
{
    if (const auto a = newAction())
        return a->type;
    const FilterAction *a = m_database.filterAction(existingActionId());
    return a ? a->type : FilterAction::Type::Negotiate;
}

QString RuleFilterActionPage::chosenName() const
{
    if (const auto a = newAction())
        return a->name;
    return m_actions->currentText();
}

bool RuleFilterActionPage::isComplete() const
{
    return m_new->isChecked() ? m_newAction.has_value() : m_actions->currentIndex() >= 0;
}

} // namespace ipsec::ui
