#include "PolicyAgent.h"
#include "service/RuntimeState.h"

#include "UrgentLane.h"

#include "engine/HostNameResolver.h"
#include "service/RuntimeState.h"
#include "syntax/IpsecCmd.h"

#include <QJsonDocument>
#include <QTimer>

#include <dbus/dbus.h>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

// How long an emergency unassign waits for the worker's full report before it answers with
// what it did itself.
constexpr int EmergencyReplyWaitMs = 40;

// libdbus stops reading a connection while the messages it has read but not yet released add
// up to more than its limit (63 MiB by default): a few scripts of 16 MiB would leave the agent
// deaf to everybody. The bus daemon limits what any one sender may queue; this process reads it.
void raiseReceiveLimit(const QDBusConnection &bus)
{
    constexpr long Limit = 1024L * 1024 * 1024;
    if (auto *connection = static_cast<DBusConnection *>(bus.internalPointer()))
        dbus_connection_set_max_received_size(connection, Limit);
}

} // namespace

PolicyAgent::PolicyAgent(QDBusConnection bus, Options options, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_options(std::move(options))
    , m_authorizer(m_bus, m_options.adminGroup)
    , m_worker(new AgentWorker(
          {m_options.service, m_options.watchIntervalMs, m_options.pollIntervalSeconds}))
{
    registerDBusTypes();
    raiseReceiveLimit(m_bus);
    m_thread.setObjectName(u"policyd-worker"_s);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    // The worker's signals arrive queued on this (the bus) thread and go out on the bus.
    connect(m_worker, &AgentWorker::changed, this, &PolicyAgent::Changed);
    connect(m_worker, &AgentWorker::dynamicFiltersChanged, this,
            &PolicyAgent::DynamicFiltersChanged);
    connect(m_worker, &AgentWorker::confirmationPending, this, &PolicyAgent::ConfirmationPending);
    connect(m_worker, &AgentWorker::confirmationEnded, this, &PolicyAgent::ConfirmationEnded);
    if (m_options.urgentLane) {
        m_lane = std::make_unique<UrgentLane>(*this, m_options.busType, m_options.adminGroup);
        m_peers = std::make_unique<PeerLane>(*this, m_options.adminGroup);
    }
}

PolicyAgent::~PolicyAgent()
{
    m_peers.reset(); // stop their threads
    m_lane.reset();
    QMetaObject::invokeMethod(m_worker, &AgentWorker::shutDown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

Result<void> PolicyAgent::open()
{
    Result<void> opened;
    QMetaObject::invokeMethod(
        m_worker, [&] { opened = m_worker->open(); }, Qt::BlockingQueuedConnection);
    return opened;
}

Result<ServiceReport> PolicyAgent::startUp()
{
    Result<ServiceReport> report = ServiceReport();
    QMetaObject::invokeMethod(
        m_worker, [&] { report = m_worker->startUp(); }, Qt::BlockingQueuedConnection);
    return report;
}

Result<void> PolicyAgent::registerOnBus()
{
    if (!m_bus.registerObject(AgentProtocol::path(), this,
                              QDBusConnection::ExportScriptableSlots
                                  | QDBusConnection::ExportScriptableSignals))
        return Error::usage(tr("Could not export %1 on the bus.").arg(AgentProtocol::path()));
    if (!m_bus.registerService(AgentProtocol::service()))
        return Error::conflict(tr("Could not own the bus name %1: %2 (is another agent running, "
                                  "or does the bus policy not allow it?)")
                                   .arg(AgentProtocol::service(), m_bus.lastError().message()));
    if (m_lane) {
        m_lane->start();
        m_peers->start();
    }
    return {};
}

void PolicyAgent::enforceSoon(const QString &why)
{
    qInfo().noquote() << tr("%1: enforcing again.").arg(why);
    // A DNS server may be reachable now: names that failed are looked up again.
    engine::HostNameResolver::shared().forgetFailures();
    m_worker->requestEnforcement(why);
}

PolicyAgent::Outcome PolicyAgent::report(const Result<ServiceReport> &r)
{
    if (!r)
        return r.error();
    return QVariantList{QVariant::fromValue(r.value())};
}

void PolicyAgent::sendOutcome(const QDBusMessage &call, const Outcome &outcome)
{
    // QDBusConnection::send is thread-safe: the worker replies itself.
    if (outcome)
        m_bus.send(call.createReply(outcome.value()));
    else
        m_bus.send(call.createErrorReply(AgentProtocol::errorName(outcome.error().code),
                                         outcome.error().message));
}

void PolicyAgent::serve(Authorizer::Action action, const QString &what, const QVariantMap *options,
                        Operation operation, const Limits &limits, bool withSecrets)
{
    const QDBusMessage call = message();
    setDelayedReply(true);
    const auto refuse = [&](const Error &e) {
        qInfo().noquote() << tr("Refused %1: %2").arg(call.service(), e.message);
        sendOutcome(call, e);
    };
    // Everything that can be checked without asking anyone comes first: a flood of oversized
    // or malformed calls costs the agent no bus round trip.
    if (const QStringList problems = takeUnmarshalProblems(); !problems.isEmpty())
        return refuse(Error::usage(tr("Invalid values: %1").arg(problems.join(u' '))));
    for (const QString &s : limits.strings) {
        if (s.size() > MaxStringLength)
            return refuse(
                Error::usage(tr("A text of %1 characters is longer than the %2 the agent accepts.")
                                 .arg(s.size())
                                 .arg(MaxStringLength)));
    }
    if (limits.listLength > MaxListLength)
        return refuse(Error::usage(tr("A list of %1 items is longer than the %2 the agent accepts.")
                                       .arg(limits.listLength)
                                       .arg(MaxListLength)));
    if (limits.documentLength > MaxDocumentLength)
        return refuse(Error::usage(tr("A %1 of %2 characters is longer than the %3 the agent "
                                      "accepts.")
                                       .arg(limits.documentKind)
                                       .arg(limits.documentLength)
                                       .arg(MaxDocumentLength)));
    AgentProtocol::CallOptions callOptions;
    if (options) {
        auto parsed = AgentProtocol::fromMap(*options);
        if (!parsed)
            return refuse(parsed.error());
        callOptions = parsed.value();
    }
    const auto post = [this, call, what, action, callOptions,
                       operation = std::move(operation)](bool revealSecrets) {
        AgentWorker::Job job;
        job.operation = operation;
        job.dryRun = callOptions.dryRun;
        job.change = callOptions.change;
        job.revealSecrets = revealSecrets;
        job.done = [this, call, what, action](const Outcome &outcome) {
            if (action != Authorizer::Action::Read)
                qInfo().noquote() << tr("%1 for %2: %3")
                                         .arg(what, call.service(),
                                              outcome ? tr("done") : outcome.error().message);
            sendOutcome(call, outcome);
        };
        m_worker->post(std::move(job));
    };
    m_authorizer.authorize(
        call, action, what,
        [this, call, action, callOptions, withSecrets, post](const Result<void> &ok) {
            if (!ok) {
                qInfo().noquote() << tr("Refused %1: %2").arg(call.service(), ok.error().message);
                m_bus.send(call.createErrorReply(AgentProtocol::notAuthorizedErrorName(),
                                                 ok.error().message));
                return;
            }
            if (action == Authorizer::Action::Emergency && !callOptions.dryRun
                && m_worker->state().enforcing && call.member() == u"EmergencyUnassign"_s)
                return emergencyUnassign(
                    call.service(), callOptions,
                    [this, call](const Outcome &outcome) { sendOutcome(call, outcome); }, this);
            if (withSecrets && action == Authorizer::Action::Read)
                m_authorizer.maySeeSecrets(call, post);
            else
                post(true);
        });
}

void PolicyAgent::runEmergency(const QString &caller, const AgentProtocol::CallOptions &options,
                               const Reply &send, QObject *context)
{
    if (!options.dryRun && m_worker->state().enforcing)
        return emergencyUnassign(caller, options, send, context);
    AgentWorker::Job job;
    job.dryRun = options.dryRun;
    job.change = options.change;
    job.revealSecrets = true;
    job.operation = [](PolicyService &s) {
        return report(s.emergencyUnassign());
    };
    job.done = [caller, send](const Outcome &outcome) {
        qInfo().noquote() << tr("%1 for %2: %3")
                                 .arg(emergencyWhat(), caller,
                                      outcome ? tr("done") : outcome.error().message);
        send(outcome);
    };
    m_worker->post(std::move(job));
}

void PolicyAgent::emergencyUnassign(const QString &caller,
                                    const AgentProtocol::CallOptions &options, const Reply &send,
                                    QObject *context)
{
    // Traffic comes back now, whatever the worker is doing: the kernel entries go from here.
    // The bookkeeping (the record for reassign, the store marked unassigned) is the worker's
    // next job, before anything else waiting; it removes again what a change it was applying
    // meanwhile installed.
    const QString what = emergencyWhat();
    auto removed = PolicyService::removeOwnedKernelEntries(m_options.service);
    if (!removed) {
        qInfo().noquote() << tr("%1 for %2: %3").arg(what, caller, removed.error().message);
        send(removed.error());
        return;
    }
    auto replied = std::make_shared<std::atomic_bool>(false);
    const auto reply = [caller, send, replied, what](const Outcome &outcome) {
        if (replied->exchange(true))
            return;
        qInfo().noquote() << tr("%1 for %2: %3")
                                 .arg(what, caller, outcome ? tr("done") : outcome.error().message);
        send(outcome);
    };
    // The count the caller hears includes the table's elements: the backend's record of the
    // table stays beside the kernel until the worker's job moves it into the emergency's record.
    RuntimeState::EmergencyRecord removedNow;
    removedNow.entries = removed.value();
    RuntimeState(m_options.service.netns).takeNftTable(removedNow);
    const int count = removedNow.removedCount();
    AgentWorker::Job job;
    job.change = options.change;
    job.revealSecrets = true;
    job.operation = [entries = removed.value()](PolicyService &s) {
        return report(s.emergencyUnassignAfter(entries));
    };
    job.done = reply;
    m_worker->post(std::move(job), true);
    // The worker is idle: its full report comes in a moment. Busy: the caller hears now.
    QTimer::singleShot(EmergencyReplyWaitMs, context, [reply, count] {
        ServiceReport r;
        r.messages << tr("Emergency unassign: removed %n kernel entr(y/ies).", nullptr, count);
        r.notices << tr("The policy agent is busy; the store is marked unassigned as soon as its "
                        "current work ends.");
        r.messages << tr("Put them back with: ipseccmd reassign");
        reply(QVariantList{QVariant::fromValue(r)});
    });
}

template <typename T>
void PolicyAgent::create(const QString &what, const T &object, const QVariantMap &options,
                         std::function<Result<ServiceReport>(PolicyService &, T &)> op,
                         qsizetype listLength)
{
    const QStringList strings{object.name, object.description};
    serve(Authorizer::Action::Modify, what, &options,
          [object, op = std::move(op)](PolicyService &s) -> Outcome {
              T created = object; // gets its id and guid
              auto r = op(s, created);
              if (!r)
                  return r.error();
              return QVariantList{QVariant::fromValue(r.value()), QVariant::fromValue(created)};
          },
          {strings, listLength});
}

// --- reading ---------------------------------------------------------------------------------

QVariantMap PolicyAgent::Status()
{
    return statusMap();
}

QVariantMap PolicyAgent::statusMap() const
{
    // Answered here, never behind the worker: a copy of the state as of its last job.
    const AgentWorker::State state = m_worker->state();
    QVariantMap map;
    map.insert(QLatin1StringView(AgentProtocol::StatusNetns), state.netns);
    map.insert(QLatin1StringView(AgentProtocol::StatusStorePath), state.storePath);
    map.insert(QLatin1StringView(AgentProtocol::StatusRevision), qlonglong(state.revision));
    map.insert(QLatin1StringView(AgentProtocol::StatusEnforcing), state.enforcing);
    map.insert(QLatin1StringView(AgentProtocol::StatusIkeExemption), state.ikeExemption);
    map.insert(QLatin1StringView(AgentProtocol::StatusVersion), QStringLiteral(IPSEC_VERSION));
    // A command given --backend uses the agent only when it names the same one (ClientFactory).
    if (const auto backend = PolicyService::resolveKernelBackend(m_options.service.kernelBackend))
        map.insert(QLatin1StringView(AgentProtocol::StatusBackend), backend.value());
    if (state.pending) {
        map.insert(QLatin1StringView(AgentProtocol::StatusConfirmDeadline),
                   qlonglong(state.pending->deadline.toMSecsSinceEpoch()));
        map.insert(QLatin1StringView(AgentProtocol::StatusConfirmDescription),
                   state.pending->description);
    }
    return map;
}

PolicyDatabase PolicyAgent::Load()
{
    serve(
        Authorizer::Action::Read, tr("read the policy store"), nullptr,
        [](PolicyService &s) -> Outcome {
            auto db = s.load();
            if (!db)
                return db.error();
            return QVariantList{QVariant::fromValue(db.value())};
        },
        {}, true);
    return {};
}

QList<engine::DynamicFilter> PolicyAgent::DynamicFilters()
{
    serve(Authorizer::Action::Read, tr("read the dynamic filters"), nullptr,
          [](PolicyService &s) -> Outcome {
              auto d = s.dynamicFilters();
              if (!d)
                  return d.error();
              return QVariantList{QVariant::fromValue(d.value())};
          });
    return {};
}

KernelView PolicyAgent::KernelView()
{
    serve(Authorizer::Action::Read, tr("read the kernel's IPsec policy"), nullptr,
          [](PolicyService &s) -> Outcome {
              auto v = s.kernelView();
              if (!v)
                  return v.error();
              return QVariantList{QVariant::fromValue(v.value())};
          });
    return {};
}

QString PolicyAgent::DynamicIke()
{
    serve(Authorizer::Action::Read, tr("read the dynamic main mode and quick mode policies"),
          nullptr, [](PolicyService &s) -> Outcome {
              auto ike = s.dynamicIke();
              if (!ike)
                  return ike.error();
              return QVariantList{
                  QString::fromUtf8(QJsonDocument(RuntimeState::ikeToJson(ike.value()))
                                        .toJson(QJsonDocument::Compact))};
          });
    return {};
}

QString PolicyAgent::ExportSnapshot(const QString &policy)
{
    serve(
        Authorizer::Action::Read, tr("export a snapshot"), nullptr,
        [policy](PolicyService &s) -> Outcome {
            auto doc = s.exportSnapshot(policy);
            if (!doc)
                return doc.error();
            return QVariantList{
                QString::fromUtf8(QJsonDocument(doc.value()).toJson(QJsonDocument::Compact))};
        },
        {{policy}}, true);
    return {};
}

// --- changes ---------------------------------------------------------------------------------

namespace {

Result<syntax::IpsecCmdCommand> parseArgv(const QStringList &argv)
{
    return syntax::IpsecCmdParser::parse(argv);
}

} // namespace

ServiceReport PolicyAgent::ExecuteStatic(const QStringList &argv, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("change the static policy"), &options,
          [argv](PolicyService &s) -> Outcome {
              auto c = parseArgv(argv);
              if (!c)
                  return c.error();
              if (!c->staticMode)
                  return Error::usage(tr("ExecuteStatic needs a static command line (-w)."));
              return report(s.executeStatic(c.value()));
          },
          {argv, argv.size()});
    return {};
}

ServiceReport PolicyAgent::ExecuteNetsh(const QString &script, const QString &origin,
                                        const QVariantMap &options)
{
    // Absent (older clients): all or nothing, as before.
    const ScriptMode mode = options.value(QStringLiteral("lineByLine")).toBool()
                                ? ScriptMode::LineByLine
                                : ScriptMode::Atomic;
    serve(Authorizer::Action::Modify, tr("run a netsh script"), &options,
          [script, origin, mode](PolicyService &s) {
              return report(s.executeNetsh(script, origin, mode));
          },
          {{origin}, 0, script.size(), tr("script")});
    return {};
}

ServiceReport PolicyAgent::ImportSnapshot(const QString &document, int mode, int onClash,
                                          bool includeDynamic, bool dryRun,
                                          const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("import a snapshot"), &options,
          [=](PolicyService &s) -> Outcome {
              if (mode < int(ImportOptions::Mode::Replace)
                  || mode > int(ImportOptions::Mode::Merge))
                  return Error::usage(tr("Unknown import mode %1.").arg(mode));
              if (onClash < int(ImportOptions::OnClash::Fail)
                  || onClash > int(ImportOptions::OnClash::Overwrite))
                  return Error::usage(tr("Unknown rule for name clashes %1.").arg(onClash));
              ImportOptions o;
              o.mode = ImportOptions::Mode(mode);
              o.onClash = ImportOptions::OnClash(onClash);
              o.includeDynamic = includeDynamic;
              o.dryRun = dryRun;
              return report(s.importSnapshot(document.toUtf8(), o));
          },
          {{}, 0, document.size(), tr("snapshot")});
    return {};
}

ServiceReport PolicyAgent::ExecuteDynamic(const QStringList &argv, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("change the dynamic filters"), &options,
          [argv](PolicyService &s) -> Outcome {
              auto c = parseArgv(argv);
              if (!c)
                  return c.error();
              if (c->staticMode)
                  return Error::usage(tr("ExecuteDynamic takes no static command line (-w)."));
              return report(s.executeDynamic(c.value()));
          },
          {argv, argv.size()});
    return {};
}

ServiceReport PolicyAgent::AssignPolicy(const QString &name, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("assign a policy"), &options,
          [name](PolicyService &s) { return report(s.assignPolicy(name)); }, {{name}});
    return {};
}

ServiceReport PolicyAgent::UnassignPolicy(const QString &name, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("unassign a policy"), &options,
          [name](PolicyService &s) { return report(s.unassignPolicy(name)); }, {{name}});
    return {};
}

ServiceReport PolicyAgent::DeletePolicyByName(const QString &name, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete a policy"), &options,
          [name](PolicyService &s) { return report(s.deletePolicy(name)); }, {{name}});
    return {};
}

ServiceReport PolicyAgent::CreatePolicy(const Policy &policy, const QVariantMap &options, Policy &)
{
    create<Policy>(tr("create a policy"), policy, options,
                   [](PolicyService &s, Policy &p) { return s.createPolicy(p); });
    return {};
}

ServiceReport PolicyAgent::UpdatePolicy(const Policy &policy, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("change a policy"), &options,
          [policy](PolicyService &s) { return report(s.updatePolicy(policy)); },
          {{policy.name, policy.description}});
    return {};
}

ServiceReport PolicyAgent::DeletePolicy(qlonglong id, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete a policy"), &options,
          [id](PolicyService &s) { return report(s.deletePolicy(qint64(id))); });
    return {};
}

ServiceReport PolicyAgent::CreateRule(const Rule &rule, const QVariantMap &options, Rule &)
{
    create<Rule>(tr("create a rule"), rule, options,
                 [](PolicyService &s, Rule &r) { return s.createRule(r); });
    return {};
}

ServiceReport PolicyAgent::UpdateRule(const Rule &rule, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("change a rule"), &options,
          [rule](PolicyService &s) { return report(s.updateRule(rule)); },
          {{rule.name, rule.description, rule.tunnelEndpoint}});
    return {};
}

ServiceReport PolicyAgent::DeleteRule(qlonglong id, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete a rule"), &options,
          [id](PolicyService &s) { return report(s.deleteRule(qint64(id))); });
    return {};
}

ServiceReport PolicyAgent::CreateFilterList(const FilterList &list, const QVariantMap &options,
                                            FilterList &)
{
    create<FilterList>(
        tr("create a filter list"), list, options,
        [](PolicyService &s, FilterList &l) { return s.createFilterList(l); }, list.filters.size());
    return {};
}

ServiceReport PolicyAgent::UpdateFilterList(const FilterList &list, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("change a filter list"), &options,
          [list](PolicyService &s) { return report(s.updateFilterList(list)); },
          {{list.name, list.description}, list.filters.size()});
    return {};
}

ServiceReport PolicyAgent::DeleteFilterList(qlonglong id, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete a filter list"), &options,
          [id](PolicyService &s) { return report(s.deleteFilterList(qint64(id))); });
    return {};
}

ServiceReport PolicyAgent::CreateFilterAction(const FilterAction &action,
                                              const QVariantMap &options, FilterAction &)
{
    create<FilterAction>(tr("create a filter action"), action, options,
                         [](PolicyService &s, FilterAction &a) { return s.createFilterAction(a); });
    return {};
}

ServiceReport PolicyAgent::UpdateFilterAction(const FilterAction &action,
                                              const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("change a filter action"), &options,
          [action](PolicyService &s) { return report(s.updateFilterAction(action)); },
          {{action.name, action.description}, action.securityMethods.size()});
    return {};
}

ServiceReport PolicyAgent::DeleteFilterAction(qlonglong id, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete a filter action"), &options,
          [id](PolicyService &s) { return report(s.deleteFilterAction(qint64(id))); });
    return {};
}

ServiceReport PolicyAgent::AddDynamicFilters(const QList<engine::DynamicFilter> &filters,
                                             const QVariantMap &options)
{
    QStringList strings;
    for (const auto &f : filters)
        strings << f.label << f.filter.description;
    serve(Authorizer::Action::Modify, tr("add dynamic filters"), &options,
          [filters](PolicyService &s) { return report(s.addDynamicFilters(filters)); },
          {filters.size() > 10'000 ? QStringList() : strings, filters.size()});
    return {};
}

ServiceReport PolicyAgent::ClearDynamicFilters(const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete the dynamic filters"), &options,
          [](PolicyService &s) { return report(s.clearDynamicFilters()); });
    return {};
}

ServiceReport PolicyAgent::Enforce(const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("enforce the policy again"), &options,
          [](PolicyService &s) { return report(s.enforce()); });
    return {};
}

ServiceReport PolicyAgent::RefreshPolicy(const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("fetch the domain's policy now"), &options,
          [](PolicyService &s) { return report(s.refreshPolicy()); });
    return {};
}

ServiceReport PolicyAgent::Confirm(const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("keep the pending changes"), &options,
          [](PolicyService &s) { return report(s.confirm()); });
    return {};
}

ServiceReport PolicyAgent::EmergencyUnassign(const QVariantMap &options)
{
    serve(Authorizer::Action::Emergency, emergencyWhat(), &options,
          [](PolicyService &s) { return report(s.emergencyUnassign()); });
    return {};
}

ServiceReport PolicyAgent::Reassign(const QVariantMap &options)
{
    serve(Authorizer::Action::Emergency, tr("re-assign after an emergency"), &options,
          [](PolicyService &s) { return report(s.reassign()); });
    return {};
}
