#pragma once

#include "ObjectRef.h"
#include "engine/FilterQuery.h"

#include <QModelIndex>
#include <QWidget>

class QSortFilterProxyModel;
class QTreeView;

namespace ipsec {
struct PolicyDatabase;
}

namespace ipsec::ui {

class PolicyTreeModel;

// The tree pane: policies with their rules, filter lists, actions and filters. Keeps expansion
// and the current item across reloads.
class PolicyBrowser : public QWidget {
    Q_OBJECT
public:
    explicit PolicyBrowser(QWidget *parent = nullptr);

    // Reloads and filters keep the current item where they can; neither reports it as a change
    // (currentObjectChanged() means the user moved the selection).
    void setDatabase(const PolicyDatabase &db);
    void setQuery(const engine::FilterQuery &query, const engine::FilterQuery::Hits &hits);
    ObjectRef currentObject() const;
    // Makes the first item standing for OBJECT current (quietly); false (and no current item)
    // when the tree does not show it.
    bool selectObject(const ObjectRef &object);
    // The first item the search shows (depth first, after the policies), or none.
    ObjectRef firstHit() const;
    // Starts editing the current item's name in place; false when it has none to edit.
    bool renameCurrent();
    PolicyTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void currentObjectChanged(const ipsec::ui::ObjectRef &object);
    void contextMenuRequested(const QPoint &globalPos);
    void objectActivated(const ipsec::ui::ObjectRef &object);
    void renameRequested(const ipsec::ui::ObjectRef &object, const QString &name);

private:
    QModelIndex findKey(const QString &key, const QModelIndex &parent = {}) const;
    void collectExpanded(const QModelIndex &parent, QStringList &keys) const;
    QModelIndex findObject(const ObjectRef &object, const QModelIndex &parent = {}) const;
    void setCurrentQuietly(const QModelIndex &index);
    void fitNameColumn();
    QModelIndex findHit(const QModelIndex &parent) const;

    PolicyTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
    mutable bool m_quiet = false; // programmatic changes (current item, expansion)
};

} // namespace ipsec::ui
