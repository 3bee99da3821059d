#pragma once

#include "model/MainModeMethod.h"

#include <QDialog>

class QComboBox;

namespace ipsec::ui {

// "IKE Security Algorithms": integrity, encryption and Diffie-Hellman group of one main-mode
// method.
class IkeMethodDialog : public QDialog {
    Q_OBJECT
public:
    explicit IkeMethodDialog(const MainModeMethod &method, QWidget *parent = nullptr);
    MainModeMethod method() const;

private:
    QComboBox *m_integrity = nullptr;
    QComboBox *m_encryption = nullptr;
    QComboBox *m_group = nullptr;
};

} // namespace ipsec::ui
