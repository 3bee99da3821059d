#include "FilterActionsTableModel.h"

#include "DisplayText.h"
#include "ModelRoles.h"

namespace ipsec::ui {

FilterActionsTableModel::FilterActionsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FilterActionsTableModel::setDatabase(const PolicyDatabase &db)
{
    beginResetModel();
    m_actions = db.filterActions;
    endResetModel();
}

const FilterAction *FilterActionsTableModel::filterActionAt(int row) const
{
    return row >= 0 && row < m_actions.size() ? &m_actions.at(row) : nullptr;
}

int FilterActionsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actions.size());
}

int FilterActionsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilterActionsTableModel::data(const QModelIndex &index, int role) const
{
    const FilterAction *a = index.isValid() ? filterActionAt(index.row()) : nullptr;
    if (!a)
        return {};
    if (role == IdRole)
        return a->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole)
        return {};
    const bool raw = role == RawValueRole;
    const auto flag = [raw](bool value) {
        return raw ? QVariant(value) : QVariant(DisplayText::yesNo(value));
    };
    switch (index.column()) {
    case NameColumn:
        return a->name;
    case DescriptionColumn:
        return a->description;
    case TypeColumn:
        return raw ? QVariant(int(a->type)) : QVariant(DisplayText::actionType(*a));
    case InboundPassThroughColumn:
        return flag(a->inboundPassThrough);
    case AllowUnsecuredColumn:
        return flag(a->allowUnsecured);
    case PfsColumn:
        return flag(a->sessionKeyPfs);
    case SecurityMethodsColumn:
        return DisplayText::securityMethods(*a);
    default:
        return {};
    }
}

QVariant FilterActionsTableModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case TypeColumn:
        return tr("Type");
    case InboundPassThroughColumn:
        return tr("Accept Unsecured Inbound");
    case AllowUnsecuredColumn:
        return tr("Fall Back to Unsecured");
    case PfsColumn:
        return tr("Session Key PFS");
    case SecurityMethodsColumn:
        return tr("Security Methods");
    default:
        return {};
    }
}

} // namespace ipsec::ui
