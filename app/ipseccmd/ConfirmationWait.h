#pragma once

#include "Cli.h"
#include "ConfirmationRecord.h"

#include "service/PolicyClient.h"

#include <QObject>

#include <csignal>
#include <functional>

class QEventLoop;
class QSocketNotifier;
class QTimer;

// Waits in-process for a change made with --confirm-within: keeps it when the user types yes
// on the terminal or `ipseccmd confirm` signals this process (SIGUSR1); otherwise the service
// rolls it back at the deadline. SIGHUP is ignored (a cut SSH session must not stop the
// rollback); SIGTERM and SIGINT roll back at once. Signals reach the event loop through a
// self-pipe.
class ConfirmationWait : public QObject {
    Q_OBJECT
public:
    ConfirmationWait(ipsec::PolicyClient &client, std::function<void()> rollBackNow,
                     const QString &netns, const QString &program, CliIo io);
    ~ConfirmationWait() override;

    // 0 when kept, 5 (ErrorCode::Conflict) when rolled back.
    int run();

private:
    void signalArrived();
    void inputArrived();
    void tick();
    void finished(bool kept, const QString &message);
    static void onSignal(int signal);

    ipsec::PolicyClient &m_client;
    std::function<void()> m_rollBackNow;
    QString m_netns;
    QString m_program;
    CliIo m_io;
    ConfirmationRecord m_record;
    QEventLoop *m_loop = nullptr;
    QSocketNotifier *m_signals = nullptr;
    QSocketNotifier *m_input = nullptr;
    QTimer *m_ticker = nullptr;
    QByteArray m_typed;
    bool m_outputIsTerminal = false;
    bool m_kept = false;
    qint64 m_lastPrinted = -1;

    static int s_pipe[2];
    struct sigaction m_saved[5] = {};
};
