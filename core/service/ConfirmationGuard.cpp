#include "service/ConfirmationGuard.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ipsec {

ConfirmationGuard::ConfirmationGuard(Restore restore, QObject *parent)
    : QObject(parent)
    , m_restore(std::move(restore))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ConfirmationGuard::deadlineReached);
}

// A pending change dies with its owner without being restored: the owner is the process that
// would restore it, and it is going away (the front ends roll back before they exit).
ConfirmationGuard::~ConfirmationGuard() = default;

std::optional<PendingConfirmation> ConfirmationGuard::pending() const
{
    if (!m_before)
        return std::nullopt;
    return m_pending;
}

void ConfirmationGuard::changeApplied(const State &before, int seconds, const QString &description)
{
    if (!m_before && seconds <= 0)
        return;
    seconds = std::min(seconds, MaxSeconds);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_before) {
        m_before = before;
        m_pending.deadline = now.addSecs(seconds);
        m_pending.description = description;
    } else {
        if (seconds > 0)
            m_pending.deadline = std::max(m_pending.deadline, now.addSecs(seconds));
        if (!description.isEmpty())
            m_pending.description +=
                (m_pending.description.isEmpty() ? QString() : u" "_s) + description;
    }
    m_timer.start(int(std::max<qint64>(0, now.msecsTo(m_pending.deadline))));
    Q_EMIT pendingChanged(m_pending);
}

Result<ServiceReport> ConfirmationGuard::confirm()
{
    if (!m_before)
        return Error::notFound(tr("No change is waiting for confirmation."));
    m_timer.stop();
    m_before.reset();
    ServiceReport report;
    report.messages << tr("The changes are kept.");
    Q_EMIT ended(true, report.messages.first());
    return report;
}

void ConfirmationGuard::rollBackNow()
{
    if (m_before)
        deadlineReached();
}

std::optional<ConfirmationGuard::State> ConfirmationGuard::discard(const QString &message)
{
    if (!m_before)
        return std::nullopt;
    m_timer.stop();
    auto state = std::exchange(m_before, std::nullopt);
    Q_EMIT ended(false, message);
    return state;
}

void ConfirmationGuard::deadlineReached()
{
    if (!m_before)
        return;
    m_timer.stop();
    const State state = std::move(*m_before);
    m_before.reset(); // before restoring: the restore is a change of its own, not a joiner
    const auto restored = m_restore(state);
    QString message;
    if (restored) {
        message = tr("The changes were not confirmed in time and were rolled back.");
        if (!restored->messages.isEmpty())
            message += u' ' + restored->messages.join(u' ');
    } else {
        message = tr("The changes were not confirmed in time, but rolling them back failed: %1")
                      .arg(restored.error().message);
    }
    Q_EMIT ended(false, message);
}

} // namespace ipsec
