#pragma once

#include "model/Protocol.h"

#include <QWizardPage>

class QComboBox;
class QSpinBox;

namespace ipsec::ui {

// IP Protocol Type: the snap-in's list (Any, EGP, HMP, ICMP, Other, RAW, RDP, RVD, TCP, UDP,
// XNS-IDP); "Other" takes a protocol number.
class IpFilterProtocolPage : public QWizardPage {
    Q_OBJECT
public:
    explicit IpFilterProtocolPage(QWidget *parent = nullptr);
    Protocol protocol() const;

private:
    QComboBox *m_type = nullptr;
    QSpinBox *m_number = nullptr;
};

} // namespace ipsec::ui
