// The agent's D-Bus API call by call: every model type survives the trip (typed marshalling),
// and malformed calls (wrong types, huge strings, unknown ids and names, bad options) get an
// error, change nothing and leave the agent answering.

#include "AgentFixture.h"
#include "client/AgentClient.h"
#include "client/DBusMarshalling.h"
#include "kernel/NetnsFixture.h"
#include "service/PolicyService.h"

#include <QDBusMessage>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;

class TestAgentCalls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void objectsSurviveTheTrip();
    void malformedCalls_data();
    void malformedCalls();
    void changeOptionsChecked();

private:
    QDBusMessage call(const QString &method, const QVariantList &args);
    qint64 revision();

    NetnsFixture m_ns;
    QString m_netns;
    AgentFixture m_agent;
    QDBusConnection m_bus{QString()};
    std::unique_ptr<AgentClient> m_client;
};

void TestAgentCalls::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("The agent tests need root (namespaces, XFRM); run them as root.");
    NetnsFixture::removeStale();
    m_netns = m_ns.create();
    QVERIFY2(!m_netns.isEmpty(), qPrintable(m_ns.lastError()));
    QString error;
    QVERIFY2(m_agent.startBus(&error), qPrintable(error));
    QVERIFY2(m_agent.startAgent(m_netns, {}, &error), qPrintable(error));
    m_bus = m_agent.connect();
    auto client = AgentClient::open(m_bus);
    QVERIFY2(client, qPrintable(client ? QString() : client.error().message));
    m_client = std::move(client.value());
}

void TestAgentCalls::cleanupTestCase()
{
    m_client.reset();
    m_ns.removeAll();
}

QDBusMessage TestAgentCalls::call(const QString &method, const QVariantList &args)
{
    QDBusMessage m = QDBusMessage::createMethodCall(AgentProtocol::service(), AgentProtocol::path(),
                                                    AgentProtocol::interface(), method);
    m.setArguments(args);
    return m_bus.call(m, QDBus::Block, 30000);
}

qint64 TestAgentCalls::revision()
{
    auto s = m_client->fetchStatus(5000);
    return s ? s->revision : -1;
}

void TestAgentCalls::objectsSurviveTheTrip()
{
    // Created through the agent, read back through the agent and directly from the store.
    FilterList list;
    list.name = u"Mixed"_s;
    list.description = u"every kind of address"_s;
    for (const auto &[src, dst] :
         {std::pair{u"me"_s, u"10.1.0.0/16"_s}, std::pair{u"any"_s, u"192.0.2.7"_s},
          std::pair{u"fd00::/64"_s, u"me"_s}, std::pair{u"host.example"_s, u"any"_s}}) {
        Filter f;
        f.source = Address::parse(src).value();
        f.destination = Address::parse(dst).value();
        f.protocol = Protocol::tcp();
        f.destinationPort = 443;
        f.mirrored = true;
        f.description = src + u" -> "_s + dst;
        list.filters << f;
    }
    auto created = m_client->createFilterList(list);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(list.id > 0);
    QVERIFY(!list.guid.isNull());

    FilterAction action;
    action.name = u"Negotiate both"_s;
    action.type = FilterAction::Type::Negotiate;
    action.allowUnsecured = true;
    SecurityMethod ah;
    ah.ah = true;
    ah.ahHash = SecurityMethod::Hash::Md5;
    ah.esp = false;
    ah.lifetimeSeconds = 3600;
    action.securityMethods = {SecurityMethod{}, ah};
    QVERIFY(m_client->createFilterAction(action));

    Policy policy;
    policy.name = u"Round trip"_s;
    policy.description = u"über D-Bus"_s;
    policy.pollingIntervalMinutes = 42;
    // Key exchange settings (issue 14) travel too.
    policy.mainModeMethods = MainModeMethod::parseList(u"3DES-SHA1-3 DES-MD5-1"_s).value();
    policy.mainModeLifetimeSeconds = 5400;
    policy.quickModesPerMainMode = 1;
    policy.mainModePfs = true;
    QVERIFY(m_client->createPolicy(policy));
    Rule rule;
    rule.policyId = policy.id;
    rule.name = u"Rule"_s;
    rule.filterListId = list.id;
    rule.filterActionId = action.id;
    rule.connectionType = Rule::ConnectionType::Lan;
    rule.authMethods = {AuthMethod{AuthMethod::Kind::PresharedKey, u"secret"_s}};
    QVERIFY(m_client->createRule(rule));

    auto viaAgent = m_client->load();
    QVERIFY(viaAgent);
    PolicyService::Options o;
    o.storePath = m_agent.storePath();
    o.readOnly = true;
    o.enforcement = PolicyService::Enforcement::Off;
    auto direct = PolicyService::open(o);
    QVERIFY(direct);
    auto stored = direct.value()->load();
    QVERIFY(stored);
    QCOMPARE(viaAgent->revision, stored->revision);
    QCOMPARE(viaAgent->policies, stored->policies);
    const Policy *roundTrip = viaAgent->policyByName(u"Round trip"_s);
    QVERIFY(roundTrip);
    QCOMPARE(roundTrip->mainModeLifetimeSeconds, 5400);
    QCOMPARE(roundTrip->quickModesPerMainMode, 1);
    QVERIFY(roundTrip->mainModePfs);
    QCOMPARE(roundTrip->mainModeMethods, policy.mainModeMethods);
    QCOMPARE(viaAgent->rules, stored->rules);
    QCOMPARE(viaAgent->filterLists, stored->filterLists);
    QCOMPARE(viaAgent->filterActions, stored->filterActions);
    QVERIFY(viaAgent->filterListByName(u"Mixed"_s));
    QCOMPARE(viaAgent->filterListByName(u"Mixed"_s)->filters.size(), 4);

    auto view = m_client->kernelView();
    QVERIFY2(view, qPrintable(view ? QString() : view.error().message));
    auto snapshot = m_client->exportSnapshot();
    QVERIFY(snapshot);
    QVERIFY(!snapshot->isEmpty());
    QVERIFY(m_client->exportSnapshot(u"Mixed policy that does not exist"_s).error().code
            == ipsec::ErrorCode::NotFound);

    // Import through the agent: a refused document changes nothing, the exported one goes back.
    const qint64 revision = m_client->load()->revision;
    ipsec::ImportOptions replace;
    replace.mode = ipsec::ImportOptions::Mode::Replace;
    auto refused = m_client->importSnapshot("{\"format\": \"something else\"}", replace);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ipsec::ErrorCode::Usage);
    QCOMPARE(m_client->load()->revision, revision);
    auto imported = m_client->importSnapshot(QJsonDocument(snapshot.value()).toJson(), replace);
    QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().message));
    auto after = m_client->load();
    QVERIFY(after);
    QVERIFY(after->revision > revision);
    QVERIFY(after->filterListByName(u"Mixed"_s));
    QCOMPARE(after->filterListByName(u"Mixed"_s)->filters.size(), 4);
}

void TestAgentCalls::malformedCalls_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantList>("args");
    QTest::addColumn<QString>("error"); // expected error name (suffix)

    const QVariantMap none;
    const QString huge(10 * 1024 * 1024, u'x');
    QTest::newRow("wrong types") << u"AssignPolicy"_s << QVariantList{42, QVariant(none)}
                                 << u"UnknownMethod"_s;
    QTest::newRow("missing arguments") << u"DeletePolicy"_s << QVariantList{} << u"UnknownMethod"_s;
    QTest::newRow("unknown method")
        << u"RunThis"_s << QVariantList{u"rm -rf /"_s} << u"UnknownMethod"_s;
    QTest::newRow("10 MB name") << u"AssignPolicy"_s << QVariantList{huge, QVariant(none)}
                                << u"Error.Usage"_s;
    QTest::newRow("10 MB argv") << u"ExecuteStatic"_s
                                << QVariantList{QStringList{u"-w"_s, u"REG"_s, u"-p"_s, huge},
                                                QVariant(none)}
                                << u"Error.Usage"_s;
    QTest::newRow("unknown policy")
        << u"AssignPolicy"_s << QVariantList{u"No such policy"_s, QVariant(none)}
        << u"Error.NotFound"_s;
    QTest::newRow("unknown policy id")
        << u"DeletePolicy"_s << QVariantList{qlonglong(987654), QVariant(none)}
        << u"Error.NotFound"_s;
    QTest::newRow("unknown rule id")
        << u"DeleteRule"_s << QVariantList{qlonglong(987654), QVariant(none)}
        << u"Error.NotFound"_s;
    QTest::newRow("unknown list id")
        << u"DeleteFilterList"_s << QVariantList{qlonglong(-1), QVariant(none)}
        << u"Error.NotFound"_s;
    QTest::newRow("bad command line")
        << u"ExecuteStatic"_s
        << QVariantList{QStringList{u"-w"_s, u"REG"_s, u"-p"_s}, QVariant(none)}
        << u"Error.Usage"_s;
    QTest::newRow("dynamic line in static call")
        << u"ExecuteStatic"_s << QVariantList{QStringList{u"-f"_s, u"*=0:1:UDP"_s}, QVariant(none)}
        << u"Error.Usage"_s;
    QTest::newRow("bad filter spec")
        << u"ExecuteDynamic"_s
        << QVariantList{QStringList{u"-f"_s, u"[*=0:99999:UDP]"_s}, QVariant(none)}
        << u"Error.Usage"_s;
}

void TestAgentCalls::malformedCalls()
{
    QFETCH(QString, method);
    QFETCH(QVariantList, args);
    QFETCH(QString, error);
    const qint64 before = revision();
    const QDBusMessage reply = call(method, args);
    QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
    QVERIFY2(reply.errorName().endsWith(error), qPrintable(reply.errorName()));
    QVERIFY(!reply.errorMessage().isEmpty());
    QCOMPARE(revision(), before); // nothing changed, and the agent still answers
    QVERIFY(m_agent.agentRunning());
}

void TestAgentCalls::changeOptionsChecked()
{
    const qint64 before = revision();
    for (const QVariantMap &options :
         {QVariantMap{{u"bogus"_s, 1}}, QVariantMap{{u"force"_s, u"yes"_s}},
          QVariantMap{{u"confirmWithin"_s, -5}}, QVariantMap{{u"sshConnection"_s, 7}}}) {
        const QDBusMessage reply = call(u"AssignPolicy"_s, {u"Round trip"_s, options});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QVERIFY2(reply.errorName().endsWith(u"Error.Usage"_s), qPrintable(reply.errorName()));
    }
    QCOMPARE(revision(), before);
    // Well-formed options are accepted.
    const QDBusMessage ok =
        call(u"AssignPolicy"_s, {u"Round trip"_s, QVariantMap{{u"force"_s, true}}});
    QVERIFY2(ok.type() == QDBusMessage::ReplyMessage, qPrintable(ok.errorMessage()));
    QVERIFY(revision() > before);
}

QTEST_GUILESS_MAIN(TestAgentCalls)
#include "TestAgentCalls.moc"
