#include "AgentWorker.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;
using namespace ipsec;

AgentWorker::AgentWorker(Options options)
    : m_options(std::move(options))
{
    m_state.netns = m_options.service.netns;
}

AgentWorker::~AgentWorker() = default;

Result<void> AgentWorker::open()
{
    auto service = PolicyService::open(m_options.service);
    if (!service)
        return service.error();
    m_service = std::move(service.value());
    // Changes of the store by anyone (this agent, a root ipseccmd working in-process, another
    // host's copy) are enforced at once; several in a row are enforced once.
    m_enforceTimer = new QTimer(this);
    m_enforceTimer->setSingleShot(true);
    m_enforceTimer->setInterval(0);
    connect(m_enforceTimer, &QTimer::timeout, this, &AgentWorker::enforceOutsideChange);
    connect(m_service.get(), &PolicyClient::changed, this, [this](qint64 revision) {
        {
            QMutexLocker lock(&m_mutex);
            m_state.revision = std::max(m_state.revision, revision);
        }
        m_enforceTimer->start();
        Q_EMIT changed(revision);
    });
    connect(m_service.get(), &PolicyClient::dynamicFiltersChanged, this,
            &AgentWorker::dynamicFiltersChanged);
    connect(m_service.get(), &PolicyClient::confirmationPending, this,
            [this](const PendingConfirmation &p) {
                refreshState();
                Q_EMIT confirmationPending(p.deadline.toMSecsSinceEpoch(), p.description);
            });
    connect(m_service.get(), &PolicyClient::confirmationEnded, this,
            [this](bool kept, const QString &message) {
                refreshState();
                Q_EMIT confirmationEnded(kept, message);
            });
    {
        QMutexLocker lock(&m_mutex);
        m_state.storePath = m_service->storePath();
        m_state.enforcing = m_service->isEnforcing();
    }
    refreshState();
    return {};
}

Result<ServiceReport> AgentWorker::startUp()
{
    // clearDynamicFilters() also enforces the static policy: the kernel ends with exactly the
    // entries it wants, without a moment in which nothing is enforced.
    auto report =
        m_service->isEnforcing() ? m_service->clearDynamicFilters() : m_service->enforce();
    m_service->setWatchInterval(m_options.watchIntervalMs);
    refreshState();
    // The domain's policy is fetched as soon as the agent serves (a directory that does not
    // answer must not hold up the start); until then the cached copy, if any, is enforced.
    m_pollTimer = new QTimer(this);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &AgentWorker::pollDomain);
    m_pollTimer->start(0);
    return report;
}

void AgentWorker::shutDown()
{
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.clear();
    }
    delete m_enforceTimer;
    m_enforceTimer = nullptr;
    delete m_pollTimer;
    m_pollTimer = nullptr;
    m_dryRunService.reset();
    m_service.reset();
}

void AgentWorker::post(Job job, bool urgent)
{
    {
        QMutexLocker lock(&m_mutex);
        if (urgent)
            m_jobs.push_front(std::move(job));
        else
            m_jobs.push_back(std::move(job));
    }
    QMetaObject::invokeMethod(this, &AgentWorker::runNext, Qt::QueuedConnection);
}

AgentWorker::State AgentWorker::state() const
{
    QMutexLocker lock(&m_mutex);
    return m_state;
}

void AgentWorker::requestEnforcement(const QString &reason)
{
    {
        QMutexLocker lock(&m_mutex);
        m_enforceReason = reason;
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_enforceTimer)
                m_enforceTimer->start();
        },
        Qt::QueuedConnection);
}

void AgentWorker::runNext()
{
    Job job;
    {
        QMutexLocker lock(&m_mutex);
        if (m_jobs.empty())
            return;
        job = std::move(m_jobs.front());
        m_jobs.pop_front();
    }
    Outcome outcome = QVariantList();
    auto service = m_service ? serviceFor(job.dryRun)
                             : Result<PolicyService *>(Error::usage(tr("The agent is stopping.")));
    if (service) {
        (*service)->setChangeOptions(job.change);
        (*service)->setRevealSecrets(job.revealSecrets);
        outcome = job.operation(**service);
        (*service)->setChangeOptions({});
        (*service)->setRevealSecrets(true);
    } else {
        outcome = service.error();
    }
    // Status shows the outcome before the caller hears of it.
    refreshState();
    if (job.done)
        job.done(outcome);
}

Result<PolicyService *> AgentWorker::serviceFor(bool dryRun)
{
    if (!dryRun)
        return m_service.get();
    if (!m_dryRunService) {
        PolicyService::Options o = m_options.service;
        o.dryRun = true;
        auto s = PolicyService::open(o);
        if (!s)
            return s.error();
        m_dryRunService = std::move(s.value());
    }
    return m_dryRunService.get();
}

void AgentWorker::refreshState()
{
    if (!m_service)
        return;
    const auto revision = m_service->revision();
    const bool ike = m_service->ikeExemption();
    const auto pending = m_service->pendingConfirmation();
    QMutexLocker lock(&m_mutex);
    if (revision)
        m_state.revision = revision.value();
    m_state.ikeExemption = ike;
    m_state.pending = pending;
}

void AgentWorker::enforceOutsideChange()
{
    QString reason;
    {
        QMutexLocker lock(&m_mutex);
        reason = std::exchange(m_enforceReason, QString());
    }
    auto r = m_service->enforce();
    refreshState();
    if (!r) {
        qWarning().noquote() << tr("Enforcing the changed store failed: %1").arg(r.error().message);
        return;
    }
    for (const QString &m : r->messages)
        qInfo().noquote() << (reason.isEmpty() ? tr("Store changed: %1").arg(m)
                                               : tr("%1: %2").arg(reason, m));
}

void AgentWorker::pollDomain()
{
    if (!m_service || !m_pollTimer)
        return;
    auto r = m_service->pollDomainPolicy();
    refreshState();
    const PolicySourceStatus source = m_service->policySource();
    if (r) {
        for (const QString &m : r->messages)
            qInfo().noquote() << tr("Domain policy: %1").arg(m);
        m_lastPollProblem.clear();
    } else if (r.error().message != m_lastPollProblem) {
        // Not a member, a directory that does not answer, a policy that is refused: said once.
        m_lastPollProblem = r.error().message;
        if (source.source == PolicySourceStatus::Source::Local
            && r.error().code == ErrorCode::NotFound)
            qInfo().noquote() << tr("Domain policy: %1").arg(r.error().message);
        else
            qWarning().noquote()
                << tr("Domain policy: %1 %2").arg(r.error().message, source.describe());
    }
    m_pollTimer->start(m_service->nextPollSeconds(m_options.pollIntervalSeconds) * 1000);
}
