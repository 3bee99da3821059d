// The wizards driven like a user would: keys into fields found by objectName, clicks on Next
// and Finish. The Block-a-port wizard must create exactly what its command lines create when
// run through the real ipseccmd on a second store.

#include "WizardTestSupport.h"

#include "snapshot/ModelJson.h"
#include "wizards/BlockPortWizard.h"
#include "wizards/PortList.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace ipsec;
using ipsec::ui::BlockPortWizard;
using uiw::child;

namespace {

// The store without what differs between two stores of the same content.
QJsonValue comparable(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(comparable(item));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &key = it.key();
        if (key == u"guid"_s || key == u"lastModified"_s || key == u"revision"_s || key == u"id"_s
            || key.endsWith(u"Id"_s))
            continue;
        out.insert(key, comparable(it.value()));
    }
    return out;
}

QByteArray storeContent(const QString &path)
{
    auto service = uiw::openService(path);
    if (!service)
        return {};
    auto db = service->load();
    if (!db)
        return db.error().message.toUtf8();
    return QJsonDocument(comparable(json::database(db.value())).toObject()).toJson();
}

struct BlockAnswers {
    QString protocol; // objectName of the radio
    QString ports;
    QString direction; // objectName of the radio
    QString remote;    // empty: any
    bool staticMode = true;
    QString newPolicyName; // empty: keep the proposed name
    QString existingPolicy;
    bool assign = false;
};

BlockAnswers answers(const QString &protocol, const QString &ports, const QString &direction)
{
    BlockAnswers a;
    a.protocol = protocol;
    a.ports = ports;
    a.direction = direction;
    return a;
}

} // namespace

Q_DECLARE_METATYPE(BlockAnswers)

class TestWizards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void portList_data();
    void portList();
    void blockPortMatchesCommandLine_data();
    void blockPortMatchesCommandLine();
    void blockPortDynamic();
    void invalidPortBlocksNext_data();
    void invalidPortBlocksNext();
    void invalidRemoteBlocksNext();
    void existingPolicyNameRefused();
    void commitErrorKeepsWizardOpen();

private:
    void drive(BlockPortWizard &wizard, const BlockAnswers &a);
    QString storeA() const { return m_dir->filePath(u"wizard.db"_s); }
    QString storeB() const { return m_dir->filePath(u"cli.db"_s); }
    int runIpseccmd(const QStringList &args, QString *output);

    QTemporaryDir m_runtime;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWizards::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    qunsetenv("IPSEC_CONSOLE_STORE");
    qunsetenv("IPSEC_CONSOLE_NETNS");
}

void TestWizards::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestWizards::portList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<quint16>>("ports");
    QTest::addColumn<QString>("error");
    QTest::newRow("one") << u"1434"_s << QList<quint16>{1434} << QString();
    QTest::newRow("list") << u"135, 137-139,445"_s << QList<quint16>{135, 137, 138, 139, 445}
                          << QString();
    QTest::newRow("duplicates") << u"80,80,79-81"_s << QList<quint16>{80, 79, 81} << QString();
    QTest::newRow("zero") << u"0"_s << QList<quint16>{}
                          << u"Port 0 is out of range: ports are 1 to 65535."_s;
    QTest::newRow("too big") << u"80,70000"_s << QList<quint16>{}
                             << u"Port 70000 is out of range: ports are 1 to 65535."_s;
    QTest::newRow("letters") << u"13x"_s << QList<quint16>{}
                             << u"\"13x\" is not a port number: use digits, e.g. 1434."_s;
    QTest::newRow("backwards") << u"139-137"_s << QList<quint16>{}
                               << u"The range 139-137 runs backwards: write it as 137-139."_s;
    QTest::newRow("empty item") << u"135,,445"_s << QList<quint16>{}
                                << u"Item 2 of the list is empty: remove the extra comma."_s;
    QTest::newRow("too many") << u"1-1000"_s << QList<quint16>{}
                              << u"The list names more than 256 ports; block fewer ports per "
                                 u"rule."_s;
}

void TestWizards::portList()
{
    QFETCH(QString, text);
    QFETCH(QList<quint16>, ports);
    QFETCH(QString, error);
    const auto list = ui::PortList::parse(text);
    QCOMPARE(list.ok(), error.isEmpty());
    if (list)
        QCOMPARE(list->ports, ports);
    else
        QCOMPARE(list.error().message, error);
}

void TestWizards::drive(BlockPortWizard &wizard, const BlockAnswers &a)
{
    using uiw::click;
    using uiw::next;
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Protocol));
    click(child<QWidget>(wizard, a.protocol));
    next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Ports));
    QTest::keyClicks(child<QLineEdit>(wizard, u"portsEdit"_s), a.ports);
    next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Direction));
    click(child<QWidget>(wizard, a.direction));
    next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Remote));
    if (!a.remote.isEmpty())
        QTest::keyClicks(child<QLineEdit>(wizard, u"remoteAddressEdit"_s), a.remote);
    next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Mode));
    click(child<QWidget>(wizard, a.staticMode ? u"modeStatic"_s : u"modeDynamic"_s));
    next(wizard);
    if (a.staticMode) {
        QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Policy));
        if (!a.existingPolicy.isEmpty()) {
            click(child<QWidget>(wizard, u"policyExisting"_s));
            auto *combo = child<QComboBox>(wizard, u"existingPolicyCombo"_s);
            combo->setCurrentIndex(combo->findText(a.existingPolicy));
        } else if (!a.newPolicyName.isEmpty()) {
            uiw::retype(child<QLineEdit>(wizard, u"policyNameEdit"_s), a.newPolicyName);
        }
        if (a.assign)
            click(child<QWidget>(wizard, u"assignCheck"_s));
        next(wizard);
    }
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Summary));
}

int TestWizards::runIpseccmd(const QStringList &args, QString *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s); // never the kernel of the test's namespace
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECCMD_PATH), args + QStringList{u"--store"_s, storeB()});
    if (!p.waitForFinished(30000))
        return -1;
    *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestWizards::blockPortMatchesCommandLine_data()
{
    QTest::addColumn<BlockAnswers>("answers");
    QTest::addColumn<QStringList>("expectedLines");

    BlockAnswers article = answers(u"protocolUdp"_s, u"1434"_s, u"directionBoth"_s);
    article.assign = true;
    QTest::newRow("KB 813878") << article
                               << QStringList{
                                      u"ipseccmd -w REG -p 'Block UDP 1434 Filter' -r 'Block "
                                      u"Inbound UDP 1434 Rule' -f '*=0:1434:UDP' -n BLOCK"_s,
                                      u"ipseccmd -w REG -p 'Block UDP 1434 Filter' -r 'Block "
                                      u"Outbound UDP 1434 Rule' -f '0=*:1434:UDP' -n BLOCK -x"_s};

    BlockAnswers list = answers(u"protocolBoth"_s, u"135,137-138"_s, u"directionInbound"_s);
    list.remote = u"192.0.2.0/24"_s;
    list.newPolicyName = u"Block NetBIOS"_s;
    QTest::newRow("both protocols, list, subnet") << list << QStringList();

    BlockAnswers existing = answers(u"protocolTcp"_s, u"80"_s, u"directionOutbound"_s);
    existing.remote = u"198.51.100.7"_s;
    existing.existingPolicy = u"Server (Request Security)"_s;
    QTest::newRow("existing policy") << existing << QStringList();
}

void TestWizards::blockPortMatchesCommandLine()
{
    QFETCH(BlockAnswers, answers);
    QFETCH(QStringList, expectedLines);
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    BlockPortWizard wizard(*service);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    drive(wizard, answers);
    if (QTest::currentTestFailed())
        return;

    const QString shown = child<QPlainTextEdit>(wizard, u"commandLineView"_s)->toPlainText();
    QVERIFY(child<QPlainTextEdit>(wizard, u"commandLineView"_s)->isReadOnly());
    const QStringList lines = shown.split(u'\n');
    QCOMPARE(lines, wizard.commandLines());
    if (!expectedLines.isEmpty())
        QCOMPARE(lines, expectedLines);
    QCOMPARE(lines.size(), wizard.commands().size());

    uiw::finish(wizard);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QVERIFY2(!wizard.isVisible(), qPrintable(wizard.messages().join(u'\n')));

    // The same lines, as shown, through the real ipseccmd on a second store.
    for (const QString &line : lines) {
        QString error;
        QStringList words = syntax::IpsecCmdParser::splitCommandLine(line, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(words.takeFirst(), u"ipseccmd"_s);
        QString output;
        QCOMPARE(runIpseccmd(words, &output), 0);
    }
    QCOMPARE(storeContent(storeA()), storeContent(storeB()));

    // Sanity: the policy really holds the rules (the comparison alone would pass on two
    // empty stores).
    auto db = service->load();
    QVERIFY(db);
    const Policy *policy = db->policyByName(wizard.plan().policyName);
    QVERIFY(policy);
    QCOMPARE(policy->assigned, answers.assign);
    for (const auto &c : wizard.commands()) {
        const Rule *rule = nullptr;
        for (const Rule *r : db->rulesOf(policy->id))
            rule = r->name == c.ruleNames.value(0) ? r : rule;
        QVERIFY(rule);
        QCOMPARE(db->filterList(rule->filterListId)->filters.size(), c.filters.size());
        QCOMPARE(db->filterAction(rule->filterActionId)->type, FilterAction::Type::Block);
    }
}

void TestWizards::blockPortDynamic()
{
    // Store only (as in every test): dynamic mode is offered only when enforcing.
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    QVERIFY(!service->isEnforcing());
    BlockPortWizard wizard(*service);
    wizard.show();
    QVERIFY(!child<QWidget>(wizard, u"modeDynamic"_s)->isEnabled());
    QVERIFY(child<QLabel>(wizard, u"modeNote"_s)->text().contains(u"root"_s));

    // The commands it would run: the KB's dynamic form.
    ui::BlockPortPlan plan;
    plan.ports = ui::PortList::parse(u"1434"_s).value();
    plan.directions = ui::BlockPortPlan::Directions::Both;
    plan.staticMode = false;
    const auto commands = plan.commands();
    QCOMPARE(commands.size(), 2);
    QCOMPARE(syntax::IpsecCmdPrinter::commandLine(commands.at(0)),
             u"ipseccmd -f '[*=0:1434:UDP]'"_s);
    QCOMPARE(syntax::IpsecCmdPrinter::commandLine(commands.at(1)),
             u"ipseccmd -f '[0=*:1434:UDP]'"_s);
}

void TestWizards::invalidPortBlocksNext_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("range") << u"65536"_s << u"Port 65536 is out of range: ports are 1 to 65535."_s;
    QTest::newRow("word") << u"http"_s
                          << u"\"http\" is not a port number: use digits, e.g. 1434."_s;
    QTest::newRow("backwards") << u"139-137"_s
                               << u"The range 139-137 runs backwards: write it as 137-139."_s;
}

void TestWizards::invalidPortBlocksNext()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    BlockPortWizard wizard(*service);
    wizard.show();
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Ports));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // empty: mandatory field
    auto *edit = child<QLineEdit>(wizard, u"portsEdit"_s);
    QTest::keyClicks(edit, input);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(child<QLabel>(wizard, u"portsError"_s)->text(), message);
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Ports));

    uiw::retype(edit, u"1434"_s);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>(wizard, u"portsError"_s)->text().isEmpty());
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Direction));
}

void TestWizards::invalidRemoteBlocksNext()
{
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    BlockPortWizard wizard(*service);
    wizard.show();
    uiw::next(wizard);
    QTest::keyClicks(child<QLineEdit>(wizard, u"portsEdit"_s), u"80"_s);
    uiw::next(wizard);
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Remote));
    auto *edit = child<QLineEdit>(wizard, u"remoteAddressEdit"_s);
    QTest::keyClicks(edit, u"host.example.org"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>(wizard, u"remoteError"_s)->text().contains(u"host.example.org"_s));
    uiw::retype(edit, u"10.0.0.1/33"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!child<QLabel>(wizard, u"remoteError"_s)->text().isEmpty());
    uiw::click(child<QWidget>(wizard, u"remoteAny"_s));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

void TestWizards::existingPolicyNameRefused()
{
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    BlockPortWizard wizard(*service);
    wizard.show();
    uiw::next(wizard);
    QTest::keyClicks(child<QLineEdit>(wizard, u"portsEdit"_s), u"80"_s);
    for (int i = 0; i < 4; ++i)
        uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(BlockPortWizard::Page_Policy));
    QCOMPARE(child<QLineEdit>(wizard, u"policyNameEdit"_s)->text(), u"Block UDP 80 Filter"_s);
    uiw::retype(child<QLineEdit>(wizard, u"policyNameEdit"_s),
                u"secure server (require security)"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>(wizard, u"policyError"_s)->text().contains(u"exists already"_s));
}

void TestWizards::commitErrorKeepsWizardOpen()
{
    QVERIFY(uiw::openService(storeA())); // creates the store
    auto service = uiw::openService(storeA(), true);
    QVERIFY(service);
    BlockPortWizard wizard(*service);
    wizard.show();
    drive(wizard, answers(u"protocolUdp"_s, u"1434"_s, u"directionInbound"_s));
    if (QTest::currentTestFailed())
        return;
    uiw::finish(wizard);
    QVERIFY(wizard.isVisible());
    QVERIFY(wizard.result() != QDialog::Accepted);
    const QString error = child<QLabel>(wizard, u"commitError"_s)->text();
    QVERIFY2(error.startsWith(u"Command 1 of 1 failed: "_s), qPrintable(error));
}

QTEST_MAIN(TestWizards)
#include "TestWizards.moc"
