#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ipsec {

// What a store file is, judged from its first bytes alone, before SQLite may touch it (SQLite
// would create journal files next to it or roll back a journal). Internal to core/store.
class StoreFileHeader {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    enum class State {
        Missing,       // no file
        Empty,         // 0 bytes: may be initialised
        BlankDatabase, // an SQLite database without any table or version: may be initialised
        Store,         // a store of this project with a schema version this build understands
        // The write-ahead log (-wal) holds commits the file itself does not show yet (say, a
        // store just created by another process): only SQLite can tell what it is.
        Unsettled,
        // This process already has an SQLite connection to the file: its bytes are not read
        // here (closing a plain descriptor would drop that connection's locks); only SQLite
        // may judge it.
        OpenInProcess,
    };

    State state = State::Missing;
    qint64 size = 0;
    int schemaVersion = 0; // PRAGMA user_version as stored in the header
    quint32 applicationId = 0;
    int pageSize = 0;
    bool walHoldsData = false; // a non-empty -wal file exists

    // Refuses (Store error naming the path and the problem) a file that is not an SQLite
    // database, is truncated, belongs to another program, or has a newer schema. Never opens a
    // file this process has an SQLite connection to (see State::OpenInProcess).
    static Result<StoreFileHeader> inspect(const QString &path);

    // Messages shared with the checks SQLite makes after the header passed.
    static Error foreignDatabase(const QString &path, quint32 applicationId);
    static Error newerSchema(const QString &path, int version);
};

} // namespace ipsec
