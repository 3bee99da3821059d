#pragma once

#include "kernel/SpdEntry.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ipsec::kernel {

// What apply() is asked to do: install toAdd, then take away toRemove.
struct SpdPlan {
    QList<SpdEntry> toAdd;
    QList<SpdEntry> toRemove;
    // Every installed policy as list() returned it moments ago, to save apply() its own dump
    // (thousands of entries); null: apply() lists the SPD itself.
    const QList<SpdEntry> *current = nullptr;
};

// The outcome of apply(). On failure `error` says what failed (with the kernel's text) and
// `failedEntry` which entry; the layer has then tried to restore the previous state, and
// `rolledBack` tells whether every undo step succeeded (if not, `rollbackErrors` lists them).
struct SpdApplyResult {
    enum class Operation { None, Add, Replace, Remove };

    int added = 0;    // new identities installed
    int replaced = 0; // identities both in toAdd and toRemove, updated in place
    int removed = 0;  // deleted
    int absent = 0;   // in toRemove but not installed: nothing to do

    std::optional<Error> error;
    Operation failedOperation = Operation::None;
    std::optional<SpdEntry> failedEntry;
    QString netlinkError; // nl_geterror() text of the failed step, empty for refusals
    bool rolledBack = false;
    QStringList rollbackErrors;

    bool ok() const { return !error.has_value(); }
    explicit operator bool() const { return ok(); }
};

// The kernel's security policy database of one network namespace.
class Spd {
public:
    virtual ~Spd() = default;

    // Every policy of every type, owned or foreign.
    virtual Result<QList<SpdEntry>> list() = 0;
    // Installs one owned entry; an entry with the same identity is reported, never replaced.
    virtual Result<void> add(const SpdEntry &entry) = 0;
    // Deletes the installed policy with the entry's identity, only if that policy is owned.
    virtual Result<void> remove(const SpdEntry &entry) = 0;
    // Adds first, then deletes; an identity in both lists is replaced in place. All or nothing:
    // on any failure the previous state is restored.
    virtual SpdApplyResult apply(const SpdPlan &plan) = 0;
};

} // namespace ipsec::kernel
