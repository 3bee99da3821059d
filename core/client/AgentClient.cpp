#include "client/AgentClient.h"
#include "service/RuntimeState.h"

#include "client/AgentInterface.h"
#include "client/DBusMarshalling.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusServiceWatcher>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <atomic>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

std::optional<PendingConfirmation> pendingFrom(qint64 deadlineMsecs, const QString &description)
{
    if (deadlineMsecs <= 0)
        return std::nullopt;
    return PendingConfirmation{QDateTime::fromMSecsSinceEpoch(deadlineMsecs, Qt::UTC), description};
}

} // namespace

AgentClient::AgentClient(const QDBusConnection &connection, Status status)
    : m_connection(connection)
    , m_interface(std::make_unique<AgentInterface>(connection))
    , m_status(std::move(status))
{
    connect(m_interface.get(), &AgentInterface::Changed, this, &PolicyClient::changed);
    connect(m_interface.get(), &AgentInterface::DynamicFiltersChanged, this,
            &PolicyClient::dynamicFiltersChanged);
    connect(m_interface.get(), &AgentInterface::ConfirmationPending, this,
            [this](qlonglong deadline, const QString &description) {
                if (auto p = pendingFrom(deadline, description))
                    Q_EMIT confirmationPending(*p);
            });
    connect(m_interface.get(), &AgentInterface::ConfirmationEnded, this,
            &PolicyClient::confirmationEnded);
    // A restarted agent re-reads the store and re-enforces: tell the views, refresh what it
    // says about itself.
    auto *watcher = new QDBusServiceWatcher(AgentProtocol::service(), m_connection,
                                            QDBusServiceWatcher::WatchForRegistration, this);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
        if (auto s = fetchStatus(5000)) {
            m_status = s.value();
            Q_EMIT changed(m_status.revision);
            Q_EMIT dynamicFiltersChanged();
        }
    });
}

AgentClient::~AgentClient()
{
    if (m_peer)
        QDBusConnection::disconnectFromPeer(m_peer->name());
}

Result<std::unique_ptr<AgentClient>> AgentClient::open(const QDBusConnection &connection,
                                                       int statusTimeoutMs)
{
    registerDBusTypes();
    if (!connection.isConnected())
        return Error::kernel(tr("No D-Bus connection: %1").arg(connection.lastError().message()));
    auto *bus = connection.interface();
    if (!bus || !bus->isServiceRegistered(AgentProtocol::service()).value())
        return Error::notFound(
            tr("The policy agent (%1) is not running.").arg(AgentProtocol::service()));
    std::unique_ptr<AgentClient> client(new AgentClient(connection, {}));
    auto status = client->fetchStatus(statusTimeoutMs);
    if (!status)
        return status.error();
    client->m_status = status.value();
    return client;
}

Result<AgentClient::Status> AgentClient::fetchStatus(int timeoutMs) const
{
    auto reply = call(u"Status"_s, {}, timeoutMs);
    if (!reply)
        return reply.error();
    const QVariantMap map = qdbus_cast<QVariantMap>(reply->arguments().value(0));
    Status s;
    s.netns = map.value(QLatin1StringView(AgentProtocol::StatusNetns)).toString();
    s.storePath = map.value(QLatin1StringView(AgentProtocol::StatusStorePath)).toString();
    s.revision = map.value(QLatin1StringView(AgentProtocol::StatusRevision)).toLongLong();
    s.enforcing = map.value(QLatin1StringView(AgentProtocol::StatusEnforcing)).toBool();
    s.ikeExemption = map.value(QLatin1StringView(AgentProtocol::StatusIkeExemption)).toBool();
    s.version = map.value(QLatin1StringView(AgentProtocol::StatusVersion)).toString();
    s.kernelBackend = map.value(QLatin1StringView(AgentProtocol::StatusBackend)).toString();
    s.pending = pendingFrom(
        map.value(QLatin1StringView(AgentProtocol::StatusConfirmDeadline)).toLongLong(),
        map.value(QLatin1StringView(AgentProtocol::StatusConfirmDescription)).toString());
    return s;
}

namespace {

// Errors that say a call to the urgent name never reached the agent: the bus refused it (the
// caller is not root or in the admin group) or nobody owns the name (an older agent, or its
// second connection is being opened again).
bool undelivered(const QDBusMessage &reply)
{
    static const QStringList names{
        u"org.freedesktop.DBus.Error.AccessDenied"_s,
        u"org.freedesktop.DBus.Error.ServiceUnknown"_s,
        u"org.freedesktop.DBus.Error.NameHasNoOwner"_s,
        u"org.freedesktop.DBus.Error.UnknownMethod"_s,
        u"org.freedesktop.DBus.Error.UnknownObject"_s,
        u"org.freedesktop.DBus.Error.UnknownInterface"_s,
    };
    return names.contains(reply.errorName());
}

} // namespace

Result<QDBusMessage> AgentClient::call(const QString &method, const QVariantList &args,
                                       int timeoutMs) const
{
    const int timeout = timeoutMs < 0 ? m_timeoutMs : timeoutMs;
    const auto send = [&](const QString &service) {
        QDBusMessage message = QDBusMessage::createMethodCall(service, AgentProtocol::path(),
                                                              AgentProtocol::interface(), method);
        message.setArguments(args);
        // polkit may ask the user for a password: an interactive check is allowed to take long.
        message.setInteractiveAuthorizationAllowed(true);
        return m_connection.call(message, QDBus::Block, timeout);
    };
    QDBusMessage reply;
    // Status and EmergencyUnassign go first to the agent's socket (no bus daemon in between),
    // then to its urgent name, where no flood of other calls is queued in front of them. The
    // next way when one is refused or not there; for Status also when the connection closed
    // meanwhile (not after a timeout: the agent hangs then).
    if (method == u"Status"_s || method == u"EmergencyUnassign"_s) {
        const auto retry = [&](const QElapsedTimer &t) {
            return reply.type() == QDBusMessage::ErrorMessage
                   && (undelivered(reply) || (method == u"Status"_s && t.elapsed() < timeout));
        };
        QElapsedTimer t;
        t.start();
        if (const auto peer = peerConnection()) {
            QDBusMessage message = QDBusMessage::createMethodCall(
                QString(), AgentProtocol::path(), AgentProtocol::interface(), method);
            message.setArguments(args);
            reply = peer->call(message, QDBus::Block, timeout);
            if (reply.type() == QDBusMessage::ErrorMessage && !peer->isConnected())
                m_peer.reset();
        }
        if (reply.type() != QDBusMessage::ReplyMessage && (!reply.errorName().size() || retry(t))) {
            t.restart();
            reply = send(AgentProtocol::urgentService());
            if (retry(t))
                reply = send(AgentProtocol::service());
        }
    } else {
        reply = send(AgentProtocol::service());
    }
    if (reply.type() == QDBusMessage::ErrorMessage)
        return AgentProtocol::toError(reply);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return Error::kernel(tr("The policy agent gave no answer to %1.").arg(method));
    return reply;
}

std::optional<QDBusConnection> AgentClient::peerConnection() const
{
    if (m_peer && m_peer->isConnected())
        return m_peer;
    m_peer.reset();
    // Only root's socket: anyone could put a socket elsewhere and answer "done".
    const QByteArray path = QFile::encodeName(AgentProtocol::peerSocketPath());
    struct stat st {};
    if (::lstat(path.constData(), &st) != 0 || !S_ISSOCK(st.st_mode) || st.st_uid != 0)
        return std::nullopt;
    static std::atomic_int counter = 0;
    const QString name = u"ipsec-agent-peer-%1-%2"_s.arg(::getpid()).arg(++counter);
    QDBusConnection peer =
        QDBusConnection::connectToPeer(u"unix:path="_s + QString::fromLocal8Bit(path), name);
    if (!peer.isConnected()) {
        QDBusConnection::disconnectFromPeer(name);
        return std::nullopt;
    }
    m_peer = peer;
    return m_peer;
}

template <typename T>
Result<T> AgentClient::read(const QString &method, const QVariantList &args) const
{
    auto reply = call(method, args);
    if (!reply)
        return reply.error();
    return qdbus_cast<T>(reply->arguments().value(0));
}

QVariant AgentClient::options() const
{
    return AgentProtocol::toMap(changeOptions(), m_dryRun);
}

Result<ServiceReport> AgentClient::change(const QString &method, QVariantList args, int timeoutMs)
{
    args << options();
    auto reply = call(method, args, timeoutMs);
    if (!reply)
        return reply.error();
    return qdbus_cast<ServiceReport>(reply->arguments().value(0));
}

template <typename T>
Result<ServiceReport> AgentClient::create(const QString &method, T &object)
{
    auto reply = call(method, {QVariant::fromValue(object), options()});
    if (!reply)
        return reply.error();
    const QVariantList out = reply->arguments();
    object = qdbus_cast<T>(out.value(1));
    return qdbus_cast<ServiceReport>(out.value(0));
}

Result<PolicyDatabase> AgentClient::load() const
{
    return read<PolicyDatabase>(u"Load"_s);
}

Result<ServiceReport> AgentClient::executeStatic(const syntax::IpsecCmdCommand &command)
{
    return change(u"ExecuteStatic"_s, {syntax::IpsecCmdPrinter::arguments(command)});
}

Result<ServiceReport> AgentClient::executeNetsh(const QString &script, const QString &origin,
                                                ScriptMode mode)
{
    // The mode travels in the options map, so the method's signature stays as it was.
    QVariantMap o = options().toMap();
    o.insert(u"lineByLine"_s, mode == ScriptMode::LineByLine);
    auto reply = call(u"ExecuteNetsh"_s, {script, origin, o}, -1);
    if (!reply)
        return reply.error();
    return qdbus_cast<ServiceReport>(reply->arguments().value(0));
}

Result<ServiceReport> AgentClient::executeDynamic(const syntax::IpsecCmdCommand &command)
{
    return change(u"ExecuteDynamic"_s, {syntax::IpsecCmdPrinter::arguments(command)});
}

Result<ServiceReport> AgentClient::assignPolicy(const QString &name)
{
    return change(u"AssignPolicy"_s, {name});
}

Result<ServiceReport> AgentClient::unassignPolicy(const QString &name)
{
    return change(u"UnassignPolicy"_s, {name});
}

Result<ServiceReport> AgentClient::deletePolicy(const QString &name)
{
    return change(u"DeletePolicyByName"_s, {name});
}

Result<ServiceReport> AgentClient::createPolicy(Policy &policy)
{
    return create(u"CreatePolicy"_s, policy);
}

Result<ServiceReport> AgentClient::updatePolicy(const Policy &policy)
{
    return change(u"UpdatePolicy"_s, {QVariant::fromValue(policy)});
}

Result<ServiceReport> AgentClient::deletePolicy(qint64 policyId)
{
    return change(u"DeletePolicy"_s, {qlonglong(policyId)});
}

Result<ServiceReport> AgentClient::createRule(Rule &rule)
{
    return create(u"CreateRule"_s, rule);
}

Result<ServiceReport> AgentClient::updateRule(const Rule &rule)
{
    return change(u"UpdateRule"_s, {QVariant::fromValue(rule)});
}

Result<ServiceReport> AgentClient::deleteRule(qint64 ruleId)
{
    return change(u"DeleteRule"_s, {qlonglong(ruleId)});
}

Result<ServiceReport> AgentClient::createFilterList(FilterList &list)
{
    return create(u"CreateFilterList"_s, list);
}

Result<ServiceReport> AgentClient::updateFilterList(const FilterList &list)
{
    return change(u"UpdateFilterList"_s, {QVariant::fromValue(list)});
}

Result<ServiceReport> AgentClient::deleteFilterList(qint64 listId)
{
    return change(u"DeleteFilterList"_s, {qlonglong(listId)});
}

Result<ServiceReport> AgentClient::createFilterAction(FilterAction &action)
{
    return create(u"CreateFilterAction"_s, action);
}

Result<ServiceReport> AgentClient::updateFilterAction(const FilterAction &action)
{
    return change(u"UpdateFilterAction"_s, {QVariant::fromValue(action)});
}

Result<ServiceReport> AgentClient::deleteFilterAction(qint64 actionId)
{
    return change(u"DeleteFilterAction"_s, {qlonglong(actionId)});
}

Result<ServiceReport> AgentClient::addDynamicFilters(const QList<engine::DynamicFilter> &f)
{
    return change(u"AddDynamicFilters"_s, {QVariant::fromValue(f)});
}

Result<ServiceReport> AgentClient::clearDynamicFilters()
{
    return change(u"ClearDynamicFilters"_s, {});
}

Result<QList<engine::DynamicFilter>> AgentClient::dynamicFilters() const
{
    return read<QList<engine::DynamicFilter>>(u"DynamicFilters"_s);
}

Result<ServiceReport> AgentClient::enforce()
{
    return change(u"Enforce"_s, {});
}

Result<ServiceReport> AgentClient::refreshPolicy()
{
    return change(u"RefreshPolicy"_s, {});
}

Result<engine::DynamicIke> AgentClient::dynamicIke() const
{
    auto json = read<QString>(u"DynamicIke"_s);
    if (!json)
        return json.error();
    auto ike = RuntimeState::ikeFromJson(QJsonDocument::fromJson(json->toUtf8()).object());
    if (!ike)
        return Error::store(tr("The policy agent sent dynamic main mode and quick mode policies "
                               "that cannot be read."));
    return *ike;
}

Result<KernelView> AgentClient::kernelView()
{
    return read<KernelView>(u"KernelView"_s);
}

Result<QJsonObject> AgentClient::exportSnapshot(const QString &policyName)
{
    auto json = read<QString>(u"ExportSnapshot"_s, {policyName});
    if (!json)
        return json.error();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json->toUtf8(), &error);
    if (!doc.isObject())
        return Error::store(
            tr("The policy agent sent a snapshot that is not JSON: %1").arg(error.errorString()));
    return doc.object();
}

Result<ServiceReport> AgentClient::importSnapshot(const QByteArray &document,
                                                  const ImportOptions &options)
{
    // The document travels as text; the agent reads it as strictly as a file.
    return change(u"ImportSnapshot"_s,
                  {QString::fromUtf8(document), int(options.mode), int(options.onClash),
                   options.includeDynamic, options.dryRun});
}

Result<ServiceReport> AgentClient::emergencyUnassign()
{
    return change(u"EmergencyUnassign"_s, {});
}

Result<ServiceReport> AgentClient::emergencyUnassign(int timeoutMs)
{
    return change(u"EmergencyUnassign"_s, {}, timeoutMs);
}

Result<ServiceReport> AgentClient::reassign()
{
    return change(u"Reassign"_s, {});
}

Result<ServiceReport> AgentClient::confirm()
{
    return change(u"Confirm"_s, {});
}

std::optional<PendingConfirmation> AgentClient::pendingConfirmation() const
{
    auto s = fetchStatus(m_timeoutMs);
    return s ? s->pending : std::nullopt;
}

} // namespace ipsec
