#pragma once

#include "model/PolicyDatabase.h"

#include <QAbstractTableModel>

namespace ipsec::ui {

// The snap-in's details pane: one row per policy of a store snapshot.
class PoliciesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, DescriptionColumn, AssignedColumn, LastModifiedColumn, ColumnCount };

    explicit PoliciesTableModel(QObject *parent = nullptr);

    void setDatabase(const PolicyDatabase &db);
    const Policy *policyAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Policy> m_policies;
};

} // namespace ipsec::ui
