#pragma once

#include "service/PolicyClient.h"

#include <QCoreApplication>

#include <functional>

class QWidget;

namespace ipsec::ui {

// A change through the client that the SSH guard may refuse: the refusal is shown with an
// "Apply Anyway" choice, which runs the same change again with force.
class ApplyAnyway {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ui::ApplyAnyway)
public:
    using Operation = std::function<Result<ServiceReport>()>;
    static Result<ServiceReport> run(PolicyClient &client, QWidget *parent,
                                     const Operation &operation);
};

} // namespace ipsec::ui
