#pragma once

#include "model/FilterAction.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ipsec::ui {

// Filter action properties: type, the three options, and the security methods as text.
class FilterActionDialog : public QDialog {
    Q_OBJECT
public:
    explicit FilterActionDialog(const FilterAction &action, QWidget *parent = nullptr);
    // The edited action, or the first problem with the entered text.
    Result<FilterAction> filterAction() const;
    void accept() override;

private:
    FilterAction m_action;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_type = nullptr;
    QCheckBox *m_inpass = nullptr;
    QCheckBox *m_soft = nullptr;
    QCheckBox *m_pfs = nullptr;
    QPlainTextEdit *m_methods = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
