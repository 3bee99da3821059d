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
    // Names of policies, rules, filter lists and actions are edited in place (F2); the edit
    // becomes renameRequested(), the store decides, and the reload shows the result.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void renameRequested(const ipsec::ui::ObjectRef &object, const QString &name);

private:
    struct Item;
    Item *itemForIndex(const QModelIndex &index) const;
    void build();
    QString text(const Item &item, int column) const;
    QString key(const Item &item) const;
    QString plainName(const ObjectRef &ref) const;

    PolicyDatabase m_db;
    std::unique_ptr<Item> m_root;
};

} // namespace ipsec::ui
