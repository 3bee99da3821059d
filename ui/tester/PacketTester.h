#pragma once

#include "engine/Evaluator.h"
#include "util/Result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

class ServiceWorker;

// "What happens to this packet?": the verdict of the policy in force (assigned policy plus
// dynamic filters) for one packet, with the deciding filter, rule and policy. Asks the core
// Evaluator, the same oracle the kernel compiler is tested against.
class PacketTester : public QWidget {
    Q_OBJECT
public:
    // WORKER: the store and the dynamic filters are read through it (off the GUI thread with the
    // agent); null: read directly.
    explicit PacketTester(PolicyClient &service, QWidget *parent = nullptr,
                          ServiceWorker *worker = nullptr);

    // Evaluates the packet the fields describe and shows the verdict. Invalid input or an
    // unreadable store yields a NoMatch verdict and an error line. Off the GUI thread the
    // verdict is shown when it is known; NoMatch is returned at once.
    engine::Verdict evaluate();
    // The packet the fields describe, or why they describe none.
    Result<engine::Packet> packet() const;
    // What "me" stands for; empty (the default) means the addresses of this host.
    void setLocalAddresses(const QList<QHostAddress> &addresses);

private:
    void showVerdict(const engine::Verdict &verdict, const QStringList &warnings);
    void showError(const QString &error);
    void updatePorts();

    struct Outcome {
        Result<engine::Verdict> verdict;
        QStringList warnings;
    };
    static Outcome decide(PolicyClient &service, const engine::Packet &packet,
                          const QList<QHostAddress> &localAddresses);
    void showOutcome(const Outcome &outcome);

    PolicyClient &m_service;
    ServiceWorker *m_worker = nullptr;
    QList<QHostAddress> m_localAddresses;
    bool m_shown = false; // a verdict is on screen: follow changes of the store
    QLineEdit *m_source = nullptr;
    QLineEdit *m_destination = nullptr;
    QComboBox *m_protocol = nullptr;
    QSpinBox *m_sourcePort = nullptr;
    QSpinBox *m_destinationPort = nullptr;
    QComboBox *m_direction = nullptr;
    QPushButton *m_evaluate = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
