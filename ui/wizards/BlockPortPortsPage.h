#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace ipsec::ui {

// One port or a list of ports and ranges; Next stays disabled while the list is invalid and
// the error line says why.
class BlockPortPortsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BlockPortPortsPage(QWidget *parent = nullptr);
    bool isComplete() const override;

private:
    void updateError();

    QLineEdit *m_ports = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
