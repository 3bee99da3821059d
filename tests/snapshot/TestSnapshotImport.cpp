// Snapshot export and import through the service (store only): the round trip is exact, a
// refused import changes no byte of the store, merges settle clashes by the chosen rule, and a
// diff of two exports lists exactly the changes made between them.

#include "SnapshotTestData.h"
#include "service/PolicyService.h"
#include "snapshot/SnapshotDiff.h"
#include "snapshot/SnapshotJson.h"
#include "snapshot/SnapshotReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;

class TestSnapshotImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void exportImportExportIsIdentical();
    void onePolicyExport();
    void refusedImportChangesNothing_data();
    void refusedImportChangesNothing();
    void mergeWithEachClashRule_data();
    void mergeWithEachClashRule();
    void dryRunChangesNothing();
    void diffReportsExactlyTheChangesMade();

private:
    std::unique_ptr<PolicyService> open(const QString &file);
    QByteArray storeBytes() const;
    QByteArray exportBytes(PolicyClient &client);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PolicyService> m_service;
};

std::unique_ptr<PolicyService> TestSnapshotImport::open(const QString &file)
{
    PolicyService::Options o;
    o.storePath = m_dir->filePath(file);
    o.enforcement = PolicyService::Enforcement::Off;
    auto s = PolicyService::open(o);
    if (!s)
        qFatal("%s", qPrintable(s.error().message));
    return std::move(s.value());
}

void TestSnapshotImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_dir->filePath(u"run"_s).toUtf8());
    m_service = open(u"policy.db"_s);
    ImportOptions replace;
    replace.mode = ImportOptions::Mode::Replace;
    auto r = m_service->importSnapshot(SnapshotJson::toBytes(test::richSnapshot()), replace);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
}

QByteArray TestSnapshotImport::storeBytes() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QDir dir(m_dir->path());
    // The database and its write-ahead log; the -shm index changes with every read.
    for (const QString &f :
         dir.entryList({u"policy.db"_s, u"policy.db-wal"_s}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(f));
        if (file.open(QIODevice::ReadOnly))
            hash.addData(QByteArray(f.toUtf8() + file.readAll()));
    }
    return hash.result();
}

QByteArray TestSnapshotImport::exportBytes(PolicyClient &client)
{
    auto doc = client.exportSnapshot();
    if (!doc)
        qFatal("%s", qPrintable(doc.error().message));
    return SnapshotJson::toBytes(*doc);
}

// The two header fields that describe the taking, not the policy.
static QByteArray withoutTakingFields(const QByteArray &bytes)
{
    QJsonObject o = QJsonDocument::fromJson(bytes).object();
    o.remove(u"created"_s);
    o.remove(u"host"_s);
    return SnapshotJson::toBytes(o);
}

void TestSnapshotImport::exportImportExportIsIdentical()
{
    const QByteArray first = exportBytes(*m_service);
    // What went in came out: only the dynamic filters stay behind (they need the kernel).
    auto read = SnapshotReader::read(first);
    QVERIFY(read);
    Snapshot expected = test::richSnapshot();
    expected.dynamicFilters.clear();
    expected.kernel.reset();
    const auto changes = SnapshotDiff::compare(expected, *read);
    QVERIFY2(changes.isEmpty(), qPrintable(SnapshotDiff::toText(changes)));
    QCOMPARE(read->database.policies.first().lastModified,
             expected.database.policies.first().lastModified);

    auto empty = open(u"other.db"_s);
    ImportOptions replace;
    replace.mode = ImportOptions::Mode::Replace;
    auto r = empty->importSnapshot(first, replace);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    const QByteArray second = exportBytes(*empty);
    QVERIFY(first != second); // created and host differ (other store path)...
    QCOMPARE(withoutTakingFields(second), withoutTakingFields(first)); // ...nothing else
}

void TestSnapshotImport::onePolicyExport()
{
    auto doc = m_service->exportSnapshot(u"Spare"_s);
    QVERIFY(doc);
    QCOMPARE((*doc)[u"scopePolicy"_s].toString(), u"Spare"_s);
    QCOMPARE((*doc)[u"policies"_s].toArray().size(), 1);
    QCOMPARE((*doc)[u"filterLists"_s].toArray().size(), 1);
    auto missing = m_service->exportSnapshot(u"No such"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestSnapshotImport::refusedImportChangesNothing_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("error");
    const QByteArray good = SnapshotJson::toBytes(test::richSnapshot());
    QByteArray dangling = good;
    QJsonObject o = QJsonDocument::fromJson(good).object();
    QJsonArray policies = o[u"policies"_s].toArray();
    QJsonObject p = policies[0].toObject();
    QJsonArray rules = p[u"rules"_s].toArray();
    QJsonObject r = rules[0].toObject();
    r[u"filterAction"_s] = QJsonObject{{u"guid"_s, u"{00000000-0000-0000-0000-00000000abcd}"_s},
                                       {u"name"_s, u"Gone"_s}};
    rules[0] = r;
    p[u"rules"_s] = rules;
    policies[0] = p;
    o[u"policies"_s] = policies;
    const int replace = int(ImportOptions::Mode::Replace);
    const int merge = int(ImportOptions::Mode::Merge);
    QTest::newRow("invalid utf-8")
        << QByteArray("{\"format\":\"\xfe\"}") << replace << u"not valid UTF-8"_s;
    QTest::newRow("truncated") << good.left(300) << replace << u"not valid JSON"_s;
    QTest::newRow("dangling") << QJsonDocument(o).toJson() << replace
                              << u"which the document does not hold"_s;
    QTest::newRow("wrong type") << QByteArray(good).replace("\"pollingIntervalMinutes\": 45",
                                                            "\"pollingIntervalMinutes\": \"45\"")
                                << merge << u"expected a whole number, found a string"_s;
    // Another store's objects with the same names but other guids: clashes under "fail".
    Snapshot other = test::richSnapshot();
    for (FilterAction &a : other.database.filterActions)
        a.guid = QUuid::createUuid();
    QTest::newRow("clash under fail")
        << SnapshotJson::toBytes(other) << merge << u"nothing was imported"_s;
}

void TestSnapshotImport::refusedImportChangesNothing()
{
    QFETCH(QByteArray, document);
    QFETCH(int, mode);
    QFETCH(QString, error);
    const QByteArray before = storeBytes();
    const qint64 revision = m_service->load()->revision;
    ImportOptions o;
    o.mode = ImportOptions::Mode(mode);
    auto r = m_service->importSnapshot(document, o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(error), qPrintable(r.error().message));
    QCOMPARE(storeBytes(), before);
    QCOMPARE(m_service->load()->revision, revision);
}

void TestSnapshotImport::mergeWithEachClashRule_data()
{
    QTest::addColumn<int>("rule");
    QTest::addColumn<int>("actions");
    QTest::addColumn<QString>("message");
    QTest::newRow("rename") << int(ImportOptions::OnClash::Rename) << 4
                            << u"imported as \"Block (2)\""_s;
    QTest::newRow("skip") << int(ImportOptions::OnClash::Skip) << 2 << u"kept the existing one"_s;
    QTest::newRow("overwrite") << int(ImportOptions::OnClash::Overwrite) << 2
                               << u"replaced by the imported one"_s;
}

void TestSnapshotImport::mergeWithEachClashRule()
{
    QFETCH(int, rule);
    QFETCH(int, actions);
    QFETCH(QString, message);
    Snapshot other = test::richSnapshot();
    for (FilterAction &a : other.database.filterActions) {
        a.guid = QUuid::createUuid();
        a.description = u"from the other store"_s;
    }
    ImportOptions o;
    o.mode = ImportOptions::Mode::Merge;
    o.onClash = ImportOptions::OnClash(rule);
    auto r = m_service->importSnapshot(SnapshotJson::toBytes(other), o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    const QString text = r->messages.join(u'\n');
    QVERIFY2(text.contains(u"Name clash: Filter action \"Block\" exists with another guid"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"Name clash: Filter action \"Secure\" exists with another guid"_s),
             qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));
    const PolicyDatabase db = m_service->load().value();
    QCOMPARE(db.filterActions.size(), actions);
    const QString blockDescription = db.filterActionByName(u"Block"_s)->description;
    QCOMPARE(blockDescription, ImportOptions::OnClash(rule) == ImportOptions::OnClash::Overwrite
                                   ? u"from the other store"_s
                                   : QString());
    // Every rule still points at an existing list and action.
    for (const Rule &rl : db.rules)
        QVERIFY(rl.defaultResponse
                || (db.filterList(rl.filterListId) && db.filterAction(rl.filterActionId)));
    QVERIFY(db.assignedPolicy());
}

void TestSnapshotImport::dryRunChangesNothing()
{
    const QByteArray before = storeBytes();
    Snapshot other = test::richSnapshot();
    other.database.policies[1].description = u"changed by the import"_s;
    ImportOptions o;
    o.mode = ImportOptions::Mode::Replace;
    o.dryRun = true;
    auto r = m_service->importSnapshot(SnapshotJson::toBytes(other), o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    const QString text = r->messages.join(u'\n');
    QVERIFY2(text.contains(u"~ policy \"Spare\""_s), qPrintable(text));
    QVERIFY(text.contains(u"description: \"\" -> \"changed by the import\""_s));
    QVERIFY(r->notices.join(u' ').contains(u"Dry run"_s));
    QCOMPARE(storeBytes(), before);
}

void TestSnapshotImport::diffReportsExactlyTheChangesMade()
{
    auto first = SnapshotReader::read(exportBytes(*m_service));
    QVERIFY(first);
    PolicyDatabase db = m_service->load().value();

    // 1. a new policy
    Policy added;
    added.name = u"Quarantine"_s;
    QVERIFY(m_service->createPolicy(added));
    // 2. a changed filter action
    FilterAction block = *db.filterActionByName(u"Block"_s);
    block.description = u"Drops everything"_s;
    QVERIFY(m_service->updateFilterAction(block));
    // 3. a deleted rule
    const Policy *web = db.policyByName(u"Web server"_s);
    const Rule *ruleToDelete = nullptr;
    for (const Rule *r : db.rulesOf(web->id))
        if (r->name == u"Block web"_s)
            ruleToDelete = r;
    QVERIFY(ruleToDelete);
    QVERIFY(m_service->deleteRule(ruleToDelete->id));
    // 4. the assignment moves
    QVERIFY(m_service->assignPolicy(u"Spare"_s));

    auto second = SnapshotReader::read(exportBytes(*m_service));
    QVERIFY(second);
    const auto changes = SnapshotDiff::compare(*first, *second);
    const QString text = SnapshotDiff::toText(changes);
    QCOMPARE(changes.size(), 4);
    using K = SnapshotChange::Kind;
    using O = SnapshotChange::Object;
    QCOMPARE(changes.at(0).kind, K::Changed);
    QCOMPARE(changes.at(0).object, O::FilterAction);
    QCOMPARE(changes.at(0).fields,
             (QList<FieldChange>{{u"description"_s, QString(), u"Drops everything"_s}}));
    QCOMPARE(changes.at(1).kind, K::Removed);
    QCOMPARE(changes.at(1).object, O::Rule);
    QCOMPARE(changes.at(1).name, u"Web server / Block web"_s);
    QCOMPARE(changes.at(2).kind, K::Added);
    QCOMPARE(changes.at(2).object, O::Policy);
    QCOMPARE(changes.at(2).name, u"Quarantine"_s);
    QCOMPARE(changes.at(3).object, O::Assignment);
    QCOMPARE(changes.at(3).fields.first().before, u"Web server"_s);
    QCOMPARE(changes.at(3).fields.first().after, u"Spare"_s);
    // (plural forms come with the translations)
    QVERIFY2(text.contains(u"\n4 difference"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestSnapshotImport)
#include "TestSnapshotImport.moc"
