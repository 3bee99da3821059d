#pragma once

#include <QDateTime>
#include <QDialog>

class QLabel;
class QPushButton;
class QTimer;

namespace ipsec::ui {

// "Keep these changes?" with a countdown to the deadline at which the service rolls the change
// back. Keep asks the caller to confirm; closing the dialog does not stop the countdown.
class ConfirmChangesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConfirmChangesDialog(QWidget *parent = nullptr);

    // Shows the dialog for a change waiting until deadline (UTC); again with a later deadline
    // when another change joins.
    void showPending(const QDateTime &deadline, const QString &description);
    qint64 secondsLeft() const;

Q_SIGNALS:
    void keepRequested();

private:
    void updateCountdown();

    QLabel *m_text = nullptr;
    QLabel *m_countdown = nullptr;
    QPushButton *m_keep = nullptr;
    QTimer *m_timer = nullptr;
    QDateTime m_deadline;
};

} // namespace ipsec::ui
