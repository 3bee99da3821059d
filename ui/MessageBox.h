#pragma once

#include <QMessageBox>

namespace ipsec::ui {

// Blocking questions go through here so that tests can answer them without a nested event loop
// (setNextAnswer), as KeePassXC does.
class MessageBox {
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title,
                                                const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    // The answer the next question gets without being shown (NoButton: ask for real).
    static void setNextAnswer(QMessageBox::StandardButton answer);

private:
    static QMessageBox::StandardButton s_nextAnswer;
};

} // namespace ipsec::ui
