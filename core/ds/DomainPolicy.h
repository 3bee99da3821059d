#pragma once

// The IPsec policy the domain assigns to this computer, fetched as a member's agent needs it:
// bind, find the computer's GPOs and the policy they assign, read only that policy's objects
// (an unrelated bad object elsewhere in the container does not matter), decode them, and keep
// the objects as the last good domain policy in a cache file (mode 0600: it may hold preshared
// keys). When the directory cannot be reached, the cached policy is decoded again and used,
// and the result says so.

#include "ds/DirectoryOptions.h"
#include "ds/DsObject.h"
#include "model/PolicyDatabase.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace ipsec::ds {

struct DomainPolicy {
    enum class Source : quint8 { Domain, CachedDomain };
    Source source = Source::Domain;
    PolicyDatabase database; // the assigned policy (assigned = true) with its rules
    QString policyDn;
    QString gpoDn;
    quint32 pollingSeconds = 10800;
    QDateTime fetched;        // UTC, when the directory last answered
    QString directoryProblem; // CachedDomain: why the directory was not used
    QList<DsObject> objects;  // as read (what the cache holds)
};

class DomainPolicyFetcher {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::DomainPolicyFetcher)
public:
    // std::nullopt: the domain assigns no IPsec policy to this computer (the cache is removed,
    // the local policy applies). An error: the directory answered with something unusable
    // (a policy that does not decode), or it cannot be reached and there is no usable cache.
    static Result<std::optional<DomainPolicy>> fetch(const DirectoryOptions &options,
                                                     const QString &cachePath);

    // The cache alone (what fetch falls back to).
    static Result<DomainPolicy> readCache(const QString &cachePath);

    // The objects that make up the policy `policyDn` among `all`: the policy, its ISAKMP
    // policy, its rules and their filter lists and filter actions.
    static QList<DsObject> objectsOf(const QString &policyDn, const QList<DsObject> &all);
};

} // namespace ipsec::ds
