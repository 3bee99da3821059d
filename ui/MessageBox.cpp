#include "MessageBox.h"

#include <QPushButton>

#include <utility>

namespace ipsec::ui {

QMessageBox::StandardButton MessageBox::s_nextAnswer = QMessageBox::NoButton;
QString MessageBox::s_lastText;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title,
                                                 const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastText = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

bool MessageBox::warningWithAction(QWidget *parent, const QString &title, const QString &text,
                                   const QString &acceptText)
{
    s_lastText = text;
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto answer = std::exchange(s_nextAnswer, QMessageBox::NoButton);
        return answer == QMessageBox::Apply || answer == QMessageBox::Yes
               || answer == QMessageBox::Ok;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("warningWithActionBox"));
    QPushButton *accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("warningActionButton"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

} // namespace ipsec::ui
