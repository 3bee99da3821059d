#include "snapshot/SnapshotJson.h"

#include "snapshot/ModelJson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject filterJson(const Filter &f)
{
    return QJsonObject{
        {u"guid"_s, SnapshotJson::guid(f.guid)},
        {u"source"_s, f.source.toString()},
        {u"sourcePort"_s, int(f.sourcePort)},
        {u"destination"_s, f.destination.toString()},
        {u"destinationPort"_s, int(f.destinationPort)},
        {u"protocol"_s, f.protocol.name()},
        {u"mirrored"_s, f.mirrored},
        {u"description"_s, f.description},
    };
}

QJsonObject methodJson(const SecurityMethod &m)
{
    return QJsonObject{
        {u"ah"_s, m.ah},
        {u"ahHash"_s, SnapshotJson::hashName(m.ahHash)},
        {u"esp"_s, m.esp},
        {u"espCipher"_s, SnapshotJson::cipherName(m.espCipher)},
        {u"espHash"_s, SnapshotJson::hashName(m.espHash)},
        {u"lifetimeKBytes"_s, qint64(m.lifetimeKBytes)},
        {u"lifetimeSeconds"_s, qint64(m.lifetimeSeconds)},
        {u"pfs"_s, m.pfs},
    };
}

QJsonObject listJson(const FilterList &l)
{
    QJsonArray filters;
    for (const Filter &f : l.filters)
        filters.append(filterJson(f));
    return QJsonObject{{u"guid"_s, SnapshotJson::guid(l.guid)},
                       {u"name"_s, l.name},
                       {u"description"_s, l.description},
                       {u"implicit"_s, l.implicit},
                       {u"filters"_s, filters}};
}

QJsonObject actionJson(const FilterAction &a)
{
    QJsonArray methods;
    for (const SecurityMethod &m : a.securityMethods)
        methods.append(methodJson(m));
    return QJsonObject{{u"guid"_s, SnapshotJson::guid(a.guid)},
                       {u"name"_s, a.name},
                       {u"description"_s, a.description},
                       {u"action"_s, SnapshotJson::actionName(a.type)},
                       {u"inboundPassThrough"_s, a.inboundPassThrough},
                       {u"allowUnsecured"_s, a.allowUnsecured},
                       {u"sessionKeyPfs"_s, a.sessionKeyPfs},
                       {u"securityMethods"_s, methods}};
}

template <typename T>
QJsonValue reference(const T *object)
{
    if (!object)
        return QJsonValue();
    return QJsonObject{{u"guid"_s, SnapshotJson::guid(object->guid)}, {u"name"_s, object->name}};
}

QJsonObject ruleJson(const Rule &r, const PolicyDatabase &db)
{
    QJsonArray auth;
    for (const AuthMethod &m : r.authMethods)
        auth.append(
            QJsonObject{{u"kind"_s, SnapshotJson::authKindName(m.kind)}, {u"data"_s, m.data}});
    return QJsonObject{{u"guid"_s, SnapshotJson::guid(r.guid)},
                       {u"name"_s, r.name},
                       {u"description"_s, r.description},
                       {u"defaultResponse"_s, r.defaultResponse},
                       {u"active"_s, r.active},
                       {u"filterList"_s, reference(db.filterList(r.filterListId))},
                       {u"filterAction"_s, reference(db.filterAction(r.filterActionId))},
                       {u"tunnelEndpoint"_s, r.tunnelEndpoint},
                       {u"connectionType"_s, Rule::connectionTypeName(r.connectionType)},
                       {u"authMethods"_s, auth}};
}

// policySource and domainPolicy only when a domain policy was in force (older readers and
// snapshots of local policies stay as they were).
QJsonObject hostJson(const SnapshotHost &h)
{
    QJsonObject o{{u"name"_s, h.name}, {u"store"_s, h.storePath}, {u"netns"_s, h.netns}};
    if (!h.policySource.isEmpty()) {
        o.insert(u"policySource"_s, h.policySource);
        o.insert(u"domainPolicy"_s, h.domainPolicy);
    }
    return o;
}

QJsonObject policyJson(const Policy &p, const PolicyDatabase &db)
{
    QJsonArray rules;
    for (const Rule *r : db.rulesOf(p.id))
        rules.append(ruleJson(*r, db));
    QJsonObject o{{u"guid"_s, SnapshotJson::guid(p.guid)},
                  {u"name"_s, p.name},
                  {u"description"_s, p.description},
                  {u"pollingIntervalMinutes"_s, p.pollingIntervalMinutes},
                  {u"lastModified"_s, p.lastModified.isValid() ? QJsonValue(
                                          p.lastModified.toUTC().toString(Qt::ISODateWithMs))
                                                               : QJsonValue()},
                  {u"rules"_s, rules}};
    // Only when set (issue 14): older readers and documents stay as they were.
    json::insertKeyExchange(o, p);
    return o;
}

} // namespace

QString SnapshotJson::guid(const QUuid &u)
{
    return u.toString(QUuid::WithBraces);
}

QString SnapshotJson::hashName(SecurityMethod::Hash h)
{
    return SecurityMethod::hashName(h).toLower();
}

QString SnapshotJson::cipherName(SecurityMethod::Cipher c)
{
    return SecurityMethod::cipherName(c).toLower();
}

QString SnapshotJson::authKindName(AuthMethod::Kind k)
{
    switch (k) {
    case AuthMethod::Kind::Kerberos:
        return u"kerberos"_s;
    case AuthMethod::Kind::PresharedKey:
        return u"preshare"_s;
    case AuthMethod::Kind::Certificate:
        return u"cert"_s;
    }
    return {};
}

QString SnapshotJson::actionName(FilterAction::Type t)
{
    return FilterAction::typeName(t).toLower();
}

QJsonObject SnapshotJson::toJson(const Snapshot &s)
{
    const PolicyDatabase &db = s.database;
    QJsonArray policies;
    for (const Policy &p : db.policies)
        policies.append(policyJson(p, db));
    QJsonArray lists;
    for (const FilterList &l : db.filterLists)
        lists.append(listJson(l));
    QJsonArray actions;
    for (const FilterAction &a : db.filterActions)
        actions.append(actionJson(a));
    QJsonArray dynamic;
    for (const engine::DynamicFilter &d : s.dynamicFilters) {
        QJsonObject o = filterJson(d.filter);
        o.insert(u"action"_s, actionName(d.action));
        o.insert(u"label"_s, d.label);
        // How a negotiate filter falls back (issue 14): soft/inpass are kernel semantics.
        if (d.action == FilterAction::Type::Negotiate)
            o.insert(u"negotiation"_s,
                     QJsonObject{
                         {u"inpass"_s, d.negotiation.inboundPassThrough},
                         {u"soft"_s, d.negotiation.allowUnsecured},
                         {u"protocol"_s, d.negotiation.ipsecProtocol == 51 ? u"ah"_s : u"esp"_s}});
        dynamic.append(o);
    }
    QJsonValue kernel;
    if (s.kernel) {
        QJsonObject counters;
        for (const auto &[name, value] : s.kernel->counters)
            counters.insert(name, value);
        kernel = QJsonObject{{u"entries"_s, QJsonArray::fromStringList(s.kernel->entries)},
                             {u"foreignEntries"_s, s.kernel->foreignEntries},
                             {u"inSync"_s, s.kernel->inSync},
                             {u"counters"_s, counters}};
    }
    const Policy *assigned = db.assignedPolicy();
    return QJsonObject{
        {u"format"_s, QString::fromLatin1(FormatName)},
        {u"formatVersion"_s, Snapshot::FormatVersion},
        {u"programVersion"_s, s.programVersion},
        {u"created"_s, s.created},
        {u"host"_s, hostJson(s.host)},
        {u"scopePolicy"_s, orNull(s.scopePolicy)},
        {u"assignedPolicy"_s, reference(assigned)},
        {u"policies"_s, policies},
        {u"filterLists"_s, lists},
        {u"filterActions"_s, actions},
        {u"dynamicFilters"_s, dynamic},
        {u"kernel"_s, kernel},
    };
}

QByteArray SnapshotJson::toBytes(const QJsonObject &document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QByteArray SnapshotJson::toBytes(const Snapshot &snapshot)
{
    return toBytes(toJson(snapshot));
}

} // namespace ipsec
