#pragma once

#include <QMainWindow>

class QLabel;
class QTableWidget;

namespace ipsec {
class PolicyService;
}

namespace ipsec::ui {

// The console's main window. For now: the policies of the store with the snap-in's columns
// and a status bar telling which policy is assigned.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(PolicyService &service, QWidget *parent = nullptr);

    void reload();

private:
    PolicyService &m_service;
    QTableWidget *m_policies = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ipsec::ui
