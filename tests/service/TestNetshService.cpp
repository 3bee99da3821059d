// PolicyClient::executeNetsh in-process, store only: a script is all or nothing, names the
// line of its error, and read-only scripts write nothing.

#include "service/PolicyService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;

class TestNetshService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void scriptBuildsObjects();
    void errorRollsBackEveryLine();
    void readOnlyScriptWritesNothing();
    void dynamicNeedsKernel();
    void renamesAndDeletes();

private:
    PolicyDatabase load() { return m_client->load().value(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PolicyClient> m_client; // the interface the front ends use
};

void TestNetshService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    PolicyService::Options o;
    o.storePath = m_dir->filePath(u"policy.db"_s);
    o.enforcement = PolicyService::Enforcement::Off;
    auto s = PolicyService::open(o);
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    m_client = std::move(s.value());
}

void TestNetshService::scriptBuildsObjects()
{
    QSignalSpy changed(m_client.get(), &PolicyClient::changed);
    const QString script = u"pushd ipsec static\n"
                           u"add policy name=P pollinginterval=30 activatedefaultrule=no\n"
                           u"add filter filterlist=L srcaddr=10.1.0.0 srcmask=16 dstaddr=me "
                           u"protocol=TCP dstport=22\n"
                           u"add filteraction name=A action=negotiate qmsec=\"ESP[3DES,SHA1] "
                           u"AH[MD5]\" inpass=yes\n"
                           u"add rule name=R policy=P filterlist=L filteraction=A psk=\"k\" "
                           u"kerberos=yes conntype=lan\n"
                           u"set policy name=P assign=yes\n"
                           u"popd\n"_s;
    auto r = m_client->executeNetsh(script, u"s.netsh"_s);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(changed.count(), 1); // one transaction
    const PolicyDatabase db = load();
    const Policy *p = db.policyByName(u"P"_s);
    QVERIFY(p);
    QVERIFY(p->assigned);
    QCOMPARE(p->pollingIntervalMinutes, 30);
    const FilterList *l = db.filterListByName(u"L"_s); // created by add filter
    QVERIFY(l);
    QCOMPARE(l->filters.size(), 1);
    QCOMPARE(l->filters.first().source.toString(), u"10.1.0.0/16"_s);
    QVERIFY(l->filters.first().mirrored); // netsh's default
    const FilterAction *a = db.filterActionByName(u"A"_s);
    QCOMPARE(a->securityMethods.size(), 2);
    QVERIFY(a->inboundPassThrough);
    for (const Rule *rule : db.rulesOf(p->id)) {
        if (rule->defaultResponse) {
            QVERIFY(!rule->active);
            continue;
        }
        QCOMPARE(rule->connectionType, Rule::ConnectionType::Lan);
        QCOMPARE(rule->authMethods.size(), 2);
        QCOMPARE(rule->authMethods.first().kind, AuthMethod::Kind::PresharedKey);
    }
}

void TestNetshService::errorRollsBackEveryLine()
{
    const PolicyDatabase before = load();
    QSignalSpy changed(m_client.get(), &PolicyClient::changed);
    const QString script = u"netsh ipsec static add policy name=Q\r\n"
                           u"netsh ipsec static add filterlist name=M\r\n"
                           u"netsh ipsec static delete filteraction name=Permit\r\n"_s;
    auto r = m_client->executeNetsh(script, u"x.cmd"_s);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Conflict); // Permit is used by the example policies
    QVERIFY2(r.error().message.startsWith(u"x.cmd line 3: Filter action \"Permit\" is used"_s),
             qPrintable(r.error().message));
    QVERIFY(r.error().message.endsWith(u"Nothing was changed."_s));
    QCOMPARE(changed.count(), 0);
    const PolicyDatabase after = load();
    QCOMPARE(after.revision, before.revision);
    QVERIFY(!after.policyByName(u"Q"_s));
    QVERIFY(!after.filterListByName(u"M"_s));
}

void TestNetshService::readOnlyScriptWritesNothing()
{
    const qint64 revision = load().revision;
    auto r =
        m_client->executeNetsh(u"ipsec static show all\nipsec static exportpolicy x\n"_s, u"ro"_s);
    QVERIFY(r);
    QCOMPARE(load().revision, revision);
}

void TestNetshService::dynamicNeedsKernel()
{
    const qint64 revision = load().revision;
    auto r = m_client->executeNetsh(u"ipsec static add filterlist name=N\n"
                                    u"ipsec dynamic add rule any me\n"_s,
                                    u"command line"_s);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Permission);
    QCOMPARE(load().revision, revision);
}

void TestNetshService::renamesAndDeletes()
{
    auto r = m_client->executeNetsh(
        u"ipsec static add policy P\n"
        u"ipsec static add rule R P \"All IP Traffic\" Permit\n"
        u"ipsec static set rule id=1 policy=P newname=R2 activate=no\n"
        u"ipsec static set policy name=P newname=P2 description=d\n"
        u"ipsec static set filteraction name=Permit newname=Allow action=block\n"
        u"ipsec static add filter \"All ICMP Traffic\" me any protocol=ICMP mirrored=no\n"
        u"ipsec static delete filter \"All ICMP Traffic\" srcaddr=me mirrored=no\n"
        u"ipsec static delete rule name=R2 policy=P2\n"_s,
        u"e.netsh"_s);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    const PolicyDatabase db = load();
    const Policy *p = db.policyByName(u"P2"_s);
    QVERIFY(p);
    QCOMPARE(p->description, u"d"_s);
    QCOMPARE(db.rulesOf(p->id).size(), 1); // only the default response rule left
    QVERIFY(!db.filterActionByName(u"Permit"_s));
    QCOMPARE(db.filterActionByName(u"Allow"_s)->type, FilterAction::Type::Block);
    QCOMPARE(db.filterListByName(u"All ICMP Traffic"_s)->filters.size(), 1);
    // Deleting what does not exist is an error naming it.
    auto missing = m_client->executeNetsh(u"ipsec static delete rule name=nope policy=P2"_s,
                                          u"command line"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY2(missing.error().message.startsWith(
                 u"command line: Policy \"P2\" has no rule named \"nope\"."_s),
             qPrintable(missing.error().message));
}

QTEST_GUILESS_MAIN(TestNetshService)
#include "TestNetshService.moc"
