#include "PoliciesTableModel.h"

#include "DisplayText.h"
#include "ModelRoles.h"

#include <QLocale>

namespace ipsec::ui {

PoliciesTableModel::PoliciesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PoliciesTableModel::setDatabase(const PolicyDatabase &db)
{
    beginResetModel();
    m_policies = db.policies;
    endResetModel();
}

const Policy *PoliciesTableModel::policyAt(int row) const
{
    return row >= 0 && row < m_policies.size() ? &m_policies.at(row) : nullptr;
}

int PoliciesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_policies.size());
}

int PoliciesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PoliciesTableModel::data(const QModelIndex &index, int role) const
{
    const Policy *p = index.isValid() ? policyAt(index.row()) : nullptr;
    if (!p)
        return {};
    if (role == IdRole)
        return p->id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole)
        return {};
    const bool raw = role == RawValueRole;
    switch (index.column()) {
    case NameColumn:
        return p->name;
    case DescriptionColumn:
        return p->description;
    case AssignedColumn:
        return raw ? QVariant(p->assigned) : QVariant(DisplayText::yesNo(p->assigned));
    case LastModifiedColumn:
        return raw ? QVariant(p->lastModified)
                   : QVariant(
                       QLocale().toString(p->lastModified.toLocalTime(), QLocale::ShortFormat));
    default:
        return {};
    }
}

QVariant PoliciesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DescriptionColumn:
        return tr("Description");
    case AssignedColumn:
        return tr("Policy Assigned");
    case LastModifiedColumn:
        return tr("Last Modified");
    default:
        return {};
    }
}

} // namespace ipsec::ui
