#include "store/StoreOpener.h"

#include "store/SqlConnection.h"
#include "store/SqlStoreWriter.h"
#include "store/StoreFileHeader.h"
#include "store/StoreSchema.h"
#include "store/StoreSeeder.h"
#include "util/Profile.h"
#include "util/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

Result<qint64> integer(SqlConnection &c, const QString &sql)
{
    auto v = c.scalar(sql);
    if (!v)
        return v.error();
    return v.value().value_or(QVariant(0)).toLongLong();
}

} // namespace

Result<StoreOpener::Opened> StoreOpener::open(const QString &path, bool readOnly)
{
    // One open at a time in this process: the header may be read with a plain descriptor only
    // while no connection to the file exists here, and none may appear meanwhile.
    static QMutex opening;
    const QMutexLocker lock(&opening);
    auto header = StoreFileHeader::inspect(path);
    profileMark("store: header inspected");
    if (!header)
        return header.error();
    const auto empty = [&path] {
        return Error::store(tr("The policy store %1 is empty; open it for writing once to create "
                               "the store.")
                                .arg(path));
    };

    switch (header->state) {
    case StoreFileHeader::State::Missing:
        if (readOnly)
            return Error::store(tr("The policy store %1 does not exist.").arg(path));
        if (auto ok = createFile(path); !ok)
            return ok.error();
        break;
    case StoreFileHeader::State::Empty:
    case StoreFileHeader::State::BlankDatabase:
        if (readOnly)
            return empty();
        break;
    case StoreFileHeader::State::Store:
    case StoreFileHeader::State::Unsettled:
    case StoreFileHeader::State::OpenInProcess: {
        // Without a write-ahead log the file alone is the store, and an immutable connection
        // judges it without creating -wal/-shm files next to a file it may refuse. With one,
        // its commits count, and a read-only connection reads them without changing them.
        auto checker =
            SqlConnection::open(path, header->walHoldsData ? SqlConnection::Access::ReadOnly
                                                           : SqlConnection::Access::Immutable);
        if (!checker)
            return checker.error();
        profileMark("store: checking connection opened");
        auto version = validate(*checker.value(), header->size, readOnly);
        profileMark("store: validated");
        if (!version)
            return version.error();
        checker.value().reset(); // closed before the connection for use opens
        if (version.value() == 0 && readOnly)
            return empty();
        if (readOnly) {
            auto reader = SqlConnection::open(path, SqlConnection::Access::ReadOnly);
            if (!reader)
                return reader.error();
            return Opened{std::move(reader).value(), version.value()};
        }
        break;
    }
    }

    auto writer = SqlConnection::open(path, SqlConnection::Access::ReadWrite);
    if (!writer)
        return writer.error();
    SqlConnection &c = *writer.value();
    profileMark("store: writing connection opened");
    if (auto ok = configure(c); !ok)
        return ok.error();
    profileMark("store: configured");
    if (auto ok = createOrMigrate(c); !ok)
        return ok.error();
    profileMark("store: schema checked");
    return Opened{std::move(writer).value(), StoreSchema::currentVersion()};
}

Result<void> StoreOpener::createFile(const QString &path)
{
    const QFileInfo info(path);
    // 0700 whatever the umask: only the owner may see which stores exist or add files beside
    // them (the -wal and -shm files).
    if (auto ok = SafeFile::makeDirectory(info.absolutePath(), 0700); !ok)
        return Error{ok.error().code, tr("Cannot create the folder %1 for the policy store: %2")
                                          .arg(info.absolutePath(), ok.error().message)};
    // The store holds preshared keys: readable by its owner only, from the first byte on
    // (SQLite gives its -wal and -shm files the same permissions).
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (QFileInfo::exists(path))
            return {}; // another process was quicker; the transaction sorts it out
        return Error::store(
            tr("Cannot create the policy store %1: %2").arg(path, file.errorString()));
    }
    return {};
}

Result<int> StoreOpener::validate(SqlConnection &c, qint64 fileSize, bool readOnly)
{
    const auto unreadable = [&c](const Error &e) {
        return Error::store(tr("The policy store %1 cannot be read; it was not changed. %2")
                                .arg(c.path(), e.message));
    };
    auto applicationId = integer(c, u"PRAGMA application_id"_s);
    if (!applicationId)
        return unreadable(applicationId.error());
    auto version = integer(c, u"PRAGMA user_version"_s);
    if (!version)
        return unreadable(version.error());
    if (applicationId.value() == 0 && version.value() == 0) {
        auto objects = integer(c, u"SELECT count(*) FROM sqlite_master"_s);
        if (!objects)
            return unreadable(objects.error());
        if (objects.value() == 0)
            return 0; // blank: may become a store
    }
    if (quint32(applicationId.value()) != StoreSchema::ApplicationId)
        return StoreFileHeader::foreignDatabase(c.path(), quint32(applicationId.value()));
    const int v = int(version.value());
    if (v > StoreSchema::currentVersion())
        return StoreFileHeader::newerSchema(c.path(), v);
    if (v < 1)
        return Error::store(tr("The policy store %1 is damaged: it has no schema version. It was "
                               "not changed.")
                                .arg(c.path()));
    if (v < StoreSchema::currentVersion() && readOnly)
        return Error::store(tr("The policy store %1 has the older schema version %2 and must be "
                               "upgraded to version %3 first; open it for writing once. It was "
                               "not changed.")
                                .arg(c.path())
                                .arg(v)
                                .arg(StoreSchema::currentVersion()));
    if (v == StoreSchema::currentVersion()) {
        if (auto ok = StoreSchema::checkTables(c); !ok)
            return ok.error();
    }
    profileMark("store: tables checked");
    // Never migrate a damaged file.
    if (fileSize <= QuickCheckMaxBytes || v < StoreSchema::currentVersion()) {
        if (auto ok = StoreSchema::checkIntegrity(c); !ok)
            return ok.error();
    }
    return v;
}

Result<void> StoreOpener::configure(SqlConnection &c)
{
    if (auto ok = c.execOnce(u"PRAGMA foreign_keys = ON"_s); !ok)
        return ok;
    // Readers and one writer work side by side, and a commit appends to the log instead of
    // rewriting pages. synchronous = NORMAL is WAL's documented pairing: every commit stays
    // atomic and survives a crash of the program; only an OS crash or power cut may take back
    // the last commits (the old state, never a mix). FULL would add an fsync to every commit:
    // 0.4 ms on an idle disk, 4-7 ms on a busy one, more than the whole budget of a small change.
    auto mode = c.scalar(u"PRAGMA journal_mode = WAL"_s);
    if (!mode)
        return mode.error();
    // Without shared memory (some network file systems) SQLite keeps its rollback journal:
    // slower and readers wait for writers, but just as safe.
    if (const QString m = mode.value().value_or(QVariant()).toString(); m != "wal"_L1)
        qWarning("Policy store %ls cannot use write-ahead logging; journal mode stays %ls.",
                 qUtf16Printable(c.path()), qUtf16Printable(m));
    return c.execOnce(u"PRAGMA synchronous = NORMAL"_s);
}

Result<void> StoreOpener::createOrMigrate(SqlConnection &c)
{
    auto seenId = integer(c, u"PRAGMA application_id"_s);
    if (!seenId)
        return seenId.error();
    auto seenVersion = integer(c, u"PRAGMA user_version"_s);
    if (!seenVersion)
        return seenVersion.error();
    if (quint32(seenId.value()) == StoreSchema::ApplicationId
        && seenVersion.value() == StoreSchema::currentVersion())
        return {};

    // Another process may be creating or migrating the same file: decide under the write lock.
    SqlConnection::Transaction t(c);
    if (auto ok = t.begin(SqlConnection::Transaction::Kind::Write); !ok)
        return ok;
    auto applicationId = integer(c, u"PRAGMA application_id"_s);
    if (!applicationId)
        return applicationId.error();
    auto version = integer(c, u"PRAGMA user_version"_s);
    if (!version)
        return version.error();
    auto objects = integer(c, u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects)
        return objects.error();
    const bool blank = applicationId.value() == 0 && version.value() == 0 && objects.value() == 0;
    const int v = int(version.value());
    if (!blank) {
        if (quint32(applicationId.value()) != StoreSchema::ApplicationId)
            return StoreFileHeader::foreignDatabase(c.path(), quint32(applicationId.value()));
        if (v > StoreSchema::currentVersion())
            return StoreFileHeader::newerSchema(c.path(), v);
        if (v == StoreSchema::currentVersion())
            return t.commit();
        if (v < 1)
            return Error::store(
                tr("The policy store %1 is damaged: it has no schema version.").arg(c.path()));
    }

    if (auto ok = StoreSchema::migrate(c, blank ? 0 : v); !ok)
        return ok;
    if (blank) {
        // A new store starts with the Windows example objects, in the creating transaction.
        SqlStoreWriter writer(c);
        if (auto ok = StoreSeeder::insertAll(writer, PolicyDatabase::windowsDefaults()); !ok)
            return Error::store(
                tr("Cannot create the policy store %1: %2").arg(c.path(), ok.error().message));
        if (auto ok = c.exec(u"UPDATE meta SET value = value + 1 WHERE key = 'revision'"_s); !ok)
            return ok.error();
    } else if (auto ok = StoreSchema::checkForeignKeys(c); !ok) {
        return ok;
    }
    if (auto ok = StoreSchema::checkTables(c); !ok)
        return ok;
    if (auto ok = t.commit(); !ok)
        return ok;
    // Copy the new pages into the file itself, so that its header tells what it is even while
    // this connection keeps the log open. Best effort: it is only a copy of committed data.
    (void)c.execOnce(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
    return {};
}

} // namespace ipsec
