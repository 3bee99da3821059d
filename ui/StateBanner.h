#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ipsec::ui {

// A persistent strip above the panes for a state that needs the administrator: the kernel
// drifted from the policy (amber, Re-apply) or an emergency unassign left the host without
// its policy (red, Reassign). It has no close button: it goes when the state is resolved.
class StateBanner : public QFrame {
    Q_OBJECT
public:
    enum class State { None, Drift, Emergency };

    explicit StateBanner(QWidget *parent = nullptr);

    void showState(State state, const QString &text, const QString &buttonText);
    State state() const { return m_state; }
    QString text() const;

Q_SIGNALS:
    // Re-apply (drift) or Reassign (emergency) was clicked.
    void actionRequested(ipsec::ui::StateBanner::State state);

private:
    State m_state = State::None;
    QLabel *m_label = nullptr;
    QPushButton *m_button = nullptr;
};

} // namespace ipsec::ui
