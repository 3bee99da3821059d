#include "FiltersTableModel.h"

#include "DisplayText.h"
#include "ModelRoles.h"

namespace ipsec::ui {

FiltersTableModel::FiltersTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FiltersTableModel::setFilterList(const PolicyDatabase &db, qint64 listId)
{
    setFilterList(db.filterList(listId));
}

void FiltersTableModel::setFilterList(const FilterList *list)
{
    beginResetModel();
    m_listId = list ? list->id : 0;
    m_filters = list ? list->filters : QList<Filter>{};
    endResetModel();
}

void FiltersTableModel::setFilters(const QList<Filter> &filters)
{
    beginResetModel();
    m_filters = filters;
    endResetModel();
}

int FiltersTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_filters.size());
}

int FiltersTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FiltersTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_filters.size())
        return {};
    const Filter &f = m_filters.at(index.row());
    if (role == IdRole)
        return f.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole)
        return {};
    const bool raw = role == RawValueRole;
    switch (index.column()) {
    case MirroredColumn:
        return raw ? QVariant(f.mirrored) : QVariant(DisplayText::yesNo(f.mirrored));
    case DescriptionColumn:
        return f.description;
    case SourceColumn:
        return DisplayText::address(f.source);
    case SourcePortColumn:
        return raw ? QVariant(int(f.sourcePort)) : QVariant(DisplayText::port(f.sourcePort));
    case DestinationColumn:
        return DisplayText::address(f.destination);
    case DestinationPortColumn:
        return raw ? QVariant(int(f.destinationPort))
                   : QVariant(DisplayText::port(f.destinationPort));
    case ProtocolColumn:
        return raw ? QVariant(int(f.protocol.number())) : QVariant(f.protocol.name());
    default:
        return {};
    }
}

QVariant FiltersTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MirroredColumn:
        return tr("Mirrored");
    case DescriptionColumn:
        return tr("Description");
    case SourceColumn:
        return tr("Source");
    case SourcePortColumn:
        return tr("Src Port");
    case DestinationColumn:
        return tr("Destination");
    case DestinationPortColumn:
        return tr("Dst Port");
    case ProtocolColumn:
        return tr("Protocol");
    default:
        return {};
    }
}

} // namespace ipsec::ui
