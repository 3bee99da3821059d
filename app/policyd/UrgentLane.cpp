#include "UrgentLane.h"

#include "Authorizer.h"
#include "PolicyAgent.h"

#include "client/AgentProtocol.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <dbus/dbus.h>

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

UrgentLane::UrgentLane(PolicyAgent &agent, QDBusConnection::BusType busType, QString adminGroup)
    : m_agent(agent)
    , m_busType(busType)
    , m_adminGroup(std::move(adminGroup))
{
    setObjectName(u"policyd-urgent"_s);
}

UrgentLane::~UrgentLane()
{
    requestInterruption();
    wait();
}

void UrgentLane::run()
{
    QObject context;
    m_context = &context;
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
        // Short waits while another thread has an answer to send: libdbus writes it when this
        // thread next looks at the connection.
        const int waitMs = m_waiting.load() > 0 ? 5 : 200;
        if (!dbus_connection_read_write_dispatch(m_connection, waitMs)) {
            qWarning().noquote() << tr("The bus connection of %1 was closed (a message of more "
                                       "than %2 bytes?); connecting again.")
                                        .arg(AgentProtocol::urgentService())
                                        .arg(MaxMessageSize);
            closeBus();
        }
        QCoreApplication::processEvents(); // timers of early answers
    }
    closeBus();
    m_context = nullptr;
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
    // A message bigger than any Status or EmergencyUnassign call closes the connection as soon
    // as its header is read, instead of being read 4 KiB per wake-up in front of the next call.
    dbus_connection_set_max_message_size(m_connection, MaxMessageSize);
    dbus_connection_set_max_received_size(m_connection, 16 * MaxMessageSize);
    static const DBusObjectPathVTable vtable = {
        nullptr, reinterpret_cast<DBusObjectPathMessageFunction>(&UrgentLane::handleMessage),
        nullptr, nullptr,
        nullptr, nullptr};
    if (!dbus_connection_try_register_object_path(m_connection, AgentProtocol::Path, &vtable, this,
                                                  &error)) {
        const QString text = errorText(error);
        closeBus();
        return tr("Could not export %1 on the second bus connection: %2")
            .arg(AgentProtocol::path(), text);
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

int UrgentLane::handleMessage(DBusConnection *, DBusMessage *message, void *self)
{
    auto *lane = static_cast<UrgentLane *>(self);
    if (dbus_message_get_type(message) != DBUS_MESSAGE_TYPE_METHOD_CALL)
        return DBUS_HANDLER_RESULT_NOT_YET_HANDLED;
    const char *interface = dbus_message_get_interface(message);
    if (interface && qstrcmp(interface, AgentProtocol::Interface) != 0)
        return DBUS_HANDLER_RESULT_NOT_YET_HANDLED; // libdbus answers UnknownMethod
    const bool status = dbus_message_has_member(message, "Status");
    if (!status && !dbus_message_has_member(message, "EmergencyUnassign"))
        return DBUS_HANDLER_RESULT_NOT_YET_HANDLED;
    if (!dbus_message_has_signature(message, status ? "" : "a{sv}")) {
        sendAndUnref(lane->m_connection,
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

void UrgentLane::status(DBusMessage *call)
{
    DBusMessage *reply = dbus_message_new_method_return(call);
    DBusMessageIter it;
    dbus_message_iter_init_append(reply, &it);
    if (!appendMap(&it, m_agent.statusMap())) {
        dbus_message_unref(reply);
        reply = dbus_message_new_error(call, DBUS_ERROR_NO_MEMORY, "out of memory");
    }
    sendAndUnref(m_connection, reply);
}

void UrgentLane::emergencyUnassign(DBusMessage *call)
{
    const QString caller = QString::fromUtf8(dbus_message_get_sender(call));
    const auto refuse = [this, call, caller](const Error &e) {
        qInfo().noquote() << tr("Refused %1: %2").arg(caller, e.message);
        sendAndUnref(m_connection, dbus_message_new_error(
                                       call, AgentProtocol::errorName(e.code).toUtf8().constData(),
                                       e.message.toUtf8().constData()));
    };
    const auto map = readOptions(call);
    if (!map)
        return refuse(Error::usage(tr("Invalid values: %1").arg(u"options"_s)));
    const auto options = AgentProtocol::fromMap(*map);
    if (!options)
        return refuse(options.error());
    dbus_message_ref(call);
    authorize(call, [this, call, caller, options = options.value()](const Result<void> &ok) {
        if (!ok) {
            qInfo().noquote() << tr("Refused %1: %2").arg(caller, ok.error().message);
            sendAndUnref(m_connection,
                         dbus_message_new_error(
                             call, AgentProtocol::notAuthorizedErrorName().toUtf8().constData(),
                             ok.error().message.toUtf8().constData()));
            dbus_message_unref(call);
            return;
        }
        // The answer may come from the worker's thread: it keeps the connection and the call.
        DBusConnection *connection = dbus_connection_ref(m_connection);
        ++m_waiting;
        auto sent = std::make_shared<std::atomic_bool>(false);
        m_agent.runEmergency(
            caller, options,
            [this, connection, call, sent](const PolicyAgent::Outcome &outcome) {
                if (sent->exchange(true))
                    return;
                sendAndUnref(connection, replyFor(call, outcome));
                dbus_connection_flush(connection);
                dbus_message_unref(call);
                dbus_connection_unref(connection);
                --m_waiting;
            },
            m_context);
    });
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
