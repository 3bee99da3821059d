#pragma once

#include "model/FilterList.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTableView;

namespace ipsec::ui {

class FiltersTableModel;

// IP filter list properties: name, description and its filters (add, edit, remove).
class FilterListDialog : public QDialog {
    Q_OBJECT
public:
    explicit FilterListDialog(const FilterList &list, QWidget *parent = nullptr);
    FilterList filterList() const;
    void accept() override;

    // Filter editing; the buttons open a FilterDialog (non-blocking) that ends here.
    void addFilter(const Filter &filter);
    void replaceFilter(int row, const Filter &filter);
    void removeFilter(int row);

private:
    void editFilter(int row); // row -1: a new filter

    FilterList m_list;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    FiltersTableModel *m_filters = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
