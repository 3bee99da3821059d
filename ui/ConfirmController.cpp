#include "ConfirmController.h"

#include "ConfirmChangesDialog.h"
#include "InfoBar.h"
#include "ServiceWorker.h"
#include "Settings.h"
#include "service/PolicyClient.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

ConfirmController::ConfirmController(PolicyClient &client, InfoBar *infoBar, QWidget *parent)
    : QObject(parent)
    , m_client(client)
    , m_infoBar(infoBar)
    , m_dialog(new ConfirmChangesDialog(parent))
    , m_menu(new QMenu(tr("Ask to &Keep Kernel Changes"), parent))
    , m_choices(new QActionGroup(this))
{
    setObjectName(u"confirmController"_s);
    m_menu->setObjectName(u"keepChangesMenu"_s);
    const int current = Settings().integer(Settings::Key::KeepChangesSeconds);
    for (const int seconds : {0, 15, 30, 60, 120}) {
        auto *action =
            m_menu->addAction(seconds == 0 ? tr("Off") : tr("%n second(s)", nullptr, seconds));
        action->setObjectName(u"keepChanges%1"_s.arg(seconds));
        action->setCheckable(true);
        action->setChecked(seconds == current);
        m_choices->addAction(action);
        connect(action, &QAction::triggered, this, [this, seconds] {
            Settings().setValue(Settings::Key::KeepChangesSeconds, seconds);
            applySettings();
        });
    }
    connect(&m_client, &PolicyClient::confirmationPending, this, &ConfirmController::pending);
    connect(&m_client, &PolicyClient::confirmationEnded, this, &ConfirmController::ended);
    connect(m_dialog, &ConfirmChangesDialog::keepRequested, this, &ConfirmController::keep);
    applySettings();
}

void ConfirmController::keep()
{
    const auto show = [this](const Result<ServiceReport> &kept) {
        if (!kept) {
            m_infoBar->setText(kept.error().message);
            m_infoBar->show();
        }
    };
    if (!m_worker)
        return show(m_client.confirm());
    PolicyClient *client = &m_client;
    m_worker->run(
        tr("Keeping the changes…"), this, [client] { return client->confirm(); }, show);
}

void ConfirmController::applySettings()
{
    ChangeOptions options = m_client.changeOptions();
    options.confirmWithinSeconds =
        std::clamp(Settings().integer(Settings::Key::KeepChangesSeconds), 0, 86400);
    // The console run over SSH (X forwarding, a remote desktop through a tunnel) guards its
    // own connection as ipseccmd does.
    options.sshConnection = qEnvironmentVariable("SSH_CONNECTION");
    options.force = false;
    m_client.setChangeOptions(options);
}

void ConfirmController::pending(const PendingConfirmation &pending)
{
    m_dialog->showPending(pending.deadline, pending.description);
}

void ConfirmController::ended(bool kept, const QString &message)
{
    m_dialog->hide();
    if (kept)
        return;
    m_infoBar->setText(message);
    m_infoBar->show();
    Q_EMIT rolledBack();
}

} // namespace ipsec::ui
