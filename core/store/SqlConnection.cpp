#include "store/SqlConnection.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QMutex>
#include <QSqlError>
#include <QUrl>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// Primary SQLite result codes (the driver reports extended codes; the low byte is the primary).
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteConstraint = 19,
    SqliteNotADatabase = 26,
};

// Milliseconds a statement waits for another process's write lock before giving up.
constexpr int BusyTimeoutMs = 10000;

// The files this process has connections to, with one entry per open connection.
QMutex openFilesMutex;
QList<std::pair<quint64, quint64>> openFiles;

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"ipsec-policy-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

SqlConnection::SqlConnection(QString path, QString connectionName, Access access)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_access(access)
{
}

Result<std::unique_ptr<SqlConnection>> SqlConnection::open(const QString &path, Access access)
{
    std::unique_ptr<SqlConnection> c(new SqlConnection(path, uniqueConnectionName(), access));
    c->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, c->m_connectionName);
    if (!c->m_db.isValid())
        return Error::store(tr("Cannot open the policy store %1: the Qt SQLite driver (QSQLITE) "
                               "is not available.")
                                .arg(path));
    QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs);
    if (access == Access::Immutable) {
        const QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        c->m_db.setDatabaseName(url.toString(QUrl::FullyEncoded) + u"?immutable=1"_s);
        options += u";QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY"_s;
    } else {
        c->m_db.setDatabaseName(path);
        if (access == Access::ReadOnly)
            options += u";QSQLITE_OPEN_READONLY"_s;
    }
    c->m_db.setConnectOptions(options);
    if (!c->m_db.open())
        return Error::store(
            tr("Cannot open the policy store %1: %2").arg(path, c->m_db.lastError().text()));
    c->registerOpenFile();
    return c;
}

std::optional<SqlConnection::FileId> SqlConnection::fileId(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return FileId{quint64(st.st_dev), quint64(st.st_ino)};
}

void SqlConnection::registerOpenFile()
{
    m_fileId = fileId(m_path);
    if (!m_fileId)
        return;
    const QMutexLocker lock(&openFilesMutex);
    openFiles.append({m_fileId->device, m_fileId->inode});
}

bool SqlConnection::isOpenInProcess(const QString &path)
{
    const auto id = fileId(path);
    if (!id)
        return false;
    const QMutexLocker lock(&openFilesMutex);
    return openFiles.contains(std::pair{id->device, id->inode});
}

SqlConnection::~SqlConnection()
{
    m_statements.clear(); // finalizes the statements before the connection closes
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_fileId) {
        const QMutexLocker lock(&openFilesMutex);
        openFiles.removeOne(std::pair{m_fileId->device, m_fileId->inode});
    }
}

Result<QSqlQuery *> SqlConnection::run(const QString &sql, std::initializer_list<QVariant> values)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return sqlError(q);
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    QSqlQuery &q = it->second;
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    if (!q.exec())
        return sqlError(q);
    return &q;
}

Result<int> SqlConnection::exec(const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = run(sql, values);
    if (!q)
        return q.error();
    const int changed = q.value()->numRowsAffected();
    q.value()->finish();
    return changed;
}

Result<qint64> SqlConnection::insert(const QString &sql, std::initializer_list<QVariant> values)
{
    auto q = run(sql, values);
    if (!q)
        return q.error();
    const qint64 id = q.value()->lastInsertId().toLongLong();
    q.value()->finish();
    return id;
}

Result<std::optional<QVariant>> SqlConnection::scalar(const QString &sql,
                                                      std::initializer_list<QVariant> values)
{
    auto q = run(sql, values);
    if (!q)
        return q.error();
    QSqlQuery &query = *q.value();
    std::optional<QVariant> value;
    if (query.next())
        value = query.value(0);
    else if (query.lastError().isValid())
        return sqlError(query);
    query.finish();
    return value;
}

Result<void> SqlConnection::execOnce(const QString &sql)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return sqlError(q);
    return {};
}

SqlConnection::Transaction::~Transaction()
{
    rollback();
}

Result<void> SqlConnection::Transaction::begin(Kind kind)
{
    c.clearFailure();
    auto ok = c.exec(kind == Kind::Write ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s);
    if (!ok)
        return ok.error();
    active = true;
    return {};
}

Result<void> SqlConnection::Transaction::commit()
{
    if (c.failure())
        return *c.failure();
    auto ok = c.exec(u"COMMIT"_s);
    if (!ok)
        return ok.error();
    active = false;
    return {};
}

void SqlConnection::Transaction::rollback()
{
    if (!active)
        return;
    active = false;
    (void)c.exec(u"ROLLBACK"_s);
}

Error SqlConnection::sqlError(const QSqlQuery &query)
{
    const QSqlError e = query.lastError();
    const int code = e.nativeErrorCode().toInt() & 0xff;
    const QString detail = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    switch (code) {
    case SqliteConstraint:
        return Error::conflict(
            tr("The policy store %1 refused the change: %2.").arg(m_path, detail));
    case SqliteBusy:
    case SqliteLocked:
        return noteFailure(Error::store(
            tr("The policy store %1 is locked by another program (waited %2 seconds); try again.")
                .arg(m_path)
                .arg(BusyTimeoutMs / 1000)));
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return noteFailure(
            Error::store(tr("The policy store %1 is damaged: %2.").arg(m_path, detail)));
    case SqliteReadOnly:
        return noteFailure(
            Error::store(tr("The policy store %1 cannot be written: %2.").arg(m_path, detail)));
    case SqliteFull:
        return noteFailure(Error::store(
            tr("The policy store %1 cannot be written: the disk is full.").arg(m_path)));
    default:
        return noteFailure(Error::store(tr("The policy store %1 failed: %2.").arg(m_path, detail)));
    }
}

Error SqlConnection::noteFailure(Error e)
{
    if (!m_failure)
        m_failure = e;
    return e;
}

} // namespace ipsec
