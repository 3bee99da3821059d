#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace ipsec {

// The lock that serializes every read-modify-write of a namespace's runtime state (dynamic
// filters, emergency record, pending confirmation) and every kernel apply, across processes
// (ipseccmd, the console, the agent) and threads: flock() on "lock" (0600) in the runtime
// folder. Within a process it is re-entrant: a thread that holds it may take it again (reassign
// assigns through a service of its own). Whoever changes the store under it takes it first,
// then SQLite's write lock, never the other way round.
class RuntimeLock {
    Q_DECLARE_TR_FUNCTIONS(ipsec::RuntimeLock)
public:
    static constexpr int DefaultTimeoutMs = 60000;

    // Waits up to timeoutMs for the lock of the runtime folder (created 0755 if missing).
    static Result<RuntimeLock> acquire(const QString &runtimeDirectory,
                                       int timeoutMs = DefaultTimeoutMs);

    RuntimeLock(RuntimeLock &&other) noexcept;
    RuntimeLock &operator=(RuntimeLock &&other) noexcept;
    RuntimeLock(const RuntimeLock &) = delete;
    RuntimeLock &operator=(const RuntimeLock &) = delete;
    ~RuntimeLock();

    void release();

    struct Entry;

private:
    explicit RuntimeLock(Entry *entry);
    Entry *m_entry = nullptr;
};

} // namespace ipsec
