#pragma once

#include "ObjectRef.h"

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

    void setDatabase(const PolicyDatabase &db);
    void setFilterText(const QString &text);
    ObjectRef currentObject() const;
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
};

} // namespace ipsec::ui
