#include "UrgentLane.h"

#include "Authorizer.h"
#include "PolicyAgent.h"

#include "client/AgentProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QVariantMap>

#include <dbus/dbus.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

const char *const BusService = "org.freedesktop.DBus";
const char *const BusPath = "/org/freedesktop/DBus";
const char *const PolkitService = "org.freedesktop.PolicyKit1";
constexpr int BusTimeoutMs = 2000;
constexpr int PolkitTimeoutMs = 5 * 60 * 1000; // the user may be typing a password
// Unique names are never used twice on a bus: credentials are kept until the cache is full.
constexpr qsizetype MaxCachedSenders = 400;

QString errorText(DBusError &error)
{
    const QString text = QString::fromUtf8(error.message ? error.message : "");
    dbus_error_free(&error);
    return text;
}

bool appendString(DBusMessageIter *it, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    const char *data = utf8.constData();
    return dbus_message_iter_append_basic(it, DBUS_TYPE_STRING, &data);
}

bool appendVariant(DBusMessageIter *it, const QVariant &value)
{
    DBusMessageIter v;
    switch (value.metaType().id()) {
    case QMetaType::Bool: {
        dbus_bool_t b = value.toBool();
        return dbus_message_iter_open_container(it, DBUS_TYPE_VARIANT, "b", &v)
               && dbus_message_iter_append_basic(&v, DBUS_TYPE_BOOLEAN, &b)
               && dbus_message_iter_close_container(it, &v);
    }
    case QMetaType::LongLong: {
        dbus_int64_t x = value.toLongLong();
        return dbus_message_iter_open_container(it, DBUS_TYPE_VARIANT, "x", &v)
               && dbus_message_iter_append_basic(&v, DBUS_TYPE_INT64, &x)
               && dbus_message_iter_close_container(it, &v);
    }
    default:
        return dbus_message_iter_open_container(it, DBUS_TYPE_VARIANT, "s", &v)
               && appendString(&v, value.toString()) && dbus_message_iter_close_container(it, &v);
    }
}

bool appendMap(DBusMessageIter *it, const QVariantMap &map)
{
    DBusMessageIter array;
    if (!dbus_message_iter_open_container(it, DBUS_TYPE_ARRAY, "{sv}", &array))
        return false;
    for (auto i = map.cbegin(); i != map.cend(); ++i) {
        DBusMessageIter entry;
        if (!dbus_message_iter_open_container(&array, DBUS_TYPE_DICT_ENTRY, nullptr, &entry)
            || !appendString(&entry, i.key()) || !appendVariant(&entry, i.value())
            || !dbus_message_iter_close_container(&array, &entry))
            return false;
    }
    return dbus_message_iter_close_container(it, &array);
}

bool appendStrings(DBusMessageIter *it, const QStringList &list)
{
    DBusMessageIter array;
    if (!dbus_message_iter_open_container(it, DBUS_TYPE_ARRAY, "s", &array))
        return false;
    for (const QString &s : list) {
        if (!appendString(&array, s))
            return false;
    }
    return dbus_message_iter_close_container(it, &array);
}

// A basic value as QtDBus would give it (AgentProtocol::fromMap checks the types).
std::optional<QVariant> basicValue(DBusMessageIter *it)
{
    DBusBasicValue v;
    switch (dbus_message_iter_get_arg_type(it)) {
    case DBUS_TYPE_BOOLEAN:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(bool(v.bool_val));
    case DBUS_TYPE_BYTE:
        dbus_message_iter_get_basic(it, &v);
        return QVariant::fromValue(uchar(v.byt));
    case DBUS_TYPE_INT16:
        dbus_message_iter_get_basic(it, &v);
        return QVariant::fromValue(short(v.i16));
    case DBUS_TYPE_UINT16:
        dbus_message_iter_get_basic(it, &v);
        return QVariant::fromValue(ushort(v.u16));
    case DBUS_TYPE_INT32:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(int(v.i32));
    case DBUS_TYPE_UINT32:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(uint(v.u32));
    case DBUS_TYPE_INT64:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(qlonglong(v.i64));
    case DBUS_TYPE_UINT64:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(qulonglong(v.u64));
    case DBUS_TYPE_DOUBLE:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(v.dbl);
    case DBUS_TYPE_STRING:
    case DBUS_TYPE_OBJECT_PATH:
    case DBUS_TYPE_SIGNATURE:
        dbus_message_iter_get_basic(it, &v);
        return QVariant(QString::fromUtf8(v.str));
    default:
        return std::nullopt;
    }
}

// The call's a{sv}; nullopt when a value is not of a basic type.
std::optional<QVariantMap> readOptions(DBusMessage *call)
{
    QVariantMap map;
    DBusMessageIter it;
    DBusMessageIter array;
    if (!dbus_message_iter_init(call, &it))
        return std::nullopt;
    dbus_message_iter_recurse(&it, &array);
    while (dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_DICT_ENTRY) {
        DBusMessageIter entry;
        DBusMessageIter variant;
        const char *key = nullptr;
        dbus_message_iter_recurse(&array, &entry);
        dbus_message_iter_get_basic(&entry, &key);
        dbus_message_iter_next(&entry);
        dbus_message_iter_recurse(&entry, &variant);
        const auto value = basicValue(&variant);
        if (!value)
            return std::nullopt;
        map.insert(QString::fromUtf8(key), *value);
        dbus_message_iter_next(&array);
    }
    return map;
}

DBusMessage *busCall(const char *method, const QString &argument)
{
    DBusMessage *m = dbus_message_new_method_call(BusService, BusPath, BusService, method);
    DBusMessageIter it;
    dbus_message_iter_init_append(m, &it);
    appendString(&it, argument);
    return m;
}

// The reply to `call` for an outcome (a ServiceReport, or an error).
DBusMessage *replyFor(DBusMessage *call, const PolicyAgent::Outcome &outcome)
{
    if (!outcome) {
        return dbus_message_new_error(
            call, AgentProtocol::errorName(outcome.error().code).toUtf8().constData(),
            outcome.error().message.toUtf8().constData());
    }
    const auto report = outcome.value().value(0).value<ServiceReport>();
    DBusMessage *reply = dbus_message_new_method_return(call);
    DBusMessageIter it;
    DBusMessageIter fields;
    dbus_message_iter_init_append(reply, &it);
    if (!dbus_message_iter_open_container(&it, DBUS_TYPE_STRUCT, nullptr, &fields)
        || !appendStrings(&fields, report.messages) || !appendStrings(&fields, report.notices)
        || !appendStrings(&fields, report.ipCommands) || !appendStrings(&fields, report.errors)
        || !dbus_message_iter_close_container(&it, &fields)) {
        dbus_message_unref(reply);
        return dbus_message_new_error(call, DBUS_ERROR_NO_MEMORY, "out of memory");
    }
    return reply;
}

void sendAndUnref(DBusConnection *connection, DBusMessage *message)
{
    if (message) {
        dbus_connection_send(connection, message, nullptr);
        dbus_message_unref(message);
    }
}

} // namespace

void LaneConnection::raisePriority()
{
    // These threads sleep nearly always and answer in microseconds; on a machine loaded with
    // other work (or with a flood's copying) they should still get the processor at once.
    if (::geteuid() == 0)
        (void)::setpriority(PRIO_PROCESS, ::gettid(), LanePriority);
}

bool LaneConnection::registerObject(QString *problem)
{
    // A message bigger than any Status or EmergencyUnassign call closes the connection as soon
    // as its header is read, instead of being read 4 KiB per wake-up in front of the next call.
    dbus_connection_set_max_message_size(connection, UrgentLane::MaxMessageSize);
    dbus_connection_set_max_received_size(connection, 16 * UrgentLane::MaxMessageSize);
    static const DBusObjectPathVTable vtable = {
        nullptr, reinterpret_cast<DBusObjectPathMessageFunction>(&LaneConnection::handleMessage),
        nullptr, nullptr,
        nullptr, nullptr};
    DBusError error;
    dbus_error_init(&error);
    if (dbus_connection_try_register_object_path(connection, AgentProtocol::Path, &vtable, this,
                                                 &error))
        return true;
    *problem = errorText(error);
    return false;
}

bool LaneConnection::serveOnce()
{
    // Short waits while another thread has an answer to send: libdbus writes it when this
    // thread next looks at the connection.
    const bool open =
        dbus_connection_read_write_dispatch(connection, waiting->load() > 0 ? 5 : 200);
    QCoreApplication::processEvents(); // timers of early answers
    return open;
}

int LaneConnection::handleMessage(DBusConnection *, DBusMessage *message, void *self)
{
    auto *lane = static_cast<LaneConnection *>(self);
    if (dbus_message_get_type(message) != DBUS_MESSAGE_TYPE_METHOD_CALL)
        return DBUS_HANDLER_RESULT_NOT_YET_HANDLED;
    const char *interface = dbus_message_get_interface(message);
    if (interface && qstrcmp(interface, AgentProtocol::Interface) != 0)
        return DBUS_HANDLER_RESULT_NOT_YET_HANDLED; // libdbus answers UnknownMethod
    const bool status = dbus_message_has_member(message, "Status");
    if (!status && !dbus_message_has_member(message, "EmergencyUnassign"))
        return DBUS_HANDLER_RESULT_NOT_YET_HANDLED;
    if (!dbus_message_has_signature(message, status ? "" : "a{sv}")) {
        sendAndUnref(lane->connection,
                     dbus_message_new_error(message, DBUS_ERROR_INVALID_ARGS,
                                            status ? "Status takes no arguments."
                                                   : "EmergencyUnassign takes a{sv}."));
        return DBUS_HANDLER_RESULT_HANDLED;
    }
    if (status)
        lane->status(message);
    else
        lane->emergencyUnassign(message);
    return DBUS_HANDLER_RESULT_HANDLED;
}

void LaneConnection::status(DBusMessage *call)
{
    DBusMessage *reply = dbus_message_new_method_return(call);
    DBusMessageIter it;
    dbus_message_iter_init_append(reply, &it);
    if (!appendMap(&it, agent->statusMap())) {
        dbus_message_unref(reply);
        reply = dbus_message_new_error(call, DBUS_ERROR_NO_MEMORY, "out of memory");
    }
    sendAndUnref(connection, reply);
}

void LaneConnection::emergencyUnassign(DBusMessage *call)
{
    const QString who =
        dbus_message_get_sender(call) ? QString::fromUtf8(dbus_message_get_sender(call)) : caller;
    const auto refuse = [this, call, who](const char *errorName, const QString &message) {
        qInfo().noquote() << UrgentLane::tr("Refused %1: %2").arg(who, message);
        sendAndUnref(connection,
                     dbus_message_new_error(call, errorName, message.toUtf8().constData()));
    };
    const auto map = readOptions(call);
    if (!map)
        return refuse(AgentProtocol::errorName(ErrorCode::Usage).toUtf8().constData(),
                      UrgentLane::tr("Invalid values: %1").arg(u"options"_s));
    const auto options = AgentProtocol::fromMap(*map);
    if (!options)
        return refuse(AgentProtocol::errorName(options.error().code).toUtf8().constData(),
                      options.error().message);
    dbus_message_ref(call);
    authorize(call, [this, call, who, refuse, options = options.value()](const Result<void> &ok) {
        if (!ok) {
            const QByteArray name = refusedErrorName
                                        ? QByteArray(refusedErrorName)
                                        : AgentProtocol::notAuthorizedErrorName().toUtf8();
            refuse(name.constData(), ok.error().message);
            dbus_message_unref(call);
            return;
        }
        // The answer may come from the worker's thread: it keeps the connection and the call.
        DBusConnection *kept = dbus_connection_ref(connection);
        ++*waiting;
        auto sent = std::make_shared<std::atomic_bool>(false);
        agent->runEmergency(
            who, options,
            [pending = waiting, kept, call, sent](const PolicyAgent::Outcome &outcome) {
                if (sent->exchange(true))
                    return;
                sendAndUnref(kept, replyFor(call, outcome));
                dbus_connection_flush(kept);
                dbus_message_unref(call);
                dbus_connection_unref(kept);
                --*pending;
            },
            context);
    });
}

UrgentLane::UrgentLane(PolicyAgent &agent, QDBusConnection::BusType busType, QString adminGroup)
    : m_agent(agent)
    , m_busType(busType)
    , m_adminGroup(std::move(adminGroup))
{
    setObjectName(u"policyd-urgent"_s);
    m_lane.agent = &m_agent;
    m_lane.authorize = [this](DBusMessage *call, std::function<void(const Result<void> &)> done) {
        authorize(call, std::move(done));
    };
}

UrgentLane::~UrgentLane()
{
    requestInterruption();
    wait();
}

void UrgentLane::run()
{
    QObject context;
    m_lane.context = &context;
    LaneConnection::raisePriority();
    QString lastProblem;
    while (!isInterruptionRequested()) {
        if (!m_connection) {
            const QString problem = connectBus();
            if (!problem.isEmpty()) {
                if (problem != lastProblem)
                    qWarning().noquote() << problem;
                lastProblem = problem;
                QThread::msleep(ReconnectDelayMs);
                continue;
            }
            lastProblem.clear();
        }
        if (!m_lane.serveOnce()) {
            qWarning().noquote() << tr("The bus connection of %1 was closed (a message of more "
                                       "than %2 bytes?); connecting again.")
                                        .arg(AgentProtocol::urgentService())
                                        .arg(MaxMessageSize);
            closeBus();
        }
    }
    closeBus();
    m_lane.context = nullptr;
}

QString UrgentLane::connectBus()
{
    DBusError error;
    dbus_error_init(&error);
    m_connection = dbus_bus_get_private(
        m_busType == QDBusConnection::SessionBus ? DBUS_BUS_SESSION : DBUS_BUS_SYSTEM, &error);
    if (!m_connection)
        return tr("No second bus connection for %1: %2")
            .arg(AgentProtocol::urgentService(), errorText(error));
    dbus_connection_set_exit_on_disconnect(m_connection, false);
    if (QString problem; !m_lane.registerObject(&problem)) {
        closeBus();
        return tr("Could not export %1 on the second bus connection: %2")
            .arg(AgentProtocol::path(), problem);
    }
    const int owned = dbus_bus_request_name(m_connection, AgentProtocol::UrgentService,
                                            DBUS_NAME_FLAG_DO_NOT_QUEUE, &error);
    if (owned != DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER) {
        const QString text = dbus_error_is_set(&error) ? errorText(error) : tr("taken");
        closeBus();
        return tr("Could not own the bus name %1: %2 (Status and EmergencyUnassign are answered "
                  "on %3 only; is the bus policy file installed?)")
            .arg(AgentProtocol::urgentService(), text, AgentProtocol::service());
    }
    return {};
}

void UrgentLane::closeBus()
{
    if (!m_connection)
        return;
    dbus_connection_close(m_connection);
    dbus_connection_unref(m_connection);
    m_connection = nullptr;
}

UrgentLane::Credentials UrgentLane::credentials(const QString &sender)
{
    if (const auto it = m_credentials.constFind(sender); it != m_credentials.cend())
        return it.value();
    Credentials c;
    DBusError error;
    dbus_error_init(&error);
    DBusMessage *call = busCall("GetConnectionCredentials", sender);
    DBusMessage *reply =
        dbus_connection_send_with_reply_and_block(m_connection, call, BusTimeoutMs, &error);
    dbus_message_unref(call);
    if (!reply) {
        dbus_error_free(&error);
        return c;
    }
    bool uidOk = false;
    bool pidOk = false;
    DBusMessageIter it;
    DBusMessageIter array;
    if (dbus_message_iter_init(reply, &it)
        && dbus_message_iter_get_arg_type(&it) == DBUS_TYPE_ARRAY) {
        dbus_message_iter_recurse(&it, &array);
        while (dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_DICT_ENTRY) {
            DBusMessageIter entry;
            DBusMessageIter variant;
            const char *key = nullptr;
            dbus_message_iter_recurse(&array, &entry);
            dbus_message_iter_get_basic(&entry, &key);
            dbus_message_iter_next(&entry);
            dbus_message_iter_recurse(&entry, &variant);
            if (dbus_message_iter_get_arg_type(&variant) == DBUS_TYPE_UINT32) {
                dbus_uint32_t value = 0;
                dbus_message_iter_get_basic(&variant, &value);
                if (qstrcmp(key, "UnixUserID") == 0)
                    c.uid = value, uidOk = true;
                else if (qstrcmp(key, "ProcessID") == 0)
                    c.pid = value, pidOk = true;
            }
            dbus_message_iter_next(&array);
        }
    }
    dbus_message_unref(reply);
    c.valid = uidOk && pidOk;
    if (c.valid) {
        if (m_credentials.size() >= MaxCachedSenders)
            m_credentials.clear();
        m_credentials.insert(sender, c);
    }
    return c;
}

bool UrgentLane::polkitTrusted()
{
    // Asked each time (emergencies are rare): whoever owns polkit's name now, and whether that
    // is root.
    DBusError error;
    dbus_error_init(&error);
    DBusMessage *call = busCall("GetNameOwner", QLatin1StringView(PolkitService));
    DBusMessage *reply =
        dbus_connection_send_with_reply_and_block(m_connection, call, BusTimeoutMs, &error);
    dbus_message_unref(call);
    if (!reply) {
        dbus_error_free(&error);
        return false;
    }
    const char *owner = nullptr;
    const bool ok =
        dbus_message_get_args(reply, &error, DBUS_TYPE_STRING, &owner, DBUS_TYPE_INVALID);
    const QString name = ok ? QString::fromUtf8(owner) : QString();
    dbus_message_unref(reply);
    dbus_error_free(&error);
    if (name.isEmpty())
        return false;
    const Credentials c = credentials(name);
    if (c.valid && c.uid != 0)
        qWarning().noquote() << tr("%1 is owned by %2, uid %3, not by root: polkit is not asked.")
                                    .arg(QLatin1StringView(PolkitService), name)
                                    .arg(c.uid);
    return c.valid && c.uid == 0;
}

void UrgentLane::authorize(DBusMessage *call, std::function<void(const Result<void> &)> done)
{
    const QString what = PolicyAgent::emergencyWhat();
    const QString sender = QString::fromUtf8(dbus_message_get_sender(call));
    const Credentials c = credentials(sender);
    if (!c.valid)
        return done(Error::permission(
            Authorizer::refusal(what, tr("the caller's user could not be determined."))));
    if (c.uid == 0)
        return done({});
    if (!polkitTrusted())
        return done(Authorizer::checkGroup(c.uid, c.pid, m_adminGroup, what));
    // polkit may ask for a password: its answer comes later, through a pending call.
    DBusMessage *check =
        dbus_message_new_method_call(PolkitService, "/org/freedesktop/PolicyKit1/Authority",
                                     "org.freedesktop.PolicyKit1.Authority", "CheckAuthorization");
    DBusMessageIter it;
    DBusMessageIter subject;
    DBusMessageIter details;
    dbus_message_iter_init_append(check, &it);
    const char *kind = "system-bus-name";
    dbus_message_iter_open_container(&it, DBUS_TYPE_STRUCT, nullptr, &subject);
    dbus_message_iter_append_basic(&subject, DBUS_TYPE_STRING, &kind);
    appendMap(&subject, QVariantMap{{u"name"_s, sender}});
    dbus_message_iter_close_container(&it, &subject);
    appendString(&it, Authorizer::polkitAction(Authorizer::Action::Emergency));
    dbus_message_iter_open_container(&it, DBUS_TYPE_ARRAY, "{ss}", &details);
    dbus_message_iter_close_container(&it, &details);
    dbus_uint32_t flags = 1; // AllowUserInteraction
    dbus_message_iter_append_basic(&it, DBUS_TYPE_UINT32, &flags);
    appendString(&it, QString());
    DBusPendingCall *pending = nullptr;
    const bool sent =
        dbus_connection_send_with_reply(m_connection, check, &pending, PolkitTimeoutMs);
    dbus_message_unref(check);
    if (!sent || !pending)
        return done(Error::permission(Authorizer::refusal(
            what, tr("polkit could not be asked (%1).").arg(u"out of memory"_s))));
    struct Asked {
        std::function<void(const Result<void> &)> done;
        QString what;
    };
    dbus_pending_call_set_notify(
        pending,
        [](DBusPendingCall *p, void *data) {
            const auto *asked = static_cast<Asked *>(data);
            DBusMessage *reply = dbus_pending_call_steal_reply(p);
            dbus_pending_call_unref(p);
            bool authorized = false;
            QString error;
            if (!reply) {
                error = u"no reply"_s;
            } else if (dbus_message_get_type(reply) == DBUS_MESSAGE_TYPE_ERROR) {
                DBusError e;
                dbus_error_init(&e);
                dbus_set_error_from_message(&e, reply);
                error = errorText(e);
            } else {
                DBusMessageIter args;
                DBusMessageIter result;
                if (dbus_message_iter_init(reply, &args)
                    && dbus_message_iter_get_arg_type(&args) == DBUS_TYPE_STRUCT) {
                    dbus_message_iter_recurse(&args, &result);
                    if (dbus_message_iter_get_arg_type(&result) == DBUS_TYPE_BOOLEAN) {
                        dbus_bool_t yes = false;
                        dbus_message_iter_get_basic(&result, &yes);
                        authorized = yes;
                    }
                }
            }
            if (reply)
                dbus_message_unref(reply);
            if (authorized)
                asked->done({});
            else if (!error.isEmpty())
                asked->done(Error::permission(Authorizer::refusal(
                    asked->what, tr("polkit could not be asked (%1).").arg(error))));
            else
                asked->done(Error::permission(Authorizer::refusal(
                    asked->what,
                    tr("polkit refused action %1.")
                        .arg(Authorizer::polkitAction(Authorizer::Action::Emergency)))));
        },
        new Asked{std::move(done), what}, [](void *data) { delete static_cast<Asked *>(data); });
}

// --- PeerLane --------------------------------------------------------------------------------

// One client's connection, on a thread of its own.
class PeerLane::Connection : public QThread {
public:
    Connection(PolicyAgent &agent, DBusConnection *connection, uint uid, uint pid,
               const QString &adminGroup)
        : m_uid(uid)
    {
        setObjectName(u"policyd-peer"_s);
        m_lane.connection = dbus_connection_ref(connection);
        m_lane.agent = &agent;
        m_lane.caller = tr("uid %1 pid %2 (socket)").arg(uid).arg(pid);
        // Whoever may not: AccessDenied, so that the client asks on the bus (polkit there).
        m_lane.refusedErrorName = DBUS_ERROR_ACCESS_DENIED;
        m_lane.authorize = [uid, pid, adminGroup](DBusMessage *,
                                                  std::function<void(const Result<void> &)> done) {
            if (uid == 0)
                return done({});
            done(Authorizer::checkGroup(uid, pid, adminGroup, PolicyAgent::emergencyWhat()));
        };
        // Every local user may connect; the call decides.
        dbus_connection_set_unix_user_function(
            m_lane.connection,
            [](DBusConnection *, unsigned long, void *) -> dbus_bool_t { return true; }, nullptr,
            nullptr);
    }
    ~Connection() override
    {
        requestInterruption();
        wait();
        dbus_connection_close(m_lane.connection);
        dbus_connection_unref(m_lane.connection);
    }
    uint uid() const { return m_uid; }

protected:
    void run() override
    {
        QObject context;
        m_lane.context = &context;
        LaneConnection::raisePriority();
        if (QString problem; !m_lane.registerObject(&problem)) {
            qWarning().noquote() << problem;
            return;
        }
        while (!isInterruptionRequested() && m_lane.serveOnce()) {
        }
        // Answers still to come from the worker go nowhere: the connection is closed.
        m_lane.context = nullptr;
    }

private:
    LaneConnection m_lane;
    uint m_uid;
};

PeerLane::PeerLane(PolicyAgent &agent, QString adminGroup)
    : m_agent(agent)
    , m_adminGroup(std::move(adminGroup))
{
    setObjectName(u"policyd-peers"_s);
}

PeerLane::~PeerLane()
{
    requestInterruption();
    wait();
}

void PeerLane::newConnection(DBusServer *, DBusConnection *connection, void *self)
{
    auto *lane = static_cast<PeerLane *>(self);
    lane->reap(false);
    int fd = -1;
    ucred peer{};
    socklen_t length = sizeof peer;
    if (!dbus_connection_get_socket(connection, &fd)
        || ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &length) != 0)
        return; // not kept: libdbus closes it
    const auto ofUser = std::count_if(lane->m_connections.cbegin(), lane->m_connections.cend(),
                                      [&](const Connection *c) { return c->uid() == peer.uid; });
    if (lane->m_connections.size() >= MaxConnections || (peer.uid != 0 && ofUser >= MaxPerUser)) {
        dbus_connection_close(connection);
        return;
    }
    auto *c =
        new Connection(lane->m_agent, connection, peer.uid, uint(peer.pid), lane->m_adminGroup);
    lane->m_connections << c;
    c->start();
}

void PeerLane::reap(bool all)
{
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        if (all || (*it)->isFinished()) {
            delete *it;
            it = m_connections.erase(it);
        } else {
            ++it;
        }
    }
}

void PeerLane::run()
{
    LaneConnection::raisePriority();
    const QString path = AgentProtocol::peerSocketPath();
    const QByteArray encoded = QFile::encodeName(path);
    // The folder is the agent's (root's; made at start with its modes); a socket left by an
    // earlier run goes.
    (void)::mkdir(QFile::encodeName(QFileInfo(path).path()).constData(), 0755);
    struct stat st {};
    if (::lstat(encoded.constData(), &st) == 0 && S_ISSOCK(st.st_mode))
        ::unlink(encoded.constData());
    DBusError error;
    dbus_error_init(&error);
    char *escaped = dbus_address_escape_value(encoded.constData());
    const QByteArray address = QByteArray("unix:path=") + escaped;
    dbus_free(escaped);
    DBusServer *server = dbus_server_listen(address.constData(), &error);
    if (!server) {
        qWarning().noquote()
            << tr("No socket %1 for Status and EmergencyUnassign: %2").arg(path, errorText(error));
        return;
    }
    ::chmod(encoded.constData(), 0666); // every local user may ask Status
    const char *mechanisms[] = {"EXTERNAL", nullptr};
    dbus_server_set_auth_mechanisms(server, mechanisms);
    dbus_server_set_new_connection_function(server, &PeerLane::newConnection, this, nullptr);
    dbus_server_set_watch_functions(
        server,
        [](DBusWatch *w, void *self) -> dbus_bool_t {
            static_cast<PeerLane *>(self)->m_watches << w;
            return true;
        },
        [](DBusWatch *w, void *self) { static_cast<PeerLane *>(self)->m_watches.removeAll(w); },
        nullptr, this, nullptr);
    while (!isInterruptionRequested()) {
        QList<pollfd> fds;
        QList<DBusWatch *> watched;
        for (DBusWatch *w : std::as_const(m_watches)) {
            if (!dbus_watch_get_enabled(w))
                continue;
            fds << pollfd{dbus_watch_get_unix_fd(w), POLLIN, 0};
            watched << w;
        }
        if (::poll(fds.data(), nfds_t(fds.size()), 200) <= 0) {
            reap(false);
            continue;
        }
        for (qsizetype i = 0; i < fds.size(); ++i) {
            unsigned int flags = 0;
            if (fds.at(i).revents & POLLIN)
                flags |= DBUS_WATCH_READABLE;
            if (fds.at(i).revents & POLLERR)
                flags |= DBUS_WATCH_ERROR;
            if (fds.at(i).revents & POLLHUP)
                flags |= DBUS_WATCH_HANGUP;
            if (flags)
                dbus_watch_handle(watched.at(i), flags);
        }
    }
    dbus_server_disconnect(server);
    dbus_server_unref(server);
    ::unlink(encoded.constData());
    reap(true);
}
