#pragma once

#include "engine/EffectivePolicy.h"
#include "model/PolicyDatabase.h"
#include "service/PolicyClient.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace ipsec {

// Changes that roll themselves back: remembers the state before a change, waits for confirm()
// until a deadline, and otherwise has the state put back. Changes made while one waits join
// it: the oldest state is the one that comes back, the later deadline counts. The owner
// (PolicyService) does the restoring, so the store and the kernel change only through it.
class ConfirmationGuard : public QObject {
    Q_OBJECT
public:
    // What comes back when a change is not confirmed.
    struct State {
        PolicyDatabase database; // the store's contents, assignment included
        QList<engine::DynamicFilter> dynamicFilters;
    };
    // Puts a state back; the report's messages are told to the user.
    using Restore = std::function<Result<ServiceReport>(const State &)>;

    static constexpr int MaxSeconds = 86400;

    explicit ConfirmationGuard(Restore restore, QObject *parent = nullptr);
    ~ConfirmationGuard() override;

    bool isPending() const { return m_before.has_value(); }
    std::optional<PendingConfirmation> pending() const;

    // A change was applied; `before` is the state before it. seconds > 0 starts the wait (or
    // moves a waiting deadline later); seconds <= 0 while one waits joins it as it is.
    void changeApplied(const State &before, int seconds, const QString &description);

    // Keeps the changes; an error (NotFound) when none is waiting.
    Result<ServiceReport> confirm();
    // Rolls back now instead of at the deadline (the waiting program is being stopped).
    void rollBackNow();
    // Ends the wait without restoring anything and hands back the remembered state (emergency
    // unassign: it removes everything itself and records the state to re-assign).
    std::optional<State> discard(const QString &message);

Q_SIGNALS:
    void pendingChanged(const ipsec::PendingConfirmation &pending); // started or extended
    void ended(bool kept, const QString &message);

private:
    void deadlineReached();

    Restore m_restore;
    QTimer m_timer;
    std::optional<State> m_before;
    PendingConfirmation m_pending;
};

} // namespace ipsec
