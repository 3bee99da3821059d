#include "service/PolicySource.h"

#include "util/SafeFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

constexpr int GroupPolicyRefreshSeconds = 90 * 60; // Windows' Group Policy refresh

QString beside(const QString &storePath, const QString &suffix)
{
    const QFileInfo store(storePath);
    return store.absolutePath() + u'/' + store.completeBaseName() + suffix;
}

QString dateText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QString PolicySourceStatus::sourceKey(Source source)
{
    switch (source) {
    case Source::Local:
        return u"local"_s;
    case Source::Domain:
        return u"domain"_s;
    case Source::CachedDomain:
        return u"cached domain"_s;
    }
    return {};
}

QString PolicySourceStatus::describe() const
{
    switch (source) {
    case Source::Local:
        return problem.isEmpty()
                   ? tr("The local policy applies (no domain policy is assigned to this "
                        "computer).")
                   : tr("The local policy applies (no domain policy: %1)").arg(problem);
    case Source::Domain:
        return tr("The policy \"%1\" is assigned from the domain by the GPO %2 (directory %3, "
                  "read %4; polling interval %5 minutes).")
            .arg(policyName, gpoDn, directory, dateText(fetched))
            .arg(pollingSeconds / 60);
    case Source::CachedDomain:
        return tr("The policy \"%1\" is assigned from the domain by the GPO %2; the cached copy "
                  "read %3 is enforced because the directory cannot be used: %4")
            .arg(policyName, gpoDn, dateText(fetched), problem);
    }
    return {};
}

QJsonObject PolicySourceStatus::toJson() const
{
    return QJsonObject{
        {u"source"_s, sourceKey()},        {u"policy"_s, policyName},
        {u"policyDn"_s, policyDn},         {u"gpoDn"_s, gpoDn},
        {u"directory"_s, directory},       {u"computer"_s, computer},
        {u"problem"_s, problem},           {u"fetched"_s, dateText(fetched)},
        {u"checked"_s, dateText(checked)}, {u"pollingSeconds"_s, qint64(pollingSeconds)}};
}

PolicySourceStatus PolicySourceStatus::fromJson(const QJsonObject &j)
{
    PolicySourceStatus s;
    const QString source = j.value(u"source"_s).toString();
    s.source = source == sourceKey(Source::Domain)         ? Source::Domain
               : source == sourceKey(Source::CachedDomain) ? Source::CachedDomain
                                                           : Source::Local;
    s.policyName = j.value(u"policy"_s).toString();
    s.policyDn = j.value(u"policyDn"_s).toString();
    s.gpoDn = j.value(u"gpoDn"_s).toString();
    s.directory = j.value(u"directory"_s).toString();
    s.computer = j.value(u"computer"_s).toString();
    s.problem = j.value(u"problem"_s).toString();
    s.fetched = QDateTime::fromString(j.value(u"fetched"_s).toString(), Qt::ISODate);
    s.checked = QDateTime::fromString(j.value(u"checked"_s).toString(), Qt::ISODate);
    s.pollingSeconds = quint32(j.value(u"pollingSeconds"_s).toInteger());
    return s;
}

PolicySource::PolicySource(QString storePath)
    : m_storePath(std::move(storePath))
{
}

QString PolicySource::cachePath(const QString &storePath)
{
    return beside(storePath, u".domain-cache.json"_s);
}

QString PolicySource::statusPath(const QString &storePath)
{
    return beside(storePath, u".domain-status.json"_s);
}

PolicySourceStatus PolicySource::readStatus(const QString &storePath)
{
    QFile f(statusPath(storePath));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return PolicySourceStatus::fromJson(QJsonDocument::fromJson(f.read(64 * 1024)).object());
}

void PolicySource::reloadIfChanged()
{
    const QFileInfo cache(cachePath(m_storePath));
    if (!cache.exists()) {
        m_domain.reset();
        m_cacheStamp = {};
        m_cacheSize = -1;
        return;
    }
    const QDateTime stamp = cache.lastModified();
    if (stamp == m_cacheStamp && cache.size() == m_cacheSize)
        return;
    m_cacheStamp = stamp;
    m_cacheSize = cache.size();
    // The cache is only ever written whole (SafeFile) and only with a policy that decoded; a
    // damaged one (or one this user may not read) is not enforced.
    auto cached = ds::DomainPolicyFetcher::readCache(cache.filePath());
    if (cached)
        m_domain = std::move(cached.value());
    else
        m_domain.reset();
}

const PolicyDatabase &PolicySource::effective(const PolicyDatabase &local)
{
    reloadIfChanged();
    return m_domain ? m_domain->database : local;
}

bool PolicySource::domainInForce()
{
    reloadIfChanged();
    return m_domain.has_value();
}

PolicySourceStatus PolicySource::status()
{
    PolicySourceStatus s = readStatus(m_storePath);
    if (s.source == PolicySourceStatus::Source::Local && domainInForce()) {
        // A cache without a status (written by an older run): say what is enforced.
        s.source = PolicySourceStatus::Source::CachedDomain;
        s.policyName = m_domain->database.policies.value(0).name;
        s.policyDn = m_domain->policyDn;
        s.gpoDn = m_domain->gpoDn;
        s.fetched = m_domain->fetched;
    }
    return s;
}

Result<void> PolicySource::writeStatus(const PolicySourceStatus &status)
{
    m_status = status;
    return SafeFile::write(statusPath(m_storePath),
                           QJsonDocument(status.toJson()).toJson(QJsonDocument::Indented),
                           SafeFile::Access::Readable);
}

Result<PolicySource::Refresh> PolicySource::refresh(const ds::DirectoryOptions &given,
                                                    QStringList &messages)
{
    Refresh out;
    const PolicySourceStatus before = status();
    const bool domainBefore = domainInForce();
    PolicySourceStatus now;
    now.checked = QDateTime::currentDateTimeUtc();
    auto options = ds::DirectoryOptions::resolve(given);
    if (!options) {
        // Not a member (or a misconfiguration): a domain policy already in force stays.
        out.configured = options.error().code != ErrorCode::NotFound;
        if (!domainBefore) {
            now.problem = options.error().message;
            out.status = now;
            if (out.configured)
                return options.error();
            return out;
        }
        now = before;
        now.source = PolicySourceStatus::Source::CachedDomain;
        now.problem = options.error().message;
        now.checked = QDateTime::currentDateTimeUtc();
        if (auto ok = writeStatus(now); !ok)
            return ok.error();
        out.status = now;
        messages << now.describe();
        return out;
    }
    now.directory = options->url;
    now.computer = options->computer;
    const QString cache = cachePath(m_storePath);
    auto fetched = ds::DomainPolicyFetcher::fetch(*options, cache);
    if (!fetched) {
        // A policy that does not decode, or no directory and no cache: what is enforced stays.
        now = domainBefore ? before : now;
        if (domainBefore)
            now.source = PolicySourceStatus::Source::CachedDomain;
        now.problem = fetched.error().message;
        now.checked = QDateTime::currentDateTimeUtc();
        if (auto ok = writeStatus(now); !ok)
            return ok.error();
        out.status = now;
        return fetched.error();
    }
    if (!fetched->has_value()) {
        // The domain assigns nothing (the fetcher removed the cache): the local policy applies.
        if (auto ok = writeStatus(now); !ok)
            return ok.error();
        out.changed = domainBefore;
        out.status = now;
        if (domainBefore)
            messages << tr("The domain no longer assigns an IPsec policy to %1: the local policy "
                           "applies again.")
                            .arg(options->computer);
        reloadIfChanged();
        return out;
    }
    const ds::DomainPolicy &p = **fetched;
    now.source = p.source == ds::DomainPolicy::Source::Domain
                     ? PolicySourceStatus::Source::Domain
                     : PolicySourceStatus::Source::CachedDomain;
    now.policyName = p.database.policies.value(0).name;
    now.policyDn = p.policyDn;
    now.gpoDn = p.gpoDn;
    now.fetched = p.fetched;
    now.pollingSeconds = p.pollingSeconds;
    now.problem = p.directoryProblem;
    if (auto ok = writeStatus(now); !ok)
        return ok.error();
    // Compare what is enforced (the objects), not when it was read.
    const auto fingerprint = [](const QList<ds::DsObject> &objects) {
        QByteArray b;
        for (const ds::DsObject &o : objects)
            b += o.dn.toUtf8() + '\0' + o.data + '\0' + o.isakmpReference.toUtf8() + '\0'
                 + o.nfaReferences.join(u'|').toUtf8() + '\0'
                 + o.filterReferences.join(u'|').toUtf8() + '\0'
                 + o.negotiationPolicyReference.toUtf8() + '\n';
        return b;
    };
    out.changed = !domainBefore || fingerprint(m_domain->objects) != fingerprint(p.objects);
    m_domain = p;
    const QFileInfo cacheInfo(cache);
    m_cacheStamp = cacheInfo.exists() ? cacheInfo.lastModified() : QDateTime();
    m_cacheSize = cacheInfo.exists() ? cacheInfo.size() : -1;
    out.status = now;
    if (out.changed || before.source != now.source || before.problem != now.problem)
        messages << now.describe();
    return out;
}

int PolicySource::nextPollSeconds(int cap) const
{
    int seconds = GroupPolicyRefreshSeconds;
    if (m_domain && m_domain->pollingSeconds > 0)
        seconds = int(std::min<quint32>(m_domain->pollingSeconds, 7 * 24 * 3600));
    if (cap > 0)
        seconds = std::min(seconds, cap);
    return std::max(seconds, 1);
}

} // namespace ipsec
