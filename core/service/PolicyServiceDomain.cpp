// The domain half of PolicyService: which policy is enforced (PolicySource decides), and
// fetching the domain's policy now (ipseccmd refresh, gpupdate /force, the agent's polls).

#include "service/PolicyService.h"

#include "service/PolicyEdits.h"
#include "service/RuntimeState.h"
#include "store/PolicyStore.h"

using namespace Qt::StringLiterals;

namespace ipsec {

Result<ServiceReport> PolicyClient::refreshPolicy()
{
    return Error::usage(tr("This client cannot ask the domain for its policy."));
}

PolicySourceStatus PolicyClient::policySource() const
{
    return PolicySource::readStatus(storePath());
}

const PolicyDatabase &PolicyService::effectivePolicy(const PolicyDatabase &local,
                                                     ServiceReport &report)
{
    const PolicyDatabase &db = m_source->effective(local);
    if (&db != &local && !m_reassigning) {
        // The brake holds for the domain's policy as for the local one (the emergency
        // unassigned the local store; a poll or an address change must not undo it).
        if (auto record = m_runtime->emergencyRecord(); record && record.value()) {
            report.notices << tr("The domain's policy is not enforced after the emergency "
                                 "unassign; 'ipseccmd reassign' puts it back.");
            return local;
        }
    }
    if (&db != &local) {
        const Policy *domain = db.assignedPolicy();
        const Policy *own = local.assignedPolicy();
        if (own)
            report.notices << tr("The domain's policy %1 is enforced instead of the local "
                                 "assigned policy %2 (a domain policy overrides the local one).")
                                  .arg(PolicyEdits::quote(domain ? domain->name : QString()),
                                       PolicyEdits::quote(own->name));
    }
    return db;
}

PolicySourceStatus PolicyService::policySource() const
{
    return m_source->status();
}

Result<PolicyDatabase> PolicyService::loadEffective() const
{
    auto local = load();
    if (!local)
        return local;
    PolicyDatabase db = m_source->effective(local.value());
    if (!m_revealSecrets)
        db.maskSecrets();
    return db;
}

int PolicyService::nextPollSeconds(int cap) const
{
    return m_source->nextPollSeconds(cap);
}

Result<ServiceReport> PolicyService::refreshPolicy()
{
    return fetchDomainPolicy(true);
}

Result<ServiceReport> PolicyService::pollDomainPolicy()
{
    return fetchDomainPolicy(false);
}

Result<ServiceReport> PolicyService::fetchDomainPolicy(bool enforceAlways)
{
    ServiceReport report;
    if (m_options.readOnly)
        return Error::permission(tr("Fetching the domain's policy changes what is enforced; "
                                    "the store is open read-only."));
    if (m_options.dryRun) {
        report.notices << tr("Dry run: the domain's policy was not fetched.");
        return report;
    }
    QStringList messages;
    auto refreshed = m_source->refresh(m_options.directory, messages);
    report.messages << messages;
    if (!refreshed)
        return refreshed.error();
    if (!refreshed->configured)
        return Error::notFound(refreshed->status.problem);
    if (m_spd && (enforceAlways || refreshed->changed)) {
        // A refresh enforces again also when nothing changed (it repairs what drifted, as a
        // Policy Agent restart does); a poll only when the policy changed.
        auto enforced = enforce();
        if (!enforced)
            return enforced.error();
        report.messages << enforced->messages;
        report.notices << enforced->notices;
    } else if (!m_spd) {
        report.notices << tr("Fetched only, not enforced: changing the kernel's IPsec policy "
                             "needs root.");
    }
    if (messages.isEmpty())
        report.messages << refreshed->status.describe();
    return report;
}

} // namespace ipsec
