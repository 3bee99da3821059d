// The snapshot format: the strict reader against hostile documents, the canonical writer, the
// diff, the merge planner and the script/report writers.

#include "SnapshotTestData.h"
#include "snapshot/HtmlReportWriter.h"
#include "snapshot/IpsecCmdScriptWriter.h"
#include "snapshot/NetshScriptWriter.h"
#include "snapshot/SnapshotDiff.h"
#include "snapshot/SnapshotJson.h"
#include "snapshot/SnapshotMerge.h"
#include "snapshot/SnapshotReader.h"
#include "syntax/IpsecCmd.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace ipsec;

using Mutation = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

QJsonObject richDocument()
{
    return SnapshotJson::toJson(test::richSnapshot());
}

// Changes one value deep inside a document: path like {"policies", 0, "rules", 1, "name"}.
void setAt(QJsonObject &doc, const QVariantList &path, const QJsonValue &value)
{
    std::function<QJsonValue(const QJsonValue &, qsizetype)> rec = [&](const QJsonValue &node,
                                                                       qsizetype i) -> QJsonValue {
        if (i == path.size())
            return value;
        const QVariant &step = path.at(i);
        if (step.typeId() == QMetaType::Int) {
            QJsonArray a = node.toArray();
            a[step.toInt()] = rec(a.at(step.toInt()), i + 1);
            return a;
        }
        QJsonObject o = node.toObject();
        const QJsonValue next = rec(o.value(step.toString()), i + 1);
        if (next.isUndefined())
            o.remove(step.toString());
        else
            o.insert(step.toString(), next);
        return o;
    };
    doc = rec(doc, 0).toObject();
}

QString changesText(const QList<SnapshotChange> &changes)
{
    return SnapshotDiff::toText(changes);
}

} // namespace

class TestSnapshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsCanonical();
    void everyFieldSurvives();
    void negotiationAndMainModeSurvive();
    void keyExchangeSurvives();
    void hostileDocuments_data();
    void hostileDocuments();
    void hostileBytes_data();
    void hostileBytes();
    void hugeDocumentRefusedBeforeParsing();
    void restrictedToOnePolicy();
    void diffListsExactlyTheChanges();
    void diffIsMeaningLevel();
    void diffOfEqualSnapshotsIsEmpty();
    void mergeClashRules_data();
    void mergeClashRules();
    void mergeSameGuidUpdates();
    void netshScript();
    void ipseccmdScriptParsesBack();
    void htmlReportEscapes();
    void htmlReportMissingFields();
};

void TestSnapshot::roundTripIsCanonical()
{
    const QByteArray first = SnapshotJson::toBytes(test::richSnapshot());
    auto read = SnapshotReader::read(first);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    const QByteArray second = SnapshotJson::toBytes(*read);
    QCOMPARE(second, first);
    // Key order is stable: the format comes out sorted, whatever order it was built in.
    QVERIFY(first.indexOf("\"assignedPolicy\"") < first.indexOf("\"created\""));
}

void TestSnapshot::everyFieldSurvives()
{
    const Snapshot original = test::richSnapshot();
    auto read = SnapshotReader::read(SnapshotJson::toBytes(original));
    QVERIFY(read);
    const PolicyDatabase &a = original.database;
    const PolicyDatabase &b = read->database;
    // The test data's ids are the document positions, so whole objects compare equal.
    QCOMPARE(b.filterLists, a.filterLists);
    QCOMPARE(b.filterActions, a.filterActions);
    QCOMPARE(b.policies, a.policies);
    QCOMPARE(b.rules, a.rules);
    QCOMPARE(read->dynamicFilters.size(), 1);
    QCOMPARE(read->dynamicFilters.first().filter, original.dynamicFilters.first().filter);
    QCOMPARE(read->dynamicFilters.first().label, original.dynamicFilters.first().label);
    QCOMPARE(read->kernel, original.kernel);
    QCOMPARE(read->host.netns, u"lab"_s);
    QCOMPARE(read->created, original.created);
}

void TestSnapshot::negotiationAndMainModeSurvive()
{
    // Issue 14: soft/inpass of a dynamic negotiate filter and a policy's main-mode methods.
    Snapshot original = test::richSnapshot();
    engine::DynamicFilter soft = original.dynamicFilters.first();
    soft.filter.guid = QUuid::createUuid();
    soft.filter.destinationPort = 5001;
    soft.action = FilterAction::Type::Negotiate;
    soft.negotiation.allowUnsecured = true;
    soft.negotiation.inboundPassThrough = true;
    soft.negotiation.ipsecProtocol = 51;
    original.dynamicFilters << soft;
    original.database.policies.first().mainModeMethods =
        MainModeMethod::parseList(u"3DES-SHA1-3 DES-MD5-1"_s).value();
    const QByteArray bytes = SnapshotJson::toBytes(original);
    auto read = SnapshotReader::read(bytes);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QCOMPARE(read->dynamicFilters.size(), 2);
    QCOMPARE(read->dynamicFilters.last().negotiation, soft.negotiation);
    QCOMPARE(read->database.policies.first().mainModeMethods,
             original.database.policies.first().mainModeMethods);
    QCOMPARE(SnapshotJson::toBytes(*read), bytes);
    // A document of before (no "negotiation"): Require Security, the safe reading.
    QJsonDocument doc = QJsonDocument::fromJson(bytes);
    QJsonObject root = doc.object();
    QJsonArray dynamic = root.value(u"dynamicFilters"_s).toArray();
    QJsonObject last = dynamic.last().toObject();
    last.remove(u"negotiation"_s);
    dynamic.replace(dynamic.size() - 1, last);
    root.insert(u"dynamicFilters"_s, dynamic);
    read = SnapshotReader::read(QJsonDocument(root).toJson());
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QCOMPARE(read->dynamicFilters.last().negotiation, engine::Negotiation{});
    // A bad value is named.
    last.insert(u"negotiation"_s,
                QJsonObject{{u"inpass"_s, true}, {u"soft"_s, u"yes"_s}, {u"protocol"_s, u"esp"_s}});
    dynamic.replace(dynamic.size() - 1, last);
    root.insert(u"dynamicFilters"_s, dynamic);
    read = SnapshotReader::read(QJsonDocument(root).toJson());
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(u"$.dynamicFilters[1].negotiation.soft"_s),
             qPrintable(read.error().message));
}

void TestSnapshot::keyExchangeSurvives()
{
    // Issue 14: a policy's main mode lifetime, quick modes per main mode and master key PFS
    // go through the snapshot, the diff and both script writers; defaults write nothing.
    Snapshot original = test::richSnapshot();
    const QByteArray plain = SnapshotJson::toBytes(original);
    QVERIFY(!plain.contains("keyExchange"));
    Policy &p = original.database.policies.first();
    p.mainModeLifetimeSeconds = 330;
    p.quickModesPerMainMode = 7;
    const QByteArray bytes = SnapshotJson::toBytes(original);
    auto read = SnapshotReader::read(bytes);
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QCOMPARE(read->database.policies.first().mainModeLifetimeSeconds, 330);
    QCOMPARE(read->database.policies.first().quickModesPerMainMode, 7);
    QVERIFY(!read->database.policies.first().mainModePfs);
    QCOMPARE(SnapshotJson::toBytes(*read), bytes);
    QVERIFY(!SnapshotDiff::compare(test::richSnapshot(), original).isEmpty());

    // netsh counts minutes: 330 s is written as 6 minutes, and the script says so.
    const QString netsh = NetshScriptWriter::write(original);
    QVERIFY2(netsh.contains(u"mmlifetime=6 qmpermm=7"_s), qPrintable(netsh));
    QVERIFY2(netsh.contains(u"main mode lifetime of 330 seconds is written as 6 minutes"_s),
             qPrintable(netsh));
    // ipseccmd counts seconds, exactly.
    const QString cmd = IpsecCmdScriptWriter::write(original);
    QVERIFY2(cmd.contains(u"-1k 7Q/330S"_s), qPrintable(cmd));
    p.mainModePfs = true;
    p.quickModesPerMainMode = 1;
    QVERIFY2(IpsecCmdScriptWriter::write(original).contains(u"-1k 330S -1p"_s),
             qPrintable(IpsecCmdScriptWriter::write(original)));
    QVERIFY(NetshScriptWriter::write(original).contains(u"mmlifetime=6 mmpfs=yes"_s));

    // Bad values are named; PFS with more than one quick mode is refused.
    QJsonObject root = QJsonDocument::fromJson(SnapshotJson::toBytes(original)).object();
    QJsonArray policies = root.value(u"policies"_s).toArray();
    QJsonObject first = policies.first().toObject();
    first.insert(u"keyExchange"_s, QJsonObject{{u"lifetimeSeconds"_s, 0},
                                               {u"quickModesPerMainMode"_s, 0},
                                               {u"masterKeyPfs"_s, false}});
    policies.replace(0, first);
    root.insert(u"policies"_s, policies);
    read = SnapshotReader::read(QJsonDocument(root).toJson());
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(u"$.policies[0].keyExchange.lifetimeSeconds"_s),
             qPrintable(read.error().message));
    first.insert(u"keyExchange"_s, QJsonObject{{u"lifetimeSeconds"_s, 600},
                                               {u"quickModesPerMainMode"_s, 3},
                                               {u"masterKeyPfs"_s, true}});
    policies.replace(0, first);
    root.insert(u"policies"_s, policies);
    read = SnapshotReader::read(QJsonDocument(root).toJson());
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(u"quick modes per main mode must be 1"_s),
             qPrintable(read.error().message));
}

void TestSnapshot::hostileDocuments_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("error");
    const auto set = [](QVariantList path, QJsonValue v) -> Mutation {
        return [=](QJsonObject &d) {
            setAt(d, path, v);
        };
    };
    const auto remove = [](QVariantList path) -> Mutation {
        return [=](QJsonObject &d) {
            setAt(d, path, QJsonValue(QJsonValue::Undefined));
        };
    };
    QTest::newRow("other format") << set({u"format"_s}, u"something-else"_s)
                                  << u"$.format: not an IPsec Policy Console snapshot"_s;
    QTest::newRow("no format") << remove({u"format"_s}) << u"found nothing"_s;
    QTest::newRow("newer version")
        << set({u"formatVersion"_s}, 3) << u"version 3 is not supported"_s;
    QTest::newRow("version 1") << set({u"formatVersion"_s}, 1) << u"version 1 is not supported"_s;
    QTest::newRow("version as text")
        << set({u"formatVersion"_s}, u"2"_s) << u"$.formatVersion: expected a whole number"_s;
    QTest::newRow("unknown key") << set({u"extra"_s}, 1) << u"unknown key \"extra\""_s;
    QTest::newRow("missing policies")
        << remove({u"policies"_s}) << u"the key \"policies\" is missing"_s;
    QTest::newRow("policies not array")
        << set({u"policies"_s}, QJsonObject{}) << u"$.policies: expected an array"_s;
    QTest::newRow("policy not object")
        << set({u"policies"_s, 0}, 5) << u"$.policies[0]: expected an object, found a number"_s;
    QTest::newRow("name wrong type") << set({u"policies"_s, 0, u"name"_s}, true)
                                     << u"$.policies[0].name: expected a string, found a boolean"_s;
    QTest::newRow("empty name") << set({u"policies"_s, 1, u"name"_s}, u""_s)
                                << u"$.policies[1]: The policy name is empty"_s;
    QTest::newRow("control char in name")
        << set({u"filterActions"_s, 0, u"name"_s}, u"Bl\u0007ock"_s) << u"control character"_s;
    QTest::newRow("polling out of range")
        << set({u"policies"_s, 0, u"pollingIntervalMinutes"_s}, 0)
        << u"$.policies[0].pollingIntervalMinutes: 0 is out of range (1-43200)"_s;
    QTest::newRow("polling fraction")
        << set({u"policies"_s, 0, u"pollingIntervalMinutes"_s}, 2.5) << u"not a whole number"_s;
    QTest::newRow("bad time") << set({u"policies"_s, 0, u"lastModified"_s}, u"yesterday"_s)
                              << u"$.policies[0].lastModified: \"yesterday\""_s;
    QTest::newRow("bad guid") << set({u"policies"_s, 0, u"guid"_s}, u"not-a-guid"_s)
                              << u"$.policies[0].guid: \"not-a-guid\" is not a guid"_s;
    QTest::newRow("duplicated policy guid") << Mutation([](QJsonObject &d) {
        setAt(d, {u"policies"_s, 1, u"guid"_s}, d[u"policies"_s][0][u"guid"_s].toString());
    }) << u"$.policies[1].guid: the guid"_s;
    QTest::newRow("duplicated filter guid") << Mutation([](QJsonObject &d) {
        setAt(d, {u"filterLists"_s, 0, u"filters"_s, 1, u"guid"_s},
              d[u"filterLists"_s][0][u"filters"_s][0][u"guid"_s].toString());
    }) << u"$.filterLists[0].filters[1].guid: the guid"_s;
    QTest::newRow("duplicated name (case)")
        << set({u"policies"_s, 1, u"name"_s}, u"WEB SERVER"_s)
        << u"$.policies[1].name: a second policy named \"WEB SERVER\""_s;
    QTest::newRow("duplicated rule name")
        << set({u"policies"_s, 0, u"rules"_s, 1, u"name"_s}, u"Block web"_s)
        << u"a second rule in this policy named"_s;
    QTest::newRow("dangling list")
        << set({u"policies"_s, 0, u"rules"_s, 0, u"filterList"_s, u"guid"_s},
               u"{00000000-0000-0000-0000-000000000001}"_s)
        << u"$.policies[0].rules[0].filterList: refers to filter list"_s;
    QTest::newRow("reference name mismatch")
        << set({u"policies"_s, 0, u"rules"_s, 0, u"filterAction"_s, u"name"_s}, u"Permit"_s)
        << u"is named \"Block\", not \"Permit\""_s;
    QTest::newRow("rule without action")
        << set({u"policies"_s, 0, u"rules"_s, 0, u"filterAction"_s}, QJsonValue())
        << u"needs a filter list and a filter action"_s;
    QTest::newRow("dangling assignment")
        << set({u"assignedPolicy"_s, u"guid"_s}, u"{00000000-0000-0000-0000-000000000002}"_s)
        << u"$.assignedPolicy: refers to policy"_s;
    QTest::newRow("bad address") << set({u"filterLists"_s, 0, u"filters"_s, 0, u"source"_s},
                                        u"10.0.0.300"_s)
                                 << u"$.filterLists[0].filters[0].source:"_s;
    QTest::newRow("port too big") << set(
        {u"filterLists"_s, 0, u"filters"_s, 0, u"destinationPort"_s}, 70000)
                                  << u"destinationPort: 70000 is out of range (0-65535)"_s;
    QTest::newRow("port without ports protocol")
        << set({u"filterLists"_s, 0, u"filters"_s, 2, u"sourcePort"_s}, 5)
        << u"ports need TCP or UDP"_s;
    QTest::newRow("bad protocol") << set({u"filterLists"_s, 0, u"filters"_s, 0, u"protocol"_s},
                                         u"SCTPX"_s)
                                  << u"filters[0].protocol"_s;
    QTest::newRow("bad action")
        << set({u"filterActions"_s, 0, u"action"_s}, u"drop"_s)
        << u"$.filterActions[0].action: \"drop\" is not one of permit, block, negotiate"_s;
    QTest::newRow("negotiate without methods")
        << set({u"filterActions"_s, 1, u"securityMethods"_s}, QJsonArray{})
        << u"offers no security method"_s;
    QTest::newRow("method lifetime too short")
        << set({u"filterActions"_s, 1, u"securityMethods"_s, 0, u"lifetimeSeconds"_s}, 10)
        << u"below the minimum of 300"_s;
    QTest::newRow("bad auth kind")
        << set({u"policies"_s, 0, u"rules"_s, 1, u"authMethods"_s, 0, u"kind"_s}, u"ntlm"_s)
        << u"authMethods[0].kind: \"ntlm\" is not one of"_s;
    QTest::newRow("too many methods")
        << set({u"filterActions"_s, 1, u"securityMethods"_s},
               QJsonArray::fromVariantList(QVariantList(17, QVariant())))
        << u"17 entries, more than the 16 allowed"_s;
    QTest::newRow("scope names missing policy")
        << set({u"scopePolicy"_s}, u"Nope"_s) << u"$.scopePolicy: the document holds no policy"_s;
    QTest::newRow("kernel entry not text")
        << set({u"kernel"_s, u"entries"_s, 0}, 1) << u"$.kernel.entries[0]: expected a string"_s;
    QTest::newRow("dynamic bad action") << set({u"dynamicFilters"_s, 0, u"action"_s}, u"maybe"_s)
                                        << u"$.dynamicFilters[0].action"_s;
    QTest::newRow("default rule with list") << Mutation([](QJsonObject &d) {
        setAt(d, {u"policies"_s, 0, u"rules"_s, 2, u"filterList"_s},
              d[u"policies"_s][0][u"rules"_s][0][u"filterList"_s]);
    }) << u"the default response rule has no filter list"_s;
}

void TestSnapshot::hostileDocuments()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, error);
    QJsonObject doc = richDocument();
    QVERIFY(SnapshotReader::fromJson(doc));
    mutate(doc);
    auto r = SnapshotReader::read(QJsonDocument(doc).toJson());
    QVERIFY2(!r, "the hostile document was accepted");
    QCOMPARE(r.error().code, ErrorCode::Usage);
    QVERIFY2(r.error().message.contains(error), qPrintable(r.error().message));
}

void TestSnapshot::hostileBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray good = SnapshotJson::toBytes(test::richSnapshot());
    QTest::newRow("empty") << QByteArray() << u"The snapshot is empty"_s;
    QTest::newRow("blank") << QByteArray(" \n\t ") << u"The snapshot is empty"_s;
    QTest::newRow("truncated") << good.left(good.size() / 2) << u"not valid JSON"_s;
    QTest::newRow("not json") << QByteArray("netsh ipsec static add policy name=x")
                              << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"not a JSON object"_s;
    QTest::newRow("invalid utf-8") << QByteArray("{\"format\": \"ipsec\xff\"}")
                                   << u"not valid UTF-8 (byte 0xff at offset 17)"_s;
    QTest::newRow("overlong utf-8")
        << QByteArray("{\"a\":\"\xc0\xaf\"}") << u"not valid UTF-8 (byte 0xc0 at offset 6)"_s;
    QTest::newRow("surrogate utf-8")
        << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << u"not valid UTF-8"_s;
    QTest::newRow("cut utf-8") << QByteArray("{\"a\":\"\xe2\x82") << u"not valid UTF-8"_s;
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << u"not valid JSON"_s;
    QTest::newRow("trailing garbage") << good + "}" << u"not valid JSON"_s;
    QTest::newRow("unpaired surrogate escape")
        << QByteArray(good).replace("\"Blocks & secures\"", "\"x\\ud800y\"")
        << u"$.policies[0].description: the text contains an unpaired surrogate"_s;
    QTest::newRow("year out of range")
        << QByteArray(good).replace("2024-04-30T08:15:30.123Z", "0000-04-30T08:15:30.123Z")
        << u"$.policies[0].lastModified"_s;
}

void TestSnapshot::hostileBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    auto r = SnapshotReader::read(bytes);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(error), qPrintable(r.error().message));
}

void TestSnapshot::hugeDocumentRefusedBeforeParsing()
{
    QByteArray huge(SnapshotReader::MaxDocumentBytes + 1, ' ');
    auto r = SnapshotReader::read(huge);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(u"more than the 64 MiB allowed"_s),
             qPrintable(r.error().message));
}

void TestSnapshot::restrictedToOnePolicy()
{
    auto one = test::richSnapshot().restrictedTo(u"spare"_s);
    QVERIFY(one);
    QCOMPARE(one->scopePolicy, u"Spare"_s);
    QCOMPARE(one->database.policies.size(), 1);
    QCOMPARE(one->database.rules.size(), 1);
    QCOMPARE(one->database.filterLists.size(), 1);
    QCOMPARE(one->database.filterLists.first().name, u"Empty list"_s);
    QCOMPARE(one->database.filterActions.size(), 1);
    auto read = SnapshotReader::read(SnapshotJson::toBytes(*one));
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
    QVERIFY(!test::richSnapshot().restrictedTo(u"nope"_s));
}

void TestSnapshot::diffListsExactlyTheChanges()
{
    const Snapshot before = test::richSnapshot();
    Snapshot after = before;
    PolicyDatabase &db = after.database;
    db.policies[0].description = u"changed"_s;         // policy field
    db.rules[1].active = true;                         // rule field
    db.filterLists[0].filters[1].destinationPort = 54; // filter field
    db.filterLists[0].filters.removeAt(3);             // filter removed
    db.filterActions.removeAt(1);                      // action removed...
    db.rules.removeAt(1);                              // ...with the rule using it
    Policy added;
    added.id = 3;
    added.guid = QUuid::createUuid();
    added.name = u"New one"_s;
    db.policies << added;            // policy added
    db.policies[0].assigned = false; // assignment changed
    db.policies[1].assigned = true;
    after.dynamicFilters.clear(); // dynamic filter removed
    // Follows from the policy's differences: not a difference of its own.
    after.kernel->entries << u"ip xfrm policy add dir out action block priority 1001"_s;

    const auto changes = SnapshotDiff::compare(before, after);
    const QString text = changesText(changes);
    QCOMPARE(changes.size(), 8);
    const auto has = [&](SnapshotChange::Kind k, SnapshotChange::Object o, const QString &name) {
        return std::any_of(changes.cbegin(), changes.cend(), [&](const SnapshotChange &c) {
            return c.kind == k && c.object == o && c.name.contains(name);
        });
    };
    using K = SnapshotChange::Kind;
    using O = SnapshotChange::Object;
    QVERIFY2(has(K::Changed, O::Policy, u"Web server"_s), qPrintable(text));
    QVERIFY2(has(K::Removed, O::Rule, u"Web server / Secure tunnel"_s), qPrintable(text));
    QVERIFY2(has(K::Changed, O::Filter, u"192.168.1.5:54"_s), qPrintable(text));
    QVERIFY2(has(K::Removed, O::Filter, u"www.example.org"_s), qPrintable(text));
    QVERIFY2(has(K::Removed, O::FilterAction, u"Secure"_s), qPrintable(text));
    QVERIFY2(has(K::Added, O::Policy, u"New one"_s), qPrintable(text));
    QVERIFY2(has(K::Changed, O::Assignment, u"assigned"_s), qPrintable(text));
    QVERIFY2(has(K::Removed, O::DynamicFilter, u"1434"_s), qPrintable(text));
    QVERIFY2(!has(K::Added, O::KernelEntry, u"dir out"_s), qPrintable(text));
    QVERIFY2(text.contains(u"description: \"Blocks & secures\" -> \"changed\""_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"assignedPolicy: \"Web server\" -> \"Spare\""_s), qPrintable(text));
    QVERIFY2(text.contains(u"destinationPort: \"53\" -> \"54\""_s), qPrintable(text));
    // The policy's change lists exactly the one field that changed.
    for (const SnapshotChange &c : changes)
        if (c.object == O::Policy && c.kind == K::Changed)
            QCOMPARE(c.fields.size(), 1);
    const QJsonArray json = SnapshotDiff::toJson(changes);
    QCOMPARE(json.size(), 8);
    QCOMPARE(json.at(0)[u"kind"_s].toString().isEmpty(), false);
}

// A deleted rule is one difference, although the kernel renumbered every entry after it; with
// the same policy, an entry the kernel lost is drift and is listed (priorities aside).
void TestSnapshot::diffIsMeaningLevel()
{
    Snapshot before = test::richSnapshot();
    before.kernel->entries = {u"src 0.0.0.0/0 dst 10.0.0.1/32 dir in priority 1001 action block"_s,
                              u"src 0.0.0.0/0 dst 10.0.0.2/32 dir in priority 1002 action block"_s,
                              u"src 0.0.0.0/0 dst 10.0.0.3/32 dir in priority 1003 action block"_s};
    Snapshot after = before;
    after.database.rules.removeAt(1);
    after.kernel->entries = {u"src 0.0.0.0/0 dst 10.0.0.2/32 dir in priority 1001 action block"_s,
                             u"src 0.0.0.0/0 dst 10.0.0.3/32 dir in priority 1002 action block"_s};
    const auto changes = SnapshotDiff::compare(before, after);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().object, SnapshotChange::Object::Rule);
    QCOMPARE(changes.first().kind, SnapshotChange::Kind::Removed);

    Snapshot renumbered = before;
    renumbered.kernel->entries = {
        u"src 0.0.0.0/0 dst 10.0.0.1/32 dir in priority 2001 action block"_s,
        u"src 0.0.0.0/0 dst 10.0.0.2/32 dir in priority 2002 action block"_s,
        u"src 0.0.0.0/0 dst 10.0.0.3/32 dir in priority 2003 action block"_s};
    QVERIFY(SnapshotDiff::compare(before, renumbered).isEmpty());
    Snapshot drift = before;
    drift.kernel->entries.removeFirst();
    const auto lost = SnapshotDiff::compare(before, drift);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().object, SnapshotChange::Object::KernelEntry);
}

void TestSnapshot::diffOfEqualSnapshotsIsEmpty()
{
    Snapshot a = test::richSnapshot();
    Snapshot b = a;
    b.created = u"2030-01-01T00:00:00Z"_s;
    b.host.name = u"elsewhere"_s;
    b.database.policies[0].lastModified = QDateTime::currentDateTimeUtc();
    QVERIFY(SnapshotDiff::compare(a, b).isEmpty());
    QCOMPARE(SnapshotDiff::toText({}), u"No differences.\n"_s);
    // Matched by name when the guid differs: the guid shows as the changed field.
    b.database.filterActions[0].guid = QUuid::createUuid();
    const auto changes = SnapshotDiff::compare(a, b);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().fields.first().field, u"guid"_s);
}

void TestSnapshot::mergeClashRules_data()
{
    QTest::addColumn<int>("rule");
    QTest::newRow("fail") << int(ImportOptions::OnClash::Fail);
    QTest::newRow("rename") << int(ImportOptions::OnClash::Rename);
    QTest::newRow("skip") << int(ImportOptions::OnClash::Skip);
    QTest::newRow("overwrite") << int(ImportOptions::OnClash::Overwrite);
}

void TestSnapshot::mergeClashRules()
{
    QFETCH(int, rule);
    const Snapshot incoming = test::richSnapshot();
    // The live store has objects with the incoming names but other guids.
    PolicyDatabase live;
    FilterAction block = incoming.database.filterActions.at(0);
    block.id = 10;
    block.guid = QUuid::createUuid();
    block.description = u"the live one"_s;
    live.filterActions << block;
    Policy web = incoming.database.policies.at(0);
    web.id = 20;
    web.guid = QUuid::createUuid();
    web.assigned = false;
    live.policies << web;

    ImportOptions o;
    o.mode = ImportOptions::Mode::Merge;
    o.onClash = ImportOptions::OnClash(rule);
    auto plan = SnapshotMerge::plan(live, {}, incoming, o);
    switch (o.onClash) {
    case ImportOptions::OnClash::Fail:
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, ErrorCode::Conflict);
        QVERIFY2(
            plan.error().message.contains(u"Filter action \"Block\" exists with another guid"_s),
            qPrintable(plan.error().message));
        QVERIFY(plan.error().message.contains(u"Policy \"Web server\""_s));
        QVERIFY(plan.error().message.contains(u"2 name clash"_s));
        return;
    case ImportOptions::OnClash::Rename: {
        QVERIFY(plan);
        const PolicyDatabase &db = plan->database;
        QCOMPARE(db.filterActions.size(), 3);
        QVERIFY(db.filterActionByName(u"Block (2)"_s));
        QCOMPARE(db.filterActionByName(u"Block"_s)->description, u"the live one"_s);
        QVERIFY(db.policyByName(u"Web server (2)"_s));
        const Policy *renamed = db.policyByName(u"Web server (2)"_s);
        QCOMPARE(db.rulesOf(renamed->id).size(), 3);
        QCOMPARE(db.filterAction(db.rulesOf(renamed->id).first()->filterActionId)->name,
                 u"Block (2)"_s);
        QCOMPARE(plan->clashes.size(), 2);
        QVERIFY(plan->clashes.join(u' ').contains(u"imported as \"Block (2)\""_s));
        break;
    }
    case ImportOptions::OnClash::Skip: {
        QVERIFY(plan);
        const PolicyDatabase &db = plan->database;
        QCOMPARE(db.filterActions.size(), 2);
        QCOMPARE(db.filterActionByName(u"Block"_s)->description, u"the live one"_s);
        QCOMPARE(db.policies.size(), 2); // Web server kept, Spare added
        QCOMPARE(db.rulesOf(20).size(), 0);
        const Policy *spare = db.policyByName(u"Spare"_s);
        // Spare's rule uses the live "Block" now.
        QCOMPARE(db.rulesOf(spare->id).first()->filterActionId, 10);
        break;
    }
    case ImportOptions::OnClash::Overwrite: {
        QVERIFY(plan);
        const PolicyDatabase &db = plan->database;
        QCOMPARE(db.filterActions.size(), 2);
        QCOMPARE(db.filterActionByName(u"Block"_s)->guid, incoming.database.filterActions[0].guid);
        QCOMPARE(db.policyByName(u"Web server"_s)->guid, incoming.database.policies[0].guid);
        QVERIFY(!db.policy(20));
        break;
    }
    }
    // Whatever the rule, the plan is a consistent database the reader accepts.
    Snapshot s;
    s.created = u"2024-01-01T00:00:00Z"_s;
    s.database = plan->database;
    auto read = SnapshotReader::read(SnapshotJson::toBytes(s));
    QVERIFY2(read, read ? "" : qPrintable(read.error().message));
}

void TestSnapshot::mergeSameGuidUpdates()
{
    const Snapshot incoming = test::richSnapshot();
    PolicyDatabase live = incoming.database;
    live.filterActions[0].description = u"old text"_s;
    live.policies[0].assigned = false;
    ImportOptions o;
    o.mode = ImportOptions::Mode::Merge;
    auto plan = SnapshotMerge::plan(live, {}, incoming, o);
    QVERIFY(plan);
    QVERIFY(plan->clashes.isEmpty());
    QCOMPARE(plan->database.filterActions.size(), 2);
    QCOMPARE(plan->database.filterActions[0].description, QString());
    QCOMPARE(plan->database.rules.size(), incoming.database.rules.size());
    QVERIFY(!plan->database.assignedPolicy()); // a merge keeps the assignment
    QVERIFY(plan->notices.join(u' ').contains(u"keeps the current assignment"_s));
}

void TestSnapshot::netshScript()
{
    const QString script = NetshScriptWriter::write(test::richSnapshot());
    QVERIFY(script.startsWith(u"@echo off\r\n"_s));
    QVERIFY2(script.contains(u"netsh ipsec static add filterlist name=\"Web \\'in\\' <b>&\" "
                             u"description=\"Zugriff auf Port 80 – ünïcödé line two\"\r\n"_s),
             qPrintable(script));
    QVERIFY2(script.contains(u"add filter filterlist=\"Web \\'in\\' <b>&\" srcaddr=10.1.0.0 "
                             u"srcmask=255.255.0.0 dstaddr=192.168.1.5 dstmask=255.255.255.255 "
                             u"protocol=UDP srcport=1434 dstport=53 mirrored=no "
                             u"description=\"50%% of <all>\""_s),
             qPrintable(script));
    QVERIFY(script.contains(u"add filter filterlist=\"Web \\'in\\' <b>&\" srcaddr=2001:db8:: "
                            u"srcmask=32 dstaddr=me protocol=47"_s));
    QVERIFY(script.contains(u"add filteraction name=Secure description=\"ESP with PFS\" "
                            u"action=negotiate qmpfs=yes inpass=yes soft=yes "
                            u"qmsecmethods=\"ESP[3DES,SHA1]:100000k/3600s"_s));
    QVERIFY(script.contains(u"add policy name=\"Web server\" description=\"Blocks & secures\" "
                            u"pollinginterval=45 activatedefaultrule=yes assign=no"_s));
    QVERIFY(script.contains(u"add rule name=\"Secure tunnel\" policy=\"Web server\" "
                            u"filterlist=\"Web \\'in\\' <b>&\" filteraction=Secure "
                            u"tunnel=192.0.2.1 conntype=lan activate=no"_s));
    QVERIFY(script.contains(u"psk=\"s3cr\\'et key\" rootca=\"CN=Root CA\" kerberos=yes"_s));
    QVERIFY(script.contains(u"set policy name=\"Web server\" assign=yes\r\n"_s));
    QVERIFY(script.contains(u"rem   ip xfrm policy add dir in"_s));
    QCOMPARE(NetshScriptWriter::quote(u"plain"_s), u"plain"_s);
    QCOMPARE(NetshScriptWriter::quote(QString()), u"\"\""_s);
}

void TestSnapshot::ipseccmdScriptParsesBack()
{
    const Snapshot s = test::richSnapshot();
    const QString script = IpsecCmdScriptWriter::write(s);
    QStringList commands;
    for (const QString &line : script.split(u'\n'))
        if (line.startsWith(u"ipseccmd "_s))
            commands << line;
    // One line for the one active rule with filters, one for the assignment.
    QCOMPARE(commands.size(), 2);
    QString error;
    const QStringList words = syntax::IpsecCmdParser::splitCommandLine(commands.first(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto parsed = syntax::IpsecCmdParser::parse(words.mid(1));
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->policyName, u"Web server"_s);
    QCOMPARE(parsed->pollingMinutes, 45);
    QCOMPARE(parsed->ruleNames, QStringList{u"Block web"_s});
    QCOMPARE(parsed->filters.size(), 4);
    for (qsizetype i = 0; i < 4; ++i)
        QVERIFY(parsed->filters.at(i).filter.sameTraffic(s.database.filterLists[0].filters.at(i)));
    QCOMPARE(parsed->negotiation->kind, syntax::Negotiation::Kind::Block);
    QVERIFY(script.contains(u"# Rule \"Secure tunnel\" is inactive"_s));
    QVERIFY(commands.last().endsWith(u"-x"_s));
}

// Every optional field missing: each name keeps its own value (an empty one is said), so no
// value floats up beside the field before it.
void TestSnapshot::htmlReportMissingFields()
{
    Snapshot s = test::richSnapshot();
    for (Policy &p : s.database.policies) {
        p.description.clear();
        p.lastModified = {};
        p.guid = {};
    }
    s.host.storePath.clear();
    s.programVersion.clear();
    const QString html = HtmlReportWriter::write(s);
    QVERIFY(!html.contains(u"<dd></dd>"_s));
    QVERIFY2(html.contains(u"<dt>Description</dt><dd class=\"none\">(none)</dd>"_s),
             qPrintable(html.left(3000)));
    QVERIFY(html.contains(u"<dt>Store</dt><dd class=\"none\">"_s));
    QCOMPARE(html.count(u"<dt>"_s), html.count(u"<dd"_s));
}

void TestSnapshot::htmlReportEscapes()
{
    const QString html = HtmlReportWriter::write(test::richSnapshot());
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(html.contains(u"Web &quot;in&quot; &lt;b&gt;&amp;"_s));
    QVERIFY(!html.contains(u"<b>&"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(u"s3cr"_s)); // preshared keys are masked
    QVERIFY(html.contains(u"PRESHARE:***"_s));
    QVERIFY(html.contains(u"XfrmInNoPols"_s) || html.contains(u"ip xfrm policy add dir in"_s));
    QVERIFY(html.contains(u"Assigned policy</dt><dd>Web server"_s));
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "TestSnapshot.moc"
