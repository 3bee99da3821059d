#pragma once

#include "model/PolicyDatabase.h"

#include <QAbstractTableModel>

namespace ipsec::ui {

// The filters of one filter list, with the columns of the snap-in's filter list dialog.
class FiltersTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        MirroredColumn,
        DescriptionColumn,
        SourceColumn,
        SourcePortColumn,
        DestinationColumn,
        DestinationPortColumn,
        ProtocolColumn,
        ColumnCount
    };

    explicit FiltersTableModel(QObject *parent = nullptr);

    // Shows the filters of the list with this id in db (none when it does not exist).
    void setFilterList(const PolicyDatabase &db, qint64 listId);
    void setFilterList(const FilterList *list);
    // Shows these filters (an edited copy in a dialog).
    void setFilters(const QList<Filter> &filters);
    qint64 filterListId() const { return m_listId; }
    const QList<Filter> &filters() const { return m_filters; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    qint64 m_listId = 0;
    QList<Filter> m_filters;
};

} // namespace ipsec::ui
