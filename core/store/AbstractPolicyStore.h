#pragma once

#include "model/PolicyDatabase.h"
#include "util/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ipsec {

class StoreWriter;

// What the service layer needs of a policy store. Two implementations: PolicyStore (the local
// SQLite "registry") and ds::DirectoryStore (the IPsec objects of an Active Directory domain).
// The service's editing rules run unchanged on either, through StoreWriter.
class AbstractPolicyStore : public QObject {
    Q_OBJECT
public:
    enum class Kind { Local, Directory };

    using QObject::QObject;
    ~AbstractPolicyStore() override = default;

    virtual Kind kind() const = 0;
    // The store as messages name it: the SQLite file, or the directory's address and domain.
    virtual QString path() const = 0;
    virtual bool isReadOnly() const = 0;
    virtual Result<qint64> revision() const = 0;
    // Everything, read consistently.
    virtual Result<PolicyDatabase> load() const = 0;
    // What enforcing needs, read consistently: the revision, the assigned policy, its rules,
    // their filter lists (with their filters) and filter actions, nothing else (not a store to
    // show, export or restore). Costs what the assigned policy holds, not the whole store.
    virtual Result<PolicyDatabase> loadAssigned() const { return load(); }
    // Runs fn as one change: all of it or (on an error from fn or the store) nothing.
    virtual Result<void> write(const std::function<Result<void>(StoreWriter &)> &fn) = 0;
    // Polls for changes of other processes every intervalMs (0: off), where the store can.
    virtual void setWatchInterval(int intervalMs) = 0;

Q_SIGNALS:
    void changed(qint64 revision);
};

} // namespace ipsec
