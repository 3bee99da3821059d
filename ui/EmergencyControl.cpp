#include "EmergencyControl.h"

#include "ServiceWorker.h"
#include "client/ClientFactory.h"
#include "service/PolicyClient.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QPointer>
#include <QStatusBar>
#include <QStyle>
#include <QThread>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

EmergencyControl::EmergencyControl(PolicyClient &service, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_action(new QAction(this))
    , m_message(new QLabel(statusBar))
    , m_undo(new QToolButton(statusBar))
{
    m_action->setObjectName(u"emergencyUnassignAction"_s);
    m_action->setText(tr("Emergency Unassign"));
    m_action->setToolTip(tr("Remove every kernel IPsec policy entry of this console at once and "
                            "unassign the policy (Ctrl+Shift+E). No confirmation."));
    // The program's own icon when its resources are linked in (the console), else the style's.
    m_action->setIcon(QFile::exists(u":/icons/emergency.svg"_s)
                          ? QIcon(u":/icons/emergency.svg"_s)
                          : QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_action->setShortcutContext(Qt::ApplicationShortcut);

    m_message->setObjectName(u"emergencyMessage"_s);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_undo->setObjectName(u"emergencyUndoButton"_s);
    m_undo->setText(tr("Undo"));
    m_undo->setToolTip(tr("Put back what the emergency unassign removed."));
    m_undo->hide();
    statusBar->addPermanentWidget(m_message);
    statusBar->addPermanentWidget(m_undo);

    connect(m_action, &QAction::triggered, this, &EmergencyControl::unassignNow);
    connect(m_undo, &QToolButton::clicked, this, &EmergencyControl::undo);
}

void EmergencyControl::unassignNow()
{
    if (m_service.backend() == PolicyClient::Backend::Agent) {
        unassignOnOwnThread();
        return;
    }
    showResult(m_service.emergencyUnassign());
}

// Through the agent the brake must work while the agent is busy with another change, waits for
// polkit or hangs: a thread of its own with a client of its own, which falls back to doing it
// in this process (root) as `ipseccmd emergency-unassign` does.
void EmergencyControl::unassignOnOwnThread()
{
    if (m_running)
        return;
    m_running = true;
    ClientOptions options;
    options.service.storePath = m_service.storePath();
    options.service.netns = m_service.netns();
    QPointer<EmergencyControl> self(this);
    QThread *thread = QThread::create([self, options] {
        const auto report = ClientFactory::emergencyUnassign(options, 3000);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, report] {
                if (!self)
                    return;
                self->m_running = false;
                self->showResult(report);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void EmergencyControl::showResult(const Result<ServiceReport> &report)
{
    if (!report) {
        showMessage(tr("Emergency unassign failed: %1").arg(report.error().message), true);
        return;
    }
    // The last message names the command-line way back; the button is the way back here.
    QStringList lines = report->messages;
    if (lines.size() > 1)
        lines.removeLast();
    showMessage((lines + report->notices).join(u' '), false);
    m_undo->show();
    Q_EMIT unassigned(report->messages.value(0));
    Q_EMIT stateChanged();
}

void EmergencyControl::undo()
{
    if (!m_worker) {
        showReassigned(m_service.reassign());
        return;
    }
    if (m_reassigning)
        return;
    m_reassigning = true;
    m_undo->setEnabled(false);
    PolicyClient *client = &m_service;
    m_worker->run(
        tr("Re-assigning…"), this, [client] { return client->reassign(); },
        [this](const Result<ServiceReport> &report) {
            m_reassigning = false;
            m_undo->setEnabled(true);
            showReassigned(report);
        });
}

void EmergencyControl::showReassigned(const Result<ServiceReport> &report)
{
    if (!report) {
        showMessage(tr("Re-assigning failed: %1").arg(report.error().message), true);
        return;
    }
    m_undo->hide();
    QStringList lines = report->messages + report->notices;
    showMessage(tr("Re-assigned what the emergency unassign removed.") + u' ' + lines.join(u' '),
                false);
    Q_EMIT stateChanged();
}

void EmergencyControl::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? u"color: palette(bright-text); background: #b00020;"_s
                                   : QString());
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace ipsec::ui
