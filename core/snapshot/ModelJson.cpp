#include "snapshot/ModelJson.h"

using namespace Qt::StringLiterals;

namespace ipsec::json {

namespace {

QString guid(const QUuid &u)
{
    return u.toString(QUuid::WithBraces);
}

} // namespace

QJsonObject filter(const Filter &f)
{
    return QJsonObject{
        {u"guid"_s, guid(f.guid)},
        {u"source"_s, f.source.toString()},
        {u"sourcePort"_s, int(f.sourcePort)},
        {u"destination"_s, f.destination.toString()},
        {u"destinationPort"_s, int(f.destinationPort)},
        {u"protocol"_s, f.protocol.name()},
        {u"protocolNumber"_s, int(f.protocol.number())},
        {u"mirrored"_s, f.mirrored},
        {u"description"_s, f.description},
    };
}

QJsonObject filterList(const FilterList &l)
{
    QJsonArray filters;
    for (const Filter &f : l.filters)
        filters.append(filter(f));
    return QJsonObject{{u"guid"_s, guid(l.guid)},
                       {u"name"_s, l.name},
                       {u"description"_s, l.description},
                       {u"implicit"_s, l.implicit},
                       {u"filters"_s, filters}};
}

QJsonObject filterAction(const FilterAction &a)
{
    QJsonArray methods;
    for (const SecurityMethod &m : a.securityMethods)
        methods.append(m.toString());
    return QJsonObject{{u"guid"_s, guid(a.guid)},
                       {u"name"_s, a.name},
                       {u"description"_s, a.description},
                       {u"action"_s, FilterAction::typeName(a.type).toLower()},
                       {u"inboundPassThrough"_s, a.inboundPassThrough},
                       {u"allowUnsecured"_s, a.allowUnsecured},
                       {u"sessionKeyPfs"_s, a.sessionKeyPfs},
                       {u"securityMethods"_s, methods}};
}

QJsonObject rule(const Rule &r, const PolicyDatabase &db)
{
    QJsonArray auth;
    for (const AuthMethod &m : r.authMethods)
        auth.append(m.toString());
    const FilterList *list = db.filterList(r.filterListId);
    const FilterAction *action = db.filterAction(r.filterActionId);
    return QJsonObject{{u"guid"_s, guid(r.guid)},
                       {u"name"_s, r.name},
                       {u"description"_s, r.description},
                       {u"defaultResponse"_s, r.defaultResponse},
                       {u"active"_s, r.active},
                       {u"filterList"_s, list ? QJsonValue(list->name) : QJsonValue()},
                       {u"filterAction"_s, action ? QJsonValue(action->name) : QJsonValue()},
                       {u"tunnelEndpoint"_s, r.tunnelEndpoint},
                       {u"connectionType"_s, Rule::connectionTypeName(r.connectionType)},
                       {u"authMethods"_s, auth}};
}

void insertKeyExchange(QJsonObject &o, const Policy &p)
{
    if (!p.mainModeMethods.isEmpty())
        o.insert(u"mainModeMethods"_s, MainModeMethod::listToString(p.mainModeMethods));
    // Key exchange settings, only when not Windows' defaults (issue 14).
    if (p.mainModeLifetimeSeconds != Policy::DefaultMainModeLifetimeSeconds
        || p.quickModesPerMainMode != 0 || p.mainModePfs)
        o.insert(u"keyExchange"_s,
                 QJsonObject{{u"lifetimeSeconds"_s, p.mainModeLifetimeSeconds},
                             {u"quickModesPerMainMode"_s, p.quickModesPerMainMode},
                             {u"masterKeyPfs"_s, p.mainModePfs}});
}

QJsonObject policy(const Policy &p, const PolicyDatabase &db)
{
    QJsonArray rules;
    for (const Rule *r : db.rulesOf(p.id))
        rules.append(rule(*r, db));
    QJsonObject o{{u"guid"_s, guid(p.guid)},
                  {u"name"_s, p.name},
                  {u"description"_s, p.description},
                  {u"assigned"_s, p.assigned},
                  {u"pollingIntervalMinutes"_s, p.pollingIntervalMinutes},
                  {u"lastModified"_s, p.lastModified.toUTC().toString(Qt::ISODate)},
                  {u"rules"_s, rules}};
    insertKeyExchange(o, p);
    return o;
}

QJsonArray policies(const PolicyDatabase &db)
{
    QJsonArray out;
    for (const Policy &p : db.policies)
        out.append(policy(p, db));
    return out;
}

QJsonArray assignedFilters(const PolicyDatabase &db)
{
    QJsonArray out;
    const Policy *assigned = db.assignedPolicy();
    if (!assigned)
        return out;
    for (const EnforcedRule &e : db.enforcedRulesOf(assigned->id)) {
        for (const Filter &f : e.filterList->filters) {
            QJsonObject o = filter(f);
            o.insert(u"policy"_s, assigned->name);
            o.insert(u"rule"_s, e.rule->name);
            o.insert(u"filterList"_s, e.filterList->name);
            o.insert(u"filterAction"_s, e.filterAction->name);
            o.insert(u"action"_s, FilterAction::typeName(e.filterAction->type).toLower());
            out.append(o);
        }
    }
    return out;
}

QJsonObject database(const PolicyDatabase &db)
{
    QJsonArray lists;
    for (const FilterList &l : db.filterLists)
        lists.append(filterList(l));
    QJsonArray actions;
    for (const FilterAction &a : db.filterActions)
        actions.append(filterAction(a));
    return QJsonObject{{u"revision"_s, db.revision},
                       {u"policies"_s, policies(db)},
                       {u"filterLists"_s, lists},
                       {u"filterActions"_s, actions}};
}

} // namespace ipsec::json
