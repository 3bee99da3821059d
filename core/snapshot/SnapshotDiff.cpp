#include "snapshot/SnapshotDiff.h"

#include <QRegularExpression>

#include "snapshot/SnapshotJson.h"

#include <QJsonObject>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

using Fields = QList<std::pair<QString, QString>>; // key, value as text

QString yesNo(bool b)
{
    return b ? u"true"_s : u"false"_s;
}

QString filterText(const Filter &f)
{
    const auto end = [](const Address &a, quint16 port) {
        return port ? a.toString() + u':' + QString::number(port) : a.toString();
    };
    return end(f.source, f.sourcePort) + (f.mirrored ? u" <-> "_s : u" -> "_s)
           + end(f.destination, f.destinationPort) + u' ' + f.protocol.name();
}

Fields filterFields(const Filter &f)
{
    return {{u"source"_s, f.source.toString()},
            {u"sourcePort"_s, QString::number(f.sourcePort)},
            {u"destination"_s, f.destination.toString()},
            {u"destinationPort"_s, QString::number(f.destinationPort)},
            {u"protocol"_s, f.protocol.name()},
            {u"mirrored"_s, yesNo(f.mirrored)},
            {u"description"_s, f.description}};
}

Fields listFields(const FilterList &l)
{
    return {{u"guid"_s, SnapshotJson::guid(l.guid)},
            {u"name"_s, l.name},
            {u"description"_s, l.description},
            {u"implicit"_s, yesNo(l.implicit)}};
}

Fields actionFields(const FilterAction &a)
{
    QStringList methods;
    for (const SecurityMethod &m : a.securityMethods)
        methods << m.toString() + (m.pfs ? u":PFS"_s : QString());
    return {{u"guid"_s, SnapshotJson::guid(a.guid)},
            {u"name"_s, a.name},
            {u"description"_s, a.description},
            {u"action"_s, SnapshotJson::actionName(a.type)},
            {u"inboundPassThrough"_s, yesNo(a.inboundPassThrough)},
            {u"allowUnsecured"_s, yesNo(a.allowUnsecured)},
            {u"sessionKeyPfs"_s, yesNo(a.sessionKeyPfs)},
            {u"securityMethods"_s, methods.join(u' ')}};
}

Fields policyFields(const Policy &p)
{
    Fields f{{u"guid"_s, SnapshotJson::guid(p.guid)},
             {u"name"_s, p.name},
             {u"description"_s, p.description},
             {u"pollingIntervalMinutes"_s, QString::number(p.pollingIntervalMinutes)}};
    // Always present: fields are compared by position (a field only one side has would be
    // missed).
    f.append({u"mainModeMethods"_s, MainModeMethod::listToString(p.mainModeMethods)});
    f.append({u"keyExchange"_s, u"%1s %2qm pfs=%3"_s.arg(p.mainModeLifetimeSeconds)
                                    .arg(p.quickModesPerMainMode)
                                    .arg(p.mainModePfs ? u"yes"_s : u"no"_s)});
    return f;
}

Fields ruleFields(const Rule &r, const PolicyDatabase &db)
{
    QStringList auth;
    for (const AuthMethod &m : r.authMethods)
        auth << m.toString();
    const FilterList *l = db.filterList(r.filterListId);
    const FilterAction *a = db.filterAction(r.filterActionId);
    return {{u"guid"_s, SnapshotJson::guid(r.guid)},
            {u"name"_s, r.name},
            {u"description"_s, r.description},
            {u"defaultResponse"_s, yesNo(r.defaultResponse)},
            {u"active"_s, yesNo(r.active)},
            {u"filterList"_s, l ? l->name : QString()},
            {u"filterAction"_s, a ? a->name : QString()},
            {u"tunnelEndpoint"_s, r.tunnelEndpoint},
            {u"connectionType"_s, Rule::connectionTypeName(r.connectionType)},
            {u"authMethods"_s, auth.join(u' ')}};
}

QList<FieldChange> fieldChanges(const Fields &before, const Fields &after)
{
    QList<FieldChange> out;
    for (qsizetype i = 0; i < before.size() && i < after.size(); ++i)
        if (before.at(i).second != after.at(i).second)
            out << FieldChange{before.at(i).first, before.at(i).second, after.at(i).second};
    return out;
}

// Pairs a's and b's objects: by guid first, then by name (case-insensitive) among the rest.
template <typename T>
void match(const QList<const T *> &a, const QList<const T *> &b,
           const std::function<QString(const T &)> &nameOf,
           const std::function<void(const T *, const T *)> &pair)
{
    QSet<const T *> usedB;
    QList<const T *> restA;
    for (const T *x : a) {
        const T *found = nullptr;
        for (const T *y : b)
            if (!usedB.contains(y) && y->guid == x->guid) {
                found = y;
                break;
            }
        if (found) {
            usedB.insert(found);
            pair(x, found);
        } else {
            restA << x;
        }
    }
    for (const T *x : restA) {
        const T *found = nullptr;
        if (nameOf) {
            for (const T *y : b)
                if (!usedB.contains(y) && !nameOf(*x).isEmpty()
                    && nameOf(*y).compare(nameOf(*x), Qt::CaseInsensitive) == 0) {
                    found = y;
                    break;
                }
        }
        if (found)
            usedB.insert(found);
        pair(x, found);
    }
    for (const T *y : b)
        if (!usedB.contains(y))
            pair(nullptr, y);
}

template <typename T>
QList<const T *> pointers(const QList<T> &list)
{
    QList<const T *> out;
    for (const T &o : list)
        out << &o;
    return out;
}

class Differ {
public:
    Differ(const Snapshot &a, const Snapshot &b)
        : m_a(a.database)
        , m_b(b.database)
    {
    }

    void add(SnapshotChange::Kind kind, SnapshotChange::Object object, const QString &name,
             const QUuid &guid, QList<FieldChange> fields = {})
    {
        if (kind == SnapshotChange::Kind::Changed && fields.isEmpty())
            return;
        m_changes << SnapshotChange{kind, object, name, guid, std::move(fields)};
    }

    void objects()
    {
        using K = SnapshotChange::Kind;
        using O = SnapshotChange::Object;
        const std::function<QString(const FilterList &)> listName = &FilterList::name;
        match<FilterList>(pointers(m_a.filterLists), pointers(m_b.filterLists), listName,
                          [&](const FilterList *x, const FilterList *y) {
                              if (!y)
                                  return add(K::Removed, O::FilterList, x->name, x->guid);
                              if (!x)
                                  return add(K::Added, O::FilterList, y->name, y->guid);
                              add(K::Changed, O::FilterList, y->name, y->guid,
                                  fieldChanges(listFields(*x), listFields(*y)));
                              filters(*x, *y);
                          });
        const std::function<QString(const FilterAction &)> actionName = &FilterAction::name;
        match<FilterAction>(pointers(m_a.filterActions), pointers(m_b.filterActions), actionName,
                            [&](const FilterAction *x, const FilterAction *y) {
                                if (!y)
                                    return add(K::Removed, O::FilterAction, x->name, x->guid);
                                if (!x)
                                    return add(K::Added, O::FilterAction, y->name, y->guid);
                                add(K::Changed, O::FilterAction, y->name, y->guid,
                                    fieldChanges(actionFields(*x), actionFields(*y)));
                            });
        const std::function<QString(const Policy &)> policyName = &Policy::name;
        match<Policy>(pointers(m_a.policies), pointers(m_b.policies), policyName,
                      [&](const Policy *x, const Policy *y) {
                          if (!y)
                              return add(K::Removed, O::Policy, x->name, x->guid);
                          if (!x)
                              return add(K::Added, O::Policy, y->name, y->guid);
                          add(K::Changed, O::Policy, y->name, y->guid,
                              fieldChanges(policyFields(*x), policyFields(*y)));
                          rules(*x, *y);
                      });
        const Policy *assignedA = m_a.assignedPolicy();
        const Policy *assignedB = m_b.assignedPolicy();
        const QString none = SnapshotDiff::tr("(none)");
        const QString nameA = assignedA ? assignedA->name : none;
        const QString nameB = assignedB ? assignedB->name : none;
        if ((assignedA ? assignedA->guid : QUuid()) != (assignedB ? assignedB->guid : QUuid())
            || nameA != nameB)
            add(K::Changed, O::Assignment, SnapshotDiff::tr("assigned policy"), {},
                {FieldChange{u"assignedPolicy"_s, nameA, nameB}});
    }

    void filters(const FilterList &x, const FilterList &y)
    {
        using K = SnapshotChange::Kind;
        using O = SnapshotChange::Object;
        const std::function<QString(const Filter &)> noName;
        match<Filter>(
            pointers(x.filters), pointers(y.filters), noName,
            [&](const Filter *a, const Filter *b) {
                if (!b)
                    return add(K::Removed, O::Filter, y.name + u" / "_s + filterText(*a), a->guid);
                if (!a)
                    return add(K::Added, O::Filter, y.name + u" / "_s + filterText(*b), b->guid);
                add(K::Changed, O::Filter, y.name + u" / "_s + filterText(*b), b->guid,
                    fieldChanges(filterFields(*a), filterFields(*b)));
            });
    }

    void rules(const Policy &x, const Policy &y)
    {
        using K = SnapshotChange::Kind;
        using O = SnapshotChange::Object;
        const std::function<QString(const Rule &)> ruleName = &Rule::name;
        match<Rule>(m_a.rulesOf(x.id), m_b.rulesOf(y.id), ruleName,
                    [&](const Rule *a, const Rule *b) {
                        if (!b)
                            return add(K::Removed, O::Rule, y.name + u" / "_s + a->name, a->guid);
                        if (!a)
                            return add(K::Added, O::Rule, y.name + u" / "_s + b->name, b->guid);
                        add(K::Changed, O::Rule, y.name + u" / "_s + b->name, b->guid,
                            fieldChanges(ruleFields(*a, m_a), ruleFields(*b, m_b)));
                    });
    }

    void textSets(SnapshotChange::Object object, const QStringList &a, const QStringList &b)
    {
        const QSet<QString> setA(a.cbegin(), a.cend());
        const QSet<QString> setB(b.cbegin(), b.cend());
        for (const QString &s : a)
            if (!setB.contains(s))
                add(SnapshotChange::Kind::Removed, object, s, {});
        for (const QString &s : b)
            if (!setA.contains(s))
                add(SnapshotChange::Kind::Added, object, s, {});
    }

    QList<SnapshotChange> m_changes;

private:
    const PolicyDatabase &m_a;
    const PolicyDatabase &m_b;
};

QStringList dynamicTexts(const QList<engine::DynamicFilter> &list)
{
    QStringList out;
    for (const engine::DynamicFilter &d : list)
        out << SnapshotJson::actionName(d.action) + u' ' + filterText(d.filter);
    return out;
}

} // namespace

// The kernel's priority numbers are bookkeeping: one rule fewer renumbers every entry after it.
static QStringList withoutPriorities(const QStringList &entries)
{
    static const QRegularExpression priority(u" priority \\d+"_s);
    QStringList out;
    out.reserve(entries.size());
    for (const QString &e : entries)
        out << QString(e).remove(priority);
    return out;
}

QList<SnapshotChange> SnapshotDiff::compare(const Snapshot &before, const Snapshot &after)
{
    Differ d(before, after);
    d.objects();
    d.textSets(SnapshotChange::Object::DynamicFilter, dynamicTexts(before.dynamicFilters),
               dynamicTexts(after.dynamicFilters));
    // When the policy differs, the kernel entries follow from it and are not differences of
    // their own (a deleted rule is one difference); with the same policy they show drift.
    if (before.kernel && after.kernel && d.m_changes.isEmpty())
        d.textSets(SnapshotChange::Object::KernelEntry, withoutPriorities(before.kernel->entries),
                   withoutPriorities(after.kernel->entries));
    return d.m_changes;
}

QString SnapshotDiff::kindKey(SnapshotChange::Kind k)
{
    switch (k) {
    case SnapshotChange::Kind::Added:
        return u"added"_s;
    case SnapshotChange::Kind::Removed:
        return u"removed"_s;
    case SnapshotChange::Kind::Changed:
        return u"changed"_s;
    }
    return {};
}

QString SnapshotDiff::objectKey(SnapshotChange::Object o)
{
    switch (o) {
    case SnapshotChange::Object::Policy:
        return u"policy"_s;
    case SnapshotChange::Object::Rule:
        return u"rule"_s;
    case SnapshotChange::Object::FilterList:
        return u"filterList"_s;
    case SnapshotChange::Object::Filter:
        return u"filter"_s;
    case SnapshotChange::Object::FilterAction:
        return u"filterAction"_s;
    case SnapshotChange::Object::Assignment:
        return u"assignment"_s;
    case SnapshotChange::Object::DynamicFilter:
        return u"dynamicFilter"_s;
    case SnapshotChange::Object::KernelEntry:
        return u"kernelEntry"_s;
    }
    return {};
}

QString SnapshotDiff::objectTitle(SnapshotChange::Object o)
{
    switch (o) {
    case SnapshotChange::Object::Policy:
        return tr("policy");
    case SnapshotChange::Object::Rule:
        return tr("rule");
    case SnapshotChange::Object::FilterList:
        return tr("filter list");
    case SnapshotChange::Object::Filter:
        return tr("filter");
    case SnapshotChange::Object::FilterAction:
        return tr("filter action");
    case SnapshotChange::Object::Assignment:
        return tr("assignment");
    case SnapshotChange::Object::DynamicFilter:
        return tr("dynamic filter");
    case SnapshotChange::Object::KernelEntry:
        return tr("kernel entry");
    }
    return {};
}

QString SnapshotDiff::toText(const QList<SnapshotChange> &changes)
{
    if (changes.isEmpty())
        return tr("No differences.") + u'\n';
    QString out;
    for (const SnapshotChange &c : changes) {
        const QChar mark = c.kind == SnapshotChange::Kind::Added     ? u'+'
                           : c.kind == SnapshotChange::Kind::Removed ? u'-'
                                                                     : u'~';
        out += mark + u' ' + objectTitle(c.object) + u" \"" + c.name + u'"';
        if (!c.guid.isNull())
            out += u' ' + SnapshotJson::guid(c.guid);
        out += u'\n';
        for (const FieldChange &f : c.fields)
            out += u"    "_s + f.field + u": \"" + f.before + u"\" -> \"" + f.after + u"\"\n";
    }
    out += tr("%n difference(s).", nullptr, int(changes.size())) + u'\n';
    return out;
}

QJsonArray SnapshotDiff::toJson(const QList<SnapshotChange> &changes)
{
    QJsonArray out;
    for (const SnapshotChange &c : changes) {
        QJsonArray fields;
        for (const FieldChange &f : c.fields)
            fields.append(
                QJsonObject{{u"field"_s, f.field}, {u"before"_s, f.before}, {u"after"_s, f.after}});
        out.append(QJsonObject{
            {u"kind"_s, kindKey(c.kind)},
            {u"object"_s, objectKey(c.object)},
            {u"name"_s, c.name},
            {u"guid"_s, c.guid.isNull() ? QJsonValue() : QJsonValue(SnapshotJson::guid(c.guid))},
            {u"fields"_s, fields}});
    }
    return out;
}

} // namespace ipsec
