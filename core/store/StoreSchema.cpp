#include "store/StoreSchema.h"

#include "store/PolicyStore.h"
#include "store/SqlConnection.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// Version 1: the base tables (and PRAGMA application_id, see migrate()). Frozen: a released step
// never changes, later versions add steps.
// Names are unique through name_key (the case-folded name); filters keep addresses, guids and
// the rest of their traffic in integer columns (see StoreCodec); times are milliseconds since
// the epoch, UTC.
constexpr QLatin1StringView version1[] = {
    "CREATE TABLE meta ("
    " key TEXT PRIMARY KEY NOT NULL,"
    " value INTEGER NOT NULL"
    ") WITHOUT ROWID"_L1,
    "INSERT INTO meta (key, value) VALUES ('revision', 0)"_L1,
    "CREATE TABLE policies ("
    " id INTEGER PRIMARY KEY,"
    " guid BLOB NOT NULL UNIQUE CHECK (length(guid) = 16),"
    " name TEXT NOT NULL COLLATE NOCASE,"
    " name_key TEXT NOT NULL UNIQUE,"
    " description TEXT NOT NULL DEFAULT '',"
    " polling_minutes INTEGER NOT NULL,"
    " assigned INTEGER NOT NULL DEFAULT 0 CHECK (assigned IN (0, 1)),"
    " last_modified INTEGER NOT NULL"
    ")"_L1,
    // At most one assigned policy, whoever writes the file.
    "CREATE UNIQUE INDEX policies_one_assigned ON policies (assigned) WHERE assigned = 1"_L1,
    "CREATE TABLE filter_lists ("
    " id INTEGER PRIMARY KEY,"
    " guid BLOB NOT NULL UNIQUE CHECK (length(guid) = 16),"
    " name TEXT NOT NULL COLLATE NOCASE,"
    " name_key TEXT NOT NULL UNIQUE,"
    " description TEXT NOT NULL DEFAULT ''"
    ")"_L1,
    "CREATE TABLE filters ("
    " id INTEGER PRIMARY KEY,"
    " filter_list_id INTEGER NOT NULL REFERENCES filter_lists (id) ON DELETE CASCADE,"
    " guid_high INTEGER NOT NULL,"
    " guid_low INTEGER NOT NULL,"
    " source INTEGER NOT NULL,"
    " source_ext BLOB,"
    " destination INTEGER NOT NULL,"
    " destination_ext BLOB,"
    // protocol | source port << 8 | destination port << 24 | mirrored << 40
    " traffic INTEGER NOT NULL CHECK (traffic BETWEEN 0 AND 2199023255551),"
    " description TEXT"
    ")"_L1,
    "CREATE INDEX filters_by_list ON filters (filter_list_id)"_L1,
    "CREATE TABLE filter_actions ("
    " id INTEGER PRIMARY KEY,"
    " guid BLOB NOT NULL UNIQUE CHECK (length(guid) = 16),"
    " name TEXT NOT NULL COLLATE NOCASE,"
    " name_key TEXT NOT NULL UNIQUE,"
    " description TEXT NOT NULL DEFAULT '',"
    " type INTEGER NOT NULL CHECK (type IN (0, 1, 2)),"
    " inbound_pass_through INTEGER NOT NULL CHECK (inbound_pass_through IN (0, 1)),"
    " allow_unsecured INTEGER NOT NULL CHECK (allow_unsecured IN (0, 1)),"
    " session_key_pfs INTEGER NOT NULL CHECK (session_key_pfs IN (0, 1))"
    ")"_L1,
    "CREATE TABLE security_methods ("
    " filter_action_id INTEGER NOT NULL REFERENCES filter_actions (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " ah INTEGER NOT NULL CHECK (ah IN (0, 1)),"
    " ah_hash INTEGER NOT NULL CHECK (ah_hash IN (0, 1, 2)),"
    " esp INTEGER NOT NULL CHECK (esp IN (0, 1)),"
    " esp_cipher INTEGER NOT NULL CHECK (esp_cipher IN (0, 1, 2)),"
    " esp_hash INTEGER NOT NULL CHECK (esp_hash IN (0, 1, 2)),"
    " lifetime_kbytes INTEGER NOT NULL CHECK (lifetime_kbytes BETWEEN 0 AND 4294967295),"
    " lifetime_seconds INTEGER NOT NULL CHECK (lifetime_seconds BETWEEN 0 AND 4294967295),"
    " pfs INTEGER NOT NULL CHECK (pfs IN (0, 1)),"
    " PRIMARY KEY (filter_action_id, position)"
    ") WITHOUT ROWID"_L1,
    "CREATE TABLE rules ("
    " id INTEGER PRIMARY KEY,"
    " guid BLOB NOT NULL UNIQUE CHECK (length(guid) = 16),"
    " policy_id INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE,"
    " name TEXT NOT NULL COLLATE NOCASE,"
    " name_key TEXT NOT NULL,"
    " description TEXT NOT NULL DEFAULT '',"
    // NULL only for a default response rule; a used list or action cannot be deleted.
    " filter_list_id INTEGER REFERENCES filter_lists (id) ON DELETE RESTRICT,"
    " filter_action_id INTEGER REFERENCES filter_actions (id) ON DELETE RESTRICT,"
    " active INTEGER NOT NULL CHECK (active IN (0, 1)),"
    " default_response INTEGER NOT NULL CHECK (default_response IN (0, 1)),"
    " tunnel_endpoint TEXT NOT NULL DEFAULT '',"
    " connection_type INTEGER NOT NULL CHECK (connection_type IN (0, 1, 2)),"
    " UNIQUE (policy_id, name_key)"
    ")"_L1,
    "CREATE TABLE rule_auth_methods ("
    " rule_id INTEGER NOT NULL REFERENCES rules (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),"
    " data TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (rule_id, position)"
    ") WITHOUT ROWID"_L1,
};

// Version 2: implicit filter lists (made by the command line for one rule), and indexes that
// make "which rules use this list/action" (use counts, RESTRICT checks, touching the policies
// of a changed list) cheap.
constexpr QLatin1StringView version2[] = {
    "ALTER TABLE filter_lists ADD COLUMN"
    " implicit INTEGER NOT NULL DEFAULT 0 CHECK (implicit IN (0, 1))"_L1,
    "CREATE INDEX rules_by_filter_list ON rules (filter_list_id)"_L1,
    "CREATE INDEX rules_by_filter_action ON rules (filter_action_id)"_L1,
};

// Version 3: a policy's main-mode (IKE) methods, "3DES-SHA1-2 DES-MD5-1" (empty: Windows'
// defaults), issue 14.
constexpr QLatin1StringView version3[] = {
    "ALTER TABLE policies ADD COLUMN mm_methods TEXT NOT NULL DEFAULT ''"_L1,
};

// Version 4: a policy's key exchange settings (main mode lifetime, quick modes per main mode,
// master key PFS), issue 14. Existing policies get Windows' defaults.
constexpr QLatin1StringView version4[] = {
    "ALTER TABLE policies ADD COLUMN mm_lifetime_seconds INTEGER NOT NULL DEFAULT 28800"_L1,
    "ALTER TABLE policies ADD COLUMN mm_qm_limit INTEGER NOT NULL DEFAULT 0"_L1,
    "ALTER TABLE policies ADD COLUMN mm_pfs INTEGER NOT NULL DEFAULT 0"_L1,
};

constexpr StoreSchema::Step allSteps[] = {
    {1, version1},
    {2, version2},
    {3, version3},
    {4, version4},
};

static_assert(std::size(allSteps) == PolicyStore::CurrentSchemaVersion,
              "every schema version needs its migration step");

// Every column the current version reads, table by table.
constexpr QLatin1StringView currentTables[] = {
    "SELECT key, value FROM meta WHERE 0"_L1,
    "SELECT id, guid, name, name_key, description, polling_minutes, assigned, last_modified,"
    " mm_methods, mm_lifetime_seconds, mm_qm_limit, mm_pfs FROM policies WHERE 0"_L1,
    "SELECT id, guid, name, name_key, description, implicit FROM filter_lists WHERE 0"_L1,
    "SELECT id, filter_list_id, guid_high, guid_low, source, source_ext, destination,"
    " destination_ext, traffic, description FROM filters WHERE 0"_L1,
    "SELECT id, guid, name, name_key, description, type, inbound_pass_through, allow_unsecured,"
    " session_key_pfs FROM filter_actions WHERE 0"_L1,
    "SELECT filter_action_id, position, ah, ah_hash, esp, esp_cipher, esp_hash, lifetime_kbytes,"
    " lifetime_seconds, pfs FROM security_methods WHERE 0"_L1,
    "SELECT id, guid, policy_id, name, name_key, description, filter_list_id, filter_action_id,"
    " active, default_response, tunnel_endpoint, connection_type FROM rules WHERE 0"_L1,
    "SELECT rule_id, position, kind, data FROM rule_auth_methods WHERE 0"_L1,
};

} // namespace

std::span<const StoreSchema::Step> StoreSchema::steps()
{
    return allSteps;
}

int StoreSchema::currentVersion()
{
    return PolicyStore::CurrentSchemaVersion;
}

Result<void> StoreSchema::migrate(SqlConnection &c, int fromVersion)
{
    if (fromVersion == 0) {
        if (auto ok = c.execOnce(u"PRAGMA application_id = %1"_s.arg(ApplicationId)); !ok)
            return ok;
    }
    for (const Step &step : steps()) {
        if (step.version <= fromVersion)
            continue;
        for (const QLatin1StringView statement : step.statements) {
            if (auto ok = c.execOnce(QString(statement)); !ok)
                return Error::store(tr("Cannot upgrade the policy store %1 to schema version %2: "
                                       "%3")
                                        .arg(c.path())
                                        .arg(step.version)
                                        .arg(ok.error().message));
        }
        if (auto ok = c.execOnce(u"PRAGMA user_version = %1"_s.arg(step.version)); !ok)
            return ok;
    }
    return {};
}

Result<void> StoreSchema::checkTables(SqlConnection &c)
{
    for (const QLatin1StringView statement : currentTables) {
        if (auto ok = c.execOnce(QString(statement)); !ok)
            return Error::store(tr("The policy store %1 is damaged or incomplete; it was not "
                                   "changed. %2")
                                    .arg(c.path(), ok.error().message));
    }
    auto revision = c.scalar(u"SELECT value FROM meta WHERE key = 'revision'"_s);
    if (!revision)
        return revision.error();
    if (!revision.value())
        return Error::store(tr("The policy store %1 is damaged: it has no revision number; it "
                               "was not changed.")
                                .arg(c.path()));
    return {};
}

Result<void> StoreSchema::checkIntegrity(SqlConnection &c)
{
    auto q = c.run(u"PRAGMA quick_check"_s);
    if (!q)
        return Error::store(tr("The policy store %1 is damaged; it was not changed. %2")
                                .arg(c.path(), q.error().message));
    QStringList problems;
    while (q.value()->next()) {
        const QString line = q.value()->value(0).toString();
        if (line != "ok"_L1)
            problems << line;
    }
    q.value()->finish();
    if (!problems.isEmpty())
        return Error::store(tr("The policy store %1 is damaged; it was not changed. SQLite "
                               "reports: %2")
                                .arg(c.path(), problems.mid(0, 5).join(u"; "_s)));
    return {};
}

Result<void> StoreSchema::checkForeignKeys(SqlConnection &c)
{
    auto q = c.run(u"PRAGMA foreign_key_check"_s);
    if (!q)
        return q.error();
    const bool broken = q.value()->next();
    const QString table = broken ? q.value()->value(0).toString() : QString();
    q.value()->finish();
    if (broken)
        return Error::store(tr("The policy store %1 has rows in table %2 that refer to missing "
                               "objects; it was not changed.")
                                .arg(c.path(), table));
    return {};
}

} // namespace ipsec
