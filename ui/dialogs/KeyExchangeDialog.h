#pragma once

#include "model/Policy.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ipsec::ui {

// The snap-in's "Key Exchange Settings" of a policy: master key PFS, a new main mode after N
// minutes and/or N sessions (quick modes), and the ordered "Key Exchange Security Methods"
// (Add / Edit / Remove / Move up / Move down). Edits a copy; the policy dialog stores it with
// the rest of the policy on its OK (one undoable change).
class KeyExchangeDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeyExchangeDialog(const Policy &policy, QWidget *parent = nullptr);
    // The policy given, with the settings of the dialog.
    Policy policy() const;
    void accept() override; // refuses (and says why) while the values are invalid

private:
    void fill(int currentRow);
    void updateButtons();
    void editMethod(int row); // row -1: a new method
    void move(int delta);

    Policy m_policy;
    QList<MainModeMethod> m_methods;
    QCheckBox *m_pfs = nullptr;
    QSpinBox *m_minutes = nullptr;
    QSpinBox *m_sessions = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
