#include "ObjectTables.h"

#include "model/PolicyDatabase.h"
#include "models/FilterActionsTableModel.h"
#include "models/FilterListsTableModel.h"
#include "models/FiltersTableModel.h"
#include "models/ModelRoles.h"
#include "models/PoliciesTableModel.h"

#include <QHeaderView>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

// The search box's filter on a table: the row's text, or (for ports, protocols and addresses)
// what the row holds, asked through hits().
class SearchProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    std::function<bool(int sourceRow)> hits;

    void setQuery(const engine::FilterQuery &query)
    {
        m_query = query;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_query.isEmpty())
            return true;
        if (m_query.hasCriteria() && hits && hits(row))
            return true;
        for (int column = 0; column < sourceModel()->columnCount(parent); ++column)
            if (m_query.matchesText(sourceModel()->index(row, column, parent).data().toString()))
                return true;
        return false;
    }

private:
    engine::FilterQuery m_query;
};

SearchProxy *searchProxy(QAbstractItemModel *source, QObject *parent)
{
    auto *proxy = new SearchProxy(parent);
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

bool restoreCurrent(QTableView *view, qint64 id)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; id != 0 && row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(IdRole).toLongLong() == id) {
            view->setCurrentIndex(index);
            view->scrollTo(index);
            return true;
        }
    }
    return false;
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
    // Searches by meaning: a policy is a hit when one of its rules holds a matching filter.
    static_cast<SearchProxy *>(m_policiesView->model())->hits = [this](int row) {
        const qint64 id = m_policies->index(row, 0).data(IdRole).toLongLong();
        if (!m_db)
            return false;
        for (const Rule *r : m_db->rulesOf(id))
            if (m_hits.containsList(r->filterListId))
                return true;
        return false;
    };
    static_cast<SearchProxy *>(m_filterListsView->model())->hits = [this](int row) {
        return m_hits.containsList(m_filterLists->index(row, 0).data(IdRole).toLongLong());
    };
    static_cast<SearchProxy *>(m_filtersView->model())->hits = [this](int row) {
        return m_hits.contains(m_filters->filterListId(), row);
    };

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
    // Names show whole; the description takes what is left (not "Last Modified").
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setResizeContentsPrecision(500);
    view->setWordWrap(false);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this, view] {
        if (!m_quiet && objectAt(view).isValid())
            Q_EMIT currentObjectChanged(objectAt(view));
    });
    connect(view, &QTableView::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        // The menu is for the row under the mouse; on empty space, for what is current.
        if (const QModelIndex index = view->indexAt(pos); index.isValid()) {
            view->setCurrentIndex(index);
            Q_EMIT currentObjectChanged(objectAt(view));
        }
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
    const QScopedValueRollback quiet(m_quiet, true);
    m_policies->setDatabase(db);
    m_filterLists->setDatabase(db);
    m_filterActions->setDatabase(db);
    restoreCurrent(m_policiesView, policy);
    restoreCurrent(m_filterListsView, list);
    restoreCurrent(m_filterActionsView, action);
    showFiltersOfCurrentList();
    for (QTableView *view : {m_policiesView, m_filterListsView, m_filterActionsView})
        fitColumns(view);
}

// Every column as wide as its contents (the first 500 rows), the description (column 1 in every
// table) stretched over the rest.
void ObjectTables::fitColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    view->resizeColumnsToContents();
    header->setSectionResizeMode(1, QHeaderView::Stretch);
}

void ObjectTables::showFiltersOfCurrentList()
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(m_filterListsView->model());
    const int row = proxy->mapToSource(m_filterListsView->currentIndex()).row();
    m_filters->setFilterList(m_filterLists->filterListAt(row));
    fitColumns(m_filtersView);
}

void ObjectTables::setQuery(const engine::FilterQuery &query, const engine::FilterQuery::Hits &hits,
                            const PolicyDatabase &db)
{
    const QScopedValueRollback quiet(m_quiet, true);
    m_hits = hits;
    m_db = &db;
    for (QSortFilterProxyModel *proxy : std::as_const(m_proxies))
        static_cast<SearchProxy *>(proxy)->setQuery(query);
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

void ObjectTables::selectObject(const ObjectRef &object)
{
    const QScopedValueRollback quiet(m_quiet, true);
    using Kind = ObjectRef::Kind;
    switch (object.kind) {
    case Kind::Policy:
    case Kind::Rule:
        if (!restoreCurrent(m_policiesView, object.policyId))
            m_policiesView->selectionModel()->clear();
        break;
    case Kind::FilterList:
    case Kind::Filter:
        if (restoreCurrent(m_filterListsView, object.id)) {
            showFiltersOfCurrentList();
            if (object.kind == Kind::Filter) {
                // The filters table's rows are sorted; find the source row.
                const auto *proxy =
                    qobject_cast<const QSortFilterProxyModel *>(m_filtersView->model());
                const QModelIndex index =
                    proxy->mapFromSource(m_filters->index(object.filterIndex, 0));
                if (index.isValid())
                    m_filtersView->setCurrentIndex(index);
            }
        }
        break;
    case Kind::FilterAction:
        restoreCurrent(m_filterActionsView, object.id);
        break;
    case Kind::None:
        break;
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
