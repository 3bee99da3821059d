#include "service/PolicyService.h"

#include "kernel/NetlinkSpd.h"
#include "kernel/NftBackend.h"
#include "kernel/Ownership.h"
#include "kernel/XfrmStatistics.h"
#include "service/Enforcer.h"
#include "service/IkeSync.h"
#include "service/NetshRunner.h"
#include "service/PolicyEdits.h"
#include "service/RuntimeState.h"
#include "service/StaticCommand.h"
#include "snapshot/SnapshotDiff.h"
#include "snapshot/SnapshotJson.h"
#include "snapshot/SnapshotReader.h"
#include "store/PolicyStore.h"
#include "store/StoreContents.h"
#include "util/Profile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QScopeGuard>
#include <QScopedValueRollback>
#include <QSet>
#include <QSysInfo>

#include <unistd.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

bool isRoot()
{
    return ::geteuid() == 0;
}

// An emergency unassign removes the kernel entries first, without waiting; it waits this long
// for the runtime lock only to do its bookkeeping in step with other writers.
constexpr int EmergencyLockTimeoutMs = 3000;

// Set by the test suite: never touch the kernel policy of the namespace the tests run in.
bool kernelForbidden(const PolicyService::Options &o)
{
    return o.netns.isEmpty() && qEnvironmentVariableIsSet("IPSEC_CONSOLE_TEST_GUARD");
}

// For the operations that exist only to change the kernel.
Result<void> checkKernelAccess(const PolicyService::Options &o, const QString &whyRoot)
{
    if (!isRoot())
        return Error::permission(whyRoot);
    if (kernelForbidden(o))
        return Error::permission(u"IPSEC_CONSOLE_TEST_GUARD: no --netns given"_s);
    return {};
}

// Why nothing reaches the kernel, said once per command.
QString notEnforcedNotice()
{
    return PolicyService::tr("Stored only, not enforced: changing the kernel's IPsec policy needs "
                             "root.");
}

Result<std::unique_ptr<kernel::Spd>> openSpd(int failAfter)
{
    kernel::NetlinkSpd::Options o;
    o.failAfterOperations = failAfter;
    auto spd = kernel::NetlinkSpd::open(o);
    if (!spd)
        return spd.error();
    return std::unique_ptr<kernel::Spd>(std::move(spd.value()));
}

// The project's nftables table, or null when the kernel has no nf_tables (why in *why).
std::unique_ptr<kernel::NftBackend> openNft(int failAfter, QString *why = nullptr)
{
    kernel::NftBackend::Options o;
    // The kernel failure test hook (IPSEC_CONSOLE_TEST_KERNEL_FAIL_AFTER): the table's
    // transaction is one change, all or nothing, so it fails as a whole.
    o.failNextApply = failAfter >= 0;
    auto nft = kernel::NftBackend::open(o);
    if (!nft) {
        if (why)
            *why = nft.error().message;
        return nullptr;
    }
    return std::move(nft.value());
}

// Puts back the table of an emergency record: the backend's record in one transaction, or an
// earlier version's nft text.
Result<void> restoreNftTable(kernel::NftBackend &nft, const RuntimeState::EmergencyRecord &r,
                             bool dryRun, ServiceReport &report)
{
    if (r.nftTableIsText) {
        QFile f(r.nftTableFile);
        if (!f.open(QIODevice::ReadOnly))
            return Error::store(
                RuntimeState::tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
        const QString commands = engine::nftDeleteTableCommands() + QString::fromUtf8(f.readAll());
        if (dryRun) {
            report.ipCommands << commands.split(u'\n', Qt::SkipEmptyParts);
            return {};
        }
        return nft.apply(commands);
    }
    const auto spec = kernel::NftBackend::readRecord(r.nftTableFile);
    if (!spec)
        return Error::store(RuntimeState::tr("%1 is damaged.").arg(r.nftTableFile));
    if (dryRun) {
        const QString commands =
            engine::nftDeleteTableCommands() + kernel::NftBackend::specText(*spec);
        report.ipCommands << commands.split(u'\n', Qt::SkipEmptyParts);
        return {};
    }
    return nft.replaceTable(*spec);
}

// Removes the project's table if there is one; a line for the report, empty when none.
Result<QString> removeNftTable(kernel::NftBackend *nft, bool dryRun)
{
    if (!nft)
        return QString();
    auto exists = nft->tableExists();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return QString();
    if (!dryRun) {
        if (auto ok = nft->deleteTable(); !ok)
            return ok.error();
    }
    return PolicyService::tr("Removed the nftables table inet ipsec_console (block and permit "
                             "filters).");
}

} // namespace

Result<QString> PolicyService::resolveKernelBackend(const QString &requested)
{
    QString b = requested.isEmpty() ? qEnvironmentVariable("IPSEC_CONSOLE_BACKEND") : requested;
    b = b.trimmed().toLower();
    if (b.isEmpty())
        return u"nft"_s;
    if (b != u"nft"_s && b != u"xfrm"_s)
        return Error::usage(tr("Unknown kernel backend \"%1\": use nft (block and permit in "
                               "nftables, negotiate in XFRM) or xfrm (every filter in XFRM).")
                                .arg(requested.isEmpty() ? b : requested));
    return b;
}

PolicyService::PolicyService(std::shared_ptr<AbstractPolicyStore> store, Options options)
    : m_store(std::move(store))
    , m_runtime(std::make_unique<RuntimeState>(options.netns))
    , m_options(std::move(options))
    , m_confirmation(std::make_unique<ConfirmationGuard>(
          [this](const ConfirmationGuard::State &state) { return restoreState(state); }))
{
    connect(m_store.get(), &AbstractPolicyStore::changed, this, &PolicyService::changed);
    connect(m_confirmation.get(), &ConfirmationGuard::pendingChanged, this,
            &PolicyClient::confirmationPending);
    connect(m_confirmation.get(), &ConfirmationGuard::ended, this,
            &PolicyClient::confirmationEnded);
    m_ikeExemption = m_options.ikeExemption.value_or(m_runtime->ikeExemption());
    m_source = std::make_unique<PolicySource>(m_store->path());
}

PolicyService::~PolicyService() = default;

Result<std::unique_ptr<PolicyService>> PolicyService::open(const Options &options)
{
    profileMark("service: opening");
    const QString path = PolicyStore::resolvePath(options.storePath);
    // Reading a store that does not exist yet creates it with the Windows examples, as a
    // Windows machine always has its local store.
    const bool readOnly = options.readOnly && QFileInfo::exists(path);
    auto store = PolicyStore::shared(path, readOnly ? PolicyStore::OpenMode::ReadOnly
                                                    : PolicyStore::OpenMode::ReadWrite);
    if (!store)
        return store.error();
    std::unique_ptr<PolicyService> service(new PolicyService(std::move(store.value()), options));
    profileMark("service: store opened");
    if (isRoot()) {
        // Runtime folders of namespaces that are gone accumulate otherwise; once per process.
        static std::once_flag cleaned;
        std::call_once(cleaned, [] { (void)RuntimeState::removeStale(); });
    }
    // Keys only for root and the store's owner (a store other users can read is an old one).
    service->m_revealSecrets = isRoot() || QFileInfo(path).ownerId() == ::geteuid();
    if (options.enforcement == Enforcement::Auto && isRoot() && !kernelForbidden(options)) {
        profileMark("service: stale runtime folders removed");
        if (auto ok = service->openKernel(); !ok)
            return ok.error();
        profileMark("service: kernel opened");
        if (options.ikeExemption && !options.dryRun && !options.readOnly) {
            if (auto ok = service->m_runtime->setIkeExemption(*options.ikeExemption); !ok)
                return ok.error();
        }
    }
    return service;
}

Result<std::unique_ptr<PolicyService>>
PolicyService::openOn(std::shared_ptr<AbstractPolicyStore> store, const Options &options)
{
    if (!store)
        return Error::usage(tr("No policy store was given."));
    Options o = options;
    o.enforcement = Enforcement::Off;
    o.ikeExemption.reset();
    std::unique_ptr<PolicyService> service(new PolicyService(std::move(store), o));
    // Whoever could bind to the directory can read its keys anyway.
    service->m_revealSecrets = true;
    return service;
}

Result<void> PolicyService::openKernel()
{
    auto backend = resolveKernelBackend(m_options.kernelBackend);
    if (!backend)
        return backend.error();
    auto spd = openSpd(m_options.kernelFailAfter);
    if (!spd)
        return spd.error();
    m_spd = std::move(spd.value());
    QString why;
    m_nft = openNft(m_options.kernelFailAfter, &why);
    // What the table was made of last time, so the next change needs not read it back (dry runs
    // change nothing, so they need no record). A dot file: RuntimeState::removeStale() removes
    // folders holding only the project's files.
    if (m_nft && !m_options.dryRun)
        m_nft->setRecordFile(m_runtime->nftRecordFile());
    m_useNft = m_nft && backend.value() == u"nft"_s;
    if (!m_nft && backend.value() == u"nft"_s)
        m_backendNotice = tr("%1 Falling back to XFRM for every filter.").arg(why);
    return {};
}

Result<std::optional<RuntimeLock>> PolicyService::lockRuntime() const
{
    if (!m_spd || m_options.dryRun)
        return std::optional<RuntimeLock>();
    auto lock = RuntimeLock::acquire(m_runtime->directory());
    if (!lock)
        return lock.error();
    return std::optional<RuntimeLock>(std::move(lock.value()));
}

QString PolicyService::storePath() const
{
    return m_store->path();
}
QString PolicyService::netns() const
{
    return m_options.netns;
}
bool PolicyService::isEnforcing() const
{
    return m_spd != nullptr;
}
Result<PolicyDatabase> PolicyService::load() const
{
    auto db = m_store->load();
    if (db && !m_revealSecrets)
        db->maskSecrets();
    return db;
}
Result<qint64> PolicyService::revision() const
{
    return m_store->revision();
}
void PolicyService::setWatchInterval(int intervalMs)
{
    m_store->setWatchInterval(intervalMs);
}

Result<PolicyDatabase> PolicyService::loadForEnforcing() const
{
    return remembersState() ? m_store->load() : m_store->loadAssigned();
}

Result<void> PolicyService::enforceState(const PolicyDatabase &local,
                                         const QList<engine::DynamicFilter> &dyn,
                                         ServiceReport &report)
{
    if (!m_spd)
        return {};
    // The domain's policy instead of the local one when the domain assigns one (PolicySource).
    const PolicyDatabase &db = effectivePolicy(local, report);
    // The one place every kernel change passes: nothing may cut the caller's SSH session.
    if (auto ok = checkSshConnection(db, dyn, report); !ok)
        return ok;
    Enforcer::Options o;
    o.ikeExemption = m_ikeExemption;
    o.dryRun = m_options.dryRun;
    auto outcome =
        Enforcer(*m_spd, m_useNft ? m_nft.get() : nullptr, m_useNft ? nullptr : m_nft.get())
            .enforce(db, dyn, o);
    if (!outcome)
        return outcome.error();
    profileMark("service: kernel changed");
    // The backend's record of the table (beside the kernel, for an emergency unassign) is
    // written with the change itself; a text copy an earlier version kept goes.
    if (!m_options.dryRun)
        m_runtime->dropLegacyNftTable();
    if (!m_backendNotice.isEmpty())
        report.notices << m_backendNotice;
    report.notices << outcome->warnings;
    if (outcome->nftChanged && outcome->nftIncremental && !m_options.dryRun)
        report.messages << tr("Kernel: nftables table inet ipsec_console, %1 set element(s) "
                              "added and %2 removed.")
                               .arg(outcome->nftElementsAdded)
                               .arg(outcome->nftElementsRemoved);
    else if (outcome->nftChanged && !m_options.dryRun)
        report.messages << (outcome->nftRules == 0
                                ? tr("Kernel: removed the nftables table inet ipsec_console.")
                                : tr("Kernel: nftables table inet ipsec_console with %n rule(s) "
                                     "and %1 set element(s).",
                                     nullptr, outcome->nftRules)
                                      .arg(outcome->nftElements));
    if (m_options.dryRun) {
        report.ipCommands << outcome->ipCommands;
        return {};
    }
    if (outcome->added || outcome->removed || outcome->replaced)
        report.messages << tr("Kernel: %1 added, %2 replaced, %3 removed (%4 unchanged).")
                               .arg(outcome->added)
                               .arg(outcome->replaced)
                               .arg(outcome->removed)
                               .arg(outcome->unchanged);
    // The kernel holds the policy (Require Security drops clear text on its own); charon gets
    // the connections that negotiate the SAs.
    syncIke(db, dyn, report);
    return {};
}

Result<ServiceReport> PolicyService::changeStore(
    const std::function<Result<void>(StoreWriter &, ServiceReport &)> &change,
    const QList<engine::DynamicFilter> *dynamicFilters)
{
    auto lock = lockRuntime();
    if (!lock)
        return lock.error();
    ServiceReport report;
    bool rolledBackForDryRun = false;
    std::optional<ConfirmationGuard::State> before;
    profileMark("service: change starts");
    auto ok = m_store->write([&](StoreWriter &w) -> Result<void> {
        auto remembered = stateBefore(&w);
        if (!remembered)
            return remembered.error();
        before = std::move(remembered.value());
        if (auto r = change(w, report); !r)
            return r;
        if (m_spd) {
            // Enforce the new state before the store commits: if the kernel refuses, the store
            // rolls back too, and the kernel layer has already restored its previous state.
            profileMark("service: store changed");
            // The assigned policy alone: what the kernel gets (stateBefore() kept the whole
            // store when the change may be rolled back).
            auto db = w.assignedSnapshot();
            if (!db)
                return db.error();
            profileMark("service: store read back (snapshot)");
            auto dyn = dynamicFilters ? Result<QList<engine::DynamicFilter>>(*dynamicFilters)
                                      : m_runtime->dynamicFilters();
            if (!dyn)
                return dyn.error();
            if (auto r = enforceState(db.value(), dyn.value(), report); !r)
                return r;
            profileMark("service: enforced");
        }
        if (m_options.dryRun) {
            rolledBackForDryRun = true;
            return Error::usage(u"dry run"_s);
        }
        return {};
    });
    profileMark("service: store committed");
    if (!ok && !rolledBackForDryRun) {
        // A failed commit after the kernel changed: put the kernel back to the stored state.
        if (m_spd && ok.error().code == ErrorCode::Store)
            (void)enforce();
        return ok.error();
    }
    if (m_store->kind() == AbstractPolicyStore::Kind::Directory)
        report.notices << tr("Written to the directory %1: domain members whose Group Policy "
                             "assigns the policy apply it at their next poll.")
                              .arg(m_store->path());
    else if (!m_spd)
        report.notices << notEnforcedNotice();
    if (m_options.dryRun)
        report.notices << tr("Dry run: nothing was changed.");
    changeApplied(before, report);
    return report;
}

Result<ServiceReport> PolicyService::executeStatic(const syntax::IpsecCmdCommand &command)
{
    if (auto ok = StaticCommand::check(command); !ok)
        return ok.error();
    // -w DS goes to the directory store: the front end opens the service on it.
    if (command.storeType.compare(u"DS", Qt::CaseInsensitive) == 0
        && m_store->kind() != AbstractPolicyStore::Kind::Directory)
        return Error::usage(tr("-w DS names the directory store, but this service works on the "
                               "local store %1.")
                                .arg(m_store->path()));
    return changeStore([&](StoreWriter &w, ServiceReport &report) {
        return StaticCommand(w, report).run(command);
    });
}

Result<ServiceReport> PolicyService::executeNetsh(const QString &script, const QString &origin,
                                                  ScriptMode mode)
{
    const bool lineByLine = mode == ScriptMode::LineByLine;
    QList<syntax::NetshCommand> commands;
    QList<syntax::NetshScript::LineError> badLines;
    if (lineByLine) {
        auto parsed = syntax::NetshScript::parseEach(script, origin);
        commands = std::move(parsed.commands);
        badLines = std::move(parsed.errors);
    } else {
        auto parsed = syntax::NetshScript::parse(script, origin);
        if (!parsed)
            return parsed.error();
        commands = std::move(parsed.value());
    }
    const auto lineErrors = [&] {
        QStringList out;
        for (const auto &e : std::as_const(badLines))
            out << e.message;
        return out;
    };
    const bool changes = std::any_of(commands.cbegin(), commands.cend(),
                                     [](const auto &c) { return !c.isReadOnly(); });
    if (!changes) {
        ServiceReport nothing; // show and exportpolicy are the caller's; nothing to write
        nothing.errors = lineErrors();
        return nothing;
    }
    // Dynamic rules, main-mode and quick-mode policies and settings: the dynamic store, which
    // lives beside the kernel's policy (root or the agent).
    const auto changesKernel = [](const syntax::NetshCommand &c) {
        return c.isDynamic() && !c.isReadOnly();
    };
    const bool dynamic = std::any_of(commands.cbegin(), commands.cend(), changesKernel);
    if (dynamic && !m_spd && !lineByLine)
        return Error::permission(tr("%1: dynamic rules live only in the kernel; changing them "
                                    "needs root (or the policy agent). Nothing was changed.")
                                     .arg(origin));
    // The dynamic rules are read here and written after the store committed: one step.
    auto lock = lockRuntime();
    if (!lock)
        return lock.error();
    auto current = m_runtime->dynamicFilters();
    if (!current)
        return current.error();
    auto currentIke = m_runtime->dynamicIke();
    if (!currentIke)
        return currentIke.error();
    const bool multiLine = script.contains(u'\n');
    const auto where = [&](int line) {
        return multiLine ? tr("%1 line %2").arg(origin).arg(line) : origin;
    };
    // The dynamic list is computed inside the store transaction and enforced with it; it is
    // written to the runtime state only once the store has committed.
    QList<engine::DynamicFilter> next = current.value();
    engine::DynamicIke nextIke = currentIke.value();
    bool dynamicChanged = false;
    bool ikeChanged = false;
    // Enforcement inside changeStore gives charon the connections of these (IkeSync).
    m_pendingIke = &nextIke;
    const auto noPending = qScopeGuard([this] { m_pendingIke = nullptr; });
    auto report = changeStore(
        [&](StoreWriter &w, ServiceReport &r) -> Result<void> {
            NetshRunner runner(w, next, nextIke, r,
                               m_store->kind() == AbstractPolicyStore::Kind::Directory);
            for (const syntax::NetshCommand &c : std::as_const(commands)) {
                if (!lineByLine) {
                    if (auto ok = runner.run(c); !ok) {
                        QString why = ok.error().message;
                        if (!why.endsWith(u'.'))
                            why += u'.';
                        return Error{ok.error().code,
                                     where(c.line) + u": "_s + why + tr(" Nothing was changed.")};
                    }
                    continue;
                }
                if (c.verb == syntax::NetshCommand::Verb::ImportPolicy)
                    continue; // the caller reads the file and imports it (importSnapshot)
                if (changesKernel(c) && !m_spd) {
                    badLines << syntax::NetshScript::LineError{
                        c.line, where(c.line) + u": "_s
                                    + tr("dynamic rules live only in the kernel; changing them "
                                         "needs root (or the policy agent).")};
                    continue;
                }
                // One line at a time: a failing line takes back only its own changes.
                const QList<engine::DynamicFilter> before = next;
                const engine::DynamicIke ikeBefore = nextIke;
                const qsizetype messages = r.messages.size();
                const qsizetype notices = r.notices.size();
                if (auto ok = w.step([&] { return runner.run(c); }); !ok) {
                    next = before;
                    nextIke = ikeBefore;
                    r.messages.resize(messages);
                    r.notices.resize(notices);
                    if (ok.error().code == ErrorCode::Store)
                        return ok; // the database itself failed: stop
                    badLines << syntax::NetshScript::LineError{c.line, where(c.line) + u": "_s
                                                                           + ok.error().message};
                }
            }
            dynamicChanged = runner.dynamicChanged();
            ikeChanged = runner.dynamicIkeChanged();
            return {};
        },
        &next);
    if (report && lineByLine) {
        std::sort(badLines.begin(), badLines.end(),
                  [](const auto &a, const auto &b) { return a.line < b.line; });
        report->errors = lineErrors();
    }
    if (!report || m_options.dryRun)
        return report;
    if (ikeChanged && !(nextIke == currentIke.value())) {
        if (auto ok = m_runtime->setDynamicIke(nextIke); !ok)
            return Error{ok.error().code,
                         tr("The changes were enforced, but the dynamic main mode and quick mode "
                            "policies could not be recorded (%1).")
                             .arg(ok.error().message)};
    }
    if (!dynamicChanged)
        return report;
    if (auto ok = m_runtime->setDynamicFilters(next); !ok) {
        // Keep kernel and runtime state in step: back to the recorded dynamic filters.
        ServiceReport ignored;
        if (auto db = m_store->loadAssigned())
            (void)enforceState(db.value(), current.value(), ignored);
        return Error{ok.error().code,
                     tr("The static changes were committed, but the dynamic rules could not be "
                        "recorded (%1); the dynamic rules were left as they were.")
                         .arg(ok.error().message)};
    }
    Q_EMIT dynamicFiltersChanged();
    return report;
}

Result<ServiceReport> PolicyService::assignPolicy(const QString &name)
{
    syntax::IpsecCmdCommand c;
    c.staticMode = true;
    c.storeType = u"REG"_s;
    c.policyName = name;
    c.assign = true;
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        auto p = w.findPolicy(name);
        if (!p)
            return p.error();
        if (!p.value())
            return Error::notFound(
                tr("There is no policy named %1.").arg(PolicyEdits::quote(name)));
        return StaticCommand(w, report).run(c);
    });
}

Result<ServiceReport> PolicyService::unassignPolicy(const QString &name)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        auto assigned = w.assignedPolicy();
        if (!assigned)
            return assigned.error();
        if (!assigned.value()) {
            report.notices << tr("No policy is assigned.");
            return {};
        }
        auto p = w.policy(*assigned.value());
        if (!p)
            return p.error();
        if (!name.isEmpty() && p->name.compare(name, Qt::CaseInsensitive) != 0) {
            report.notices << tr("Policy %1 is not assigned (%2 is).")
                                  .arg(PolicyEdits::quote(name), PolicyEdits::quote(p->name));
            return {};
        }
        report.messages << tr("Unassigned policy %1.").arg(PolicyEdits::quote(p->name));
        return w.setAssignedPolicy(std::nullopt);
    });
}

Result<ServiceReport> PolicyService::deletePolicy(const QString &name)
{
    syntax::IpsecCmdCommand c;
    c.staticMode = true;
    c.storeType = u"REG"_s;
    c.policyName = name;
    c.remove = true;
    return executeStatic(c);
}

namespace {

Result<void> validated(const QStringList &problems)
{
    if (problems.isEmpty())
        return {};
    return Error::usage(problems.join(u' '));
}

// The rule's name must be free in its policy (PolicyEdits has the rule and the sentence).
Result<void> checkRuleName(StoreWriter &w, const Rule &rule)
{
    auto policy = w.policy(rule.policyId);
    if (!policy)
        return policy.error();
    return PolicyEdits::checkRuleNameFree(w, policy.value(), rule.name, rule.id);
}

} // namespace

Result<ServiceReport>
PolicyService::validatedChange(const QStringList &problems,
                               const std::function<Result<void>(StoreWriter &)> &change,
                               const QString &done)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        if (auto ok = validated(problems); !ok)
            return ok;
        if (auto ok = change(w); !ok)
            return ok;
        report.messages << done;
        return {};
    });
}

Result<ServiceReport> PolicyService::createPolicy(Policy &policy)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        if (auto ok = validated(policy.validate()); !ok)
            return ok;
        policy.assigned = false;
        // The name clash and the default response rule, as netsh and ipseccmd have them.
        return PolicyEdits::createPolicy(w, report, policy, true);
    });
}

Result<ServiceReport> PolicyService::updatePolicy(const Policy &policy)
{
    return validatedChange(
        policy.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok = PolicyEdits::checkNameFree(w, PolicyEdits::Object::Policy, policy.name,
                                                     policy.id);
                !ok)
                return ok;
            return w.updatePolicy(policy);
        },
        tr("Changed policy %1.").arg(PolicyEdits::quote(policy.name)));
}

Result<ServiceReport> PolicyService::deletePolicy(qint64 policyId)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        auto p = w.policy(policyId);
        if (!p)
            return p.error();
        return PolicyEdits::deletePolicy(w, report, p.value());
    });
}

Result<ServiceReport> PolicyService::createRule(Rule &rule)
{
    return validatedChange(
        rule.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok = checkRuleName(w, rule); !ok)
                return ok;
            return w.insertRule(rule);
        },
        tr("Added rule %1.").arg(PolicyEdits::quote(rule.name)));
}

Result<ServiceReport> PolicyService::updateRule(const Rule &rule)
{
    return validatedChange(
        rule.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok = checkRuleName(w, rule); !ok)
                return ok;
            return w.updateRule(rule);
        },
        tr("Changed rule %1.").arg(PolicyEdits::quote(rule.name)));
}

Result<ServiceReport> PolicyService::deleteRule(qint64 ruleId)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        auto policies = w.policies();
        if (!policies)
            return policies.error();
        for (const Policy &p : policies.value()) {
            auto rules = w.rulesOf(p.id);
            if (!rules)
                return rules.error();
            for (const Rule &r : rules.value()) {
                if (r.id != ruleId)
                    continue;
                if (r.defaultResponse)
                    return Error::conflict(tr("The default response rule cannot be deleted, only "
                                              "deactivated."));
                if (auto ok = w.deleteRule(ruleId); !ok)
                    return ok;
                report.messages << tr("Deleted rule %1.").arg(PolicyEdits::quote(r.name));
                return {};
            }
        }
        return Error::notFound(tr("The rule no longer exists."));
    });
}

Result<ServiceReport> PolicyService::createFilterList(FilterList &list)
{
    return validatedChange(
        list.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok = PolicyEdits::checkNameFree(w, PolicyEdits::Object::FilterList, list.name);
                !ok)
                return ok;
            return w.insertFilterList(list);
        },
        tr("Created filter list %1.").arg(PolicyEdits::quote(list.name)));
}

Result<ServiceReport> PolicyService::updateFilterList(const FilterList &list)
{
    return validatedChange(
        list.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok = PolicyEdits::checkNameFree(w, PolicyEdits::Object::FilterList, list.name,
                                                     list.id);
                !ok)
                return ok;
            if (auto ok = w.updateFilterList(list); !ok)
                return ok;
            QList<Filter> filters = list.filters;
            return w.replaceFilters(list.id, filters);
        },
        tr("Changed filter list %1.").arg(PolicyEdits::quote(list.name)));
}

Result<ServiceReport> PolicyService::deleteFilterList(qint64 listId)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        auto l = w.filterList(listId);
        if (!l)
            return l.error();
        if (auto ok = w.deleteFilterList(listId); !ok)
            return ok;
        report.messages << tr("Deleted filter list %1.").arg(PolicyEdits::quote(l->name));
        return {};
    });
}

Result<ServiceReport> PolicyService::createFilterAction(FilterAction &action)
{
    return validatedChange(
        action.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok =
                    PolicyEdits::checkNameFree(w, PolicyEdits::Object::FilterAction, action.name);
                !ok)
                return ok;
            return w.insertFilterAction(action);
        },
        tr("Created filter action %1.").arg(PolicyEdits::quote(action.name)));
}

Result<ServiceReport> PolicyService::updateFilterAction(const FilterAction &action)
{
    return validatedChange(
        action.validate(),
        [&](StoreWriter &w) -> Result<void> {
            if (auto ok = PolicyEdits::checkNameFree(w, PolicyEdits::Object::FilterAction,
                                                     action.name, action.id);
                !ok)
                return ok;
            return w.updateFilterAction(action);
        },
        tr("Changed filter action %1.").arg(PolicyEdits::quote(action.name)));
}

Result<ServiceReport> PolicyService::deleteFilterAction(qint64 actionId)
{
    return changeStore([&](StoreWriter &w, ServiceReport &report) -> Result<void> {
        auto a = w.filterAction(actionId);
        if (!a)
            return a.error();
        if (auto ok = w.deleteFilterAction(actionId); !ok)
            return ok;
        report.messages << tr("Deleted filter action %1.").arg(PolicyEdits::quote(a->name));
        return {};
    });
}

void PolicyService::syncIke(const PolicyDatabase &db, const QList<engine::DynamicFilter> &dyn,
                            ServiceReport &report)
{
    if (m_pendingIke) {
        IkeSync::sync(db, dyn, report, m_pendingIke);
        return;
    }
    auto ike = m_runtime->dynamicIke();
    if (!ike)
        report.notices << ike.error().message;
    IkeSync::sync(db, dyn, report, ike ? &ike.value() : nullptr);
}

Result<engine::DynamicIke> PolicyService::dynamicIke() const
{
    return m_runtime->dynamicIke();
}

Result<QList<engine::DynamicFilter>> PolicyService::dynamicFilters() const
{
    auto filters = m_runtime->dynamicFilters();
    if (filters && !m_revealSecrets)
        for (engine::DynamicFilter &d : filters.value())
            for (AuthMethod &a : d.authMethods)
                a = a.masked();
    return filters;
}

Result<ServiceReport> PolicyService::executeDynamic(const syntax::IpsecCmdCommand &c)
{
    if (auto ok = PolicyEdits::checkComputer(c.computer); !ok)
        return ok.error();
    if (c.deleteDynamic)
        return clearDynamicFilters();
    if (c.filters.isEmpty())
        return Error::usage(tr("Dynamic mode needs filters: -f SPEC..."));
    ServiceReport notes;
    QList<engine::DynamicFilter> filters;
    for (const auto &spec : c.filters) {
        engine::DynamicFilter d;
        d.filter = spec.filter;
        d.filter.guid = QUuid::createUuid();
        d.label = syntax::IpsecCmdPrinter::filterSpec(spec);
        if (spec.wrap == syntax::FilterSpec::Wrap::Block) {
            d.action = FilterAction::Type::Block;
        } else if (spec.wrap == syntax::FilterSpec::Wrap::Pass) {
            d.action = FilterAction::Type::Permit;
        } else if (c.negotiation && c.negotiation->kind == syntax::Negotiation::Kind::Block) {
            d.action = FilterAction::Type::Block;
        } else if (c.negotiation && c.negotiation->kind == syntax::Negotiation::Kind::Pass) {
            d.action = FilterAction::Type::Permit;
        } else {
            d.action = FilterAction::Type::Negotiate;
            const bool inpass =
                c.negotiation && c.negotiation->kind == syntax::Negotiation::Kind::InPass;
            d.negotiation = engine::Negotiation::of(
                inpass, c.soft, c.negotiation ? c.negotiation->methods : QList<SecurityMethod>{});
            if (!c.negotiation)
                notes.notices << tr("No -n given for %1: it negotiates security, as on Windows. "
                                    "Use [SPEC] or -n BLOCK to block, (SPEC) or -n PASS to permit.")
                                     .arg(d.label);
        }
        if (const QStringList p = d.filter.validate(); !p.isEmpty())
            return Error::usage(tr("Filter %1: %2").arg(d.label, p.join(u' ')));
        filters << d;
    }
    auto report = addDynamicFilters(filters);
    if (report)
        report->notices = notes.notices + report->notices;
    return report;
}

Result<ServiceReport> PolicyService::addDynamicFilters(const QList<engine::DynamicFilter> &filters)
{
    if (!m_spd)
        return Error::permission(tr("Dynamic filters live only in the kernel; adding them needs "
                                    "root (or the policy agent)."));
    // Read, add, write and enforce as one step: another process adding at the same moment
    // would otherwise write its list over this one.
    auto lock = lockRuntime();
    if (!lock)
        return lock.error();
    auto current = m_runtime->dynamicFilters();
    if (!current)
        return current.error();
    QList<engine::DynamicFilter> next = current.value();
    ServiceReport report;
    for (const auto &d : filters) {
        const bool duplicate = std::any_of(next.cbegin(), next.cend(), [&](const auto &o) {
            return o.action == d.action && o.filter.sameTraffic(d.filter);
        });
        if (duplicate) {
            report.notices << tr("Dynamic filter %1 is already in force.").arg(d.label);
            continue;
        }
        next << d;
        report.messages << tr("Added dynamic %1 filter %2.")
                               .arg(FilterAction::typeName(d.action).toLower(), d.label);
    }
    auto db = loadForEnforcing();
    if (!db)
        return db.error();
    std::optional<ConfirmationGuard::State> before;
    if (remembersState())
        before = ConfirmationGuard::State{db.value(), current.value()};
    if (!m_options.dryRun) {
        if (auto ok = m_runtime->setDynamicFilters(next); !ok)
            return ok.error();
    }
    if (auto ok = enforceState(db.value(), next, report); !ok) {
        if (!m_options.dryRun)
            (void)m_runtime->setDynamicFilters(current.value());
        return ok.error();
    }
    if (m_options.dryRun)
        report.notices << tr("Dry run: nothing was changed.");
    else
        Q_EMIT dynamicFiltersChanged();
    changeApplied(before, report);
    return report;
}

Result<ServiceReport> PolicyService::clearDynamicFilters()
{
    if (!m_spd)
        return Error::permission(tr("Dynamic filters live only in the kernel; removing them "
                                    "needs root (or the policy agent)."));
    auto lock = lockRuntime();
    if (!lock)
        return lock.error();
    auto current = m_runtime->dynamicFilters();
    if (!current)
        return current.error();
    auto db = loadForEnforcing();
    if (!db)
        return db.error();
    std::optional<ConfirmationGuard::State> before;
    if (remembersState())
        before = ConfirmationGuard::State{db.value(), current.value()};
    ServiceReport report;
    if (!m_options.dryRun) {
        if (auto ok = m_runtime->setDynamicFilters({}); !ok)
            return ok.error();
    }
    if (auto ok = enforceState(db.value(), {}, report); !ok) {
        if (!m_options.dryRun)
            (void)m_runtime->setDynamicFilters(current.value());
        return ok.error();
    }
    report.messages.prepend(tr("Deleted %n dynamic filter(s).", nullptr, int(current->size())));
    // The dynamic main-mode and quick-mode policies go with them (ipseccmd -u, agent start);
    // the settings of `set config` stay.
    if (auto ike = m_runtime->dynamicIke(); !m_options.dryRun && ike && !ike->isEmpty()) {
        report.messages << tr("Deleted %1 dynamic main mode and %2 quick mode policies.")
                               .arg(ike->mmPolicies.size())
                               .arg(ike->qmPolicies.size());
        ike->mmPolicies.clear();
        ike->qmPolicies.clear();
        if (auto ok = m_runtime->setDynamicIke(ike.value()); !ok)
            report.notices << ok.error().message;
    }
    if (m_options.dryRun)
        report.notices << tr("Dry run: nothing was changed.");
    else
        Q_EMIT dynamicFiltersChanged();
    changeApplied(before, report);
    return report;
}

Result<ServiceReport> PolicyService::enforce()
{
    ServiceReport report;
    if (!m_spd) {
        report.notices << notEnforcedNotice();
        return report;
    }
    auto lock = lockRuntime();
    if (!lock)
        return lock.error();
    auto db = loadForEnforcing();
    if (!db)
        return db.error();
    auto dyn = m_runtime->dynamicFilters();
    if (!dyn)
        return dyn.error();
    std::optional<ConfirmationGuard::State> before;
    if (remembersState())
        before = ConfirmationGuard::State{db.value(), dyn.value()};
    if (auto ok = enforceState(db.value(), dyn.value(), report); !ok)
        return ok.error();
    changeApplied(before, report);
    return report;
}

Result<KernelView> PolicyService::kernelView()
{
    if (!m_spd)
        return Error::permission(tr("Reading the kernel's IPsec policy needs root."));
    auto all = m_spd->list();
    if (!all)
        return all.error();
    KernelView view;
    view.backend = m_useNft ? u"nft"_s : u"xfrm"_s;
    for (const auto &e : all.value())
        (kernel::isOwned(e) ? view.owned : view.foreign) << e;

    // What should be enforced needs the assigned policy alone.
    auto db = m_store->loadAssigned();
    if (!db)
        return db.error();
    auto dyn = m_runtime->dynamicFilters();
    if (!dyn)
        return dyn.error();
    ServiceReport ignored;
    const auto effective = Enforcer::effectivePolicy(effectivePolicy(db.value(), ignored),
                                                     dyn.value(), m_ikeExemption);
    auto split = Enforcer::compileSplit(effective, nullptr);
    if (!split)
        return split.error();
    const QList<kernel::SpdEntry> desired =
        Enforcer::desiredEntries(m_useNft ? split->xfrm : split->full);
    const auto key = &Enforcer::stateKey;
    QSet<QString> installed;
    for (const auto &e : view.owned)
        installed.insert(key(e));
    QSet<QString> wanted;
    for (const auto &e : desired) {
        wanted.insert(key(e));
        if (!installed.contains(key(e)))
            view.missing << e;
    }
    for (const auto &e : view.owned)
        if (!wanted.contains(key(e)))
            view.extra << e;
    if (auto counters = kernel::XfrmStatistics::read())
        for (auto it = counters->cbegin(); it != counters->cend(); ++it)
            view.counters.emplace(it.key(), it.value());
    view.ike = vici::SaList::view();
    // Whoever pulled the brake (this process, another console, ipseccmd): the record says so.
    if (auto record = m_runtime->emergencyRecord(); record && record.value()) {
        const RuntimeState::EmergencyRecord &r = *record.value();
        view.emergency = EmergencyState{r.when, r.removedCount(), r.assignedPolicy};
    }
    if (m_nft) {
        auto st = m_nft->state();
        if (!st)
            return st.error();
        const engine::NftPlan none;
        const engine::NftPlan &plan = m_useNft ? split->nft : none;
        view.nftMissing = Enforcer::nftMissing(plan, st.value());
        view.nftExtra = Enforcer::nftExtra(plan, st.value());
        view.nftHits = Enforcer::nftHits(effective, plan, st.value());
        view.nftRules = int(st->inputRules.size() + st->outputRules.size());
        view.nftElements = st->elementCount();
        quint64 dropIn = 0, dropOut = 0;
        for (const auto &[counts, chain] :
             {std::pair{&st->inputRules, &dropIn}, std::pair{&st->outputRules, &dropOut}}) {
            for (const auto &r : *counts) {
                if (!r.text.endsWith(u"drop"_s))
                    continue;
                if (!r.text.startsWith(u'@')) {
                    *chain += r.packets;
                    continue;
                }
                for (const auto &e : st->sets.value(r.text.section(u' ', 0, 0).mid(1)))
                    *chain += e.packets;
            }
        }
        if (st->exists || m_useNft) {
            view.counters.emplace(u"NftInDropped"_s, dropIn);
            view.counters.emplace(u"NftOutDropped"_s, dropOut);
        }
    }
    return view;
}

Result<Snapshot> PolicyService::currentSnapshot()
{
    auto db = m_store->load();
    if (!db)
        return db.error();
    Snapshot s;
    s.programVersion = QStringLiteral(IPSEC_VERSION);
    s.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    s.host = SnapshotHost{QSysInfo::machineHostName(), m_store->path(), m_options.netns, {}, {}};
    if (const PolicySourceStatus source = policySource();
        source.source != PolicySourceStatus::Source::Local) {
        s.host.policySource = source.sourceKey();
        s.host.domainPolicy = source.policyName;
    }
    s.database = std::move(db.value());
    if (auto dyn = m_runtime->dynamicFilters())
        s.dynamicFilters = dyn.value();
    if (m_spd) {
        if (auto view = kernelView()) {
            KernelRecord k;
            for (const auto &e : view->owned)
                k.entries << e.toIpCommand();
            if (m_nft) {
                // The table's elements as the commands that would add them.
                if (auto st = m_nft->state()) {
                    QStringList lines;
                    for (auto it = st->sets.cbegin(); it != st->sets.cend(); ++it)
                        for (const auto &e : it.value())
                            lines << u"nft add element inet ipsec_console %1 { %2 }"_s.arg(it.key(),
                                                                                           e.text);
                    lines.sort();
                    k.entries << lines;
                }
            }
            k.foreignEntries = int(view->foreign.size());
            k.inSync = view->inSync();
            for (const auto &[name, value] : view->counters)
                k.counters.emplace(name, qint64(value));
            s.kernel = k;
        }
    }
    return s;
}

Result<QJsonObject> PolicyService::exportSnapshot(const QString &policyName)
{
    auto s = currentSnapshot();
    if (!s)
        return s.error();
    if (!m_revealSecrets)
        s->database.maskSecrets();
    if (!policyName.isEmpty()) {
        auto one = s->restrictedTo(policyName);
        if (!one)
            return one.error();
        return SnapshotJson::toJson(one.value());
    }
    return SnapshotJson::toJson(s.value());
}

Result<ServiceReport> PolicyService::importSnapshot(const QByteArray &document,
                                                    const ImportOptions &options)
{
    // Everything is read and checked before anything changes.
    auto incoming = SnapshotReader::read(document);
    if (!incoming)
        return incoming.error();
    auto lock = lockRuntime();
    if (!lock)
        return lock.error();
    auto live = currentSnapshot();
    if (!live)
        return live.error();
    auto plan =
        SnapshotMerge::plan(live->database, live->dynamicFilters, incoming.value(), options);
    if (!plan)
        return plan.error();
    // A snapshot exported for someone who may not see keys carries them masked: such a key
    // keeps the one stored for the same rule, and is never stored itself.
    if (const QStringList masked = plan->database.restoreMaskedSecrets(live->database);
        !masked.isEmpty())
        return Error::usage(tr("The snapshot has no preshared key for rule(s) %1, only the mask "
                               "%2, and the store has no key for them to keep.")
                                .arg(masked.join(u", "_s), AuthMethod::MaskedSecret.toString()));

    const bool dryRun = options.dryRun || m_options.dryRun;
    const QScopedValueRollback dryRunScope(m_options.dryRun, dryRun);
    ServiceReport notes;
    bool changeDynamic = options.includeDynamic;
    if (changeDynamic && !m_spd) {
        changeDynamic = false;
        if (!incoming->dynamicFilters.isEmpty())
            notes.notices << tr("The %n dynamic filter(s) of the snapshot were not restored: "
                                "they live only in the kernel, which needs root (or the policy "
                                "agent).",
                                nullptr, int(incoming->dynamicFilters.size()));
    }
    if (changeDynamic && !dryRun) {
        if (auto ok = m_runtime->setDynamicFilters(plan->dynamicFilters); !ok)
            return ok.error();
    }
    Snapshot after = live.value();
    after.database = plan->database;
    if (changeDynamic)
        after.dynamicFilters = plan->dynamicFilters;
    after.kernel.reset();
    Snapshot before = live.value();
    before.kernel.reset();
    const QList<SnapshotChange> changes = SnapshotDiff::compare(before, after);

    auto report = changeStore([&](StoreWriter &w, ServiceReport &r) -> Result<void> {
        if (auto ok = replaceStoreContents(w, plan->database); !ok)
            return ok;
        r.messages << (dryRun ? tr("Importing the snapshot of %1 taken %2 (%3) would make %n "
                                   "change(s):",
                                   nullptr, int(changes.size()))
                              : tr("Imported the snapshot of %1 taken %2 (%3): %n change(s).",
                                   nullptr, int(changes.size())))
                          .arg(incoming->host.name, incoming->created,
                               SnapshotMerge::modeName(options.mode));
        return {};
    });
    if (!report) {
        if (changeDynamic && !dryRun)
            (void)m_runtime->setDynamicFilters(live->dynamicFilters);
        return report;
    }
    for (const QString &c : plan->clashes)
        report->messages << tr("Name clash: %1").arg(c);
    if (dryRun) {
        const QString text = SnapshotDiff::toText(changes).trimmed();
        report->messages << text.split(u'\n');
    }
    report->notices = notes.notices + plan->notices + report->notices;
    if (changeDynamic && !dryRun)
        Q_EMIT dynamicFiltersChanged();
    return report;
}

Result<QList<kernel::SpdEntry>> PolicyService::removeOwnedKernelEntries(const Options &options)
{
    if (auto ok = checkKernelAccess(options, tr("Emergency unassign changes the kernel's IPsec "
                                                "policy and needs root (or the policy agent)."));
        !ok)
        return ok.error();
    // The table first, in one step: block and permit filters end with it.
    const auto nft = openNft(-1);
    if (auto ok = removeNftTable(nft.get(), false); !ok)
        return ok.error();
    auto spd = openSpd(options.kernelFailAfter);
    if (!spd)
        return spd.error();
    Enforcer enforcer(*spd.value());
    auto owned = enforcer.ownedEntries();
    if (!owned)
        return owned.error();
    if (auto ok = enforcer.remove(owned.value()); !ok)
        return ok.error();
    return owned;
}

Result<ServiceReport> PolicyService::emergencyUnassign(const Options &options,
                                                       const QList<kernel::SpdEntry> &removedBefore)
{
    if (auto ok = checkKernelAccess(options, tr("Emergency unassign changes the kernel's IPsec "
                                                "policy and needs root (or the policy agent)."));
        !ok)
        return ok.error();
    profileMark("emergency: starts");
    QElapsedTimer kernelWork;
    kernelWork.start();
    ServiceReport report;
    const auto nft = openNft(options.kernelFailAfter);
    auto spd = openSpd(options.kernelFailAfter);
    if (!spd)
        return spd.error();
    Enforcer enforcer(*spd.value());
    if (options.dryRun) {
        auto owned = enforcer.ownedEntries();
        if (!owned)
            return owned.error();
        if (auto line = removeNftTable(nft.get(), true); line && !line->isEmpty())
            report.ipCommands << engine::nftDeleteTableCommands().split(u'\n', Qt::SkipEmptyParts);
        for (const auto &e : owned.value())
            report.ipCommands << e.toIpCommand(kernel::SpdEntry::Verb::Delete);
        report.messages << tr("Emergency unassign would remove %n kernel entr(y/ies).", nullptr,
                              int(owned->size()));
        report.notices << tr("Dry run: nothing was changed.");
        return report;
    }
    // Traffic comes back first, before anything else is read or written: the nftables table
    // goes in one transaction (block and permit end with it), then the XFRM entries in one batch.
    auto tableRemoved = removeNftTable(nft.get(), false);
    if (!tableRemoved)
        return tableRemoved.error();
    auto owned = enforcer.ownedEntries();
    if (!owned)
        return owned.error();
    if (auto ok = enforcer.remove(owned.value()); !ok)
        return ok.error();
    const double kernelMs = double(kernelWork.nsecsElapsed()) / 1e6;
    profileMark("emergency: kernel work done");
    if (!tableRemoved->isEmpty())
        report.messages << tableRemoved.value();
    if (!tableRemoved->isEmpty() || !owned->isEmpty())
        report.messages << tr("Kernel work: %1 ms.").arg(kernelMs, 0, 'f', 1);
    IkeSync::unloadAll(report);
    profileMark("emergency: IKE SAs closed");

    // What was in force, for `reassign`. Until the record is written the store and the dynamic
    // filters still describe it, so a crash here loses nothing. The record, the dynamic filters
    // and the store change under the runtime lock; an emergency waits for it only briefly.
    RuntimeState runtime(options.netns);
    auto lock = RuntimeLock::acquire(runtime.directory(), EmergencyLockTimeoutMs);
    if (!lock)
        report.notices << lock.error().message;
    // Entries another process installed while this one waited for the lock go too.
    if (lock) {
        if (auto late = removeNftTable(nft.get(), false);
            late && !late->isEmpty() && tableRemoved->isEmpty())
            report.messages << late.value();
        if (auto late = enforcer.ownedEntries(); late && !late->isEmpty()) {
            if (enforcer.remove(late.value()))
                owned.value() << late.value();
        }
    }
    profileMark("emergency: runtime lock, late entries");
    RuntimeState::EmergencyRecord record;
    record.entries = removedBefore + owned.value();
    record.when = QDateTime::currentDateTimeUtc();
    if (auto dyn = runtime.dynamicFilters())
        record.dynamicFilters = dyn.value();
    else
        report.notices << dyn.error().message;
    // The table as last enforced: the backend's record of it, kept beside the kernel by every
    // enforcement (reading 10,000 elements back before deleting them would hold the traffic up),
    // becomes the emergency's record by a rename.
    runtime.takeNftTable(record);
    auto previous = runtime.emergencyRecord();
    profileMark("emergency: runtime state read");
    // What was assigned, and the store marked unassigned, in one small transaction: nothing
    // here loads the policy (a 10,000-filter store takes longer to read than the kernel work).
    // The record is written inside it, before the store changes: a crash in between leaves a
    // record and a store that both still name the policy.
    bool recorded = false;
    bool keptPrevious = false;
    const auto writeRecord = [&] {
        const bool nothingNow = record.entries.isEmpty() && record.assignedPolicy.isEmpty()
                                && record.dynamicFilters.isEmpty() && !record.hasNftTable();
        if (nothingNow && previous && previous.value()) {
            keptPrevious = true;
            return;
        }
        if (auto ok = runtime.setEmergencyRecord(record); !ok)
            report.notices << ok.error().message;
        profileMark("emergency: record file written");
        if (auto ok = runtime.setDynamicFilters({}); !ok)
            report.notices << ok.error().message;
        runtime.dropLegacyNftTable();
        recorded = true;
        profileMark("emergency: record written");
    };
    auto opened = PolicyStore::shared(PolicyStore::resolvePath(options.storePath));
    profileMark("emergency: store opened");
    if (opened) {
        bool nothingAssigned = false;
        auto ok = opened.value()->write([&](StoreWriter &w) -> Result<void> {
            auto id = w.assignedPolicy();
            if (!id)
                return id.error();
            if (!id.value()) {
                nothingAssigned = true; // roll back: the store stays as it is
                return Error::notFound(QString());
            }
            auto policy = w.policy(*id.value());
            if (!policy)
                return policy.error();
            record.assignedPolicy = policy->name;
            profileMark("emergency: assigned policy read");
            writeRecord();
            return w.setAssignedPolicy(std::nullopt);
        });
        if (!ok && !nothingAssigned)
            report.notices << ok.error().message;
    } else {
        report.notices << tr("The policy store could not be opened (%1); the kernel entries were "
                             "removed anyway.")
                              .arg(opened.error().message);
    }
    profileMark("emergency: store transaction done");
    if (!recorded)
        writeRecord();
    if (keptPrevious) {
        report.notices << tr("Nothing is enforced; the record of the last emergency unassign is "
                             "kept for 'ipseccmd reassign'.");
        return report;
    }
    report.messages << tr("Emergency unassign: removed %n kernel entr(y/ies).", nullptr,
                          record.removedCount());
    if (!record.assignedPolicy.isEmpty())
        report.messages
            << tr("Unassigned policy %1.").arg(PolicyEdits::quote(record.assignedPolicy));
    if (!record.dynamicFilters.isEmpty())
        report.messages << tr("Deleted %n dynamic filter(s).", nullptr,
                              int(record.dynamicFilters.size()));
    report.messages << tr("Put them back with: ipseccmd reassign");
    return report;
}

Result<ServiceReport> PolicyService::reassign(const Options &options, const ChangeOptions &change)
{
    if (auto ok = checkKernelAccess(options, tr("Re-assigning changes the kernel's IPsec policy "
                                                "and needs root (or the policy agent)."));
        !ok)
        return ok.error();
    RuntimeState runtime(options.netns);
    auto lock = RuntimeLock::acquire(runtime.directory());
    if (!lock)
        return lock.error();
    auto record = runtime.emergencyRecord();
    if (!record)
        return record.error();
    if (!record.value())
        return Error::notFound(tr("Nothing to re-assign: no emergency unassign is recorded for "
                                  "this network namespace."));
    const RuntimeState::EmergencyRecord &r = *record.value();
    ServiceReport report;
    auto service = open(options);
    if (service) {
        // The SSH guard applies; a confirmation deadline is the caller's to hold.
        service.value()->setChangeOptions({0, change.force, change.sshConnection});
        if (!options.dryRun) {
            if (auto ok = runtime.setDynamicFilters(r.dynamicFilters); !ok)
                return ok.error();
        }
        service.value()->m_reassigning = true; // the domain's policy comes back too
        auto done = r.assignedPolicy.isEmpty() ? service.value()->enforce()
                                               : service.value()->assignPolicy(r.assignedPolicy);
        if (!done) {
            if (!options.dryRun)
                (void)runtime.setDynamicFilters({});
            return done.error();
        }
        report = done.value();
        if (!r.dynamicFilters.isEmpty())
            report.messages << tr("Restored %n dynamic filter(s).", nullptr,
                                  int(r.dynamicFilters.size()));
    } else {
        // Without a store, put back exactly the kernel entries that were removed.
        report.notices << tr("The policy store could not be opened (%1); restoring the recorded "
                             "kernel entries.")
                              .arg(service.error().message);
        auto spd = openSpd(options.kernelFailAfter);
        if (!spd)
            return spd.error();
        // The nftables table as it was enforced (one transaction), then the XFRM entries; if
        // those fail, the table goes again.
        std::unique_ptr<kernel::NftBackend> nft;
        if (r.hasNftTable()) {
            QString why;
            nft = openNft(options.kernelFailAfter, &why);
            if (!nft)
                return Error::kernel(
                    tr("The recorded nftables table cannot be restored: %1").arg(why));
            // Restored, it is the table of record for the next change or emergency again.
            if (!options.dryRun)
                nft->setRecordFile(runtime.nftRecordFile());
            if (auto ok = restoreNftTable(*nft, r, options.dryRun, report); !ok)
                return ok.error();
        }
        auto outcome = Enforcer(*spd.value()).install(r.entries, options.dryRun);
        if (!outcome) {
            if (nft && !options.dryRun)
                (void)nft->deleteTable();
            return outcome.error();
        }
        if (nft && !options.dryRun) {
            report.messages << tr("Restored the nftables table inet ipsec_console (block and "
                                  "permit filters).");
            // An earlier version's text: the backend has no record of it, so the text stays
            // the table of record, as that version kept it.
            if (auto ok = runtime.keepLegacyNftTable(r); !ok)
                report.notices << ok.error().message;
        }
        if (options.dryRun)
            report.ipCommands << outcome->ipCommands; // the XFRM part of the plan
        report.messages << tr("Restored %n kernel entr(y/ies).", nullptr, outcome->added);
    }
    if (!options.dryRun)
        (void)runtime.clearEmergencyRecord();
    return report;
}

} // namespace ipsec

namespace ipsec {

Result<ServiceReport> PolicyService::emergencyUnassign()
{
    return emergencyUnassignAfter({});
}

Result<ServiceReport>
PolicyService::emergencyUnassignAfter(const QList<kernel::SpdEntry> &removedBefore)
{
    auto report = emergencyUnassign(m_options, removedBefore);
    if (report)
        discardPendingForEmergency(report.value());
    announceOutsideChange();
    return report;
}

Result<ServiceReport> PolicyService::reassign()
{
    auto before = stateBefore(nullptr);
    if (!before)
        return before.error();
    auto report = reassign(m_options, changeOptions());
    announceOutsideChange();
    if (report)
        changeApplied(before.value(), report.value());
    return report;
}

void PolicyService::announceOutsideChange()
{
    // The static operations above work through their own store connection.
    if (auto revision = m_store->revision())
        Q_EMIT changed(revision.value());
    Q_EMIT dynamicFiltersChanged();
}

} // namespace ipsec
