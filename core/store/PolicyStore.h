#pragma once

#include "store/AbstractPolicyStore.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace ipsec {

class StoreWriter;

// The static ("registry") policy store: one SQLite database reached through Qt SQL.
//
// * Versioned schema with forward migrations; a store of a newer schema, or a file that is not a
//   healthy SQLite database of this project, is refused with a clear error and never written.
// * Every change is one IMMEDIATE transaction (write()); a crash leaves the old or the new state.
// * A revision number rises with every committed change; changed() is emitted for our own commits
//   and, while watching is on, for commits made by other processes.
// * Each PolicyStore owns its own connection; use it from the thread that opened it. A process
//   never reads the file with a plain descriptor beside its connections (that would drop their
//   POSIX locks), so any number of connections may coexist.
class PolicyStore : public AbstractPolicyStore {
    Q_OBJECT
public:
    // 1: base tables; 2: implicit filter lists, indexes of rules by list and action;
    // 3: main mode methods; 4: key exchange settings (main mode lifetime, QM limit, PFS).
    static constexpr int CurrentSchemaVersion = 4;

    enum class OpenMode {
        ReadWrite, // create the file (and its folder) if missing, migrate an older schema
        ReadOnly,  // the file must exist; nothing is ever written
    };

    // /var/lib/ipsec-console/policy.db for root, $XDG_DATA_HOME/ipsec-console/policy.db
    // (default ~/.local/share/...) for everybody else.
    static QString defaultPath();
    // The path to use: the explicit one (--store), else $IPSEC_CONSOLE_STORE, else defaultPath().
    static QString resolvePath(const QString &explicitPath = {});

    // A store object with a connection of its own.
    static Result<std::unique_ptr<PolicyStore>> open(const QString &path,
                                                     OpenMode mode = OpenMode::ReadWrite);
    // The one store object of the calling thread for this file and mode (any name of the file),
    // opened on first use and closed with its last user. The services use it, so that a
    // --dry-run, emergency or reassign service beside the agent's own shares its connection.
    static Result<std::shared_ptr<PolicyStore>> shared(const QString &path,
                                                       OpenMode mode = OpenMode::ReadWrite);
    ~PolicyStore() override;

    Kind kind() const override { return Kind::Local; }
    QString path() const override;
    bool isReadOnly() const override;
    int schemaVersion() const;

    Result<qint64> revision() const override;
    // Everything, read in one transaction (consistent even while others write).
    Result<PolicyDatabase> load() const override;
    Result<PolicyDatabase> loadAssigned() const override;
    // Filter rows this store object has read so far (tests check what a read costs).
    qint64 filtersRead() const;

    // Runs fn inside one write transaction. Returning an error (or any failing statement) rolls
    // everything back; on success the revision rises by one and changed() is emitted.
    Result<void> write(const std::function<Result<void>(StoreWriter &)> &fn) override;

    // Polls for commits of other processes every intervalMs (0 turns watching off).
    void setWatchInterval(int intervalMs) override;

private:
    class Private;
    explicit PolicyStore(std::unique_ptr<Private> d);
    void pollRevision();

    std::unique_ptr<Private> d;
};

// Fine-grained operations, valid only inside PolicyStore::write(). Names compare
// case-insensitively. Every insert fills in id and guid (and lastModified for policies) of the
// object passed in; every change to a policy's rules or their filters touches its lastModified.
class StoreWriter {
public:
    virtual ~StoreWriter() = default;

    // Everything as it stands inside this transaction (uncommitted changes included), e.g. to
    // enforce the new state in the kernel before committing.
    virtual Result<PolicyDatabase> snapshot() = 0;
    // The same reduced to what enforcing needs (AbstractPolicyStore::loadAssigned()).
    virtual Result<PolicyDatabase> assignedSnapshot() { return snapshot(); }

    // Runs fn as one step of the transaction (a SAVEPOINT): when fn fails, what it changed is
    // rolled back and the rest of the transaction stays; the error is returned. Used to apply
    // a script line by line in one transaction.
    virtual Result<void> step(const std::function<Result<void>()> &fn) = 0;

    // Policies
    virtual Result<std::optional<Policy>> findPolicy(const QString &name) = 0;
    virtual Result<Policy> policy(qint64 id) = 0;
    virtual Result<QList<Policy>> policies() = 0;
    virtual Result<void> insertPolicy(Policy &policy) = 0;
    virtual Result<void> updatePolicy(const Policy &policy) = 0; // name, description, polling
    virtual Result<void> deletePolicy(qint64 id) = 0;            // and its rules
    virtual Result<void> touchPolicy(qint64 id) = 0;             // lastModified = now
    virtual Result<void> setLastModified(qint64 id, const QDateTime &when) = 0;
    // Assigns the policy (unassigning any other); std::nullopt unassigns whatever is assigned.
    virtual Result<void> setAssignedPolicy(std::optional<qint64> id) = 0;
    virtual Result<std::optional<qint64>> assignedPolicy() = 0;

    // Rules
    virtual Result<QList<Rule>> rulesOf(qint64 policyId) = 0;
    virtual Result<std::optional<Rule>> findRule(qint64 policyId, const QString &name) = 0;
    virtual Result<void> insertRule(Rule &rule) = 0;
    virtual Result<void> updateRule(const Rule &rule) = 0;
    virtual Result<void> deleteRule(qint64 id) = 0;
    // Rules (of any policy) using the list / the action.
    virtual Result<int> filterListUseCount(qint64 filterListId) = 0;
    virtual Result<int> filterActionUseCount(qint64 filterActionId) = 0;

    // Filter lists and filters
    virtual Result<std::optional<FilterList>> findFilterList(const QString &name) = 0;
    virtual Result<FilterList> filterList(qint64 id) = 0;        // with its filters
    virtual Result<void> insertFilterList(FilterList &list) = 0; // with its filters
    // name, description, implicit flag (not the filters)
    virtual Result<void> updateFilterList(const FilterList &list) = 0;
    virtual Result<void> deleteFilterList(qint64 id) = 0; // Conflict while a rule uses it
    virtual Result<void> insertFilter(qint64 filterListId, Filter &filter) = 0;
    virtual Result<void> deleteFilter(qint64 filterId) = 0;
    virtual Result<void> replaceFilters(qint64 filterListId, QList<Filter> &filters) = 0;

    // Filter actions
    virtual Result<std::optional<FilterAction>> findFilterAction(const QString &name) = 0;
    virtual Result<FilterAction> filterAction(qint64 id) = 0;
    virtual Result<QList<FilterAction>> filterActions() = 0;
    virtual Result<void> insertFilterAction(FilterAction &action) = 0;
    virtual Result<void> updateFilterAction(const FilterAction &action) = 0;
    virtual Result<void> deleteFilterAction(qint64 id) = 0; // Conflict while a rule uses it
};

} // namespace ipsec
