// The snap-in's wizards (IP Security Policy, IP Filter, Filter Action, Security Rule) driven by
// keys and clicks: each must produce a value object that validates and that the service
// accepts when the caller commits it.

#include "WizardTestSupport.h"

#include "wizards/FilterActionWizard.h"
#include "wizards/IpFilterWizard.h"
#include "wizards/IpSecurityPolicyWizard.h"
#include "wizards/RuleFilterActionPage.h"
#include "wizards/RuleFilterListPage.h"
#include "wizards/SecurityRuleWizard.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace ipsec;
using uiw::child;

class TestSnapInWizards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void ipSecurityPolicyWizard();
    void ipFilterWizard();
    void filterActionWizard();
    void securityRuleWizardExisting();
    void securityRuleWizardNewObjects();

private:
    QString storeA() const { return m_dir->filePath(u"wizard.db"_s); }

    QTemporaryDir m_runtime;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSnapInWizards::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    qputenv("IPSEC_CONSOLE_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    qunsetenv("IPSEC_CONSOLE_STORE");
}

void TestSnapInWizards::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSnapInWizards::ipSecurityPolicyWizard()
{
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    auto db = service->load();
    QVERIFY(db);
    ui::IpSecurityPolicyWizard wizard(db.value());
    wizard.show();
    auto *name = child<QLineEdit>(wizard, u"policyNameEdit"_s);
    QTest::keyClicks(name, u"client (respond only)"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>(wizard, u"policyNameError"_s)->text().contains(u"taken"_s));
    uiw::retype(name, u"Web Block"_s);
    QTest::keyClicks(child<QLineEdit>(wizard, u"policyDescriptionEdit"_s), u"No web"_s);
    uiw::next(wizard);
    uiw::click(child<QWidget>(wizard, u"activateDefaultResponse"_s));
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::IpSecurityPolicyWizard::Page_Completing));
    uiw::finish(wizard);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    Policy policy = wizard.policy();
    QCOMPARE(policy.name, u"Web Block"_s);
    QCOMPARE(policy.description, u"No web"_s);
    QVERIFY(policy.validate().isEmpty());
    QVERIFY(!wizard.activateDefaultResponseRule());
    QVERIFY(service->createPolicy(policy));
    QVERIFY(policy.id > 0);
}

void TestSnapInWizards::ipFilterWizard()
{
    ui::IpFilterWizard wizard;
    wizard.show();
    QTest::keyClicks(child<QLineEdit>(wizard, u"filterDescriptionEdit"_s), u"web"_s);
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::IpFilterWizard::Page_Source));
    uiw::next(wizard); // My IP Address
    auto *kind = child<QComboBox>(wizard, u"destinationKindCombo"_s);
    kind->setCurrentIndex(kind->findText(u"A specific IP Subnet"_s));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(child<QLineEdit>(wizard, u"destinationAddressEdit"_s), u"192.0.2.1/24"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // host bits set
    QVERIFY(!child<QLabel>(wizard, u"destinationError"_s)->text().isEmpty());
    uiw::retype(child<QLineEdit>(wizard, u"destinationAddressEdit"_s), u"192.0.2.0/24"_s);
    uiw::next(wizard);
    auto *protocol = child<QComboBox>(wizard, u"protocolTypeCombo"_s);
    protocol->setCurrentIndex(protocol->findText(u"TCP"_s));
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::IpFilterWizard::Page_Ports));
    uiw::retype(child<QSpinBox>(wizard, u"destinationPortSpin"_s), u"80"_s);
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::IpFilterWizard::Page_Completing));
    uiw::finish(wizard);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    const Filter f = wizard.filter();
    QVERIFY(f.validate().isEmpty());
    QVERIFY(f.source.isMe());
    QCOMPARE(f.destination.toString(), u"192.0.2.0/24"_s);
    QCOMPARE(f.protocol, Protocol::tcp());
    QCOMPARE(f.destinationPort, quint16(80));
    QCOMPARE(f.sourcePort, quint16(0));
    QVERIFY(f.mirrored);
    QCOMPARE(f.description, u"web"_s);

    // ICMP has no ports: the port page is skipped.
    ui::IpFilterWizard icmp;
    icmp.show();
    uiw::next(icmp);
    uiw::next(icmp);
    uiw::next(icmp);
    auto *p = child<QComboBox>(icmp, u"protocolTypeCombo"_s);
    p->setCurrentIndex(p->findText(u"ICMP"_s));
    uiw::next(icmp);
    QCOMPARE(icmp.currentId(), int(ui::IpFilterWizard::Page_Completing));
    QCOMPARE(icmp.filter().protocol, Protocol::icmp());
}

void TestSnapInWizards::filterActionWizard()
{
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    auto db = service->load();
    QVERIFY(db);
    {
        ui::FilterActionWizard wizard(db.value());
        wizard.show();
        QTest::keyClicks(child<QLineEdit>(wizard, u"actionNameEdit"_s), u"Drop"_s);
        uiw::next(wizard);
        uiw::click(child<QWidget>(wizard, u"actionBlock"_s));
        uiw::next(wizard);
        QCOMPARE(wizard.currentId(), int(ui::FilterActionWizard::Page_Completing));
        uiw::finish(wizard);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        FilterAction a = wizard.action();
        QCOMPARE(a.type, FilterAction::Type::Block);
        QVERIFY2(a.validate().isEmpty(), qPrintable(a.validate().join(u' ')));
        QVERIFY(service->createFilterAction(a));
    }
    ui::FilterActionWizard wizard(db.value());
    wizard.show();
    QTest::keyClicks(child<QLineEdit>(wizard, u"actionNameEdit"_s), u"Integrity"_s);
    uiw::next(wizard);
    uiw::next(wizard); // Negotiate security
    QCOMPARE(wizard.currentId(), int(ui::FilterActionWizard::Page_Fallback));
    uiw::click(child<QWidget>(wizard, u"fallbackUnsecured"_s));
    uiw::next(wizard);
    uiw::click(child<QWidget>(wizard, u"securityIntegrityOnly"_s));
    uiw::click(child<QWidget>(wizard, u"sessionKeyPfsCheck"_s));
    uiw::next(wizard);
    uiw::finish(wizard);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    FilterAction a = wizard.action();
    QCOMPARE(a.type, FilterAction::Type::Negotiate);
    QVERIFY(a.allowUnsecured);
    QVERIFY(a.sessionKeyPfs);
    QCOMPARE(a.securityMethods.size(), 1);
    QCOMPARE(a.securityMethods.first().espCipher, SecurityMethod::Cipher::None);
    QCOMPARE(a.securityMethods.first().espHash, SecurityMethod::Hash::Sha1);
    QVERIFY2(a.validate().isEmpty(), qPrintable(a.validate().join(u' ')));
    QVERIFY(service->createFilterAction(a));
}

void TestSnapInWizards::securityRuleWizardExisting()
{
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    auto db = service->load();
    QVERIFY(db);
    const Policy *policy = db->policyByName(u"Client (Respond Only)"_s);
    QVERIFY(policy);
    ui::SecurityRuleWizard wizard(db.value(), policy->id);
    wizard.show();
    uiw::next(wizard); // no tunnel
    uiw::click(child<QWidget>(wizard, u"connectionLan"_s));
    uiw::next(wizard);
    auto *lists = child<QComboBox>(wizard, u"filterListCombo"_s);
    lists->setCurrentIndex(lists->findText(u"All ICMP Traffic"_s));
    uiw::next(wizard);
    auto *actions = child<QComboBox>(wizard, u"filterActionCombo"_s);
    actions->setCurrentIndex(actions->findText(u"Permit"_s));
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::SecurityRuleWizard::Page_Completing)); // no auth
    uiw::finish(wizard);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    Rule rule = wizard.rule();
    QVERIFY(!wizard.newFilterList() && !wizard.newFilterAction());
    QCOMPARE(rule.filterListId, db->filterListByName(u"All ICMP Traffic"_s)->id);
    QCOMPARE(rule.filterActionId, db->filterActionByName(u"Permit"_s)->id);
    QCOMPARE(rule.connectionType, Rule::ConnectionType::Lan);
    QVERIFY2(rule.validate().isEmpty(), qPrintable(rule.validate().join(u' ')));
    auto created = service->createRule(rule);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
}

void TestSnapInWizards::securityRuleWizardNewObjects()
{
    auto service = uiw::openService(storeA());
    QVERIFY(service);
    auto db = service->load();
    QVERIFY(db);
    const qint64 policyId = db->policyByName(u"Server (Request Security)"_s)->id;
    ui::SecurityRuleWizard wizard(db.value(), policyId);
    wizard.show();
    QTest::keyClicks(child<QLineEdit>(wizard, u"tunnelEndpointEdit"_s), u"192.0.2.x"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    uiw::retype(child<QLineEdit>(wizard, u"tunnelEndpointEdit"_s), u"192.0.2.254"_s);
    uiw::next(wizard);
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::SecurityRuleWizard::Page_FilterList));
    QTest::keyClicks(child<QLineEdit>(wizard, u"newFilterListNameEdit"_s), u"Web"_s);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // no filter yet
    // The Add button opens the IP Filter Wizard without blocking; drive it too.
    uiw::click(child<QWidget>(wizard, u"addFilterButton"_s));
    auto *filterWizard = wizard.findChild<ui::IpFilterWizard *>();
    QVERIFY(filterWizard);
    QVERIFY(filterWizard->isVisible());
    for (int i = 0; i < 3; ++i)
        uiw::next(*filterWizard);
    auto *protocol = child<QComboBox>(*filterWizard, u"protocolTypeCombo"_s);
    protocol->setCurrentIndex(protocol->findText(u"TCP"_s));
    uiw::next(*filterWizard);
    uiw::retype(child<QSpinBox>(*filterWizard, u"sourcePortSpin"_s), u"80"_s);
    uiw::next(*filterWizard);
    uiw::finish(*filterWizard);
    QCOMPARE(child<QListWidget>(wizard, u"newFilterListFilters"_s)->count(), 1);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    uiw::next(wizard);

    FilterAction negotiate;
    negotiate.name = u"Web Security"_s;
    negotiate.securityMethods = {SecurityMethod{}};
    wizard.filterActionPage()->setNewAction(negotiate); // stands in for the action wizard
    uiw::next(wizard);
    QCOMPARE(wizard.currentId(), int(ui::SecurityRuleWizard::Page_Authentication));
    uiw::click(child<QWidget>(wizard, u"authPreshared"_s));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(child<QLineEdit>(wizard, u"presharedKeyEdit"_s), u"s3cret"_s);
    uiw::next(wizard);
    uiw::finish(wizard);
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    // The caller's part: create the new objects, then the rule.
    auto list = wizard.newFilterList();
    auto action = wizard.newFilterAction();
    QVERIFY(list && action);
    QCOMPARE(list->filters.size(), 1);
    QCOMPARE(list->filters.first().sourcePort, quint16(80));
    QVERIFY(service->createFilterList(*list));
    QVERIFY(service->createFilterAction(*action));
    Rule rule = wizard.rule();
    QCOMPARE(rule.tunnelEndpoint, u"192.0.2.254"_s);
    QCOMPARE(rule.authMethods, (QList<AuthMethod>{{AuthMethod::Kind::PresharedKey, u"s3cret"_s}}));
    rule.filterListId = list->id;
    rule.filterActionId = action->id;
    QVERIFY2(rule.validate().isEmpty(), qPrintable(rule.validate().join(u' ')));
    auto created = service->createRule(rule);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
}

QTEST_MAIN(TestSnapInWizards)
#include "TestSnapInWizards.moc"
