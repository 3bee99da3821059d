// Opening files safely: migrations, newer schemas, damaged and foreign files, read-only use.
// Whatever is refused must be left byte for byte as it was.

#include "StoreTestSupport.h"

#include "store/PolicyStore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace storetest;

namespace {

// The version 1 schema exactly as released, to build old files by hand.
const QStringList version1Ddl = {
    u"PRAGMA application_id = 1230000963"_s,
    u"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID"_s,
    u"INSERT INTO meta (key, value) VALUES ('revision', 0)"_s,
    u"CREATE TABLE policies (id INTEGER PRIMARY KEY, guid BLOB NOT NULL UNIQUE CHECK (length(guid)"
    u" = 16), name TEXT NOT NULL COLLATE NOCASE, name_key TEXT NOT NULL UNIQUE, description TEXT"
    u" NOT NULL DEFAULT '', polling_minutes INTEGER NOT NULL, assigned INTEGER NOT NULL DEFAULT 0"
    u" CHECK (assigned IN (0, 1)), last_modified INTEGER NOT NULL)"_s,
    u"CREATE UNIQUE INDEX policies_one_assigned ON policies (assigned) WHERE assigned = 1"_s,
    u"CREATE TABLE filter_lists (id INTEGER PRIMARY KEY, guid BLOB NOT NULL UNIQUE CHECK"
    u" (length(guid) = 16), name TEXT NOT NULL COLLATE NOCASE, name_key TEXT NOT NULL UNIQUE,"
    u" description TEXT NOT NULL DEFAULT '')"_s,
    u"CREATE TABLE filters (id INTEGER PRIMARY KEY, filter_list_id INTEGER NOT NULL REFERENCES"
    u" filter_lists (id) ON DELETE CASCADE, guid_high INTEGER NOT NULL, guid_low INTEGER NOT NULL,"
    u" source INTEGER NOT NULL, source_ext BLOB, destination INTEGER NOT NULL, destination_ext"
    u" BLOB, traffic INTEGER NOT NULL CHECK (traffic BETWEEN 0 AND 2199023255551), description"
    u" TEXT)"_s,
    u"CREATE INDEX filters_by_list ON filters (filter_list_id)"_s,
    u"CREATE TABLE filter_actions (id INTEGER PRIMARY KEY, guid BLOB NOT NULL UNIQUE CHECK"
    u" (length(guid) = 16), name TEXT NOT NULL COLLATE NOCASE, name_key TEXT NOT NULL UNIQUE,"
    u" description TEXT NOT NULL DEFAULT '', type INTEGER NOT NULL CHECK (type IN (0, 1, 2)),"
    u" inbound_pass_through INTEGER NOT NULL CHECK (inbound_pass_through IN (0, 1)),"
    u" allow_unsecured INTEGER NOT NULL CHECK (allow_unsecured IN (0, 1)), session_key_pfs"
    u" INTEGER NOT NULL CHECK (session_key_pfs IN (0, 1)))"_s,
    u"CREATE TABLE security_methods (filter_action_id INTEGER NOT NULL REFERENCES filter_actions"
    u" (id) ON DELETE CASCADE, position INTEGER NOT NULL, ah INTEGER NOT NULL CHECK (ah IN (0,"
    u" 1)), ah_hash INTEGER NOT NULL CHECK (ah_hash IN (0, 1, 2)), esp INTEGER NOT NULL CHECK (esp"
    u" IN (0, 1)), esp_cipher INTEGER NOT NULL CHECK (esp_cipher IN (0, 1, 2)), esp_hash INTEGER"
    u" NOT NULL CHECK (esp_hash IN (0, 1, 2)), lifetime_kbytes INTEGER NOT NULL CHECK"
    u" (lifetime_kbytes BETWEEN 0 AND 4294967295), lifetime_seconds INTEGER NOT NULL CHECK"
    u" (lifetime_seconds BETWEEN 0 AND 4294967295), pfs INTEGER NOT NULL CHECK (pfs IN (0, 1)),"
    u" PRIMARY KEY (filter_action_id, position)) WITHOUT ROWID"_s,
    u"CREATE TABLE rules (id INTEGER PRIMARY KEY, guid BLOB NOT NULL UNIQUE CHECK (length(guid) ="
    u" 16), policy_id INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE, name TEXT NOT"
    u" NULL COLLATE NOCASE, name_key TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
    u" filter_list_id INTEGER REFERENCES filter_lists (id) ON DELETE RESTRICT, filter_action_id"
    u" INTEGER REFERENCES filter_actions (id) ON DELETE RESTRICT, active INTEGER NOT NULL CHECK"
    u" (active IN (0, 1)), default_response INTEGER NOT NULL CHECK (default_response IN (0, 1)),"
    u" tunnel_endpoint TEXT NOT NULL DEFAULT '', connection_type INTEGER NOT NULL CHECK"
    u" (connection_type IN (0, 1, 2)), UNIQUE (policy_id, name_key))"_s,
    u"CREATE TABLE rule_auth_methods (rule_id INTEGER NOT NULL REFERENCES rules (id) ON DELETE"
    u" CASCADE, position INTEGER NOT NULL, kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)), data"
    u" TEXT NOT NULL DEFAULT '', PRIMARY KEY (rule_id, position)) WITHOUT ROWID"_s,
    u"PRAGMA user_version = 1"_s,
};

// Encodings of version 1: addresses (kind << 48 | family << 40 | prefix << 32 | IPv4) and
// traffic (protocol | source port << 8 | destination port << 24 | mirrored << 40).
constexpr qint64 packedMe = qint64(1) << 48;
constexpr qint64 packedHost10001 =
    qint64(2) << 48 | qint64(4) << 40 | qint64(32) << 32 | qint64(0x0a000001);
constexpr qint64 udpTo1434Mirrored = 17 | qint64(1434) << 24 | qint64(1) << 40;

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (char &c : b)
        c = char(rng.bounded(256));
    return b;
}

int headerUserVersion(const QString &path)
{
    const QByteArray b = fileBytes(path);
    if (b.size() < 64)
        return -1;
    return int(quint8(b[60])) << 24 | int(quint8(b[61])) << 16 | int(quint8(b[62])) << 8
           | int(quint8(b[63]));
}

} // namespace

class TestStoreSafety : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_realStore; // a closed store with a few hundred filters

    // Opening `path` fails with a Store error naming it, in both modes, and changes nothing in
    // its folder.
    void expectRefused(const QString &path, const QString &expectedWords,
                       QList<PolicyStore::OpenMode> modes = {PolicyStore::OpenMode::ReadWrite,
                                                             PolicyStore::OpenMode::ReadOnly})
    {
        const QString folder = QFileInfo(path).absolutePath();
        const QStringList before = folderState(folder);
        const QByteArray hash = fileHash(path);
        for (auto mode : modes) {
            auto store = PolicyStore::open(path, mode);
            QVERIFY2(!store, "a bad file was accepted");
            QCOMPARE(store.error().code, ErrorCode::Store);
            QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
            QVERIFY2(store.error().message.contains(expectedWords, Qt::CaseInsensitive),
                     qPrintable(store.error().message));
            QCOMPARE(fileHash(path), hash);
            QCOMPARE(folderState(folder), before);
        }
    }

    QString freshFolder(const QString &name)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        return folder;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"real/policy.db"_s);
        {
            auto store = PolicyStore::open(path);
            QVERIFY(store);
            auto ok = store.value()->write([](StoreWriter &w) -> Result<void> {
                for (int l = 0; l < 5; ++l) {
                    FilterList list;
                    list.name = u"List %1"_s.arg(l);
                    for (int i = 0; i < 100; ++i)
                        list.filters << filter(u"me"_s, u"10.%1.0.%2"_s.arg(l).arg(i),
                                               Protocol::tcp(), 0, quint16(1000 + i));
                    if (auto r = w.insertFilterList(list); !r)
                        return r;
                }
                return {};
            });
            QVERIFY(ok);
        }
        m_realStore = fileBytes(path);
        QVERIFY(m_realStore.size() > 4 * 4096);
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s)); // closed cleanly: checkpointed
    }

    void migratesVersion1()
    {
        const QString path = freshFolder(u"v1"_s) + u"/policy.db"_s;
        QStringList script = version1Ddl;
        script << u"UPDATE meta SET value = 7 WHERE key = 'revision'"_s
               << u"INSERT INTO policies VALUES (1, X'00112233445566778899AABBCCDDEEFF', 'Legacy',"
                  u" 'legacy', 'from v1', 90, 1, 1700000000123)"_s
               << u"INSERT INTO filter_lists VALUES (1, X'0102030405060708090A0B0C0D0E0F10',"
                  u" 'Old list', 'old list', 'kept')"_s
               << u"INSERT INTO filters VALUES (1, 1, 81985529216486895, -81985529216486896, %1,"
                  u" NULL, %2, NULL, %3, 'SQL Slammer')"_s.arg(packedMe)
                      .arg(packedHost10001)
                      .arg(udpTo1434Mirrored)
               << u"INSERT INTO filter_actions VALUES (1, X'1112131415161718191A1B1C1D1E1F20',"
                  u" 'Block', 'block', '', 1, 0, 0, 0)"_s
               << u"INSERT INTO rules VALUES (1, X'2122232425262728292A2B2C2D2E2F30', 1,"
                  u" 'Block UDP 1434', 'block udp 1434', '', 1, 1, 1, 0, '', 0)"_s
               << u"INSERT INTO rule_auth_methods VALUES (1, 0, 1, 'key')"_s;
        QCOMPARE(runSql(path, script), QString());
        QCOMPARE(headerUserVersion(path), 1);

        // Read-only use cannot upgrade, and says so.
        expectRefused(path, u"upgraded"_s, {PolicyStore::OpenMode::ReadOnly});

        auto store = PolicyStore::open(path);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(store.value()->schemaVersion(), PolicyStore::CurrentSchemaVersion);
        auto db = store.value()->load();
        QVERIFY(db);
        QCOMPARE(db->revision, 7);        // a migration is not a change of content
        QCOMPARE(db->policies.size(), 1); // no Windows defaults added to an existing store
        QCOMPARE(db->filterLists.size(), 1);
        QCOMPARE(db->filterActions.size(), 1);
        QCOMPARE(db->rules.size(), 1);

        const Policy &p = db->policies.first();
        QCOMPARE(p.name, u"Legacy"_s);
        QCOMPARE(p.description, u"from v1"_s);
        QCOMPARE(p.pollingIntervalMinutes, 90);
        QVERIFY(p.assigned);
        QCOMPARE(p.lastModified, QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC));
        QCOMPARE(p.guid, QUuid(u"{00112233-4455-6677-8899-aabbccddeeff}"_s));
        QVERIFY(p.mainModeMethods.isEmpty()); // the column added by version 3: the defaults
        QVERIFY(p.hasDefaultKeyExchange());   // the columns added by version 4: the defaults

        const FilterList &l = db->filterLists.first();
        QCOMPARE(l.name, u"Old list"_s);
        QVERIFY(!l.implicit); // the column added by version 2
        QCOMPARE(l.filters.size(), 1);
        const Filter &f = l.filters.first();
        QCOMPARE(f.source, Address::me());
        QCOMPARE(f.destination, Address::parse(u"10.0.0.1"_s).value());
        QCOMPARE(f.protocol, Protocol::udp());
        QCOMPARE(f.destinationPort, quint16(1434));
        QVERIFY(f.mirrored);
        QCOMPARE(f.description, u"SQL Slammer"_s);
        QCOMPARE(f.guid, QUuid(u"{01234567-89ab-cdef-fedc-ba9876543210}"_s));

        const Rule &r = db->rules.first();
        QCOMPARE(r.filterListId, l.id);
        QCOMPARE(r.filterActionId, db->filterActions.first().id);
        QCOMPARE(r.authMethods,
                 QList<AuthMethod>({AuthMethod{AuthMethod::Kind::PresharedKey, u"key"_s}}));

        // The version 2 additions work.
        FilterList l2 = l;
        l2.implicit = true;
        QVERIFY(store.value()->write([&](StoreWriter &w) { return w.updateFilterList(l2); }));
        QVERIFY(store.value()->load()->filterLists.first().implicit);
        QCOMPARE(sqlInteger(path, u"SELECT count(*) FROM sqlite_master WHERE name ="
                                  u" 'rules_by_filter_list'"_s),
                 1);
        // The version 3 addition works: a policy's main-mode (IKE) methods.
        Policy p3 = p;
        p3.mainModeMethods = MainModeMethod::parseList(u"3DES-SHA1-3 DES-MD5-1"_s).value();
        QVERIFY(store.value()->write([&](StoreWriter &w) { return w.updatePolicy(p3); }));
        QCOMPARE(store.value()->load()->policies.first().mainModeMethods, p3.mainModeMethods);
        QCOMPARE(sqlInteger(path, u"SELECT count(*) FROM policies WHERE mm_methods ="
                                  u" '3DES-SHA1-3 DES-MD5-1'"_s),
                 1);
        // The version 4 additions work: the key exchange settings.
        Policy p4 = store.value()->load()->policies.first();
        p4.mainModeLifetimeSeconds = 900;
        p4.quickModesPerMainMode = 1;
        p4.mainModePfs = true;
        QVERIFY(store.value()->write([&](StoreWriter &w) { return w.updatePolicy(p4); }));
        const Policy back = store.value()->load()->policies.first();
        QCOMPARE(back.mainModeLifetimeSeconds, 900);
        QCOMPARE(back.quickModesPerMainMode, 1);
        QVERIFY(back.mainModePfs);
        QCOMPARE(sqlInteger(path, u"SELECT count(*) FROM policies WHERE mm_lifetime_seconds ="
                                  u" 900 AND mm_qm_limit = 1 AND mm_pfs = 1"_s),
                 1);
        store.value().reset();
        QCOMPARE(headerUserVersion(path), PolicyStore::CurrentSchemaVersion);
    }

    // A version 3 file (main mode methods, no key exchange settings) upgrades to 4 and keeps
    // everything; its policies get Windows' key exchange defaults.
    void migratesVersion3()
    {
        const QString path = freshFolder(u"v3"_s) + u"/policy.db"_s;
        {
            auto store = PolicyStore::open(path);
            QVERIFY(store);
            Policy p = store.value()->load()->policies.first();
            p.mainModeMethods = MainModeMethod::parseList(u"DES-MD5-1"_s).value();
            QVERIFY(store.value()->write([&](StoreWriter &w) { return w.updatePolicy(p); }));
        }
        // Back to version 3 exactly: the columns version 4 added removed.
        QCOMPARE(runSql(path, {u"ALTER TABLE policies DROP COLUMN mm_lifetime_seconds"_s,
                               u"ALTER TABLE policies DROP COLUMN mm_qm_limit"_s,
                               u"ALTER TABLE policies DROP COLUMN mm_pfs"_s,
                               u"PRAGMA user_version = 3"_s}),
                 QString());
        QCOMPARE(headerUserVersion(path), 3);
        expectRefused(path, u"upgraded"_s, {PolicyStore::OpenMode::ReadOnly});

        auto store = PolicyStore::open(path);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(store.value()->schemaVersion(), PolicyStore::CurrentSchemaVersion);
        auto db = store.value()->load();
        QVERIFY(db);
        QCOMPARE(db->policies.size(), 3);
        QCOMPARE(MainModeMethod::listToString(db->policies.first().mainModeMethods),
                 u"DES-MD5-1"_s);
        for (const Policy &p : db->policies) {
            QCOMPARE(p.mainModeLifetimeSeconds, Policy::DefaultMainModeLifetimeSeconds);
            QCOMPARE(p.quickModesPerMainMode, 0);
            QVERIFY(!p.mainModePfs);
        }
        Policy p = db->policies.last();
        p.mainModeLifetimeSeconds = 120;
        QVERIFY(store.value()->write([&](StoreWriter &w) { return w.updatePolicy(p); }));
        QCOMPARE(store.value()->load()->policies.last().mainModeLifetimeSeconds, 120);
        // Bad settings are refused by the store itself and change nothing.
        p.mainModeLifetimeSeconds = 0;
        QVERIFY(!store.value()->write([&](StoreWriter &w) { return w.updatePolicy(p); }));
        p.mainModeLifetimeSeconds = 600;
        p.mainModePfs = true;
        p.quickModesPerMainMode = 0;
        QVERIFY(!store.value()->write([&](StoreWriter &w) { return w.updatePolicy(p); }));
        QCOMPARE(store.value()->load()->policies.last().mainModeLifetimeSeconds, 120);
        store.value().reset();
        QCOMPARE(headerUserVersion(path), PolicyStore::CurrentSchemaVersion);
    }

    void newerSchemaRefused()
    {
        const QString path = freshFolder(u"newer"_s) + u"/policy.db"_s;
        writeFile(path, m_realStore);
        QCOMPARE(runSql(path,
                        {u"PRAGMA user_version = %1"_s.arg(PolicyStore::CurrentSchemaVersion + 1)}),
                 QString());
        QCOMPARE(headerUserVersion(path), PolicyStore::CurrentSchemaVersion + 1);
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
        expectRefused(path, u"newer version"_s);
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
        QVERIFY(!QFileInfo::exists(path + u"-shm"_s));
    }

    void newerSchemaInWriteAheadLogRefused()
    {
        // Another program upgraded the file and its commit still sits in the -wal file: the
        // header looks current, SQLite sees the newer version.
        const QString path = freshFolder(u"newer-wal"_s) + u"/policy.db"_s;
        writeFile(path, m_realStore);
        const QString name = u"newer-wal-holder"_s;
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(
                q.exec(u"PRAGMA user_version = %1"_s.arg(PolicyStore::CurrentSchemaVersion + 1)));
            QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);
            QCOMPARE(headerUserVersion(path), PolicyStore::CurrentSchemaVersion);

            const QByteArray main = fileHash(path);
            const QByteArray wal = fileHash(path + u"-wal"_s);
            for (auto mode : {PolicyStore::OpenMode::ReadWrite, PolicyStore::OpenMode::ReadOnly}) {
                auto store = PolicyStore::open(path, mode);
                QVERIFY(!store);
                QVERIFY2(store.error().message.contains(u"newer version"_s),
                         qPrintable(store.error().message));
            }
            QCOMPARE(fileHash(path), main);
            QCOMPARE(fileHash(path + u"-wal"_s), wal);
            holder.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void badFilesRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("words");

        QTest::newRow("random bytes") << randomBytes(8192, 1) << u"not an SQLite database"_s;
        QTest::newRow("text") << QByteArray("policy = block everything\n") << u"too short"_s;
        QTest::newRow("text over 100 bytes") << QByteArray(300, 'x') << u"not an SQLite"_s;
        QTest::newRow("only the header") << m_realStore.left(100) << u"truncated"_s;
        QTest::newRow("first half")
            << m_realStore.left(m_realStore.size() / 2 / 4096 * 4096) << u"truncated"_s;
        QTest::newRow("a few bytes short")
            << m_realStore.left(m_realStore.size() - 10) << u"truncated"_s;
        QByteArray damaged = m_realStore;
        damaged.replace(4096, damaged.size() - 4096, randomBytes(damaged.size() - 4096, 2));
        QTest::newRow("damaged pages") << damaged << u"damaged"_s;
    }

    void badFilesRefused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, words);
        const QString path =
            freshFolder(u"bad-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag())))
            + u"/policy.db"_s;
        writeFile(path, content);
        expectRefused(path, words);
    }

    void foreignDatabasesRefused_data()
    {
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<QString>("words");
        QTest::newRow("plain") << QStringList{u"CREATE TABLE songs (title TEXT)"_s,
                                              u"INSERT INTO songs VALUES ('x')"_s}
                               << u"another program"_s;
        QTest::newRow("application id")
            << QStringList{u"PRAGMA application_id = 42"_s, u"CREATE TABLE t (a)"_s}
            << u"application id 0x0000002a"_s;
        QTest::newRow("ours without version")
            << QStringList{u"PRAGMA application_id = 1230000963"_s, u"CREATE TABLE t (a)"_s}
            << u"no schema version"_s;
        QTest::newRow("ours without tables")
            << QStringList{u"PRAGMA application_id = 1230000963"_s,
                           u"PRAGMA user_version = %1"_s.arg(PolicyStore::CurrentSchemaVersion),
                           u"CREATE TABLE t (a)"_s}
            << u"damaged or incomplete"_s;
    }

    void foreignDatabasesRefused()
    {
        QFETCH(QStringList, script);
        QFETCH(QString, words);
        const QString path =
            freshFolder(u"foreign-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag())))
            + u"/policy.db"_s;
        QCOMPARE(runSql(path, script), QString());
        expectRefused(path, words);
    }

    void emptyFilesAreInitialised()
    {
        const QString empty = freshFolder(u"empty"_s) + u"/policy.db"_s;
        writeFile(empty, {});
        auto readOnly = PolicyStore::open(empty, PolicyStore::OpenMode::ReadOnly);
        QVERIFY(!readOnly);
        QVERIFY(readOnly.error().message.contains(empty));
        QCOMPARE(QFileInfo(empty).size(), 0);

        auto store = PolicyStore::open(empty);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(store.value()->load()->policies.size(), 3);

        // An SQLite database without any table counts as empty too.
        const QString blank = freshFolder(u"blank"_s) + u"/policy.db"_s;
        QCOMPARE(runSql(blank, {u"CREATE TABLE t (a)"_s, u"DROP TABLE t"_s}), QString());
        QVERIFY(QFileInfo(blank).size() > 0);
        auto fromBlank = PolicyStore::open(blank);
        QVERIFY2(fromBlank, fromBlank ? "" : qPrintable(fromBlank.error().message));
        QCOMPARE(fromBlank.value()->load()->filterActions.size(), 3);
    }

    void storeOnlyInWriteAheadLog()
    {
        // A store whose commits all sit in the -wal file, as right after another process
        // created it: the file's own header says nothing, SQLite knows.
        const QString source = freshFolder(u"wal-only-source"_s) + u"/policy.db"_s;
        writeFile(source, m_realStore);
        const QString path = freshFolder(u"wal-only"_s) + u"/policy.db"_s;
        writeFile(path, {});
        const QString name = u"wal-only-holder"_s;
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QStringList script{u"PRAGMA journal_mode = WAL"_s, u"PRAGMA wal_autocheckpoint = 0"_s,
                               u"ATTACH DATABASE '%1' AS source"_s.arg(source), u"BEGIN"_s};
            for (const char *table :
                 {"meta", "policies", "filter_lists", "filters", "filter_actions",
                  "security_methods", "rules", "rule_auth_methods"})
                script << u"CREATE TABLE main.%1 AS SELECT * FROM source.%1"_s.arg(
                    QLatin1StringView(table));
            script << u"PRAGMA main.application_id = 1230000963"_s
                   << u"PRAGMA main.user_version = %1"_s.arg(PolicyStore::CurrentSchemaVersion)
                   << u"COMMIT"_s << u"DETACH DATABASE source"_s;
            for (const QString &statement : std::as_const(script))
                QVERIFY2(q.exec(statement), qPrintable(statement + q.lastError().text()));
            q.finish();
            QVERIFY(headerUserVersion(path) <= 0); // empty, or a header without our version
            QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);

            auto readOnly = PolicyStore::open(path, PolicyStore::OpenMode::ReadOnly);
            QVERIFY2(readOnly, readOnly ? "" : qPrintable(readOnly.error().message));
            QCOMPARE(readOnly.value()->load()->filterCount(), 502);
            auto readWrite = PolicyStore::open(path);
            QVERIFY2(readWrite, readWrite ? "" : qPrintable(readWrite.error().message));
            QCOMPARE(readWrite.value()->load()->filterCount(), 502);
            QCOMPARE(readWrite.value()->load()->policies.size(), 3); // not seeded twice
            holder.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void missingAndOddPaths()
    {
        // Characters that mean something in the URI of the immutable check connection.
        const QString odd = freshFolder(u"odd ?#% & name"_s) + u"/policy #1?.db"_s;
        for (int i = 0; i < 2; ++i) { // create, then validate and reopen
            auto store = PolicyStore::open(odd);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            QCOMPARE(store.value()->load()->policies.size(), 3);
        }
        QVERIFY(PolicyStore::open(odd, PolicyStore::OpenMode::ReadOnly));

        const QString missing = m_dir.filePath(u"nowhere/policy.db"_s);
        auto store = PolicyStore::open(missing, PolicyStore::OpenMode::ReadOnly);
        QVERIFY(!store);
        QCOMPARE(store.error().code, ErrorCode::Store);
        QVERIFY(store.error().message.contains(missing));
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"nowhere"_s)));

        const QString folder = freshFolder(u"a-folder"_s);
        auto onFolder = PolicyStore::open(folder);
        QVERIFY(!onFolder);
        QVERIFY(onFolder.error().message.contains(u"not a regular file"_s));
    }

    void readOnlyNeverWrites()
    {
        const QString path = freshFolder(u"read-only"_s) + u"/policy.db"_s;
        writeFile(path, m_realStore);
        const QByteArray hash = fileHash(path);
        {
            auto store = PolicyStore::open(path, PolicyStore::OpenMode::ReadOnly);
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            QVERIFY(store.value()->isReadOnly());
            auto db = store.value()->load();
            QVERIFY(db);
            QCOMPARE(db->filterCount(), 502);
            const qint64 revision = db->revision;
            auto refused = store.value()->write([](StoreWriter &w) {
                Policy p;
                p.name = u"Nope"_s;
                return w.insertPolicy(p);
            });
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::Store);
            QVERIFY(refused.error().message.contains(u"read-only"_s));
            QCOMPARE(store.value()->revision().value(), revision);
        }
        QCOMPARE(fileHash(path), hash);
        QVERIFY(QFileInfo(path + u"-wal"_s).size() == 0); // absent or empty
    }
};

QTEST_GUILESS_MAIN(TestStoreSafety)
#include "TestStoreSafety.moc"
