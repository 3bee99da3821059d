#pragma once

#include "model/PolicyDatabase.h"

#include <QAbstractTableModel>

namespace ipsec::ui {

// "Manage IP filter lists": one row per filter list of a store snapshot.
class FilterListsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DescriptionColumn, FilterCountColumn, ColumnCount };

    explicit FilterListsTableModel(QObject *parent = nullptr);

    void setDatabase(const PolicyDatabase &db);
    const FilterList *filterListAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FilterList> m_lists;
};

} // namespace ipsec::ui
