// PolicyService: changes that roll themselves back (ConfirmationGuard) and the SSH lock-out
// guard (SshGuard). Kept apart from PolicyService.cpp, which only calls in at the few places
// where state is remembered, changes are applied and the kernel is enforced.

#include "service/PolicyService.h"

#include "engine/FilterExpansion.h"
#include "service/Enforcer.h"
#include "service/RuntimeState.h"
#include "service/SshGuard.h"
#include "store/PolicyStore.h"
#include "store/StoreContents.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace ipsec {

bool PolicyService::remembersState() const
{
    return m_spd && !m_options.dryRun && !m_restoring
           && (changeOptions().confirmWithinSeconds > 0 || m_confirmation->isPending());
}

Result<std::optional<ConfirmationGuard::State>> PolicyService::stateBefore(StoreWriter *writer)
{
    if (!remembersState())
        return std::optional<ConfirmationGuard::State>();
    // Inside a write transaction the writer sees the state the change starts from.
    auto db = writer ? writer->snapshot() : m_store->load();
    if (!db)
        return db.error();
    auto dyn = m_runtime->dynamicFilters();
    if (!dyn)
        return dyn.error();
    return std::optional<ConfirmationGuard::State>(
        ConfirmationGuard::State{std::move(db.value()), std::move(dyn.value())});
}

void PolicyService::changeApplied(const std::optional<ConfirmationGuard::State> &before,
                                  ServiceReport &report)
{
    if (m_options.dryRun || m_restoring)
        return;
    const int seconds = changeOptions().confirmWithinSeconds;
    if (!m_spd) {
        if (seconds > 0)
            report.notices << tr("Nothing reached the kernel, so there is nothing to confirm.");
        return;
    }
    if (!before)
        return;
    const bool joining = m_confirmation->isPending();
    m_confirmation->changeApplied(*before, seconds, report.messages.join(u' '));
    const auto pending = m_confirmation->pending();
    if (joining && pending)
        report.notices << tr("This change joins the change waiting for confirmation: unless "
                             "confirmed by %1, all of them are rolled back.")
                              .arg(pending->deadline.toLocalTime().toString(u"HH:mm:ss"_s));
}

Result<void> PolicyService::checkSshConnection(const PolicyDatabase &db,
                                               const QList<engine::DynamicFilter> &dyn,
                                               ServiceReport &report)
{
    const ChangeOptions &options = changeOptions();
    if (m_restoring || options.sshConnection.isEmpty())
        return {};
    auto connection = SshGuard::parse(options.sshConnection);
    if (!connection) {
        report.notices
            << tr("Your SSH connection was not checked: %1").arg(connection.error().message);
        return {};
    }
    if (!connection.value())
        return {};
    const auto reason = SshGuard::blockReason(*connection.value(), db, dyn,
                                              Enforcer::systemContext(), m_ikeExemption);
    if (!reason)
        return {};
    if (m_options.dryRun) {
        report.notices
            << tr("Without --dry-run this change is refused unless forced: %1").arg(*reason);
        return {};
    }
    if (options.force) {
        report.notices
            << tr("Applied although it cuts your own SSH connection (forced): %1").arg(*reason);
        return {};
    }
    return SshGuard::refusal(*reason);
}

Result<ServiceReport> PolicyService::restoreState(const ConfirmationGuard::State &state)
{
    m_restoring = true;
    const auto done = qScopeGuard([this] { m_restoring = false; });
    ServiceReport report;
    auto lock = lockRuntime();
    auto current =
        lock ? m_runtime->dynamicFilters() : Result<QList<engine::DynamicFilter>>(lock.error());
    Result<void> ok = current ? m_runtime->setDynamicFilters(state.dynamicFilters)
                              : Result<void>(current.error());
    if (ok) {
        // One transaction, enforced before it commits: the store and the kernel come back
        // together or not at all.
        ok = m_store->write([&](StoreWriter &w) -> Result<void> {
            if (auto r = replaceStoreContents(w, state.database); !r)
                return r;
            auto db = w.assignedSnapshot();
            if (!db)
                return db.error();
            return enforceState(db.value(), state.dynamicFilters, report);
        });
        if (!ok && current)
            (void)m_runtime->setDynamicFilters(current.value());
    }
    Q_EMIT dynamicFiltersChanged();
    if (ok)
        return report;
    // The rollback exists to give the administrator their connection back: when the previous
    // state cannot be restored, nothing of ours stays in force instead.
    auto emergency = emergencyUnassign(m_options);
    announceOutsideChange();
    if (!emergency)
        return Error(ok.error().code, tr("%1 The emergency unassign that followed failed too: %2")
                                          .arg(ok.error().message, emergency.error().message));
    report.messages << tr("Restoring the previous state failed (%1), so every kernel entry of "
                          "this tool was removed instead; 'ipseccmd reassign' puts them back.")
                           .arg(ok.error().message);
    return report;
}

void PolicyService::discardPendingForEmergency(ServiceReport &report)
{
    if (m_options.dryRun)
        return;
    auto state = m_confirmation->discard(
        tr("The emergency unassign ended the wait for confirmation: nothing of this tool is "
           "enforced now, and 'ipseccmd reassign' puts back the state before the unconfirmed "
           "change."));
    if (!state)
        return;
    // The emergency record is read and rewritten below: in step with other writers, waiting
    // only briefly (the kernel entries are gone already).
    auto lock = RuntimeLock::acquire(m_runtime->directory(), 3000);
    if (!lock)
        report.notices << lock.error().message;
    // Re-assigning must never bring back what was not confirmed: the store and the emergency
    // record go back to the state before the unconfirmed change (unassigned, as the emergency
    // left it).
    PolicyDatabase db = state->database;
    const Policy *assigned = db.assignedPolicy();
    const QString assignedName = assigned ? assigned->name : QString();
    for (Policy &p : db.policies)
        p.assigned = false;
    if (auto ok = m_store->write([&](StoreWriter &w) { return replaceStoreContents(w, db); }); !ok)
        report.notices << ok.error().message;
    auto record = m_runtime->emergencyRecord();
    if (record && record.value()) {
        RuntimeState::EmergencyRecord r = *record.value();
        r.assignedPolicy = assignedName;
        r.dynamicFilters = state->dynamicFilters;
        // The kernel part too (what reassign puts back without a store): the emergency recorded
        // the unconfirmed change's entries and table, so they are compiled afresh from the state
        // before it, as enforcing it would install them.
        auto kernel = Enforcer::desired(m_source->effective(state->database), state->dynamicFilters,
                                        m_ikeExemption, m_useNft);
        if (kernel) {
            r.entries = kernel->xfrm;
            r.nftTableFile.clear();
            r.nftTableIsText = false;
            r.nftElements = kernel->table.elementCount();
            const QString file = m_runtime->directory() + u"/.nft-confirmed"_s;
            if (!kernel->table.isEmpty()) {
                if (kernel::NftBackend::writeRecordFile(file, kernel->table))
                    r.nftTableFile = file;
                else
                    report.notices << tr("The confirmed nftables table could not be recorded "
                                         "(%1); reassign without a store restores no table.")
                                          .arg(file);
            }
        } else {
            report.notices << tr("The kernel entries of the state before the unconfirmed change "
                                 "could not be compiled (%1); the record keeps those the emergency "
                                 "unassign removed.")
                                  .arg(kernel.error().message);
        }
        if (auto ok = m_runtime->setEmergencyRecord(r); !ok)
            report.notices << ok.error().message;
    }
    report.messages << tr("The change waiting for confirmation was discarded; 'ipseccmd "
                          "reassign' puts back the state before it.");
}

Result<ServiceReport> PolicyService::confirm()
{
    return m_confirmation->confirm();
}

std::optional<PendingConfirmation> PolicyService::pendingConfirmation() const
{
    return m_confirmation->pending();
}

void PolicyService::rollBackNow()
{
    m_confirmation->rollBackNow();
}

} // namespace ipsec
