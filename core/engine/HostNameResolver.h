#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

namespace ipsec::engine {

struct HostNameResolverOptions {
    std::chrono::milliseconds timeout{2000};
    std::chrono::milliseconds successTtl{30000};
    std::chrono::milliseconds failureTtl{10000};
};

// Resolves the DNS names of filters for enforcement, the kernel view and the SSH guard without
// ever waiting long: a lookup that takes more than the timeout counts as failed (it goes on in the
// background and fills the cache when it ends), and answers are cached (success 30 s, failure
// 10 s), so an unreachable DNS server costs one timeout per name, not one per filter or call.
// Thread-safe; one shared instance per process.
class HostNameResolver {
public:
    using Lookup = std::function<QList<QHostAddress>(const QString &name)>;
    using Options = HostNameResolverOptions;

    // lookup: the blocking resolution (default: getaddrinfo through QHostInfo::fromName).
    explicit HostNameResolver(Options options = {}, Lookup lookup = {});
    ~HostNameResolver();
    HostNameResolver(const HostNameResolver &) = delete;
    HostNameResolver &operator=(const HostNameResolver &) = delete;

    static HostNameResolver &shared();

    // The name's addresses; empty when it does not resolve or not within the timeout.
    QList<QHostAddress> resolve(const QString &name);
    // Failed answers are forgotten (addresses or routes changed: the server may be reachable now).
    void forgetFailures();
    // resolve() as an ExpansionContext::resolve.
    std::function<QList<QHostAddress>(const QString &)> function();

private:
    struct State;
    std::shared_ptr<State> m_state; // shared with lookups still running in the background
};

} // namespace ipsec::engine
