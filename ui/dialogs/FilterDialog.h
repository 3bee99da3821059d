#pragma once

#include "model/Filter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ipsec::ui {

// Filter properties: addresses (source and destination), protocol and ports, mirrored,
// description. OK checks the filter with Filter::validate() and shows the exact problem.
class FilterDialog : public QDialog {
    Q_OBJECT
public:
    // The choices of the snap-in's address combo, in its order.
    enum AddressKind { MyAddress, AnyAddress, SpecificHost, SpecificSubnet, DnsName };

    explicit FilterDialog(const Filter &filter, QWidget *parent = nullptr);
    Result<Filter> filter() const;
    void accept() override;

private:
    struct End {
        QComboBox *kind = nullptr;
        QLineEdit *address = nullptr;
        QLineEdit *mask = nullptr;
    };
    End addEnd(const QString &prefix, const Address &value);
    Result<Address> address(const End &end) const;

    Filter m_filter;
    End m_source;
    End m_destination;
    QComboBox *m_protocol = nullptr;
    QSpinBox *m_sourcePort = nullptr;
    QSpinBox *m_destinationPort = nullptr;
    QCheckBox *m_mirrored = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ipsec::ui
