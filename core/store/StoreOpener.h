#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace ipsec {

class SqlConnection;

// Opens a store file safely. Internal to core/store.
//
// 1. The raw header is judged before SQLite touches the file (StoreFileHeader).
// 2. An existing store is validated through a connection that cannot change it (immutable, or
//    read-only when a write-ahead log holds commits): application id and schema version (again:
//    the log may hold newer ones), that every table can be read, and PRAGMA quick_check for
//    small files or before a migration.
// 3. Only then, for read-write use, is a read-write connection opened, switched to WAL, and a
//    new or older store created or migrated in one IMMEDIATE transaction (which re-checks
//    everything, since another process may have done it meanwhile).
class StoreOpener {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    // Larger stores skip quick_check on a plain open: it reads the whole file (70 ms for
    // 100,000 filters) and would dominate opening a big store. Damage found later still fails
    // the operation that meets it, cleanly.
    static constexpr qint64 QuickCheckMaxBytes = 2 * 1024 * 1024; // ~25,000 filters

    struct Opened {
        std::unique_ptr<SqlConnection> connection;
        int schemaVersion = 0;
    };
    static Result<Opened> open(const QString &path, bool readOnly);

private:
    static Result<void> createFile(const QString &path);
    // The schema version of a healthy store, or 0 for a blank database.
    static Result<int> validate(SqlConnection &c, qint64 fileSize, bool readOnly);
    static Result<void> configure(SqlConnection &c);
    static Result<void> createOrMigrate(SqlConnection &c);
};

} // namespace ipsec
