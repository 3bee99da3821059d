#include "ConfirmationWait.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

constexpr int kHandled[] = {SIGUSR1, SIGTERM, SIGINT, SIGHUP, SIGPIPE};

} // namespace

int ConfirmationWait::s_pipe[2] = {-1, -1};

ConfirmationWait::ConfirmationWait(PolicyClient &client, std::function<void()> rollBackNow,
                                   const QString &netns, const QString &program, CliIo io)
    : m_client(client)
    , m_rollBackNow(std::move(rollBackNow))
    , m_netns(netns)
    , m_program(program)
    , m_io(io)
    , m_record(netns)
{
}

ConfirmationWait::~ConfirmationWait()
{
    for (int i = 0; i < int(std::size(kHandled)); ++i)
        ::sigaction(kHandled[i], &m_saved[i], nullptr);
    for (int &fd : s_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void ConfirmationWait::onSignal(int signal)
{
    const char c = char(signal);
    [[maybe_unused]] const auto written = ::write(s_pipe[1], &c, 1); // async-signal-safe
}

int ConfirmationWait::run()
{
    const auto pending = m_client.pendingConfirmation();
    if (!pending)
        return 0; // nothing reached the kernel: nothing to wait for

    if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        m_io.err << m_program << ": " << tr("Cannot wait for confirmation; rolling back now.")
                 << '\n';
        m_io.err.flush();
        m_rollBackNow();
        return int(ErrorCode::Conflict);
    }
    struct sigaction sa = {};
    sa.sa_handler = &ConfirmationWait::onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    for (int i = 0; i < int(std::size(kHandled)); ++i) {
        const int s = kHandled[i];
        ::sigaction(s, (s == SIGHUP || s == SIGPIPE) ? &ignore : &sa, &m_saved[i]);
    }

    QEventLoop loop;
    m_loop = &loop;
    m_signals = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_signals, &QSocketNotifier::activated, this, &ConfirmationWait::signalArrived);
    const bool interactive = ::isatty(STDIN_FILENO);
    m_outputIsTerminal = ::isatty(STDOUT_FILENO);
    if (interactive) {
        m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_input, &QSocketNotifier::activated, this, &ConfirmationWait::inputArrived);
    }
    connect(&m_client, &PolicyClient::confirmationEnded, this, &ConfirmationWait::finished);
    m_ticker = new QTimer(this);
    connect(m_ticker, &QTimer::timeout, this, &ConfirmationWait::tick);
    m_ticker->start(1000);

    if (auto ok = m_record.writeWaiting(QCoreApplication::applicationPid(), *pending); !ok)
        m_io.err << tr("note: %1").arg(ok.error().message) << '\n';
    const qint64 seconds =
        (QDateTime::currentDateTimeUtc().msecsTo(pending->deadline) + 999) / 1000;
    m_lastPrinted = seconds;
    const QString confirmCommand = m_netns.isEmpty()
                                       ? u"%1 confirm"_s.arg(m_program)
                                       : u"%1 --netns %2 confirm"_s.arg(m_program, m_netns);
    m_io.out << (interactive ? tr("Keep these changes? Type yes within %n s, or run '%1' from "
                                  "another shell; otherwise they are rolled back.",
                                  nullptr, int(seconds))
                             : tr("Keep these changes? Run '%1' within %n s; otherwise they are "
                                  "rolled back.",
                                  nullptr, int(seconds)))
                    .arg(confirmCommand)
             << '\n';
    m_io.out.flush();
    loop.exec();
    m_loop = nullptr;
    return m_kept ? 0 : int(ErrorCode::Conflict);
}

void ConfirmationWait::signalArrived()
{
    char arrived[16];
    const auto n = ::read(s_pipe[0], arrived, sizeof arrived);
    for (qsizetype i = 0; i < n; ++i) {
        if (arrived[i] == SIGUSR1) {
            (void)m_client.confirm(); // confirmationEnded follows
        } else {
            m_io.out << tr("Stopped: rolling the changes back now.") << '\n';
            m_io.out.flush();
            m_rollBackNow();
        }
    }
}

void ConfirmationWait::inputArrived()
{
    char buffer[256];
    const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        // End of input or a hung-up terminal: keep waiting for the deadline or `confirm`.
        m_input->setEnabled(false);
        return;
    }
    m_typed.append(buffer, n);
    qsizetype end;
    while ((end = m_typed.indexOf('\n')) >= 0) {
        const QString answer = QString::fromLocal8Bit(m_typed.left(end)).trimmed().toLower();
        m_typed.remove(0, end + 1);
        if (answer == u"yes"_s || answer == u"y"_s || answer == tr("yes")) {
            (void)m_client.confirm();
            return;
        }
        if (answer == u"no"_s || answer == u"n"_s || answer == tr("no")) {
            m_rollBackNow();
            return;
        }
        m_io.out << tr("Type yes to keep the changes, or no to roll them back now.") << '\n';
        m_io.out.flush();
    }
}

void ConfirmationWait::tick()
{
    const auto pending = m_client.pendingConfirmation();
    if (!pending)
        return;
    const qint64 left = (QDateTime::currentDateTimeUtc().msecsTo(pending->deadline) + 999) / 1000;
    if (left <= 0 || left == m_lastPrinted)
        return;
    // Sparingly: a log file or a pipe gets a line a minute and one shortly before the end.
    const bool due =
        m_outputIsTerminal ? (left % 10 == 0 || left <= 5) : (left % 60 == 0 || left == 10);
    if (!due)
        return;
    m_lastPrinted = left;
    m_io.out << tr("Rolled back in %n s unless confirmed.", nullptr, int(left)) << '\n';
    m_io.out.flush();
}

void ConfirmationWait::finished(bool kept, const QString &message)
{
    m_kept = kept;
    m_ticker->stop();
    (void)m_record.writeOutcome(QCoreApplication::applicationPid(), kept, message);
    m_io.out << message << '\n';
    m_io.out.flush();
    if (m_loop)
        m_loop->quit();
}
