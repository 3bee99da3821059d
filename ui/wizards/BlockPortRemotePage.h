#pragma once

#include "model/Address.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace ipsec::ui {

// The other end of the blocked traffic: any host, or one address or subnet.
class BlockPortRemotePage : public QWizardPage {
    Q_OBJECT
public:
    explicit BlockPortRemotePage(QWidget *parent = nullptr);
    bool isComplete() const override;

    // A host or a subnet; names and keywords are refused with a sentence saying so.
    static Result<Address> parseRemote(const QString &text);

private:
    void updateState();

    QRadioButton *m_any = nullptr;
    QRadioButton *m_specific = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
