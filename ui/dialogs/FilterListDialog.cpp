#include "FilterListDialog.h"

#include "FilterDialog.h"
#include "models/FiltersTableModel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

FilterListDialog::FilterListDialog(const FilterList &list, QWidget *parent)
    : QDialog(parent)
    , m_list(list)
    , m_name(new QLineEdit(list.name, this))
    , m_description(new QLineEdit(list.description, this))
    , m_filters(new FiltersTableModel(this))
    , m_view(new QTableView(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"filterListDialog"_s);
    setWindowTitle(list.id ? tr("%1 Properties").arg(list.name) : tr("New IP Filter List"));
    resize(760, 420);
    m_name->setObjectName(u"nameEdit"_s);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_filters->setFilters(list.filters);
    m_view->setObjectName(u"filtersTable"_s);
    m_view->setModel(m_filters);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(u"addFilterButton"_s);
    auto *edit = new QPushButton(tr("&Edit…"), this);
    edit->setObjectName(u"editFilterButton"_s);
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(u"removeFilterButton"_s);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    auto *side = new QVBoxLayout;
    side->addWidget(add);
    side->addWidget(edit);
    side->addWidget(remove);
    side->addStretch();
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_view, 1);
    filters->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    // The mnemonic needs a buddy; without one the label shows a literal "&".
    auto *filtersLabel = new QLabel(tr("IP &filters:"), this);
    filtersLabel->setObjectName(u"filtersLabel"_s);
    filtersLabel->setBuddy(m_view);
    layout->addWidget(filtersLabel);
    layout->addLayout(filters, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(add, &QPushButton::clicked, this, [this] { editFilter(-1); });
    connect(edit, &QPushButton::clicked, this,
            [this] { editFilter(m_view->currentIndex().row()); });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { editFilter(index.row()); });
    connect(remove, &QPushButton::clicked, this,
            [this] { removeFilter(m_view->currentIndex().row()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &FilterListDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FilterListDialog::reject);
}

void FilterListDialog::editFilter(int row)
{
    const QList<Filter> &filters = m_filters->filters();
    if (row >= filters.size())
        return;
    Filter initial;
    initial.source = Address::me();
    auto *dialog = new FilterDialog(row >= 0 ? filters.at(row) : initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row] {
        const auto f = dialog->filter();
        if (!f)
            return;
        if (row < 0)
            addFilter(f.value());
        else
            replaceFilter(row, f.value());
    });
    dialog->open();
}

void FilterListDialog::addFilter(const Filter &filter)
{
    QList<Filter> filters = m_filters->filters();
    filters << filter;
    m_filters->setFilters(filters);
}

void FilterListDialog::replaceFilter(int row, const Filter &filter)
{
    QList<Filter> filters = m_filters->filters();
    if (row < 0 || row >= filters.size())
        return;
    filters[row] = filter;
    m_filters->setFilters(filters);
}

void FilterListDialog::removeFilter(int row)
{
    QList<Filter> filters = m_filters->filters();
    if (row < 0 || row >= filters.size())
        return;
    filters.removeAt(row);
    m_filters->setFilters(filters);
}

FilterList FilterListDialog::filterList() const
{
    FilterList list = m_list;
    list.name = m_name->text().trimmed();
    list.description = m_description->text();
    list.filters = m_filters->filters();
    return list;
}

void FilterListDialog::accept()
{
    if (const QStringList problems = filterList().validate(); !problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

} // namespace ipsec::ui
