#pragma once

#include "ObjectRef.h"

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

    void setDatabase(const PolicyDatabase &db);
    void setFilterText(const QString &text);
    ObjectRef currentObject() const;
    PolicyTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void currentObjectChanged(const ipsec::ui::ObjectRef &object);
    void contextMenuRequested(const QPoint &globalPos);
    void objectActivated(const ipsec::ui::ObjectRef &object);

private:
    QModelIndex findKey(const QString &key, const QModelIndex &parent = {}) const;
    void collectExpanded(const QModelIndex &parent, QStringList &keys) const;

    PolicyTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace ipsec::ui
