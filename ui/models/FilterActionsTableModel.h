#pragma once

#include "model/PolicyDatabase.h"

#include <QAbstractTableModel>

namespace ipsec::ui {

// "Manage filter actions": one row per filter action of a store snapshot.
class FilterActionsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        DescriptionColumn,
        TypeColumn,
        InboundPassThroughColumn,
        AllowUnsecuredColumn,
        PfsColumn,
        SecurityMethodsColumn,
        ColumnCount
    };

    explicit FilterActionsTableModel(QObject *parent = nullptr);

    void setDatabase(const PolicyDatabase &db);
    const FilterAction *filterActionAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FilterAction> m_actions;
};

} // namespace ipsec::ui
