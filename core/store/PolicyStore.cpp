#include "store/PolicyStore.h"

#include <QFileInfo>

#include "store/SqlConnection.h"
#include "store/SqlStoreWriter.h"
#include "store/StoreOpener.h"
#include "store/StoreReader.h"

#include <QDir>
#include <QHash>
#include <QMutex>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec {

class PolicyStore::Private {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    Result<void> checkSchema();
    Result<PolicyDatabase> read(bool assignedOnly);

    QString path;
    OpenMode mode = OpenMode::ReadWrite;
    int schemaVersion = 0;
    std::unique_ptr<SqlConnection> sql;
    QTimer *watchTimer = nullptr;
    qint64 knownRevision = -1; // the last revision reported (or seen at open)
    qint64 dataVersion = -1;   // PRAGMA data_version at the last poll
    bool writing = false;
};

QString PolicyStore::defaultPath()
{
    if (::geteuid() == 0)
        return u"/var/lib/ipsec-console/policy.db"_s;
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base)) // relative values are to be ignored
        base = QDir::homePath() + u"/.local/share"_s;
    return base + u"/ipsec-console/policy.db"_s;
}

QString PolicyStore::resolvePath(const QString &explicitPath)
{
    // Absolute, so that messages and netdiag name the file unambiguously.
    if (!explicitPath.isEmpty())
        return QFileInfo(explicitPath).absoluteFilePath();
    if (const QString fromEnvironment = qEnvironmentVariable("IPSEC_CONSOLE_STORE");
        !fromEnvironment.isEmpty())
        return QFileInfo(fromEnvironment).absoluteFilePath();
    return defaultPath();
}

PolicyStore::PolicyStore(std::unique_ptr<Private> dd)
    : d(std::move(dd))
{
}

PolicyStore::~PolicyStore() = default;

Result<std::unique_ptr<PolicyStore>> PolicyStore::open(const QString &path, OpenMode mode)
{
    if (path.isEmpty())
        return Error::usage(tr("No policy store file was given."));
    auto opened = StoreOpener::open(path, mode == OpenMode::ReadOnly);
    if (!opened)
        return opened.error();

    auto d = std::make_unique<Private>();
    d->path = path;
    d->mode = mode;
    d->schemaVersion = opened->schemaVersion;
    d->sql = std::move(opened->connection);
    // Baselines for the watcher: only later commits are news.
    auto revision = StoreReader(*d->sql).revision();
    if (!revision)
        return revision.error();
    d->knownRevision = revision.value();
    auto dataVersion = d->sql->scalar(u"PRAGMA data_version"_s);
    if (!dataVersion)
        return dataVersion.error();
    d->dataVersion = dataVersion.value().value_or(QVariant()).toLongLong();
    return std::unique_ptr<PolicyStore>(new PolicyStore(std::move(d)));
}

Result<std::shared_ptr<PolicyStore>> PolicyStore::shared(const QString &path, OpenMode mode)
{
    if (path.isEmpty())
        return Error::usage(tr("No policy store file was given."));
    // The file under any of its names: the canonical path of the file, or of its folder while
    // the file does not exist yet.
    const QFileInfo info(path);
    QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty()) {
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        canonical = folder.isEmpty() ? info.absoluteFilePath() : folder + u'/' + info.fileName();
    }
    // SQLite connections belong to the thread that opened them (Qt SQL's rule).
    const QString key =
        u"%1\n%2\n%3"_s.arg(canonical).arg(int(mode)).arg(quintptr(QThread::currentThread()));

    static QMutex mutex;
    static QHash<QString, std::weak_ptr<PolicyStore>> stores;
    const QMutexLocker lock(&mutex);
    for (auto it = stores.begin(); it != stores.end();)
        it = it.value().expired() ? stores.erase(it) : std::next(it);
    if (auto existing = stores.value(key).lock())
        return existing;
    auto opened = open(path, mode);
    if (!opened)
        return opened.error();
    std::shared_ptr<PolicyStore> store(std::move(opened.value()));
    stores.insert(key, store);
    return store;
}

QString PolicyStore::path() const
{
    return d->path;
}

bool PolicyStore::isReadOnly() const
{
    return d->mode == OpenMode::ReadOnly;
}

int PolicyStore::schemaVersion() const
{
    return d->schemaVersion;
}

Result<qint64> PolicyStore::revision() const
{
    return StoreReader(*d->sql).revision();
}

// Inside a transaction: the schema is still the one this connection was opened with (a newer
// program may have upgraded the file meanwhile; this one must then neither read nor write it).
Result<void> PolicyStore::Private::checkSchema()
{
    auto version = sql->scalar(u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    const int now = int(version.value().value_or(QVariant()).toLongLong());
    if (now == schemaVersion)
        return {};
    return Error::store(tr("The policy store %1 was changed to schema version %2 by another "
                           "version of this program while it was open; nothing was changed. "
                           "Open it again.")
                            .arg(path)
                            .arg(now));
}

Result<PolicyDatabase> PolicyStore::load() const
{
    return d->read(false);
}

Result<PolicyDatabase> PolicyStore::loadAssigned() const
{
    return d->read(true);
}

qint64 PolicyStore::filtersRead() const
{
    return d->sql->filtersRead();
}

Result<PolicyDatabase> PolicyStore::Private::read(bool assignedOnly)
{
    SqlConnection::Transaction t(*sql);
    if (auto ok = t.begin(SqlConnection::Transaction::Kind::Read); !ok)
        return ok.error();
    if (auto ok = checkSchema(); !ok)
        return ok.error();
    StoreReader reader(*sql);
    auto db = assignedOnly ? reader.assignedPolicy() : reader.everything();
    if (!db)
        return db.error();
    if (auto ok = t.commit(); !ok)
        return ok.error();
    return db;
}

Result<void> PolicyStore::write(const std::function<Result<void>(StoreWriter &)> &fn)
{
    if (d->mode == OpenMode::ReadOnly)
        return Error::store(
            tr("The policy store %1 is open read-only; nothing was changed.").arg(d->path));
    if (d->writing)
        return Error::store(tr("A change of the policy store %1 is already in progress; changes "
                               "cannot be nested.")
                                .arg(d->path));

    qint64 revision = 0;
    {
        d->writing = true;
        const auto done = qScopeGuard([this] { d->writing = false; });
        SqlConnection::Transaction t(*d->sql);
        if (auto ok = t.begin(SqlConnection::Transaction::Kind::Write); !ok)
            return ok;
        if (auto ok = d->checkSchema(); !ok)
            return ok;
        SqlStoreWriter writer(*d->sql);
        if (auto ok = fn(writer); !ok)
            return ok; // the transaction rolls back
        if (auto ok = d->sql->exec(u"UPDATE meta SET value = value + 1 WHERE key = 'revision'"_s);
            !ok)
            return ok.error();
        auto now = StoreReader(*d->sql).revision();
        if (!now)
            return now.error();
        revision = now.value();
        if (auto ok = t.commit(); !ok)
            return ok;
    }
    d->knownRevision = revision;
    Q_EMIT changed(revision);
    return {};
}

void PolicyStore::setWatchInterval(int intervalMs)
{
    if (intervalMs <= 0) {
        if (d->watchTimer)
            d->watchTimer->stop();
        return;
    }
    if (!d->watchTimer) {
        d->watchTimer = new QTimer(this);
        connect(d->watchTimer, &QTimer::timeout, this, &PolicyStore::pollRevision);
    }
    d->watchTimer->start(intervalMs);
}

void PolicyStore::pollRevision()
{
    if (d->writing)
        return;
    // PRAGMA data_version changes only when another connection committed; it costs no read of
    // the tables, so polling often is cheap.
    auto dataVersion = d->sql->scalar(u"PRAGMA data_version"_s);
    if (!dataVersion)
        return; // the next tick tries again; a broken store shows at the next load()
    const qint64 dv = dataVersion.value().value_or(QVariant()).toLongLong();
    if (dv == d->dataVersion)
        return;
    d->dataVersion = dv;
    auto revision = StoreReader(*d->sql).revision();
    if (!revision || revision.value() == d->knownRevision)
        return;
    d->knownRevision = revision.value();
    Q_EMIT changed(revision.value());
}

} // namespace ipsec
