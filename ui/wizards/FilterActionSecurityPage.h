#pragma once

#include "model/SecurityMethod.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace ipsec::ui {

// IP Traffic Security of the Filter Action Wizard: Integrity and encryption, Integrity only, or
// Custom (AH and/or ESP algorithms, key lifetimes), plus session key PFS.
class FilterActionSecurityPage : public QWizardPage {
    Q_OBJECT
public:
    explicit FilterActionSecurityPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    SecurityMethod method() const;
    bool sessionKeyPfs() const;

private:
    void updateState();

    QRadioButton *m_integrityEncryption = nullptr;
    QRadioButton *m_integrityOnly = nullptr;
    QRadioButton *m_custom = nullptr;
    QCheckBox *m_ah = nullptr;
    QComboBox *m_ahHash = nullptr;
    QCheckBox *m_esp = nullptr;
    QComboBox *m_espHash = nullptr;
    QComboBox *m_espCipher = nullptr;
    QSpinBox *m_kbytes = nullptr;
    QSpinBox *m_seconds = nullptr;
    QCheckBox *m_pfs = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
