#include "FilterListsTableModel.h"

#include "ModelRoles.h"

namespace ipsec::ui {

FilterListsTableModel::FilterListsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FilterListsTableModel::setDatabase(const PolicyDatabase &db)
{
    beginResetModel();
    m_lists = db.filterLists;
    endResetModel();
}

const FilterList *FilterListsTableModel::filterListAt(int row) const
{
    return row >= 0 && row < m_lists.size() ? &m_lists.at(row) : nullptr;
}

int FilterListsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lists.size());
}

int FilterListsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilterListsTableModel::data(const QModelIndex &index, int role) const
{
    const FilterList *list = index.isValid() ? filterListAt(index.row()) : nullptr;
    if (!list)
        return {};
    if (role == IdRole)
        return list->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return list->name;
    case DescriptionColumn:
        return list->description;
    case FilterCountColumn:
        return role == RawValueRole ? QVariant(qlonglong(list->filters.size()))
                                    : QVariant(QString::number(list->filters.size()));
    default:
        return {};
    }
}

QVariant FilterListsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case FilterCountColumn:
        return tr("Filters");
    default:
        return {};
    }
}

} // namespace ipsec::ui
