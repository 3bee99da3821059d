// PolicyClient::executeNetsh in-process, store only: a script is all or nothing (Atomic) or runs
// line by line as netsh does (a failing line is rolled back alone and named), names the line of
// its error, and read-only scripts write nothing.

#include "service/PolicyService.h"
#include "snapshot/NetshScriptWriter.h"
#include "syntax/IpsecCmd.h"
#include "syntax/Netsh.h"

#include <QFile>
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
    void snapshotNetshScriptRecreatesStore();
    void nameClashesRefused();
    void nameClashSameAnswerFromEveryFrontEnd();
    void lineByLineGoesOn();
    void lineByLineAddFiltersMatchAtomic();

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

namespace {

// Everything a netsh script can carry, by name, in a stable order (guids and ids aside).
QStringList summary(const PolicyDatabase &db)
{
    QStringList out;
    for (const Policy &p : db.policies)
        out << u"policy %1 | %2 | %3 min | assigned %4"_s.arg(p.name, p.description)
                   .arg(p.pollingIntervalMinutes)
                   .arg(p.assigned);
    for (const Rule &r : db.rules) {
        const FilterList *l = db.filterList(r.filterListId);
        const FilterAction *a = db.filterAction(r.filterActionId);
        QStringList auth;
        for (const AuthMethod &m : r.authMethods)
            auth << m.toString();
        out << u"rule %1 / %2 | list %3 | action %4 | active %5 | default %6 | %7 | %8 | %9"_s
                   .arg(db.policy(r.policyId)->name, r.defaultResponse ? u"(default)"_s : r.name,
                        l ? l->name : QString(), a ? a->name : QString())
                   .arg(r.active)
                   .arg(r.defaultResponse)
                   .arg(Rule::connectionTypeName(r.connectionType), auth.join(u','));
    }
    for (const FilterList &l : db.filterLists) {
        out << u"list %1 | %2"_s.arg(l.name, l.description);
        for (const Filter &f : l.filters)
            out << u"  filter %1:%2 -> %3:%4 %5 mirrored %6 | %7"_s.arg(f.source.toString())
                       .arg(f.sourcePort)
                       .arg(f.destination.toString())
                       .arg(f.destinationPort)
                       .arg(f.protocol.name())
                       .arg(f.mirrored)
                       .arg(f.description);
    }
    for (const FilterAction &a : db.filterActions) {
        QStringList methods;
        for (const SecurityMethod &m : a.securityMethods)
            methods << m.toString();
        out << u"action %1 | %2 | %3 | inpass %4 | soft %5 | pfs %6 | %7"_s
                   .arg(a.name, a.description, FilterAction::typeName(a.type))
                   .arg(a.inboundPassThrough)
                   .arg(a.allowUnsecured)
                   .arg(a.sessionKeyPfs)
                   .arg(methods.join(u' '));
    }
    out.sort();
    return out;
}

} // namespace

// The netsh script a snapshot exports, run into an emptied store, gives the same store back:
// the Windows examples and the sample scripts' objects, with awkward names and descriptions.
void TestNetshService::snapshotNetshScriptRecreatesStore()
{
    const QString source = QString::fromLatin1(qgetenv("IPSEC_SOURCE_DIR"));
    QVERIFY(!source.isEmpty());
    for (const QString &name : {u"harden.cmd"_s, u"quarantine.cmd"_s, u"banlist.netsh"_s}) {
        QFile f(source + u"/tests/data/netsh/"_s + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto r = m_client->executeNetsh(QString::fromUtf8(f.readAll()), name);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    }
    auto extra = m_client->executeNetsh(
        u"ipsec static add policy name=\"Stra\u00dfe & 100% \"\"sicher\"\"\" "
        u"description=\"Zeile; mit = und ^ und <>\" pollinginterval=45\n"
        u"ipsec static add filterlist name=\"L\u00e4nder\" description=\"x y\"\n"
        u"ipsec static add filter filterlist=\"L\u00e4nder\" srcaddr=2001:db8::1 "
        u"dstaddr=me protocol=58 mirrored=no description=\"IPv6 ICMP\"\n"
        u"ipsec static add filteraction name=Verhandeln action=negotiate qmpfs=yes soft=yes "
        u"qmsec=\"ESP[3DES,SHA1]:100000k/3600s AH[MD5]\"\n"
        u"ipsec static add rule name=\"R 1\" policy=\"Stra\u00dfe & 100% \"\"sicher\"\"\" "
        u"filterlist=\"L\u00e4nder\" filteraction=Verhandeln psk=\"geheim\" activate=no\n"_s,
        u"extra"_s);
    QVERIFY2(extra, extra ? "" : qPrintable(extra.error().message));
    auto *service = qobject_cast<PolicyService *>(m_client.get());
    QVERIFY(service);
    auto snapshot = service->currentSnapshot();
    QVERIFY(snapshot);
    const QStringList before = summary(snapshot->database);

    const QString script = NetshScriptWriter::write(snapshot.value());
    auto parsed = syntax::NetshScript::parse(script, u"export.cmd"_s);
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));

    // A fresh store (it starts with the Windows examples): delete all, then the export.
    init();
    auto wiped =
        m_client->executeNetsh(u"netsh ipsec static delete all\n"_s + script, u"export.cmd"_s);
    QVERIFY2(wiped, wiped ? "" : qPrintable(wiped.error().message));
    const QStringList after = summary(load());
    QCOMPARE(after, before);
}

// Adding or renaming onto a name in use (any case) is a conflict naming it; nothing changes.
void TestNetshService::nameClashesRefused()
{
    auto made =
        m_client->executeNetsh(u"ipsec static add filterlist name=One\n"
                               u"ipsec static add filterlist name=Two\n"
                               u"ipsec static add filteraction name=Act action=block\n"
                               u"ipsec static add filteraction name=Other action=permit\n"_s,
                               u"setup"_s);
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    const qint64 revision = load().revision;
    for (const QString &line : {u"ipsec static add filterlist name=ONE"_s,
                                u"ipsec static set filterlist two newname=one"_s,
                                u"ipsec static add filteraction name=act"_s,
                                u"ipsec static set filteraction other newname=ACT"_s,
                                u"ipsec static set policy \"Client (Respond Only)\" "
                                u"newname=\"server (request security)\""_s}) {
        auto r = m_client->executeNetsh(line, u"command line"_s);
        QVERIFY2(!r, qPrintable(line));
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QVERIFY2(r.error().message.contains(u"already exists"_s), qPrintable(r.error().message));
    }
    QCOMPARE(load().revision, revision);
}

void TestNetshService::lineByLineGoesOn()
{
    // A first run of a "delete, then create" script, a clash with the built-in Permit, a bad
    // tag and a rule that names a missing action: each fails alone, the rest is applied.
    const QString script = u"netsh ipsec static delete policy name=Q\n"                       // 1
                           u"netsh ipsec static add policy name=Q\n"                          // 2
                           u"netsh ipsec static add filteraction name=Permit action=permit\n" // 3
                           u"netsh ipsec static add filter filterlist=L srcaddr=any dstaddr=me "
                           u"protocol=UDP dstport=1434\n"                                      // 4
                           u"netsh ipsec static add filter filterlist=L srcaddr=any bogus=1\n" // 5
                           u"netsh ipsec static add rule name=R policy=Q filterlist=New "
                           u"filteraction=Missing\n"                                    // 6
                           u"netsh ipsec static add filteraction name=B action=block\n" // 7
                           u"netsh ipsec static add rule name=R policy=Q filterlist=L "
                           u"filteraction=B\n"_s; // 8
    QSignalSpy changed(m_client.get(), &PolicyClient::changed);
    auto r = m_client->executeNetsh(script, u"q.cmd"_s, ScriptMode::LineByLine);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(changed.count(), 1); // still one transaction
    const QStringList errors = r->errors;
    QCOMPARE(errors.size(), 4);
    QVERIFY2(errors[0].startsWith(u"q.cmd line 1: There is no policy named \"Q\""_s),
             qPrintable(errors[0]));
    QVERIFY2(errors[1].startsWith(u"q.cmd line 3: "_s), qPrintable(errors[1]));
    QVERIFY2(errors[2].startsWith(u"q.cmd line 5: "_s), qPrintable(errors[2]));
    QVERIFY2(errors[3].startsWith(u"q.cmd line 6: "_s), qPrintable(errors[3]));
    const PolicyDatabase db = load();
    const Policy *q = db.policyByName(u"Q"_s);
    QVERIFY(q);
    QVERIFY(db.filterListByName(u"L"_s));
    QCOMPARE(db.filterListByName(u"L"_s)->filters.size(), 1);
    // Line 6 failed after "add rule" could have created its list: nothing of it stays.
    QVERIFY(!db.filterListByName(u"New"_s));
    QCOMPARE(db.rulesOf(q->id).size(), 2); // the default response rule and R
    // The built-in Permit is untouched.
    QCOMPARE(db.filterActionByName(u"Permit"_s)->type, FilterAction::Type::Permit);
}

void TestNetshService::lineByLineAddFiltersMatchAtomic()
{
    // The same many-filter script gives the same store either way, duplicates noted once each.
    QString script = u"add policy name=P\n"_s.prepend(u"pushd ipsec static\n"_s);
    for (int i = 1; i <= 300; ++i)
        script += u"add filter filterlist=L srcaddr=10.0.%1.%2 dstaddr=me protocol=TCP "
                  u"dstport=%3\n"_s.arg(i / 256)
                      .arg(i % 256)
                      .arg(i % 7 + 1);
    script += u"add filter filterlist=L srcaddr=10.0.0.1 dstaddr=me protocol=TCP dstport=2\n"_s;
    script += u"delete filter filterlist=L srcaddr=10.0.0.2 dstaddr=me protocol=TCP dstport=3\n"_s;
    script += u"add filter filterlist=L srcaddr=10.0.0.2 dstaddr=me protocol=TCP dstport=3\n"_s;
    auto r = m_client->executeNetsh(script, u"m.netsh"_s, ScriptMode::LineByLine);
    QVERIFY2(r && r->errors.isEmpty(), r ? qPrintable(r->errors.join(u'\n')) : "");
    QCOMPARE(r->notices.count(u"Filter list \"L\" already has this filter; not added twice."_s), 1);
    const FilterList *l = load().filterListByName(u"L"_s);
    QVERIFY(l);
    QCOMPARE(l->filters.size(), 300);
}

// Issue 13: the editing rules live in one place (PolicyEdits). A name that clashes (in any case)
// gets the same sentence from netsh and the console; ipseccmd takes the name for the same object.
void TestNetshService::nameClashSameAnswerFromEveryFrontEnd()
{
    auto made = m_client->executeNetsh(
        u"ipsec static add policy name=Lockdown\n"
        u"ipsec static add filterlist name=Web\n"
        u"ipsec static add filter filterlist=Web srcaddr=any dstaddr=me protocol=TCP dstport=80\n"
        u"ipsec static add filteraction name=Drop action=block\n"
        u"ipsec static add rule name=Http policy=Lockdown filterlist=Web filteraction=Drop\n"_s,
        u"setup"_s);
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    PolicyDatabase db = load();
    const Policy lockdown = *db.policyByName(u"Lockdown"_s);
    const qint64 web = db.filterListByName(u"Web"_s)->id;
    const qint64 drop = db.filterActionByName(u"Drop"_s)->id;
    const qint64 revision = db.revision;

    const auto netshSays = [&](const QString &line) {
        auto r = m_client->executeNetsh(line, u"command line"_s);
        return r ? QString() : r.error().message;
    };
    const auto same = [](const QString &console, const QString &netsh, const QString &expected) {
        QCOMPARE(console, expected);
        QCOMPARE(netsh, u"command line: "_s + expected + u" Nothing was changed."_s);
    };

    // Policies.
    Policy p;
    p.name = u"LOCKDOWN"_s;
    auto console = m_client->createPolicy(p);
    QVERIFY(!console);
    QCOMPARE(console.error().code, ErrorCode::Conflict);
    same(console.error().message, netshSays(u"ipsec static add policy name=lockdown"_s),
         u"A policy named \"Lockdown\" already exists; choose another name, or change or "
         u"delete that policy."_s);
    // Filter lists and filter actions.
    FilterList l;
    l.name = u"WEB"_s;
    console = m_client->createFilterList(l);
    QVERIFY(!console);
    same(console.error().message, netshSays(u"ipsec static add filterlist name=web"_s),
         u"A filter list named \"Web\" already exists; choose another name, or change or "
         u"delete that filter list."_s);
    FilterAction a;
    a.name = u"drop"_s;
    a.type = FilterAction::Type::Block;
    console = m_client->createFilterAction(a);
    QVERIFY(!console);
    same(console.error().message, netshSays(u"ipsec static add filteraction name=DROP"_s),
         u"A filter action named \"Drop\" already exists; choose another name, or change or "
         u"delete that filter action."_s);
    // Rules of a policy.
    Rule r;
    r.policyId = lockdown.id;
    r.name = u"HTTP"_s;
    r.filterListId = web;
    r.filterActionId = drop;
    console = m_client->createRule(r);
    QVERIFY(!console);
    same(console.error().message,
         netshSays(u"ipsec static add rule name=http policy=Lockdown filterlist=Web "
                   u"filteraction=Drop"_s),
         u"Policy \"Lockdown\" already has a rule named \"Http\"; choose another name, or "
         u"change or delete that rule."_s);
    QCOMPARE(load().revision, revision); // nothing changed

    // ipseccmd, as ipsecpol: the name is the existing policy's, its rule goes there.
    auto cmd =
        syntax::IpsecCmdParser::parse({u"-w"_s, u"REG"_s, u"-p"_s, u"lockdown"_s, u"-r"_s,
                                       u"Ping"_s, u"-f"_s, u"0+*::ICMP"_s, u"-n"_s, u"BLOCK"_s});
    QVERIFY2(cmd, cmd ? "" : qPrintable(cmd.error().message));
    auto added = m_client->executeStatic(cmd.value());
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
    QVERIFY2(added->messages.join(u'\n').contains(u"to policy \"Lockdown\""_s),
             qPrintable(added->messages.join(u'\n')));
    db = load();
    QCOMPARE(db.policies.size(), 4); // the three examples and Lockdown, no second one
}

QTEST_GUILESS_MAIN(TestNetshService)
#include "TestNetshService.moc"
