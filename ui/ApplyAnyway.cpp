#include "ApplyAnyway.h"

#include "MessageBox.h"
#include "service/SshGuard.h"

namespace ipsec::ui {

Result<ServiceReport> ApplyAnyway::run(PolicyClient &client, QWidget *parent,
                                       const Operation &operation)
{
    auto result = operation();
    const ChangeOptions options = client.changeOptions();
    if (result || options.force || !SshGuard::isRefusal(result.error(), options.sshConnection))
        return result;
    const bool anyway = MessageBox::warningWithAction(parent, tr("Your SSH Connection"),
                                                      result.error().message, tr("&Apply Anyway"));
    if (!anyway)
        return result;
    ChangeOptions forced = options;
    forced.force = true;
    client.setChangeOptions(forced);
    auto again = operation();
    client.setChangeOptions(options);
    return again;
}

} // namespace ipsec::ui
