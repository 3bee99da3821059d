#pragma once

#include "model/PolicyDatabase.h"

#include <QWizard>

namespace ipsec::ui {

class FilterActionSecurityPage;

// The snap-in's Filter Action Wizard: name and description, Permit / Block / Negotiate and,
// for Negotiate, the fallback to unsecured peers and the security method. Builds a
// FilterAction, checked with FilterAction::validate() before Finish; the caller commits it with
// PolicyClient::createFilterAction().
class FilterActionWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { Page_Name, Page_General, Page_Fallback, Page_Security, Page_Completing };

    explicit FilterActionWizard(const PolicyDatabase &database, QWidget *parent = nullptr);

    FilterAction action() const;
    int nextId() const override;

private:
    FilterActionSecurityPage *m_security = nullptr;
};

} // namespace ipsec::ui
