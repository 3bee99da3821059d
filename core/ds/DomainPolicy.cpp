#include "ds/DomainPolicy.h"

#include "ds/DsModel.h"
#include "ds/GpoResolver.h"
#include "ds/LdapDirectory.h"
#include "util/SafeFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

constexpr int CacheVersion = 1;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList fromArray(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

QByteArray toCache(const DomainPolicy &p)
{
    QJsonArray objects;
    for (const DsObject &o : p.objects) {
        objects.append(QJsonObject{
            {u"class"_s, DsObject::className(o.objectClass)},
            {u"dn"_s, o.dn},
            {u"id"_s, o.id.toString(QUuid::WithBraces)},
            {u"name"_s, o.name},
            {u"description"_s, o.description},
            {u"dataType"_s, o.dataType},
            {u"data"_s, QString::fromLatin1(o.data.toBase64())},
            {u"isakmpReference"_s, o.isakmpReference},
            {u"nfaReferences"_s, toArray(o.nfaReferences)},
            {u"filterReferences"_s, toArray(o.filterReferences)},
            {u"negotiationPolicyReference"_s, o.negotiationPolicyReference},
            {u"ownersReferences"_s, toArray(o.ownersReferences)},
            {u"negotiationPolicyType"_s, o.negotiationPolicyType.toString(QUuid::WithBraces)},
            {u"negotiationPolicyAction"_s, o.negotiationPolicyAction.toString(QUuid::WithBraces)},
        });
    }
    const QJsonObject root{{u"version"_s, CacheVersion},
                           {u"policyDn"_s, p.policyDn},
                           {u"gpoDn"_s, p.gpoDn},
                           {u"fetched"_s, p.fetched.toString(Qt::ISODate)},
                           {u"objects"_s, objects}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// Decodes the objects of one policy into a DomainPolicy (used for fresh and cached data).
Result<DomainPolicy> build(const QList<DsObject> &objects, const QString &policyDn)
{
    auto contents = DsModel::read(objects);
    if (!contents)
        return contents.error();
    DomainPolicy out;
    out.objects = objects;
    out.policyDn = policyDn;
    out.database = contents->database;
    if (out.database.policies.size() != 1)
        return Error::store(DomainPolicyFetcher::tr("The directory's policy %1 could not be read "
                                                    "whole.")
                                .arg(policyDn));
    Policy &p = out.database.policies.first();
    p.assigned = true;
    out.pollingSeconds = contents->pollingSeconds.value(p.guid, 10800);
    return out;
}

} // namespace

QList<DsObject> DomainPolicyFetcher::objectsOf(const QString &policyDn, const QList<DsObject> &all)
{
    QHash<QString, const DsObject *> byDn;
    for (const DsObject &o : all)
        byDn.insert(GpoResolver::normalizedDn(o.dn), &o);
    QList<DsObject> out;
    QSet<QString> taken;
    const auto take = [&](const QString &dn) -> const DsObject * {
        const QString key = GpoResolver::normalizedDn(dn);
        const DsObject *o = byDn.value(key);
        if (o && !taken.contains(key)) {
            taken.insert(key);
            out.append(*o);
        }
        return o;
    };
    const DsObject *policy = take(policyDn);
    if (!policy)
        return out;
    take(policy->isakmpReference);
    for (const QString &nfaDn : policy->nfaReferences) {
        const DsObject *nfa = take(nfaDn);
        if (!nfa)
            continue;
        take(nfa->negotiationPolicyReference);
        for (const QString &f : nfa->filterReferences)
            take(f);
    }
    return out;
}

Result<DomainPolicy> DomainPolicyFetcher::readCache(const QString &cachePath)
{
    QFile f(cachePath);
    if (!f.open(QIODevice::ReadOnly))
        return Error::notFound(tr("There is no cached domain policy (%1).").arg(cachePath));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16 * 1024 * 1024), &error);
    const QJsonObject root = doc.object();
    if (doc.isNull() || root.value(u"version"_s).toInt() != CacheVersion)
        return Error::store(
            tr("The cached domain policy %1 is unreadable: %2.")
                .arg(cachePath, doc.isNull() ? error.errorString() : tr("unknown version")));
    QList<DsObject> objects;
    for (const QJsonValue &v : root.value(u"objects"_s).toArray()) {
        const QJsonObject j = v.toObject();
        const auto cls = DsObject::classFromName(j.value(u"class"_s).toString());
        if (!cls)
            return Error::store(tr("The cached domain policy %1 holds an object of the unknown "
                                   "class \"%2\".")
                                    .arg(cachePath, j.value(u"class"_s).toString()));
        DsObject o;
        o.objectClass = *cls;
        o.dn = j.value(u"dn"_s).toString();
        o.id = QUuid(j.value(u"id"_s).toString());
        o.name = j.value(u"name"_s).toString();
        o.description = j.value(u"description"_s).toString();
        o.dataType = j.value(u"dataType"_s).toString();
        o.data = QByteArray::fromBase64(j.value(u"data"_s).toString().toLatin1());
        o.isakmpReference = j.value(u"isakmpReference"_s).toString();
        o.nfaReferences = fromArray(j.value(u"nfaReferences"_s));
        o.filterReferences = fromArray(j.value(u"filterReferences"_s));
        o.negotiationPolicyReference = j.value(u"negotiationPolicyReference"_s).toString();
        o.ownersReferences = fromArray(j.value(u"ownersReferences"_s));
        o.negotiationPolicyType = QUuid(j.value(u"negotiationPolicyType"_s).toString());
        o.negotiationPolicyAction = QUuid(j.value(u"negotiationPolicyAction"_s).toString());
        objects.append(o);
    }
    // The cache goes through the same decoder as the directory's answer.
    auto policy = build(objects, root.value(u"policyDn"_s).toString());
    if (!policy)
        return Error::store(tr("The cached domain policy %1 is refused: %2")
                                .arg(cachePath, policy.error().message));
    policy->source = DomainPolicy::Source::CachedDomain;
    policy->gpoDn = root.value(u"gpoDn"_s).toString();
    policy->fetched = QDateTime::fromString(root.value(u"fetched"_s).toString(), Qt::ISODate);
    return policy;
}

Result<std::optional<DomainPolicy>> DomainPolicyFetcher::fetch(const DirectoryOptions &options,
                                                               const QString &cachePath)
{
    const auto fallBack = [&](const Error &why) -> Result<std::optional<DomainPolicy>> {
        auto cached = readCache(cachePath);
        if (!cached)
            return Error{why.code, why.message + u' ' + cached.error().message};
        cached->directoryProblem = why.message;
        return std::optional<DomainPolicy>(*cached);
    };
    auto dir = LdapDirectory::connect(options);
    if (!dir) {
        // Unreachable (or refusing us): keep enforcing the last good domain policy.
        return fallBack(dir.error());
    }
    auto assigned = (*dir)->assignedPolicy(options.computer);
    if (!assigned)
        return fallBack(assigned.error());
    if (assigned->ipsecPolicyDn.isEmpty()) {
        QFile::remove(cachePath); // the domain assigns nothing: the local policy applies
        return std::optional<DomainPolicy>();
    }
    auto all = (*dir)->readIpsecObjects();
    if (!all)
        return fallBack(all.error());
    const QList<DsObject> objects = objectsOf(assigned->ipsecPolicyDn, *all);
    if (objects.isEmpty())
        return Error::store(tr("The GPO %1 assigns the IPsec policy %2, which the directory does "
                               "not hold.")
                                .arg(assigned->ipsecGpoDn, assigned->ipsecPolicyDn));
    // A policy that does not decode is refused (nothing of it is applied); the caller keeps
    // what it enforces.
    auto policy = build(objects, assigned->ipsecPolicyDn);
    if (!policy)
        return policy.error();
    policy->source = DomainPolicy::Source::Domain;
    policy->gpoDn = assigned->ipsecGpoDn;
    policy->fetched = QDateTime::currentDateTimeUtc();
    auto saved = SafeFile::write(cachePath, toCache(*policy), SafeFile::Access::OwnerOnly);
    if (!saved)
        return saved.error();
    return std::optional<DomainPolicy>(*policy);
}

} // namespace ipsec::ds
