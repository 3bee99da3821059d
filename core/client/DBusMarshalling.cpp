#include "client/DBusMarshalling.h"

#include <QDBusMetaType>
#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// What could not be read back into a valid value (an address that does not parse, an enum out
// of range). A wrong value must never silently become "any": the agent refuses the call.
thread_local QStringList t_problems;

void problem(const QString &text)
{
    if (t_problems.size() < 20)
        t_problems << text;
}

constexpr qint64 InvalidTime = std::numeric_limits<qint64>::min();

qint64 toWire(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : InvalidTime;
}

QDateTime timeFromWire(qint64 ms)
{
    return ms == InvalidTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString toWire(const QUuid &u)
{
    return u.isNull() ? QString() : u.toString(QUuid::WithBraces);
}

QUuid uuidFromWire(const QString &s)
{
    const QUuid u = QUuid::fromString(s);
    if (!s.isEmpty() && u.isNull())
        problem(u"\"%1\" is not a GUID."_s.arg(s.left(80)));
    return u;
}

Address addressFromWire(const QString &s)
{
    auto a = Address::parse(s);
    if (!a) {
        problem(a.error().message);
        return Address::any();
    }
    return a.value();
}

template <typename E>
E enumFromWire(uchar v, E last, const char *what)
{
    if (v > uchar(last)) {
        problem(u"%1 %2 is out of range."_s.arg(QLatin1StringView(what)).arg(v));
        return E{};
    }
    return E(v);
}

} // namespace

QStringList takeUnmarshalProblems()
{
    return std::exchange(t_problems, {});
}

QDBusArgument &operator<<(QDBusArgument &a, const Policy &v)
{
    a.beginStructure();
    a << v.id << toWire(v.guid) << v.name << v.description << v.pollingIntervalMinutes << v.assigned
      << toWire(v.lastModified) << MainModeMethod::listToString(v.mainModeMethods)
      << v.mainModeLifetimeSeconds << v.quickModesPerMainMode << v.mainModePfs;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, Policy &v)
{
    QString guid;
    qint64 modified = 0;
    QString mainMode;
    a.beginStructure();
    a >> v.id >> guid >> v.name >> v.description >> v.pollingIntervalMinutes >> v.assigned
        >> modified >> mainMode >> v.mainModeLifetimeSeconds >> v.quickModesPerMainMode
        >> v.mainModePfs;
    a.endStructure();
    if (auto mm = MainModeMethod::parseList(mainMode))
        v.mainModeMethods = *mm;
    else
        problem(mm.error().message);
    v.guid = uuidFromWire(guid);
    v.lastModified = timeFromWire(modified);
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const AuthMethod &v)
{
    a.beginStructure();
    a << uchar(v.kind) << v.data;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, AuthMethod &v)
{
    uchar kind = 0;
    a.beginStructure();
    a >> kind >> v.data;
    a.endStructure();
    v.kind = enumFromWire(kind, AuthMethod::Kind::Certificate, "Authentication method");
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const Rule &v)
{
    a.beginStructure();
    a << v.id << toWire(v.guid) << v.policyId << v.name << v.description << v.filterListId
      << v.filterActionId << v.active << v.defaultResponse << v.tunnelEndpoint
      << uchar(v.connectionType) << v.authMethods;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, Rule &v)
{
    QString guid;
    uchar type = 0;
    a.beginStructure();
    a >> v.id >> guid >> v.policyId >> v.name >> v.description >> v.filterListId >> v.filterActionId
        >> v.active >> v.defaultResponse >> v.tunnelEndpoint >> type >> v.authMethods;
    a.endStructure();
    v.guid = uuidFromWire(guid);
    v.connectionType = enumFromWire(type, Rule::ConnectionType::Dialup, "Connection type");
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const Filter &v)
{
    a.beginStructure();
    a << v.id << toWire(v.guid) << v.source.toString() << v.destination.toString()
      << uchar(v.protocol.number()) << v.sourcePort << v.destinationPort << v.mirrored
      << v.description;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, Filter &v)
{
    QString guid, source, destination;
    uchar protocol = 0;
    a.beginStructure();
    a >> v.id >> guid >> source >> destination >> protocol >> v.sourcePort >> v.destinationPort
        >> v.mirrored >> v.description;
    a.endStructure();
    v.guid = uuidFromWire(guid);
    v.source = addressFromWire(source);
    v.destination = addressFromWire(destination);
    v.protocol = Protocol(protocol);
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const FilterList &v)
{
    a.beginStructure();
    a << v.id << toWire(v.guid) << v.name << v.description << v.implicit << v.filters;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, FilterList &v)
{
    QString guid;
    a.beginStructure();
    a >> v.id >> guid >> v.name >> v.description >> v.implicit >> v.filters;
    a.endStructure();
    v.guid = uuidFromWire(guid);
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const SecurityMethod &v)
{
    a.beginStructure();
    a << v.ah << uchar(v.ahHash) << v.esp << uchar(v.espCipher) << uchar(v.espHash)
      << v.lifetimeKBytes << v.lifetimeSeconds << v.pfs;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, SecurityMethod &v)
{
    uchar ahHash = 0, cipher = 0, espHash = 0;
    a.beginStructure();
    a >> v.ah >> ahHash >> v.esp >> cipher >> espHash >> v.lifetimeKBytes >> v.lifetimeSeconds
        >> v.pfs;
    a.endStructure();
    v.ahHash = enumFromWire(ahHash, SecurityMethod::Hash::Sha1, "AH hash");
    v.espCipher = enumFromWire(cipher, SecurityMethod::Cipher::TripleDes, "ESP cipher");
    v.espHash = enumFromWire(espHash, SecurityMethod::Hash::Sha1, "ESP hash");
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const FilterAction &v)
{
    a.beginStructure();
    a << v.id << toWire(v.guid) << v.name << v.description << uchar(v.type) << v.inboundPassThrough
      << v.allowUnsecured << v.sessionKeyPfs << v.securityMethods;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, FilterAction &v)
{
    QString guid;
    uchar type = 0;
    a.beginStructure();
    a >> v.id >> guid >> v.name >> v.description >> type >> v.inboundPassThrough >> v.allowUnsecured
        >> v.sessionKeyPfs >> v.securityMethods;
    a.endStructure();
    v.guid = uuidFromWire(guid);
    v.type = enumFromWire(type, FilterAction::Type::Negotiate, "Filter action type");
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const PolicyDatabase &v)
{
    a.beginStructure();
    a << v.revision << v.policies << v.rules << v.filterLists << v.filterActions;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, PolicyDatabase &v)
{
    a.beginStructure();
    a >> v.revision >> v.policies >> v.rules >> v.filterLists >> v.filterActions;
    a.endStructure();
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const ServiceReport &v)
{
    a.beginStructure();
    a << v.messages << v.notices << v.ipCommands << v.errors;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, ServiceReport &v)
{
    a.beginStructure();
    a >> v.messages >> v.notices >> v.ipCommands >> v.errors;
    a.endStructure();
    return a;
}

QDBusArgument &operator<<(QDBusArgument &a, const KernelView &v)
{
    QMap<QString, quint64> counters(v.counters);
    const EmergencyState emergency = v.emergency.value_or(EmergencyState{});
    a.beginStructure();
    a << v.owned << v.foreign << v.missing << v.extra << counters << v.emergency.has_value()
      << emergency.when.toMSecsSinceEpoch() << emergency.removedEntries << emergency.assignedPolicy
      << v.backend << v.nftMissing << v.nftExtra << v.nftHits << v.nftRules << v.nftElements
      << QJsonDocument(vici::SaList::toJson(v.ike)).toJson(QJsonDocument::Compact);
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, KernelView &v)
{
    QMap<QString, quint64> counters;
    bool inEmergency = false;
    qint64 whenMs = 0;
    EmergencyState emergency;
    a.beginStructure();
    QByteArray ike;
    a >> v.owned >> v.foreign >> v.missing >> v.extra >> counters >> inEmergency >> whenMs
        >> emergency.removedEntries >> emergency.assignedPolicy >> v.backend >> v.nftMissing
        >> v.nftExtra >> v.nftHits >> v.nftRules >> v.nftElements >> ike;
    a.endStructure();
    v.ike = vici::SaList::fromJson(QJsonDocument::fromJson(ike).object());
    v.counters = counters.toStdMap();
    emergency.when = QDateTime::fromMSecsSinceEpoch(whenMs, Qt::UTC);
    v.emergency = inEmergency ? std::optional<EmergencyState>(emergency) : std::nullopt;
    return a;
}

namespace engine {

QDBusArgument &operator<<(QDBusArgument &a, const DynamicFilter &v)
{
    a.beginStructure();
    a << v.filter << uchar(v.action) << v.label << v.negotiation.inboundPassThrough
      << v.negotiation.allowUnsecured << uchar(v.negotiation.ipsecProtocol) << v.negotiation.reqid
      << v.mmPolicy << v.qmPolicy << v.authMethods;
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, DynamicFilter &v)
{
    uchar action = 0;
    uchar protocol = 50;
    a.beginStructure();
    a >> v.filter >> action >> v.label >> v.negotiation.inboundPassThrough
        >> v.negotiation.allowUnsecured >> protocol >> v.negotiation.reqid >> v.mmPolicy
        >> v.qmPolicy >> v.authMethods;
    a.endStructure();
    v.action = enumFromWire(action, FilterAction::Type::Negotiate, "Filter action type");
    v.negotiation.ipsecProtocol = protocol == 51 ? 51 : 50;
    return a;
}

} // namespace engine

namespace kernel {

namespace {

QByteArray bytes(const std::array<quint8, 16> &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

void fromBytes(const QByteArray &in, std::array<quint8, 16> &out)
{
    out.fill(0);
    std::copy_n(in.constData(), std::min<qsizetype>(in.size(), 16), out.begin());
}

} // namespace

QDBusArgument &operator<<(QDBusArgument &a, const SpdEntry &v)
{
    const SpdSelector &s = v.selector;
    a.beginStructure();
    a << uchar(s.family) << bytes(s.source) << bytes(s.destination) << s.sourcePrefix
      << s.destinationPrefix << s.protocol << s.sourcePort << s.sourcePortMask << s.destinationPort
      << s.destinationPortMask << qint32(s.interfaceIndex);
    a << uchar(v.direction) << uchar(v.action) << uchar(v.policyType) << v.priority
      << v.mark.has_value() << (v.mark ? v.mark->value : 0u) << (v.mark ? v.mark->mask : 0u)
      << v.flags << v.index << qulonglong(v.addTime) << qulonglong(v.useTime);
    a.endStructure();
    return a;
}

const QDBusArgument &operator>>(const QDBusArgument &a, SpdEntry &v)
{
    SpdSelector &s = v.selector;
    uchar family = 0, direction = 0, action = 0, type = 0;
    QByteArray source, destination;
    qint32 ifindex = 0;
    bool hasMark = false;
    quint32 markValue = 0, markMask = 0;
    qulonglong addTime = 0, useTime = 0;
    a.beginStructure();
    a >> family >> source >> destination >> s.sourcePrefix >> s.destinationPrefix >> s.protocol
        >> s.sourcePort >> s.sourcePortMask >> s.destinationPort >> s.destinationPortMask
        >> ifindex;
    a >> direction >> action >> type >> v.priority >> hasMark >> markValue >> markMask >> v.flags
        >> v.index >> addTime >> useTime;
    a.endStructure();
    s.family = family == uchar(SpdSelector::Family::IPv6) ? SpdSelector::Family::IPv6
                                                          : SpdSelector::Family::IPv4;
    fromBytes(source, s.source);
    fromBytes(destination, s.destination);
    s.interfaceIndex = ifindex;
    v.direction = enumFromWire(direction, SpdEntry::Direction::Fwd, "Direction");
    v.action = enumFromWire(action, SpdEntry::Action::Block, "Action");
    v.policyType = enumFromWire(type, SpdEntry::PolicyType::Sub, "Policy type");
    v.mark = hasMark ? std::optional(SpdEntry::Mark{markValue, markMask}) : std::nullopt;
    v.addTime = addTime;
    v.useTime = useTime;
    return a;
}

} // namespace kernel

void registerDBusTypes()
{
    static const bool done = [] {
        qDBusRegisterMetaType<Policy>();
        qDBusRegisterMetaType<AuthMethod>();
        qDBusRegisterMetaType<Rule>();
        qDBusRegisterMetaType<Filter>();
        qDBusRegisterMetaType<FilterList>();
        qDBusRegisterMetaType<SecurityMethod>();
        qDBusRegisterMetaType<FilterAction>();
        qDBusRegisterMetaType<PolicyDatabase>();
        qDBusRegisterMetaType<ServiceReport>();
        qDBusRegisterMetaType<KernelView>();
        qDBusRegisterMetaType<engine::DynamicFilter>();
        qDBusRegisterMetaType<QList<engine::DynamicFilter>>();
        qDBusRegisterMetaType<kernel::SpdEntry>();
        qDBusRegisterMetaType<QMap<QString, quint64>>();
        qDBusRegisterMetaType<QMap<QString, QString>>();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace ipsec
