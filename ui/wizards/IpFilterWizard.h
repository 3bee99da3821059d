#pragma once

#include "model/Filter.h"

#include <QWizard>

namespace ipsec::ui {

class AddressChooserPage;
class IpFilterProtocolPage;

// The snap-in's IP Filter Wizard: description and mirroring, source, destination, protocol and
// (TCP/UDP only) ports. Builds a Filter, checked with Filter::validate() before Finish; the
// caller adds it to a filter list.
class IpFilterWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        Page_Description,
        Page_Source,
        Page_Destination,
        Page_Protocol,
        Page_Ports,
        Page_Completing,
    };

    explicit IpFilterWizard(QWidget *parent = nullptr);

    // The filter the pages describe (addresses still unparsable are left "any").
    Filter filter() const;
    int nextId() const override;

private:
    AddressChooserPage *m_source = nullptr;
    AddressChooserPage *m_destination = nullptr;
    IpFilterProtocolPage *m_protocol = nullptr;
};

} // namespace ipsec::ui
