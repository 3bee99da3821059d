#pragma once

// Which policy this computer enforces, decided in this one place: the IPsec policy the domain
// assigns to it (fresh from the directory, or its cached copy while no domain controller
// answers) instead of the local store's assigned one, as Windows does; the local one when the
// domain assigns none. Dynamic filters apply on top of either (the caller adds them).
//
// Two files beside the store: <store>.domain-cache.json (mode 0600, the last good domain
// policy's directory objects, which may hold preshared keys; written by ds::DomainPolicy) and
// <store>.domain-status.json (mode 0644, no secrets: source, policy and GPO names, when the
// directory last answered, why it did not), which every reader of the store may show.

#include "ds/DirectoryOptions.h"
#include "ds/DomainPolicy.h"
#include "model/PolicyDatabase.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace ipsec {

struct PolicySourceStatus {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicySourceStatus)
public:
    enum class Source : quint8 { Local, Domain, CachedDomain };
    Source source = Source::Local;
    QString policyName;
    QString policyDn;
    QString gpoDn;
    QString directory; // ldap://HOST the policy came from
    QString computer;
    QString problem;   // CachedDomain, or a refused domain policy: why
    QDateTime fetched; // UTC: when the directory last gave a policy
    QDateTime checked; // UTC: the last attempt
    quint32 pollingSeconds = 0;

    // "local", "domain", "cached domain" (also the JSON value).
    static QString sourceKey(Source source);
    QString sourceKey() const { return sourceKey(source); }
    // One translated sentence for show, netdiag, the console and the agent's log.
    QString describe() const;
    QJsonObject toJson() const;
    static PolicySourceStatus fromJson(const QJsonObject &json);
    bool operator==(const PolicySourceStatus &) const = default;
};

class PolicySource {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicySource)
public:
    explicit PolicySource(QString storePath);

    static QString cachePath(const QString &storePath);
    static QString statusPath(const QString &storePath);
    // What the status file says (Local when there is none): for every reader.
    static PolicySourceStatus readStatus(const QString &storePath);

    // The database to enforce: the domain's policy when one is in force, else `local`. Follows
    // a cache that another process (the agent, `ipseccmd refresh`) wrote meanwhile.
    const PolicyDatabase &effective(const PolicyDatabase &local);
    bool domainInForce();
    PolicySourceStatus status();

    struct Refresh {
        bool changed = false;   // what is enforced changed: enforce again
        bool configured = true; // false: not a domain member, no directory named
        PolicySourceStatus status;
    };
    // Asks the directory now (options as the caller gave them; resolved here). A policy that
    // does not decode, or a directory that cannot be reached, changes nothing that is
    // enforced; the status says why. Messages for the caller go to `messages`.
    Result<Refresh> refresh(const ds::DirectoryOptions &options, QStringList &messages);

    // Seconds until the next poll: the domain policy's polling interval, else Group Policy's
    // (90 minutes); `cap` > 0 shortens it (tests, --poll-interval).
    int nextPollSeconds(int cap) const;

private:
    void reloadIfChanged();
    Result<void> writeStatus(const PolicySourceStatus &status);

    QString m_storePath;
    std::optional<ds::DomainPolicy> m_domain;
    QDateTime m_cacheStamp; // of the cache file m_domain was read from
    qint64 m_cacheSize = -1;
    PolicySourceStatus m_status;
};

} // namespace ipsec
