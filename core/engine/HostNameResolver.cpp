#include "engine/HostNameResolver.h"

#include <QHash>
#include <QHostInfo>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace ipsec::engine {

using Clock = std::chrono::steady_clock;

struct HostNameResolver::State {
    Options options;
    Lookup lookup;
    std::mutex mutex;
    std::condition_variable done;
    struct Entry {
        QList<QHostAddress> addresses;
        Clock::time_point expires;
        Clock::time_point started;
        bool running = false; // a lookup is under way
    };
    QHash<QString, Entry> cache;
};

HostNameResolver::HostNameResolver(Options options, Lookup lookup)
    : m_state(std::make_shared<State>())
{
    m_state->options = options;
    m_state->lookup = lookup ? std::move(lookup) : [](const QString &name) {
        return QHostInfo::fromName(name).addresses();
    };
}

HostNameResolver::~HostNameResolver() = default;

HostNameResolver &HostNameResolver::shared()
{
    static HostNameResolver resolver;
    return resolver;
}

QList<QHostAddress> HostNameResolver::resolve(const QString &name)
{
    const auto state = m_state;
    std::unique_lock lock(state->mutex);
    auto it = state->cache.find(name);
    if (it != state->cache.end() && !it->running && Clock::now() < it->expires)
        return it->addresses;
    if (it == state->cache.end() || !it->running) {
        auto &entry = state->cache[name];
        entry.running = true;
        entry.started = Clock::now();
        // The lookup runs on its own thread (inheriting this thread's network namespace) and
        // may outlive this call and the resolver.
        std::thread([state, name] {
            const QList<QHostAddress> addresses = state->lookup(name);
            std::lock_guard guard(state->mutex);
            auto &e = state->cache[name];
            e.addresses = addresses;
            e.running = false;
            e.expires =
                Clock::now()
                + (addresses.isEmpty() ? state->options.failureTtl : state->options.successTtl);
            state->done.notify_all();
        }).detach();
    }
    // A lookup that has run for the timeout already is not waited for again.
    const auto deadline = state->cache.value(name).started + state->options.timeout;
    const bool finished =
        state->done.wait_until(lock, deadline, [&] { return !state->cache.value(name).running; });
    if (!finished) {
        // Counted as failed until the lookup ends (then its answer is cached).
        return {};
    }
    return state->cache.value(name).addresses;
}

void HostNameResolver::forgetFailures()
{
    std::lock_guard lock(m_state->mutex);
    for (auto it = m_state->cache.begin(); it != m_state->cache.end();) {
        if (!it->running && it->addresses.isEmpty())
            it = m_state->cache.erase(it);
        else
            ++it;
    }
}

std::function<QList<QHostAddress>(const QString &)> HostNameResolver::function()
{
    return [this](const QString &name) {
        return resolve(name);
    };
}

} // namespace ipsec::engine
