#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>

namespace ipsec {

// One uniquely named Qt SQL connection to a store file, with a cache of prepared statements.
// Every failure becomes an Error that names the file. Internal to core/store.
class SqlConnection {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    enum class Access {
        ReadOnly,
        ReadWrite,
        // Read-only without locks, ignoring any write-ahead log, creating no -wal/-shm file:
        // for judging a file (whose -wal is empty or absent) without leaving any trace.
        Immutable,
    };

    static Result<std::unique_ptr<SqlConnection>> open(const QString &path, Access access);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    const QString &path() const { return m_path; }
    Access access() const { return m_access; }

    // Whether this process has a connection open to the file at path (the same file, by device
    // and inode, under any name). Such a file must never be opened with a plain descriptor:
    // closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
    // included (https://sqlite.org/howtocorrupt.html, 2.2).
    static bool isOpenInProcess(const QString &path);

    // A prepared forward-only statement kept for the life of the connection, executed with the
    // given positional values. Callers read what they need and then call finish() so that no
    // read transaction stays open.
    Result<QSqlQuery *> run(const QString &sql, std::initializer_list<QVariant> values = {});
    // Like run(), for a statement that reads nothing; returns the number of rows it changed.
    Result<int> exec(const QString &sql, std::initializer_list<QVariant> values = {});
    // Like exec(), for an INSERT; returns the new row id.
    Result<qint64> insert(const QString &sql, std::initializer_list<QVariant> values);
    // The first column of the first row; std::nullopt when there is no row.
    Result<std::optional<QVariant>> scalar(const QString &sql,
                                           std::initializer_list<QVariant> values = {});
    // A one-off statement (DDL, PRAGMA with a value) that is not worth caching.
    Result<void> execOnce(const QString &sql);

    // A transaction that rolls back unless committed. Write transactions are BEGIN IMMEDIATE:
    // they take the write lock at once (waiting for other writers up to the busy timeout), so
    // they never fail half-way because another process wrote in between.
    class Transaction {
    public:
        enum class Kind { Read, Write };
        explicit Transaction(SqlConnection &connection)
            : c(connection)
        {
        }
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        Result<void> begin(Kind kind);
        Result<void> commit();
        void rollback();

    private:
        SqlConnection &c;
        bool active = false;
    };

    // The first statement failure that can have damaged the current transaction (anything but
    // a constraint violation), until clearFailure(). Used to refuse committing after it.
    const std::optional<Error> &failure() const { return m_failure; }
    void clearFailure() { m_failure.reset(); }

    // Filter rows read through this connection (StoreReader counts them; tests check what a
    // read costs).
    qint64 filtersRead() const { return m_filtersRead; }
    void countFiltersRead(qint64 rows) { m_filtersRead += rows; }

    // An error for a failed statement, mapped to Conflict for constraint violations and to
    // Store otherwise. Remembers non-constraint failures (see failure()).
    Error sqlError(const QSqlQuery &query);

private:
    SqlConnection(QString path, QString connectionName, Access access);
    Error noteFailure(Error e);
    void registerOpenFile();

    struct FileId {
        quint64 device = 0;
        quint64 inode = 0;
        bool operator==(const FileId &) const = default;
    };
    static std::optional<FileId> fileId(const QString &path);

    QString m_path;
    QString m_connectionName;
    Access m_access;
    QSqlDatabase m_db;
    std::unordered_map<QString, QSqlQuery> m_statements;
    std::optional<Error> m_failure;
    std::optional<FileId> m_fileId; // registered as open in this process
    qint64 m_filtersRead = 0;
};

} // namespace ipsec
