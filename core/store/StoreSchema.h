#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QLatin1StringView>

#include <span>

namespace ipsec {

class SqlConnection;

// The SQLite schema of the static store and its forward migrations. Internal to core/store.
//
// PRAGMA user_version is the schema version and PRAGMA application_id marks the file as ours.
// A new store runs every step in order, so the migrations are exercised on each creation.
class StoreSchema {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    static constexpr quint32 ApplicationId = 0x49505343; // "IPSC"

    struct Step {
        int version; // the version this step produces
        std::span<const QLatin1StringView> statements;
    };
    // steps()[i] produces version i + 1; the last one produces the current version.
    static std::span<const Step> steps();
    static int currentVersion();

    // Runs the steps after fromVersion (0: a blank database). Call inside a write transaction.
    static Result<void> migrate(SqlConnection &c, int fromVersion);
    // Every table and column of the current schema can be read, and the revision exists.
    static Result<void> checkTables(SqlConnection &c);
    // PRAGMA quick_check; it reads the whole file, so it costs time proportional to its size.
    static Result<void> checkIntegrity(SqlConnection &c);
    // PRAGMA foreign_key_check, after a migration.
    static Result<void> checkForeignKeys(SqlConnection &c);
};

} // namespace ipsec
