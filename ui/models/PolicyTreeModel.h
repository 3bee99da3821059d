#pragma once

#include "ObjectRef.h"
#include "model/PolicyDatabase.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace ipsec::ui {

// Policies → rules → the rule's filter list and filter action → the list's filters, built from
// one store snapshot. Each index carries its item; children exist only in column 0.
class PolicyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DescriptionColumn, ColumnCount };

    explicit PolicyTreeModel(QObject *parent = nullptr);
    ~PolicyTreeModel() override;

    void setDatabase(const PolicyDatabase &db);
    const PolicyDatabase &database() const { return m_db; }
    ObjectRef objectAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Item;
    Item *itemForIndex(const QModelIndex &index) const;
    void build();
    QString text(const Item &item, int column) const;
    QString key(const Item &item) const;

    PolicyDatabase m_db;
    std::unique_ptr<Item> m_root;
};

} // namespace ipsec::ui
