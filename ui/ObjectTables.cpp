#include "ObjectTables.h"

#include "models/FilterActionsTableModel.h"
#include "models/FilterListsTableModel.h"
#include "models/FiltersTableModel.h"
#include "models/ModelRoles.h"
#include "models/PoliciesTableModel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

QSortFilterProxyModel *searchProxy(QAbstractItemModel *source, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(RawValueRole);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    return proxy;
}

// Keeps the current row (by store id) across a model reset.
qint64 currentId(const QTableView *view)
{
    return view->currentIndex().data(IdRole).toLongLong();
}

void restoreCurrent(QTableView *view, qint64 id)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; id != 0 && row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(IdRole).toLongLong() == id) {
            view->setCurrentIndex(index);
            return;
        }
    }
}

} // namespace

ObjectTables::ObjectTables(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_policies(new PoliciesTableModel(this))
    , m_filterLists(new FilterListsTableModel(this))
    , m_filterActions(new FilterActionsTableModel(this))
    , m_filters(new FiltersTableModel(this))
{
    setObjectName(u"objectTables"_s);
    m_tabs->setObjectName(u"objectTabs"_s);
    m_policiesView = addTable(searchProxy(m_policies, this), u"policiesTable"_s);
    m_filterListsView = addTable(searchProxy(m_filterLists, this), u"filterListsTable"_s);
    m_filterActionsView = addTable(searchProxy(m_filterActions, this), u"filterActionsTable"_s);
    m_filtersView = addTable(searchProxy(m_filters, this), u"filtersTable"_s);

    auto *lists = new QSplitter(Qt::Vertical, this);
    lists->setObjectName(u"filterListsSplitter"_s);
    lists->addWidget(m_filterListsView);
    lists->addWidget(m_filtersView);
    m_tabs->addTab(m_policiesView, tr("IP Security Policies"));
    m_tabs->addTab(lists, tr("IP Filter Lists"));
    m_tabs->addTab(m_filterActionsView, tr("Filter Actions"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_filterListsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ObjectTables::showFiltersOfCurrentList);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this] { Q_EMIT currentObjectChanged(currentObject()); });
}

QTableView *ObjectTables::addTable(QSortFilterProxyModel *proxy, const QString &name)
{
    proxy->setObjectName(name + u"Proxy"_s);
    m_proxies << proxy;
    auto *view = new QTableView(this);
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, view] { Q_EMIT currentObjectChanged(objectAt(view)); });
    connect(view, &QTableView::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        Q_EMIT currentObjectChanged(objectAt(view));
        Q_EMIT contextMenuRequested(view->viewport()->mapToGlobal(pos));
    });
    connect(view, &QTableView::activated, this,
            [this, view] { Q_EMIT objectActivated(objectAt(view)); });
    return view;
}

void ObjectTables::setDatabase(const PolicyDatabase &db)
{
    const qint64 policy = currentId(m_policiesView);
    const qint64 list = currentId(m_filterListsView);
    const qint64 action = currentId(m_filterActionsView);
    m_policies->setDatabase(db);
    m_filterLists->setDatabase(db);
    m_filterActions->setDatabase(db);
    restoreCurrent(m_policiesView, policy);
    restoreCurrent(m_filterListsView, list);
    restoreCurrent(m_filterActionsView, action);
    showFiltersOfCurrentList();
}

void ObjectTables::showFiltersOfCurrentList()
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(m_filterListsView->model());
    const int row = proxy->mapToSource(m_filterListsView->currentIndex()).row();
    m_filters->setFilterList(m_filterLists->filterListAt(row));
}

void ObjectTables::setFilterText(const QString &text)
{
    for (QSortFilterProxyModel *proxy : std::as_const(m_proxies))
        proxy->setFilterFixedString(text);
}

ObjectRef ObjectTables::objectAt(const QTableView *view) const
{
    const QModelIndex index = view->currentIndex();
    if (!index.isValid())
        return {};
    const qint64 id = index.data(IdRole).toLongLong();
    using Kind = ObjectRef::Kind;
    if (view == m_policiesView)
        return {Kind::Policy, id, -1, id};
    if (view == m_filterListsView)
        return {Kind::FilterList, id, -1, 0};
    if (view == m_filterActionsView)
        return {Kind::FilterAction, id, -1, 0};
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(view->model());
    return {Kind::Filter, m_filters->filterListId(), proxy->mapToSource(index).row(), 0};
}

ObjectRef ObjectTables::currentObject() const
{
    switch (m_tabs->currentIndex()) {
    case PoliciesTab:
        return objectAt(m_policiesView);
    case FilterListsTab:
        return m_filtersView->hasFocus() ? objectAt(m_filtersView) : objectAt(m_filterListsView);
    case FilterActionsTab:
        return objectAt(m_filterActionsView);
    default:
        return {};
    }
}

int ObjectTables::currentTab() const
{
    return m_tabs->currentIndex();
}
void ObjectTables::setCurrentTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

} // namespace ipsec::ui
