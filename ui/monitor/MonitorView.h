#pragma once

#include "util/Result.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace ipsec {
class PolicyClient;
struct KernelView;
} // namespace ipsec

namespace ipsec::ui {

class ServiceWorker;

// What the kernel enforces now, like the IP Security Monitor's specific filters: the entries
// this console installed, everybody else's ("foreign"), the drift between store and kernel,
// the kernel's drop counters and the IKE daemon's main mode and quick mode security
// associations (peers, algorithms, lifetimes). Refreshed every two seconds while visible and on
// every change of the store.
class MonitorView : public QWidget {
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        DirectionColumn,
        SourceColumn,
        DestinationColumn,
        ProtocolColumn,
        PortsColumn,
        ActionColumn,
        PriorityColumn,
        LastUseColumn,
        ColumnCount
    };
    static constexpr int RefreshIntervalMs = 2000;

    // WORKER: reads go through it (off the GUI thread with the agent); null: read directly.
    explicit MonitorView(PolicyClient &service, QWidget *parent = nullptr,
                         ServiceWorker *worker = nullptr);

    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showReason(const QString &reason);
    void fill(const KernelView &view);
    void fillSas(const KernelView &view);
    void display(const Result<KernelView> &view);

    PolicyClient &m_service;
    ServiceWorker *m_worker = nullptr;
    bool m_reading = false; // a read is under way: timer ticks and changes do not pile up
    QTimer *m_timer = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_drift = nullptr;
    QTableWidget *m_entries = nullptr;
    QTableWidget *m_counters = nullptr;
    QLabel *m_ikeStatus = nullptr; // negotiation available, or why not
    QTableWidget *m_sas = nullptr; // charon's IKE (main mode) and IPsec (quick mode) SAs
};

} // namespace ipsec::ui
