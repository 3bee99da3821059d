#include "PolicyAgent.h"

#include "syntax/IpsecCmd.h"

#include <QDBusConnectionInterface>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace ipsec;

PolicyAgent::PolicyAgent(QDBusConnection bus, std::unique_ptr<PolicyService> service,
                         Options options, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_service(std::move(service))
    , m_options(std::move(options))
    , m_authorizer(m_bus, m_options.adminGroup)
{
    registerDBusTypes();
    // Changes of the store by anyone (this agent, a root ipseccmd working in-process, another
    // host's copy) are enforced at once; several in a row are enforced once.
    m_enforceTimer.setSingleShot(true);
    m_enforceTimer.setInterval(0);
    connect(&m_enforceTimer, &QTimer::timeout, this, &PolicyAgent::enforceOutsideChange);
    connect(m_service.get(), &PolicyClient::changed, this, [this](qint64 revision) {
        m_enforceTimer.start();
        Q_EMIT Changed(revision);
    });
    connect(m_service.get(), &PolicyClient::dynamicFiltersChanged, this,
            &PolicyAgent::DynamicFiltersChanged);
    connect(m_service.get(), &PolicyClient::confirmationPending, this,
            [this](const PendingConfirmation &p) {
                Q_EMIT ConfirmationPending(p.deadline.toMSecsSinceEpoch(), p.description);
            });
    connect(m_service.get(), &PolicyClient::confirmationEnded, this,
            &PolicyAgent::ConfirmationEnded);
}

PolicyAgent::~PolicyAgent() = default;

Result<ServiceReport> PolicyAgent::startUp()
{
    // clearDynamicFilters() also enforces the static policy: the kernel ends with exactly the
    // entries it wants, without a moment in which nothing is enforced.
    auto report =
        m_service->isEnforcing() ? m_service->clearDynamicFilters() : m_service->enforce();
    m_service->setWatchInterval(m_options.watchIntervalMs);
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
    return {};
}

void PolicyAgent::enforceSoon(const QString &why)
{
    qInfo().noquote() << tr("%1: enforcing again.").arg(why);
    m_enforceTimer.start();
}

void PolicyAgent::enforceOutsideChange()
{
    auto r = m_service->enforce();
    if (!r) {
        qWarning().noquote() << tr("Enforcing the changed store failed: %1").arg(r.error().message);
        return;
    }
    for (const QString &m : r->messages)
        qInfo().noquote() << tr("Store changed: %1").arg(m);
}

Result<PolicyService *> PolicyAgent::serviceFor(bool dryRun)
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

PolicyAgent::Outcome PolicyAgent::report(const Result<ServiceReport> &r)
{
    if (!r)
        return r.error();
    return QVariantList{QVariant::fromValue(r.value())};
}

void PolicyAgent::serve(Authorizer::Action action, const QString &what, const QVariantMap *options,
                        Operation operation, const QStringList &strings, qsizetype listLength)
{
    const QDBusMessage call = message();
    setDelayedReply(true);
    const auto send = [this, call](const Outcome &outcome) {
        if (outcome)
            m_bus.send(call.createReply(outcome.value()));
        else
            m_bus.send(call.createErrorReply(AgentProtocol::errorName(outcome.error().code),
                                             outcome.error().message));
    };
    const auto refuse = [&](const Error &e) {
        qInfo().noquote() << tr("Refused %1: %2").arg(call.service(), e.message);
        send(e);
    };
    if (const QStringList problems = takeUnmarshalProblems(); !problems.isEmpty())
        return refuse(Error::usage(tr("Invalid values: %1").arg(problems.join(u' '))));
    for (const QString &s : strings) {
        if (s.size() > MaxStringLength)
            return refuse(
                Error::usage(tr("A text of %1 characters is longer than the %2 the agent accepts.")
                                 .arg(s.size())
                                 .arg(MaxStringLength)));
    }
    if (listLength > MaxListLength)
        return refuse(Error::usage(tr("A list of %1 items is longer than the %2 the agent accepts.")
                                       .arg(listLength)
                                       .arg(MaxListLength)));
    AgentProtocol::CallOptions callOptions;
    if (options) {
        auto parsed = AgentProtocol::fromMap(*options);
        if (!parsed)
            return refuse(parsed.error());
        callOptions = parsed.value();
    }
    m_authorizer.authorize(
        call, action, what,
        [this, call, what, action, callOptions,
         operation = std::move(operation)](const Result<void> &ok) {
            if (!ok) {
                qInfo().noquote() << tr("Refused %1: %2").arg(call.service(), ok.error().message);
                m_bus.send(call.createErrorReply(AgentProtocol::notAuthorizedErrorName(),
                                                 ok.error().message));
                return;
            }
            auto service = serviceFor(callOptions.dryRun);
            Outcome outcome = QVariantList();
            if (service) {
                (*service)->setChangeOptions(callOptions.change);
                outcome = operation(**service);
                (*service)->setChangeOptions({});
            } else {
                outcome = service.error();
            }
            if (action != Authorizer::Action::Read)
                qInfo().noquote() << tr("%1 for %2: %3")
                                         .arg(what, call.service(),
                                              outcome ? tr("done") : outcome.error().message);
            if (outcome)
                m_bus.send(call.createReply(outcome.value()));
            else
                m_bus.send(call.createErrorReply(AgentProtocol::errorName(outcome.error().code),
                                                 outcome.error().message));
        });
}

template <typename T>
void PolicyAgent::create(const QString &what, const T &object, const QVariantMap &options,
                         std::function<Result<ServiceReport>(PolicyService &, T &)> op,
                         qsizetype listLength)
{
    const QStringList strings{object.name, object.description};
    serve(
        Authorizer::Action::Modify, what, &options,
        [object, op = std::move(op)](PolicyService &s) -> Outcome {
            T created = object; // gets its id and guid
            auto r = op(s, created);
            if (!r)
                return r.error();
            return QVariantList{QVariant::fromValue(r.value()), QVariant::fromValue(created)};
        },
        strings, listLength);
}

// --- reading ---------------------------------------------------------------------------------

QVariantMap PolicyAgent::Status()
{
    QVariantMap map;
    map.insert(QLatin1StringView(AgentProtocol::StatusNetns), m_service->netns());
    map.insert(QLatin1StringView(AgentProtocol::StatusStorePath), m_service->storePath());
    qint64 revision = 0;
    if (auto db = m_service->load())
        revision = db->revision;
    map.insert(QLatin1StringView(AgentProtocol::StatusRevision), qlonglong(revision));
    map.insert(QLatin1StringView(AgentProtocol::StatusEnforcing), m_service->isEnforcing());
    map.insert(QLatin1StringView(AgentProtocol::StatusIkeExemption), m_service->ikeExemption());
    map.insert(QLatin1StringView(AgentProtocol::StatusVersion), QStringLiteral(IPSEC_VERSION));
    if (const auto pending = m_service->pendingConfirmation()) {
        map.insert(QLatin1StringView(AgentProtocol::StatusConfirmDeadline),
                   qlonglong(pending->deadline.toMSecsSinceEpoch()));
        map.insert(QLatin1StringView(AgentProtocol::StatusConfirmDescription),
                   pending->description);
    }
    return map;
}

PolicyDatabase PolicyAgent::Load()
{
    serve(Authorizer::Action::Read, tr("read the policy store"), nullptr,
          [](PolicyService &s) -> Outcome {
              auto db = s.load();
              if (!db)
                  return db.error();
              return QVariantList{QVariant::fromValue(db.value())};
          });
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

QString PolicyAgent::ExportSnapshot(const QString &policy)
{
    serve(Authorizer::Action::Read, tr("export a snapshot"), nullptr,
          [policy](PolicyService &s) -> Outcome {
              auto doc = s.exportSnapshot(policy);
              if (!doc)
                  return doc.error();
              return QVariantList{
                  QString::fromUtf8(QJsonDocument(doc.value()).toJson(QJsonDocument::Compact))};
          },
          {policy});
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
    serve(
        Authorizer::Action::Modify, tr("change the static policy"), &options,
        [argv](PolicyService &s) -> Outcome {
            auto c = parseArgv(argv);
            if (!c)
                return c.error();
            if (!c->staticMode)
                return Error::usage(tr("ExecuteStatic needs a static command line (-w)."));
            return report(s.executeStatic(c.value()));
        },
        argv, argv.size());
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
          [script, origin, mode](PolicyService &s) -> Outcome {
              if (script.size() > MaxDocumentLength)
                  return Error::usage(
                      tr("A script of %1 characters is longer than the %2 the agent "
                         "accepts.")
                          .arg(script.size())
                          .arg(MaxDocumentLength));
              return report(s.executeNetsh(script, origin, mode));
          },
          {origin});
    return {};
}

ServiceReport PolicyAgent::ImportSnapshot(const QString &document, int mode, int onClash,
                                          bool includeDynamic, bool dryRun,
                                          const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("import a snapshot"), &options,
          [=](PolicyService &s) -> Outcome {
              if (document.size() > MaxDocumentLength)
                  return Error::usage(tr("A snapshot of %1 characters is longer than the %2 the "
                                         "agent accepts.")
                                          .arg(document.size())
                                          .arg(MaxDocumentLength));
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
          });
    return {};
}

ServiceReport PolicyAgent::ExecuteDynamic(const QStringList &argv, const QVariantMap &options)
{
    serve(
        Authorizer::Action::Modify, tr("change the dynamic filters"), &options,
        [argv](PolicyService &s) -> Outcome {
            auto c = parseArgv(argv);
            if (!c)
                return c.error();
            if (c->staticMode)
                return Error::usage(tr("ExecuteDynamic takes no static command line (-w)."));
            return report(s.executeDynamic(c.value()));
        },
        argv, argv.size());
    return {};
}

ServiceReport PolicyAgent::AssignPolicy(const QString &name, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("assign a policy"), &options,
          [name](PolicyService &s) { return report(s.assignPolicy(name)); }, {name});
    return {};
}

ServiceReport PolicyAgent::UnassignPolicy(const QString &name, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("unassign a policy"), &options,
          [name](PolicyService &s) { return report(s.unassignPolicy(name)); }, {name});
    return {};
}

ServiceReport PolicyAgent::DeletePolicyByName(const QString &name, const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("delete a policy"), &options,
          [name](PolicyService &s) { return report(s.deletePolicy(name)); }, {name});
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
          {policy.name, policy.description});
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
          {rule.name, rule.description, rule.tunnelEndpoint});
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
    serve(
        Authorizer::Action::Modify, tr("change a filter list"), &options,
        [list](PolicyService &s) { return report(s.updateFilterList(list)); },
        {list.name, list.description}, list.filters.size());
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
    serve(
        Authorizer::Action::Modify, tr("change a filter action"), &options,
        [action](PolicyService &s) { return report(s.updateFilterAction(action)); },
        {action.name, action.description}, action.securityMethods.size());
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
    serve(
        Authorizer::Action::Modify, tr("add dynamic filters"), &options,
        [filters](PolicyService &s) { return report(s.addDynamicFilters(filters)); },
        filters.size() > 10'000 ? QStringList() : strings, filters.size());
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

ServiceReport PolicyAgent::Confirm(const QVariantMap &options)
{
    serve(Authorizer::Action::Modify, tr("keep the pending changes"), &options,
          [](PolicyService &s) { return report(s.confirm()); });
    return {};
}

ServiceReport PolicyAgent::EmergencyUnassign(const QVariantMap &options)
{
    serve(Authorizer::Action::Emergency, tr("unassign in an emergency"), &options,
          [](PolicyService &s) { return report(s.emergencyUnassign()); });
    return {};
}

ServiceReport PolicyAgent::Reassign(const QVariantMap &options)
{
    serve(Authorizer::Action::Emergency, tr("re-assign after an emergency"), &options,
          [](PolicyService &s) { return report(s.reassign()); });
    return {};
}
