#pragma once

#include "model/PolicyDatabase.h"

#include <QWizard>

namespace ipsec::ui {

// The snap-in's IP Security Policy Wizard: name and description, then whether the default
// response rule is active. Builds a Policy; the caller commits it with
// PolicyClient::createPolicy() (which adds the default response rule) and deactivates that
// rule when activateDefaultResponseRule() is false.
class IpSecurityPolicyWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { Page_Name, Page_Response, Page_Completing };

    explicit IpSecurityPolicyWizard(const PolicyDatabase &database, QWidget *parent = nullptr);

    Policy policy() const;
    bool activateDefaultResponseRule() const;
};

} // namespace ipsec::ui
