// The packet tester, driven through its fields, must give the Evaluator's verdict for every
// packet of a grid, on the policy of KB 813878 (block UDP 1434 in and out) plus a permit
// rule. Also: the monitor explains why it shows nothing when the console does not enforce.

#include "WizardTestSupport.h"

#include "monitor/MonitorView.h"
#include "tester/PacketTester.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace ipsec;
using uiw::child;

class TestPacketTester : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agreesWithEvaluator();
    void articleVerdicts();
    void invalidInput();
    void monitorNotEnforcing();

private:
    void enter(ui::PacketTester &tester, const QString &source, const QString &destination,
               const QString &protocol, int sourcePort, int destinationPort, bool inbound);

    QTemporaryDir m_dir;
    std::unique_ptr<PolicyService> m_service;
    const QHostAddress m_me{u"10.0.0.1"_s};
};

void TestPacketTester::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_dir.filePath(u"run"_s).toLocal8Bit());
    m_service = uiw::openService(m_dir.filePath(u"policy.db"_s));
    QVERIFY(m_service);
    const QStringList lines{
        u"-w REG -p 'Block UDP 1434 Filter' -r 'Block Inbound UDP 1434 Rule' -f '*=0:1434:UDP' "
        u"-n BLOCK"_s,
        u"-w REG -p 'Block UDP 1434 Filter' -r 'Block Outbound UDP 1434 Rule' -f '0=*:1434:UDP' "
        u"-n BLOCK -x"_s,
        u"-w REG -p 'Block UDP 1434 Filter' -r 'Web From Partner' -f '192.0.2.66=0:80:TCP' "
        u"-n PASS"_s};
    for (const QString &line : lines) {
        auto command =
            syntax::IpsecCmdParser::parse(syntax::IpsecCmdParser::splitCommandLine(line));
        QVERIFY2(command, qPrintable(line));
        auto report = command->staticMode ? m_service->executeStatic(command.value())
                                          : m_service->executeDynamic(command.value());
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    }
}

void TestPacketTester::enter(ui::PacketTester &tester, const QString &source,
                             const QString &destination, const QString &protocol, int sourcePort,
                             int destinationPort, bool inbound)
{
    uiw::retype(child<QLineEdit>(tester, u"sourceEdit"_s), source);
    uiw::retype(child<QLineEdit>(tester, u"destinationEdit"_s), destination);
    uiw::retype(child<QComboBox>(tester, u"protocolCombo"_s)->lineEdit(), protocol);
    child<QSpinBox>(tester, u"sourcePortSpin"_s)->setValue(sourcePort);
    child<QSpinBox>(tester, u"destinationPortSpin"_s)->setValue(destinationPort);
    child<QComboBox>(tester, u"directionCombo"_s)->setCurrentIndex(inbound ? 0 : 1);
}

void TestPacketTester::agreesWithEvaluator()
{
    ui::PacketTester tester(*m_service);
    tester.setLocalAddresses({m_me});
    tester.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tester));

    auto db = m_service->load();
    auto dyn = m_service->dynamicFilters();
    QVERIFY(db && dyn);
    engine::ExpansionContext context;
    context.localAddresses = {m_me};
    const engine::Evaluator oracle(
        engine::EffectivePolicy::build(db.value(), dyn.value(), context));

    const QStringList others{u"192.0.2.7"_s, u"192.0.2.66"_s};
    const QStringList protocols{u"TCP"_s, u"UDP"_s, u"ICMP"_s};
    const QList<int> ports{1434, 80, 500, 0};
    int blocked = 0;
    int permitted = 0;
    int exempt = 0;
    for (const QString &other : others) {
        for (const QString &protocol : protocols) {
            for (int port : ports) {
                for (bool inbound : {true, false}) {
                    const QString src = inbound ? other : m_me.toString();
                    const QString dst = inbound ? m_me.toString() : other;
                    enter(tester, src, dst, protocol, 40000, port, inbound);
                    uiw::click(child<QWidget>(tester, u"evaluateButton"_s));
                    const engine::Verdict shown = tester.evaluate();

                    engine::Packet p;
                    p.source = QHostAddress(src);
                    p.destination = QHostAddress(dst);
                    p.protocol = Protocol::parse(protocol)->number();
                    const bool hasPorts = protocol != u"ICMP"_s;
                    p.sourcePort = hasPorts ? 40000 : 0;
                    p.destinationPort = hasPorts ? quint16(port) : 0;
                    p.direction =
                        inbound ? engine::Direction::Inbound : engine::Direction::Outbound;
                    const engine::Verdict expected = oracle.evaluate(p);
                    const QByteArray where =
                        u"%1 -> %2 %3 %4"_s.arg(src, dst, protocol).arg(port).toUtf8();
                    QVERIFY2(shown.kind == expected.kind, where.constData());
                    QVERIFY2(shown.ruleName == expected.ruleName, where.constData());
                    QVERIFY2(shown.policyName == expected.policyName, where.constData());
                    QVERIFY2(shown.directionalFilter == expected.directionalFilter,
                             where.constData());
                    QVERIFY2(shown.ikeExemption == expected.ikeExemption, where.constData());
                    QCOMPARE(child<QLabel>(tester, u"verdictLabel"_s)->text(),
                             engine::Verdict::kindName(expected.kind));
                    blocked += expected.kind == engine::Verdict::Kind::Block;
                    permitted +=
                        expected.kind == engine::Verdict::Kind::Permit && !expected.ikeExemption;
                    exempt += expected.ikeExemption;
                }
            }
        }
    }
    // UDP 1434 both ways for both hosts.
    QCOMPARE(blocked, 4);
    QCOMPARE(permitted, 1); // TCP 80 from 192.0.2.66
    QCOMPARE(exempt, 2);    // UDP to the local IKE port 500
}

void TestPacketTester::articleVerdicts()
{
    ui::PacketTester tester(*m_service);
    tester.setLocalAddresses({m_me});
    tester.show();
    enter(tester, u"192.0.2.7"_s, u"10.0.0.1"_s, u"UDP"_s, 1025, 1434, true);
    engine::Verdict v = tester.evaluate();
    QCOMPARE(v.kind, engine::Verdict::Kind::Block);
    QCOMPARE(v.ruleName, u"Block Inbound UDP 1434 Rule"_s);
    QCOMPARE(v.policyName, u"Block UDP 1434 Filter"_s);
    QVERIFY(child<QLabel>(tester, u"verdictDetails"_s)
                ->text()
                .contains(u"Block Inbound UDP 1434 Rule"_s));

    enter(tester, u"10.0.0.1"_s, u"192.0.2.7"_s, u"udp"_s, 1025, 1434, false);
    v = tester.evaluate();
    QCOMPARE(v.kind, engine::Verdict::Kind::Block);
    QCOMPARE(v.ruleName, u"Block Outbound UDP 1434 Rule"_s);

    enter(tester, u"192.0.2.66"_s, u"10.0.0.1"_s, u"TCP"_s, 1025, 80, true);
    v = tester.evaluate();
    QCOMPARE(v.kind, engine::Verdict::Kind::Permit);
    QCOMPARE(v.ruleName, u"Web From Partner"_s);

    enter(tester, u"192.0.2.7"_s, u"10.0.0.1"_s, u"TCP"_s, 1025, 1434, true);
    QCOMPARE(tester.evaluate().kind, engine::Verdict::Kind::NoMatch);
}

void TestPacketTester::invalidInput()
{
    ui::PacketTester tester(*m_service);
    tester.show();
    enter(tester, u"192.0.2.300"_s, u"10.0.0.1"_s, u"UDP"_s, 1, 1, true);
    QCOMPARE(tester.evaluate().kind, engine::Verdict::Kind::NoMatch);
    QCOMPARE(child<QLabel>(tester, u"testerError"_s)->text(),
             u"The source \"192.0.2.300\" is not an IP address."_s);
    QVERIFY(child<QLabel>(tester, u"verdictLabel"_s)->text().isEmpty());
    enter(tester, u"192.0.2.3"_s, u"10.0.0.1"_s, u"bogus"_s, 1, 1, true);
    tester.evaluate();
    QVERIFY(!child<QLabel>(tester, u"testerError"_s)->text().isEmpty());
}

void TestPacketTester::monitorNotEnforcing()
{
    QVERIFY(!m_service->isEnforcing());
    ui::MonitorView monitor(*m_service);
    monitor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&monitor));
    auto *stack = child<QStackedWidget>(monitor, u"monitorStack"_s);
    auto *reason = child<QLabel>(monitor, u"monitorReason"_s);
    QCOMPARE(stack->currentWidget(), reason);
    QVERIFY(reason->text().contains(u"root"_s));
    auto *timer = child<QTimer>(monitor, u"monitorRefreshTimer"_s);
    QVERIFY(timer->isActive());
    QCOMPARE(timer->interval(), ui::MonitorView::RefreshIntervalMs);
    monitor.hide();
    QVERIFY(!timer->isActive());
}

QTEST_MAIN(TestPacketTester)
#include "TestPacketTester.moc"
