#pragma once

#include "ObjectRef.h"
#include "engine/FilterQuery.h"

#include <QWidget>

class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace ipsec {
struct PolicyDatabase;
}

namespace ipsec::ui {

class FilterActionsTableModel;
class FilterListsTableModel;
class FiltersTableModel;
class PoliciesTableModel;

// The details pane: tabs with the policies, the filter lists (and the filters of the selected
// list) and the filter actions, each sortable and filtered by the search text.
class ObjectTables : public QWidget {
    Q_OBJECT
public:
    enum Tab { PoliciesTab, FilterListsTab, FilterActionsTab };

    explicit ObjectTables(QWidget *parent = nullptr);

    // Reloads, filters, tab switches and selectObject() keep quiet: currentObjectChanged() means
    // the user picked a row.
    void setDatabase(const PolicyDatabase &db);
    // DB is what the views show (kept by the caller); hits are the filters that match.
    void setQuery(const engine::FilterQuery &query, const engine::FilterQuery::Hits &hits,
                  const PolicyDatabase &db);
    ObjectRef currentObject() const;
    // Selects the row of OBJECT in its table (policy, filter list, filter action) without
    // switching tabs; the other tables keep their rows.
    void selectObject(const ObjectRef &object);
    int currentTab() const;
    void setCurrentTab(int tab);

    PoliciesTableModel *policiesModel() const { return m_policies; }
    FilterListsTableModel *filterListsModel() const { return m_filterLists; }
    FilterActionsTableModel *filterActionsModel() const { return m_filterActions; }
    FiltersTableModel *filtersModel() const { return m_filters; }

Q_SIGNALS:
    void currentObjectChanged(const ipsec::ui::ObjectRef &object);
    void contextMenuRequested(const QPoint &globalPos);
    void objectActivated(const ipsec::ui::ObjectRef &object);

private:
    QTableView *addTable(QSortFilterProxyModel *proxy, const QString &name);
    ObjectRef objectAt(const QTableView *view) const;
    void showFiltersOfCurrentList();
    static void fitColumns(QTableView *view);

    QTabWidget *m_tabs = nullptr;
    PoliciesTableModel *m_policies = nullptr;
    FilterListsTableModel *m_filterLists = nullptr;
    FilterActionsTableModel *m_filterActions = nullptr;
    FiltersTableModel *m_filters = nullptr;
    QList<QSortFilterProxyModel *> m_proxies;
    QTableView *m_policiesView = nullptr;
    QTableView *m_filterListsView = nullptr;
    QTableView *m_filterActionsView = nullptr;
    QTableView *m_filtersView = nullptr;
    bool m_quiet = false;
    engine::FilterQuery::Hits m_hits;
    const PolicyDatabase *m_db = nullptr;
};

} // namespace ipsec::ui
