#pragma once

#include "model/Address.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ipsec::ui {

// One end of an IP filter, as the snap-in offers it: My IP Address, Any IP Address, a DNS name,
// an IP address or an IP subnet. Widgets are named "<prefix>KindCombo", "<prefix>AddressEdit"
// and "<prefix>Error".
class AddressChooserPage : public QWizardPage {
    Q_OBJECT
public:
    enum class Kind { Me, Any, DnsName, Host, Subnet };

    AddressChooserPage(const QString &title, const QString &subTitle, const QString &prefix,
                       Kind initial, QWidget *parent = nullptr);
    bool isComplete() const override;
    Result<Address> address() const;

private:
    Kind kind() const;
    void updateState();

    QComboBox *m_kind = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
