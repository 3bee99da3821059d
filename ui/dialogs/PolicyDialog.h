#pragma once

#include "model/Policy.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace ipsec::ui {

// Policy properties, General tab: name, description, polling interval.
class PolicyDialog : public QDialog {
    Q_OBJECT
public:
    explicit PolicyDialog(const Policy &policy, QWidget *parent = nullptr);
    Policy policy() const;
    void accept() override; // refuses (and says why) while the values are invalid

private:
    Policy m_policy;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QSpinBox *m_polling = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
