#include "wizards/RuleFilterListPage.h"

#include "syntax/IpsecCmd.h"
#include "wizards/IpFilterWizard.h"
#include "wizards/WizardSupport.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

RuleFilterListPage::RuleFilterListPage(const PolicyDatabase &database, QWidget *parent)
    : QWizardPage(parent)
    , m_existing(
          makeRadio(tr("Use an &existing IP filter list:"), u"useExistingFilterList"_s, this))
    , m_lists(new QComboBox(this))
    , m_new(makeRadio(tr("Create a &new IP filter list named:"), u"useNewFilterList"_s, this))
    , m_name(new QLineEdit(this))
    , m_filterView(new QListWidget(this))
    , m_error(makeErrorLabel(u"filterListError"_s, this))
{
    setTitle(tr("IP Filter List"));
    setSubTitle(tr("Select the IP filter list for the type of IP traffic this rule applies to."));
    m_lists->setObjectName(u"filterListCombo"_s);
    for (const FilterList &l : database.filterLists) {
        m_lists->addItem(l.name, l.id);
        m_taken << l.name;
    }
    m_name->setObjectName(u"newFilterListNameEdit"_s);
    m_filterView->setObjectName(u"newFilterListFilters"_s);
    auto *add = new QPushButton(tr("&Add Filter…"), this);
    add->setObjectName(u"addFilterButton"_s);
    auto *group = new QButtonGroup(this);
    group->addButton(m_existing);
    group->addButton(m_new);
    (m_lists->count() ? m_existing : m_new)->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_existing);
    layout->addWidget(m_lists);
    layout->addWidget(m_new);
    layout->addWidget(m_name);
    layout->addWidget(m_filterView);
    layout->addWidget(add, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    connect(add, &QPushButton::clicked, this, &RuleFilterListPage::openFilterWizard);
    connect(m_name, &QLineEdit::textEdited, m_new, [this] { m_new->setChecked(true); });
    connect(m_name, &QLineEdit::textChanged, this, &RuleFilterListPage::updateState);
    connect(m_new, &QRadioButton::toggled, this, &RuleFilterListPage::updateState);
    updateState();
}

void RuleFilterListPage::openFilterWizard()
{
    // Window-modal and non-blocking: no nested event loop.
    auto *wizard = new IpFilterWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] { addFilter(wizard->filter()); });
    wizard->open();
}

void RuleFilterListPage::addFilter(const Filter &filter)
{
    m_filters << filter;
    m_filterView->addItem(syntax::IpsecCmdPrinter::filterSpec({filter, {}}));
    m_new->setChecked(true);
    updateState();
}

qint64 RuleFilterListPage::existingListId() const
{
    return m_existing->isChecked() ? m_lists->currentData().toLongLong() : 0;
}

std::optional<FilterList> RuleFilterListPage::newList() const
{
    if (!m_new->isChecked())
        return std::nullopt;
    FilterList list;
    list.name = m_name->text();
    list.filters = m_filters;
    return list;
}

QString RuleFilterListPage::problem() const
{
    if (m_existing->isChecked())
        return m_lists->currentIndex() < 0 ? tr("Choose an IP filter list.") : QString();
    if (const QString p =
            validateName(m_name->text(), QT_TRANSLATE_NOOP("ipsec::Names", "filter list"));
        !p.isEmpty())
        return p;
    for (const QString &t : m_taken) {
        if (t.compare(m_name->text(), Qt::CaseInsensitive) == 0)
            return tr("An IP filter list named \"%1\" exists already.").arg(m_name->text());
    }
    if (m_filters.isEmpty())
        return tr("Add at least one filter to the new list.");
    return {};
}

bool RuleFilterListPage::isComplete() const
{
    return problem().isEmpty();
}

void RuleFilterListPage::updateState()
{
    m_error->setText(m_new->isChecked() && m_name->text().isEmpty() ? QString() : problem());
    Q_EMIT completeChanged();
}

} // namespace ipsec::ui
