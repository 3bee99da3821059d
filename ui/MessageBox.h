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
    // A warning whose one way forward is acceptText (the other is Cancel); true when taken.
    // The seam answers it too: Apply, Yes or Ok take it.
    static bool warningWithAction(QWidget *parent, const QString &title, const QString &text,
                                  const QString &acceptText);
    // The answer the next question gets without being shown (NoButton: ask for real).
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last question asked, shown or answered by the seam (for tests).
    static QString lastText() { return s_lastText; }

private:
    static QMessageBox::StandardButton s_nextAnswer;
    static QString s_lastText;
};

} // namespace ipsec::ui
