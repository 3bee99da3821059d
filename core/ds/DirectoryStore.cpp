#include "ds/DirectoryStore.h"

#include "ds/GpoResolver.h"
#include "ds/LdapDirectory.h"
#include "store/MemoryStoreWriter.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

QString key(const QString &dn)
{
    return GpoResolver::normalizedDn(dn);
}

// Deletion order: what refers to others goes first.
int deleteRank(DsClass c)
{
    switch (c) {
    case DsClass::Policy:
        return 0;
    case DsClass::Nfa:
        return 1;
    case DsClass::Isakmp:
        return 2;
    case DsClass::NegotiationPolicy:
    case DsClass::Filter:
        break;
    }
    return 3;
}

// The encoded objects under the names the directory gives the same objects (same class and
// ipsecID), references included, so that they compare with what was read.
void useDirectoryNames(QList<DsObject> &objects, const QList<DsObject> &existing)
{
    QHash<std::pair<int, QUuid>, QString> actual;
    for (const DsObject &o : existing)
        actual.insert({int(o.objectClass), o.id}, o.dn);
    QHash<QString, QString> renamed; // encoded DN key -> directory DN
    for (DsObject &o : objects) {
        const QString dn = actual.value({int(o.objectClass), o.id});
        if (!dn.isEmpty() && dn != o.dn) {
            renamed.insert(key(o.dn), dn);
            o.dn = dn;
        }
    }
    if (renamed.isEmpty())
        return;
    const auto fix = [&](QString &dn) {
        dn = renamed.value(key(dn), dn);
    };
    for (DsObject &o : objects) {
        fix(o.isakmpReference);
        fix(o.negotiationPolicyReference);
        for (QString &r : o.nfaReferences)
            fix(r);
        for (QString &r : o.filterReferences)
            fix(r);
        for (QString &r : o.ownersReferences)
            fix(r);
    }
}

QHash<QString, DsObject> byDn(const QList<DsObject> &objects)
{
    QHash<QString, DsObject> out;
    for (const DsObject &o : objects)
        out.insert(key(o.dn), o);
    return out;
}

} // namespace

DirectoryStore::DirectoryStore(Options options, QObject *parent)
    : AbstractPolicyStore(parent)
    , m_options(std::move(options))
{
}

DirectoryStore::~DirectoryStore() = default;

QString DirectoryStore::path() const
{
    if (m_dir)
        return m_dir->url() + u'/' + m_dir->baseDn();
    return m_options.connection.url;
}

Result<LdapDirectory *> DirectoryStore::directory() const
{
    if (m_dir)
        return m_dir.get();
    auto dir = LdapDirectory::connect(m_options.connection);
    if (!dir)
        return dir.error();
    m_dir = std::move(dir.value());
    return m_dir.get();
}

Result<void> DirectoryStore::connectNow()
{
    auto dir = directory();
    if (!dir)
        return dir.error();
    return {};
}

qint64 DirectoryStore::Ids::take(const QUuid &guid)
{
    if (const auto it = byGuid.constFind(guid); it != byGuid.cend())
        return *it;
    byGuid.insert(guid, ++last);
    return last;
}

void DirectoryStore::renumber(PolicyDatabase &db) const
{
    QHash<qint64, qint64> policies, lists, actions;
    const auto renumbered = [](QHash<qint64, qint64> &map, qint64 &id, qint64 now) {
        map.insert(id, now);
        id = now;
    };
    for (Policy &p : db.policies)
        renumbered(policies, p.id, m_policyIds.take(p.guid));
    for (FilterList &l : db.filterLists) {
        renumbered(lists, l.id, m_listIds.take(l.guid));
        for (Filter &f : l.filters)
            f.id = m_filterIds.take(f.guid);
    }
    for (FilterAction &a : db.filterActions)
        renumbered(actions, a.id, m_actionIds.take(a.guid));
    for (Rule &r : db.rules) {
        r.id = m_ruleIds.take(r.guid);
        r.policyId = policies.value(r.policyId);
        r.filterListId = lists.value(r.filterListId);
        r.filterActionId = actions.value(r.filterActionId);
    }
}

void DirectoryStore::remember(const PolicyDatabase &db) const
{
    const auto keep = [](Ids &ids, const QUuid &guid, qint64 id) {
        ids.byGuid.insert(guid, id);
        ids.last = std::max(ids.last, id);
    };
    for (const Policy &p : db.policies)
        keep(m_policyIds, p.guid, p.id);
    for (const FilterList &l : db.filterLists) {
        keep(m_listIds, l.guid, l.id);
        for (const Filter &f : l.filters)
            keep(m_filterIds, f.guid, f.id);
    }
    for (const FilterAction &a : db.filterActions)
        keep(m_actionIds, a.guid, a.id);
    for (const Rule &r : db.rules)
        keep(m_ruleIds, r.guid, r.id);
}

Result<DirectoryStore::State> DirectoryStore::read() const
{
    auto dir = directory();
    if (!dir)
        return dir.error();
    State s;
    auto objects = (*dir)->readIpsecObjects();
    if (!objects) {
        m_dir.reset(); // the next call connects again
        return objects.error();
    }
    s.objects = std::move(objects.value());
    auto contents = DsModel::read(s.objects);
    if (!contents)
        return contents.error();
    s.contents = std::move(contents.value());
    renumber(s.contents.database);

    QString wanted = m_options.gpo.isEmpty() ? m_options.connection.gpo : m_options.gpo;
    if (wanted.isEmpty())
        wanted = QString(DefaultGpo);
    auto gpo = (*dir)->findGpo(wanted);
    if (gpo) {
        m_gpoDn = gpo->dn;
        m_gpoName = gpo->displayName;
        m_gpoProblem.clear();
        auto assigned = (*dir)->gpoAssignment(gpo->dn);
        if (!assigned)
            return assigned.error();
        s.assignedDn = *assigned;
    } else if (gpo.error().code == ErrorCode::NotFound) {
        // Policies can still be listed and edited; assigning says why it cannot.
        m_gpoDn.clear();
        m_gpoName.clear();
        m_gpoProblem = gpo.error().message;
    } else {
        return gpo.error();
    }
    if (!s.assignedDn.isEmpty()) {
        for (const DsObject &o : std::as_const(s.objects)) {
            if (o.objectClass != DsClass::Policy || key(o.dn) != key(s.assignedDn))
                continue;
            for (Policy &p : s.contents.database.policies)
                p.assigned = p.guid == o.id;
        }
    }
    return s;
}

Result<PolicyDatabase> DirectoryStore::load() const
{
    auto state = read();
    if (!state)
        return state.error();
    state->contents.database.revision = m_revision;
    return std::move(state->contents.database);
}

Result<void> DirectoryStore::write(const std::function<Result<void>(StoreWriter &)> &fn)
{
    if (m_writing)
        return Error::store(tr("A change of the directory %1 is already in progress; changes "
                               "cannot be nested.")
                                .arg(path()));
    m_writing = true;
    const auto done = qScopeGuard([this] { m_writing = false; });
    auto state = read();
    if (!state)
        return state.error();
    MemoryStoreWriter writer(state->contents.database);
    if (auto ok = fn(writer); !ok)
        return ok; // nothing was written
    if (auto ok = apply(*state, writer.database()); !ok)
        return ok;
    remember(writer.database()); // new objects keep the ids the change gave them
    ++m_revision;
    Q_EMIT changed(m_revision);
    return {};
}

Result<void> DirectoryStore::apply(const State &state, const PolicyDatabase &after)
{
    LdapDirectory *dir = m_dir.get();
    const QString base = dir->baseDn();
    auto beforeObjects = DsModel::writeAll(state.contents.database, base, &state.contents);
    if (!beforeObjects)
        return beforeObjects.error();
    auto afterObjects = DsModel::writeAll(after, base, &state.contents);
    if (!afterObjects)
        return afterObjects.error();
    useDirectoryNames(*beforeObjects, state.objects);
    useDirectoryNames(*afterObjects, state.objects);

    const QHash<QString, DsObject> before = byDn(*beforeObjects);
    const QHash<QString, DsObject> now = byDn(*afterObjects);
    const QHash<QString, DsObject> read = byDn(state.objects);
    QList<DsObject> added;
    QList<DsObject> changed;
    QList<DsObject> removed;
    for (const DsObject &o : std::as_const(*afterObjects)) {
        const auto it = before.constFind(key(o.dn));
        if (it == before.cend())
            added.append(o);
        else if (!(*it == o))
            changed.append(o);
    }
    // An object whose content is the same and only its references changed (a list that gains
    // a rule) keeps its blob as the directory has it (Windows' stray bytes included).
    for (DsObject &o : changed) {
        const DsObject was = before.value(key(o.dn));
        const auto it = read.constFind(key(o.dn));
        if (it != read.cend() && was.data == o.data) {
            o.data = it->data;
            o.dataType = it->dataType;
        }
    }
    for (const DsObject &o : std::as_const(*beforeObjects)) {
        if (!now.contains(key(o.dn)))
            removed.append(read.value(key(o.dn), o));
    }
    std::stable_sort(removed.begin(), removed.end(), [](const DsObject &a, const DsObject &b) {
        return deleteRank(a.objectClass) < deleteRank(b.objectClass);
    });

    // Undo of what was done so far when a later step is refused.
    QList<DsObject> replaced; // as read
    const auto undo = [&](const Error &e) -> Result<void> {
        for (auto it = replaced.crbegin(); it != replaced.crend(); ++it)
            (void)dir->replace(*it);
        for (auto it = added.crbegin(); it != added.crend(); ++it)
            (void)dir->remove(it->dn);
        return e;
    };

    if (auto ok = dir->addAll(added); !ok)
        return ok; // addAll removed what it added
    for (const DsObject &o : std::as_const(changed)) {
        if (auto ok = dir->replace(o); !ok)
            return undo(ok.error());
        replaced.append(read.value(key(o.dn), o));
    }

    // The GPO's assignment.
    const Policy *wasAssigned = state.contents.database.assignedPolicy();
    const Policy *isAssigned = after.assignedPolicy();
    const auto policyObject = [&](const QUuid &guid) -> const DsObject * {
        for (const DsObject &o : std::as_const(*afterObjects)) {
            if (o.objectClass == DsClass::Policy && o.id == guid)
                return &o;
        }
        return nullptr;
    };
    if (isAssigned) {
        const DsObject *p = policyObject(isAssigned->guid);
        const bool renamed = p && before.contains(key(p->dn)) && !(before.value(key(p->dn)) == *p);
        if (!wasAssigned || wasAssigned->guid != isAssigned->guid || renamed) {
            if (m_gpoDn.isEmpty())
                return undo(Error::notFound(m_gpoProblem));
            if (!p)
                return undo(Error::notFound(
                    tr("The policy \"%1\" is not in the directory.").arg(isAssigned->name)));
            if (auto ok = dir->assignInGpo(m_gpoDn, *p); !ok)
                return undo(ok.error());
        }
    } else if (wasAssigned && !m_gpoDn.isEmpty()) {
        if (auto ok = dir->unassignInGpo(m_gpoDn); !ok)
            return undo(ok.error());
    }

    // Deleted policies first lose every GPO's assignment (members would otherwise keep a
    // policy that no longer exists), then the objects go, referring ones first.
    for (const DsObject &o : std::as_const(removed)) {
        if (o.objectClass != DsClass::Policy)
            continue;
        auto gpos = dir->gposAssigning(o.dn);
        if (!gpos)
            return gpos.error();
        for (const QString &gpo : std::as_const(*gpos)) {
            if (auto ok = dir->unassignInGpo(gpo); !ok)
                return ok;
        }
    }
    QList<DsObject> deleted;
    for (const DsObject &o : std::as_const(removed)) {
        if (auto ok = dir->remove(o.dn); !ok) {
            (void)dir->addAll(deleted); // back as they were read, references included
            return undo(ok.error());
        }
        deleted.append(o);
    }
    return {};
}

} // namespace ipsec::ds
