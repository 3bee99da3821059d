// The [MS-GPIPSEC] codec and the directory <-> model mapping (issue 15), without a DC: the 22
// objects a provisioned domain holds (tests/data/ds) decode and encode back byte for byte, they
// give Windows' three default policies as Windows shows them, hostile blobs are refused with a
// sentence naming object and field, and policies written by this program read back unchanged.

#include "ds/DsFixtures.h"
#include "ds/DsModel.h"
#include "ds/GpipsecCodec.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {

// Decodes by class and encodes again; empty with *error when refused.
QByteArray roundTrip(const DsObject &o, QString *error)
{
    const auto fail = [&](const Error &e) {
        *error = e.message;
        return QByteArray();
    };
    switch (o.objectClass) {
    case DsClass::Policy: {
        auto b = GpipsecCodec::decodePolicy(o.data, o.dn);
        return b ? GpipsecCodec::encode(*b) : fail(b.error());
    }
    case DsClass::Isakmp: {
        auto b = GpipsecCodec::decodeIsakmp(o.data, o.dn);
        return b ? GpipsecCodec::encode(*b) : fail(b.error());
    }
    case DsClass::Nfa: {
        if (GpipsecCodec::isVersionBlob(o.data)) {
            auto b = GpipsecCodec::decodeVersion(o.data, o.dn);
            return b ? GpipsecCodec::encode(*b) : fail(b.error());
        }
        auto b = GpipsecCodec::decodeNfa(o.data, o.dn);
        return b ? GpipsecCodec::encode(*b) : fail(b.error());
    }
    case DsClass::Filter: {
        auto b = GpipsecCodec::decodeFilter(o.data, o.dn);
        return b ? GpipsecCodec::encode(*b) : fail(b.error());
    }
    case DsClass::NegotiationPolicy: {
        auto b = GpipsecCodec::decodeNegotiation(o.data, o.dn);
        return b ? GpipsecCodec::encode(*b) : fail(b.error());
    }
    }
    return {};
}

const DsObject *byId(const QList<DsObject> &objects, const char *guid)
{
    const QUuid id(QLatin1StringView{guid});
    for (const DsObject &o : objects) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

// What a rule is, with its list and action by value (ids left out).
QString describe(const PolicyDatabase &db, const Rule &r)
{
    QStringList parts{r.name,
                      r.description,
                      r.active ? u"active"_s : u"inactive"_s,
                      r.defaultResponse ? u"default-response"_s : QString(),
                      r.tunnelEndpoint,
                      Rule::connectionTypeName(r.connectionType)};
    for (const AuthMethod &a : r.authMethods)
        parts << a.toString();
    if (const FilterList *l = db.filterList(r.filterListId)) {
        parts << u"list:"_s + l->name << l->description << l->guid.toString();
        QStringList filters; // a filter list has no order
        for (const Filter &f : l->filters)
            filters << u"%1 %2 %3 %4 %5 %6 %7 %8"_s
                           .arg(f.source.toString(), f.destination.toString(), f.protocol.name())
                           .arg(f.sourcePort)
                           .arg(f.destinationPort)
                           .arg(f.mirrored)
                           .arg(f.description, f.guid.toString());
        filters.sort();
        parts << filters;
    }
    if (const FilterAction *a = db.filterAction(r.filterActionId)) {
        parts << u"action:"_s + a->name << a->description << FilterAction::typeName(a->type)
              << u"inpass=%1 soft=%2 pfs=%3"_s.arg(a->inboundPassThrough)
                     .arg(a->allowUnsecured)
                     .arg(a->sessionKeyPfs);
        for (const SecurityMethod &m : a->securityMethods)
            parts << m.toString();
    }
    return parts.join(u'|');
}

QStringList describePolicy(const PolicyDatabase &db, const Policy &p)
{
    QStringList out{u"%1|%2|%3|%4"_s.arg(p.name, p.description)
                        .arg(p.pollingIntervalMinutes)
                        .arg(p.guid.toString())};
    for (const Rule *r : db.rulesOf(p.id))
        out << describe(db, *r);
    return out;
}

// Element by element, so that a failure shows the differing part.
bool sameDescription(const QStringList &actual, const QStringList &expected)
{
    if (actual.size() != expected.size()) {
        qWarning("%lld rules, expected %lld", qint64(actual.size()), qint64(expected.size()));
        return false;
    }
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const QStringList a = actual[i].split(u'|'), e = expected[i].split(u'|');
        for (qsizetype k = 0; k < qMax(a.size(), e.size()); ++k) {
            if (a.value(k) != e.value(k)) {
                qWarning("rule %lld, part %lld: \"%s\", expected \"%s\"", qint64(i), qint64(k),
                         qPrintable(a.value(k)), qPrintable(e.value(k)));
                return false;
            }
        }
    }
    return true;
}

} // namespace

class TestGpipsecCodec : public QObject {
    Q_OBJECT

private:
    QList<DsObject> m_objects;

private slots:
    void initTestCase()
    {
        QString error;
        m_objects = provisionedObjects(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_objects.size(), 22);
    }

    void provisionedBlobsRoundTripByteForByte()
    {
        QHash<DsClass, int> perClass;
        for (const DsObject &o : m_objects) {
            QString error;
            const QByteArray again = roundTrip(o, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(again == o.data, qPrintable(o.dn));
            ++perClass[o.objectClass];
        }
        QCOMPARE(perClass.value(DsClass::Policy), 3);
        QCOMPARE(perClass.value(DsClass::Isakmp), 3);
        QCOMPARE(perClass.value(DsClass::Nfa), 8);
        QCOMPARE(perClass.value(DsClass::Filter), 2);
        QCOMPARE(perClass.value(DsClass::NegotiationPolicy), 6);
    }

    void decodedFieldsOfTheDefaults()
    {
        const DsObject *server = byId(m_objects, "{72385230-70FA-11D1-864C-14A300000000}");
        QVERIFY(server);
        auto policy = GpipsecCodec::decodePolicy(server->data, server->dn);
        QVERIFY(policy);
        QCOMPARE(policy->pollingIntervalSeconds, 10800u); // 180 minutes, as Windows shows

        const DsObject *isakmp = byId(m_objects, "{72385231-70FA-11D1-864C-14A300000000}");
        auto ike = GpipsecCodec::decodeIsakmp(isakmp->data, isakmp->dn);
        QVERIFY(ike);
        QCOMPARE(ike->methods.size(), 4);
        QCOMPARE(ike->masterPfsRequired, 0u);
        const quint32 enc[] = {3, 3, 1, 1}, hash[] = {2, 1, 2, 1}, group[] = {2, 2, 1, 1};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(ike->methods[i].encryption, enc[i]);
            QCOMPARE(ike->methods[i].hash, hash[i]);
            QCOMPARE(ike->methods[i].oakleyGroup, group[i]);
            QCOMPARE(ike->methods[i].lifetimeSeconds, 28800u);
            QCOMPARE(ike->methods[i].pfsIdentityRequired, 0xCDCDCDCDu); // Windows' stray bytes
        }

        const DsObject *require = byId(m_objects, "{7238523F-70FA-11D1-864C-14A300000000}");
        auto neg = GpipsecCodec::decodeNegotiation(require->data, require->dn);
        QVERIFY(neg);
        QCOMPARE(neg->offers.size(), 4);
        QCOMPARE(neg->offers[0].lifetimeSeconds, 900u);
        QCOMPARE(neg->offers[0].lifetimeKBytes, 100000u);
        QCOMPARE(neg->offers[0].algorithms[0].offerType, 2u); // ESP
        QCOMPARE(neg->offers[0].algorithms[0].algorithm, 3u); // 3DES
        QCOMPARE(neg->offers[0].algorithms[0].integrity, 2u); // SHA-1

        const DsObject *allIp = byId(m_objects, "{7238523A-70FA-11D1-864C-14A300000000}");
        auto filter = GpipsecCodec::decodeFilter(allIp->data, allIp->dn);
        QVERIFY(filter);
        QCOMPARE(filter->v1.size(), 1);
        QCOMPARE(filter->v1[0].sourceMask, (Ipv4Bytes{0xFF, 0xFF, 0xFF, 0xFF})); // me
        QCOMPARE(filter->v1[0].mirrored, 1u);
        QVERIFY(!filter->hasV2);

        const DsObject *version = byId(m_objects, "{6A1F5C6F-72B7-11D2-ACF0-0060B0ECCA17}");
        auto v = GpipsecCodec::decodeVersion(version->data, version->dn);
        QVERIFY(v);
        QCOMPARE(v->product.text(), u"Windows 2000"_s);
        QCOMPARE(v->author.text(), u"Administrator"_s);
    }

    void defaultPoliciesAsWindowsShowsThem()
    {
        auto contents = DsModel::read(m_objects);
        QVERIFY2(contents, contents ? "" : qPrintable(contents.error().message));
        const PolicyDatabase &db = contents->database;
        QCOMPARE(contents->versionObjects, 1);
        QCOMPARE(db.policies.size(), 3);
        QCOMPARE(db.filterLists.size(), 2);
        QCOMPARE(db.filterActions.size(), 3);

        const Policy *client = db.policyByName(u"Client (Respond Only)"_s);
        const Policy *server = db.policyByName(u"Server (Request Security)"_s);
        const Policy *secure = db.policyByName(u"Secure Server (Require Security)"_s);
        QVERIFY(client && server && secure);
        for (const Policy *p : {client, server, secure})
            QCOMPARE(p->pollingIntervalMinutes, 180);
        QCOMPARE(contents->ikeSettings.size(), 3);

        // Client: only the default response rule.
        const auto clientRules = db.rulesOf(client->id);
        QCOMPARE(clientRules.size(), 1);
        QVERIFY(clientRules[0]->defaultResponse);
        QVERIFY(clientRules[0]->active);
        QCOMPARE(clientRules[0]->authMethods, QList<AuthMethod>{AuthMethod{}}); // Kerberos

        // Server: permit ICMP, the default response rule, request security for all IP traffic.
        const auto serverRules = db.rulesOf(server->id);
        QCOMPARE(serverRules.size(), 3);
        QCOMPARE(serverRules[0]->name, u"Permit unsecure ICMP packets to pass through."_s);
        QCOMPARE(db.filterList(serverRules[0]->filterListId)->name, u"All ICMP Traffic"_s);
        QCOMPARE(db.filterAction(serverRules[0]->filterActionId)->name, u"Permit"_s);
        QVERIFY(serverRules[1]->defaultResponse);
        QCOMPARE(serverRules[2]->name, u"Request Security (Optional) Rule"_s);
        QCOMPARE(db.filterList(serverRules[2]->filterListId)->name, u"All IP Traffic"_s);
        const FilterAction *request = db.filterAction(serverRules[2]->filterActionId);
        QCOMPARE(request->name, u"Request Security (Optional)"_s);
        QCOMPARE(request->type, FilterAction::Type::Negotiate);
        QVERIFY(request->inboundPassThrough);
        QVERIFY(request->allowUnsecured);
        QVERIFY(!request->sessionKeyPfs);
        QStringList methods;
        for (const SecurityMethod &m : request->securityMethods)
            methods << m.toString();
        QCOMPARE(methods,
                 (QStringList{u"ESP[3DES,SHA1]:100000k/900s"_s, u"ESP[DES,SHA1]:100000k/900s"_s,
                              u"AH[SHA1]:100000k/300s"_s, u"AH[MD5]:100000k/300s"_s}));

        // Secure Server: permit ICMP, default response, require security.
        const auto secureRules = db.rulesOf(secure->id);
        QCOMPARE(secureRules.size(), 3);
        QVERIFY(secureRules[1]->defaultResponse);
        const FilterAction *require = db.filterAction(secureRules[2]->filterActionId);
        QCOMPARE(require->name, u"Require Security"_s);
        QVERIFY(require->inboundPassThrough);
        QVERIFY(!require->allowUnsecured);
        methods.clear();
        for (const SecurityMethod &m : require->securityMethods)
            methods << m.toString();
        QCOMPARE(methods,
                 (QStringList{u"ESP[3DES,SHA1]:100000k/900s"_s, u"ESP[3DES,MD5]:100000k/900s"_s,
                              u"ESP[DES,SHA1]:100000k/900s"_s, u"ESP[DES,MD5]:100000k/900s"_s}));
        // The two permit-ICMP rules share the list and the action, as in Windows.
        QCOMPARE(secureRules[0]->filterListId, serverRules[0]->filterListId);
        QCOMPARE(secureRules[0]->filterActionId, serverRules[0]->filterActionId);

        const FilterList *allIp = db.filterListByName(u"All IP Traffic"_s);
        QCOMPARE(allIp->filters.size(), 1);
        QCOMPARE(allIp->filters[0].source, Address::me());
        QCOMPARE(allIp->filters[0].destination, Address::any());
        QVERIFY(allIp->filters[0].protocol.isAny());
        QVERIFY(allIp->filters[0].mirrored);
        const FilterList *icmp = db.filterListByName(u"All ICMP Traffic"_s);
        QCOMPARE(icmp->filters[0].protocol, Protocol::icmp());
        QCOMPARE(icmp->filters[0].description, u"ICMP"_s);

        // The names of lists, actions and policies are those of a new local store.
        const PolicyDatabase local = PolicyDatabase::windowsDefaults();
        for (const Policy &p : local.policies)
            QVERIFY2(db.policyByName(p.name), qPrintable(p.name));
        for (const FilterList &l : local.filterLists)
            QVERIFY2(db.filterListByName(l.name), qPrintable(l.name));
        for (const FilterAction &a : local.filterActions)
            QVERIFY2(db.filterActionByName(a.name), qPrintable(a.name));
    }

    void hostileBlobsAreRefused_data()
    {
        QTest::addColumn<QString>("guid");
        QTest::addColumn<int>("offset"); // byte to change; -1: cut the blob, -2: append bytes
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("field");
        const QString policy = u"{72385230-70FA-11D1-864C-14A300000000}"_s;
        const QString isakmp = u"{72385231-70FA-11D1-864C-14A300000000}"_s;
        const QString nfa = u"{72385232-70FA-11D1-864C-14A300000000}"_s;
        const QString allIp = u"{7238523A-70FA-11D1-864C-14A300000000}"_s;
        const QString require = u"{7238523F-70FA-11D1-864C-14A300000000}"_s;
        QTest::newRow("policy: wrong type GUID") << policy << 0 << 0x64 << u"IPsec_Policy_ID"_s;
        QTest::newRow("policy: Data-Length 5") << policy << 16 << 5 << u"Data-Length"_s;
        QTest::newRow("policy: cut") << policy << -1 << 22 << u"Data-Length"_s;
        QTest::newRow("policy: extra byte") << policy << -2 << 1 << u"Data-Length"_s;
        QTest::newRow("isakmp: 5 methods") << isakmp << 80 << 5 << u"Security-Method-Count"_s;
        QTest::newRow("isakmp: encryption 9") << isakmp << 88 << 9 << u"Encryption-Algorithm-ID"_s;
        QTest::newRow("isakmp: group 5") << isakmp << 84 + 44 << 5 << u"Oakley-Group"_s;
        QTest::newRow("nfa: auth type 2") << nfa << 24 << 2 << u"Auth-Type"_s;
        QTest::newRow("nfa: auth length huge") << nfa << 31 << 0x7F << u"Auth-Length"_s;
        QTest::newRow("nfa: interface 0") << nfa << 37 << 0 << u"Interface-Type"_s;
        QTest::newRow("nfa: active 7") << nfa << 52 << 7 << u"Is-Active-Specifier"_s;
        QTest::newRow("nfa: trailing junk") << nfa << -2 << 3 << u"Tunnel-End-Point-Name"_s;
        QTest::newRow("filter: mirrored 2") << allIp << 58 << 2 << u"Legacy-Mirror-Options"_s;
        QTest::newRow("filter: protocol 300") << allIp << 83 << 1 << u"Legacy-Protocol"_s;
        QTest::newRow("filter: special 9") << allIp << 91 << 9 << u"Legacy-Special-Filter"_s;
        QTest::newRow("filter: count 2") << allIp << 20 << 2 << u"Number-Of-Filters1"_s;
        QTest::newRow("filter: string odd") << allIp << 24 << 3 << u"Source-Length-Of-DNS-Name1"_s;
        QTest::newRow("negotiation: offer type 7") << require << 24 + 28 << 7 << u"Offer-Type"_s;
        QTest::newRow("negotiation: 4 algorithms")
            << require << 24 + 16 << 4 << u"Algorithm-Offer-Count"_s;
        QTest::newRow("negotiation: options 1")
            << require << 24 + 8 << 1 << u"Negotiation-Options"_s;
        QTest::newRow("negotiation: cut") << require << -1 << 100 << u"DataLength"_s;
    }

    void hostileBlobsAreRefused()
    {
        QFETCH(QString, guid);
        QFETCH(int, offset);
        QFETCH(int, value);
        QFETCH(QString, field);
        QList<DsObject> objects = m_objects;
        DsObject *o = nullptr;
        for (DsObject &x : objects) {
            if (x.id == QUuid(guid))
                o = &x;
        }
        QVERIFY(o);
        if (offset == -1)
            o->data.truncate(value);
        else if (offset == -2)
            o->data.append(QByteArray(value, '\x07'));
        else
            o->data[offset] = char(value);
        QString error;
        QVERIFY(roundTrip(*o, &error).isEmpty());
        QVERIFY2(error.contains(o->dn), qPrintable(error));
        QVERIFY2(error.contains(u"field "_s + field), qPrintable(error));
        // The model refuses the whole set: nothing is used from a directory that did not decode.
        auto contents = DsModel::read(objects);
        QVERIFY(!contents);
        QCOMPARE(contents.error().message, error);
    }

    void danglingReferencesAreRefused()
    {
        QList<DsObject> objects = m_objects;
        objects.removeIf([](const DsObject &o) {
            return o.id == QUuid(u"{7238523B-70FA-11D1-864C-14A300000000}"_s); // Permit
        });
        auto contents = DsModel::read(objects);
        QVERIFY(!contents);
        QVERIFY2(contents.error().message.contains(u"ipsecNegotiationPolicyReference"_s),
                 qPrintable(contents.error().message));
        QVERIFY(contents.error().message.contains(u"ipsecNFA{594272E2"_s));

        objects = m_objects;
        for (DsObject &o : objects) {
            if (o.objectClass == DsClass::NegotiationPolicy && o.name == u"Permit"_s)
                o.negotiationPolicyAction = QUuid::createUuid();
        }
        contents = DsModel::read(objects);
        QVERIFY(!contents);
        QVERIFY(contents.error().message.contains(u"iPSECNegotiationPolicyAction"_s));
    }

    void defaultsWrittenBackReadTheSame()
    {
        auto contents = DsModel::read(m_objects);
        QVERIFY(contents);
        const PolicyDatabase &db = contents->database;
        for (const Policy &p : db.policies) {
            auto objects =
                DsModel::write(db, p.id, u"DC=example,DC=org"_s, &contents->ikeSettings[p.guid]);
            QVERIFY(objects);
            auto again = DsModel::read(*objects);
            QVERIFY2(again, again ? "" : qPrintable(again.error().message));
            QCOMPARE(again->database.policies.size(), 1);
            QVERIFY(sameDescription(describePolicy(again->database, again->database.policies[0]),
                                    describePolicy(db, p)));
            QCOMPARE(GpipsecCodec::encode(again->ikeSettings.value(p.guid)),
                     GpipsecCodec::encode(contents->ikeSettings.value(p.guid)));
        }
    }

    // Issue 14: the ISAKMP blob carries the policy's main-mode methods, lifetime, quick mode
    // limit and master key PFS; Windows' defaults read as the defaults, and what was not
    // changed keeps its bytes.
    void keyExchangeInTheIsakmpBlob()
    {
        auto contents = DsModel::read(m_objects);
        QVERIFY(contents);
        PolicyDatabase db = contents->database;
        for (const Policy &p : db.policies)
            QVERIFY2(p.hasDefaultKeyExchange(), qPrintable(p.name));
        Policy &p = db.policies.first();
        const IsakmpBlob original = contents->ikeSettings.value(p.guid);
        p.mainModeMethods = MainModeMethod::parseList(u"3DES-SHA1-3 DES-MD5-1"_s).value();
        p.mainModeLifetimeSeconds = 3600;
        p.mainModePfs = true;
        p.quickModesPerMainMode = 1;
        auto objects = DsModel::write(db, p.id, u"DC=example,DC=org"_s, &original);
        QVERIFY2(objects, objects ? "" : qPrintable(objects.error().message));
        auto again = DsModel::read(*objects);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        const Policy &back = again->database.policies.first();
        QCOMPARE(back.mainModeMethods, p.mainModeMethods);
        QCOMPARE(back.mainModeLifetimeSeconds, 3600);
        QCOMPARE(back.quickModesPerMainMode, 1);
        QVERIFY(back.mainModePfs);
        const IsakmpBlob written = again->ikeSettings.value(p.guid);
        QCOMPARE(written.masterPfsRequired, 1u);
        QCOMPARE(written.qmLimit, 1u);
        QCOMPARE(written.mmLifetimeSeconds, 3600u);
        QCOMPARE(written.methods.size(), 2);
        QCOMPARE(written.methods[0].encryption, 3u);
        QCOMPARE(written.methods[0].hash, 2u);
        QCOMPARE(written.methods[0].oakleyGroup, 0x10000001u);
        QCOMPARE(written.methods[0].lifetimeSeconds, 3600u);
        // DES-MD5-1 is one of Windows' own: its bytes stay (0xCDCDCDCD included).
        IsakmpMethod kept = original.methods[3];
        kept.lifetimeSeconds = 3600;
        kept.qmLimit = 1;
        QCOMPARE(written.methods[1], kept);
        QCOMPARE(written.instance, original.instance);
        QCOMPARE(written.options, original.options);

        // Back to the defaults: Windows' methods again, a quick mode limit without PFS.
        p.mainModeMethods.clear();
        p.mainModePfs = false;
        p.quickModesPerMainMode = 10;
        auto defaults = DsModel::isakmpWithKeyExchange(written, p);
        QVERIFY(defaults);
        Policy read;
        DsModel::keyExchangeFromIsakmp(*defaults, read);
        QVERIFY(read.mainModeMethods.isEmpty());
        QCOMPARE(read.quickModesPerMainMode, 10);
        QVERIFY(!read.mainModePfs);
        QCOMPARE(defaults->methods.size(), 4);

        // Unchanged: the same bytes, for every provisioned ISAKMP blob.
        for (const Policy &q : contents->database.policies) {
            const IsakmpBlob ike = contents->ikeSettings.value(q.guid);
            auto same = DsModel::isakmpWithKeyExchange(ike, q);
            QVERIFY(same);
            QCOMPARE(GpipsecCodec::encode(*same), GpipsecCodec::encode(ike));
        }

        // What the blob cannot hold is refused, by name.
        p.mainModeMethods = MainModeMethod::parseList(u"AES128-SHA1-2"_s).value();
        objects = DsModel::write(db, p.id, u"DC=example,DC=org"_s, &original);
        QVERIFY(!objects);
        QVERIFY2(objects.error().message.contains(u"AES128-SHA1-2"_s),
                 qPrintable(objects.error().message));
    }

    void writtenPolicyReadsBackAndRoundTrips()
    {
        PolicyDatabase db;
        FilterList list;
        list.id = 1;
        list.guid = QUuid::createUuid();
        list.name = u"Blocked ports"_s;
        list.description = u"SQL and more"_s;
        const auto filter = [](const char *src, const char *dst, Protocol proto, quint16 sport,
                               quint16 dport, bool mirrored) {
            Filter f;
            f.guid = QUuid::createUuid();
            f.source = *Address::parse(QString::fromLatin1(src));
            f.destination = *Address::parse(QString::fromLatin1(dst));
            f.protocol = proto;
            f.sourcePort = sport;
            f.destinationPort = dport;
            f.mirrored = mirrored;
            f.description = u"filter from %1"_s.arg(QLatin1StringView{src});
            return f;
        };
        list.filters << filter("any", "me", Protocol::udp(), 0, 1434, true)
                     << filter("10.1.0.0/16", "192.168.2.7", Protocol::tcp(), 1024, 445, false)
                     << filter("me", "2001:db8::/48", Protocol(50), 0, 0, true)
                     << filter("2001:db8::1", "any", Protocol::icmp(), 0, 0, true)
                     << filter("me", "server.example.org", Protocol::tcp(), 0, 22, true);
        db.filterLists << list;
        FilterAction block;
        block.id = 1;
        block.guid = QUuid::createUuid();
        block.name = u"Block"_s;
        block.type = FilterAction::Type::Block;
        FilterAction secure;
        secure.id = 2;
        secure.guid = QUuid::createUuid();
        secure.name = u"Secure with PFS"_s;
        secure.type = FilterAction::Type::Negotiate;
        secure.allowUnsecured = true;
        secure.sessionKeyPfs = true;
        SecurityMethod both = *SecurityMethod::parse(u"AH[MD5]+ESP[DES,SHA1]:50000k/3600s"_s);
        both.pfs = true;
        SecurityMethod nullEsp = *SecurityMethod::parse(u"ESP[NONE,SHA1]"_s);
        nullEsp.pfs = true;
        secure.securityMethods = {both, nullEsp};
        db.filterActions << block << secure;
        Policy p;
        p.id = 1;
        p.guid = QUuid::createUuid();
        p.name = u"Block SQL"_s;
        p.description = u"Written by the tests"_s;
        p.pollingIntervalMinutes = 5;
        db.policies << p;
        Rule blockRule;
        blockRule.id = 1;
        blockRule.guid = QUuid::createUuid();
        blockRule.policyId = 1;
        blockRule.name = u"Block rule"_s;
        blockRule.filterListId = 1;
        blockRule.filterActionId = 1;
        Rule tunnel = blockRule;
        tunnel.id = 2;
        tunnel.guid = QUuid::createUuid();
        tunnel.name = u"Tunnel rule"_s;
        tunnel.filterActionId = 2;
        tunnel.tunnelEndpoint = u"192.0.2.9"_s;
        tunnel.connectionType = Rule::ConnectionType::Lan;
        tunnel.active = false;
        tunnel.authMethods = {*AuthMethod::parse(u"PRESHARE:\"s3cret key\""_s),
                              *AuthMethod::parse(u"CERT:\"CN=Corp Root CA\""_s), AuthMethod{}};
        Rule tunnel6 = tunnel;
        tunnel6.id = 3;
        tunnel6.guid = QUuid::createUuid();
        tunnel6.name = u"IPv6 tunnel rule"_s;
        tunnel6.tunnelEndpoint = u"2001:db8::9"_s;
        tunnel6.connectionType = Rule::ConnectionType::Dialup;
        Rule dr;
        dr.id = 4;
        dr.guid = QUuid::createUuid();
        dr.policyId = 1;
        dr.defaultResponse = true;
        dr.name = u"<Dynamic>"_s;
        dr.active = false;
        db.rules << blockRule << tunnel << tunnel6 << dr;

        auto objects = DsModel::write(db, 1, u"DC=corp,DC=test"_s);
        QVERIFY2(objects, objects ? "" : qPrintable(objects.error().message));
        QCOMPARE(objects->size(), 2 + 4 + 1 + 2 + 1); // policy, ISAKMP, NFAs, list, actions, DR
        for (const DsObject &o : *objects) {
            QString error;
            QCOMPARE(roundTrip(o, &error), o.data);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(o.dn.endsWith(u",CN=IP Security,CN=System,DC=corp,DC=test"_s));
        }
        auto again = DsModel::read(*objects);
        QVERIFY2(again, again ? "" : qPrintable(again.error().message));
        QVERIFY(sameDescription(describePolicy(again->database, again->database.policies[0]),
                                describePolicy(db, db.policies[0])));
        QCOMPARE(again->pollingSeconds.value(p.guid), 300u);

        // The IPv6 filters went into the v2 part, the others into the legacy part.
        for (const DsObject &o : *objects) {
            if (o.objectClass != DsClass::Filter)
                continue;
            auto blob = GpipsecCodec::decodeFilter(o.data, o.dn);
            QVERIFY(blob);
            QCOMPARE(blob->v1.size(), 3);
            QCOMPARE(blob->v2.size(), 2);
            QCOMPARE(blob->v1[2].destinationDnsName.text(), u"server.example.org"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestGpipsecCodec)
#include "TestGpipsecCodec.moc"
