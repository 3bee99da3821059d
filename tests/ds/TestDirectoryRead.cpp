// The directory reader through libldap against a real Samba AD DC in a namespace (issue 15):
// a simple bind reads the 22 provisioned objects, byte for byte as the fixture, and the three
// default policies; wrong credentials and readable password files are refused; a policy
// written by this program into the directory reads back the same, and is deleted again.

#include "ds/DsFixtures.h"
#include "ds/SambaDc.h"

#include "ds/DsModel.h"
#include "ds/GpoResolver.h"
#include "ds/LdapDirectory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

class TestDirectoryRead : public QObject {
    Q_OBJECT

private:
    SambaDc m_dc;
    QTemporaryDir m_tmp;
    QString m_passwordFile;

    DirectoryOptions adminOptions() const
    {
        DirectoryOptions o;
        o.url = QLatin1StringView(SambaDc::Url);
        o.bindDn = QLatin1StringView(SambaDc::AdminDn);
        o.bindPasswordFile = m_passwordFile;
        return o;
    }

    // Connects from inside the DC's namespace (the socket stays there for later calls).
    Result<std::unique_ptr<LdapDirectory>> connect(const DirectoryOptions &options)
    {
        Result<std::unique_ptr<LdapDirectory>> result = Error::store(u"not run"_s);
        const bool entered = NetnsFixture::runIn(m_dc.netns(), [&] {
            auto resolved = DirectoryOptions::resolve(options);
            if (!resolved) {
                result = resolved.error();
                return;
            }
            result = LdapDirectory::connect(*resolved);
        });
        if (!entered)
            return Error::store(u"cannot enter the namespace"_s);
        return result;
    }

private slots:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        qInfo("Samba DC: provisioning %lld ms (0 = cached), start %lld ms", m_dc.provisionMs(),
              m_dc.startMs());
        m_passwordFile = m_tmp.filePath(u"bind.password"_s);
        QFile f(m_passwordFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(QByteArray(SambaDc::AdminPassword) + '\n'); // a trailing newline is dropped
    }

    void readsTheProvisionedObjects()
    {
        auto dir = connect(adminOptions());
        QVERIFY2(dir, dir ? "" : qPrintable(dir.error().message));
        QCOMPARE((*dir)->baseDn(), QLatin1StringView(SambaDc::BaseDn)); // from the rootDSE
        auto objects = (*dir)->readIpsecObjects();
        QVERIFY2(objects, objects ? "" : qPrintable(objects.error().message));
        QString error;
        const QList<DsObject> fixture = provisionedObjects(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(objects->size(), 22);
        for (const DsObject &expected : fixture) {
            const auto it =
                std::find_if(objects->cbegin(), objects->cend(), [&](const DsObject &o) {
                    return o.dn.compare(expected.dn, Qt::CaseInsensitive) == 0;
                });
            QVERIFY2(it != objects->cend(), qPrintable(expected.dn));
            QCOMPARE(*it, expected);
        }
        auto contents = DsModel::read(*objects);
        QVERIFY2(contents, contents ? "" : qPrintable(contents.error().message));
        QCOMPARE(contents->database.policies.size(), 3);
        for (const char *name : {"Client (Respond Only)", "Server (Request Security)",
                                 "Secure Server (Require Security)"})
            QVERIFY2(contents->database.policyByName(QLatin1StringView{name}), name);
        QCOMPARE(contents->database.rules.size(), 7);
    }

    void wrongCredentialsAreRefused()
    {
        QTemporaryDir tmp;
        const QString wrong = tmp.filePath(u"wrong"_s);
        QFile f(wrong);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write("Not-The-Password-7");
        f.close();
        DirectoryOptions o = adminOptions();
        o.bindPasswordFile = wrong;
        auto dir = connect(o);
        QVERIFY(!dir);
        QCOMPARE(dir.error().code, ErrorCode::Permission);
        QVERIFY2(dir.error().message.contains(u"refused the bind as CN=Administrator"_s),
                 qPrintable(dir.error().message));
        QVERIFY(!dir.error().message.contains(u"Not-The-Password"_s));

        // Anonymous: Active Directory shows nothing of the IPsec container.
        auto anonymous = connect([] {
            DirectoryOptions a;
            a.url = QLatin1StringView(SambaDc::Url);
            a.baseDn = QLatin1StringView(SambaDc::BaseDn);
            return a;
        }());
        if (anonymous) {
            auto objects = (*anonymous)->readIpsecObjects();
            QVERIFY(!objects || objects->isEmpty());
        }
    }

    void readablePasswordFileIsRefused()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(u"open"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(SambaDc::AdminPassword);
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                 | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        DirectoryOptions o = adminOptions();
        o.bindPasswordFile = path;
        auto dir = connect(o);
        QVERIFY(!dir);
        QVERIFY2(dir.error().message.contains(u"can be read by other users (mode 0644)"_s),
                 qPrintable(dir.error().message));
        QVERIFY(!dir.error().message.contains(QLatin1StringView(SambaDc::AdminPassword)));
    }

    void writesAPolicyAndReadsItBack()
    {
        auto dir = connect(adminOptions());
        QVERIFY2(dir, dir ? "" : qPrintable(dir.error().message));
        // A blocking policy (the article's: block UDP 1434 from anywhere to this host).
        PolicyDatabase db;
        FilterList list;
        list.id = 1;
        list.name = u"SQL 1434"_s;
        Filter f;
        f.source = Address::any();
        f.destination = Address::me();
        f.protocol = Protocol::udp();
        f.destinationPort = 1434;
        f.mirrored = true;
        list.filters << f;
        db.filterLists << list;
        FilterAction block;
        block.id = 1;
        block.name = u"Block"_s;
        block.type = FilterAction::Type::Block;
        db.filterActions << block;
        Policy p;
        p.id = 1;
        p.name = u"Block SQL Slammer"_s;
        p.pollingIntervalMinutes = 1;
        db.policies << p;
        Rule r;
        r.id = 1;
        r.policyId = 1;
        r.name = u"SQL 1434"_s;
        r.filterListId = 1;
        r.filterActionId = 1;
        db.rules << r;
        auto objects = DsModel::write(db, 1, (*dir)->baseDn());
        QVERIFY(objects);
        auto added = (*dir)->addAll(*objects);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        auto all = (*dir)->readIpsecObjects();
        QVERIFY(all);
        QCOMPARE(all->size(), 22 + objects->size());
        for (const DsObject &o : *objects) {
            const auto it = std::find_if(all->cbegin(), all->cend(), [&](const DsObject &x) {
                return x.dn.compare(o.dn, Qt::CaseInsensitive) == 0;
            });
            QVERIFY(it != all->cend());
            QCOMPARE(it->data, o.data); // the directory keeps the blobs byte for byte
        }
        auto contents = DsModel::read(*all);
        QVERIFY2(contents, contents ? "" : qPrintable(contents.error().message));
        QCOMPARE(contents->database.policies.size(), 4);
        const Policy *back = contents->database.policyByName(u"Block SQL Slammer"_s);
        QVERIFY(back);
        QCOMPARE(back->pollingIntervalMinutes, 1);
        const auto rules = contents->database.rulesOf(back->id);
        QCOMPARE(rules.size(), 1);
        const FilterList *l = contents->database.filterList(rules[0]->filterListId);
        QCOMPARE(l->filters.size(), 1);
        QVERIFY(l->filters[0].sameTraffic(f));
        QCOMPARE(contents->database.filterAction(rules[0]->filterActionId)->type,
                 FilterAction::Type::Block);

        for (const DsObject &o : *objects)
            QVERIFY((*dir)->remove(o.dn));
        all = (*dir)->readIpsecObjects();
        QVERIFY(all);
        QCOMPARE(all->size(), 22);
    }

    void assignedPolicyComesFromTheGpoLinks()
    {
        // An OU tree, a computer account and a GPO that assigns Secure Server, linked to the
        // computer's OU (as the Group Policy and IPsec snap-ins would write them).
        const QString gpoDn =
            u"CN={8D2E6A3C-1500-4000-8000-000000000015},CN=Policies,CN=System,DC=corp,DC=test"_s;
        const QString secure =
            u"CN=ipsecPolicy{7238523C-70FA-11D1-864C-14A300000000},CN=IP Security,CN=System,"
            u"DC=corp,DC=test"_s;
        const QString ldif =
            u"dn: OU=Corp,DC=corp,DC=test\nobjectClass: organizationalUnit\n\n"
            u"dn: OU=Workstations,OU=Corp,DC=corp,DC=test\nobjectClass: organizationalUnit\n\n"
            u"dn: CN=WS17,OU=Workstations,OU=Corp,DC=corp,DC=test\nobjectClass: computer\n"
            u"sAMAccountName: WS17$\n\n"
            u"dn: %1\nobjectClass: groupPolicyContainer\ndisplayName: IPsec for workstations\n"
            u"flags: 0\nversionNumber: 1\ngPCFunctionalityVersion: 2\n\n"
            u"dn: CN=Machine,%1\nobjectClass: container\n\n"
            u"dn: CN=Microsoft,CN=Machine,%1\nobjectClass: container\n\n"
            u"dn: CN=Windows,CN=Microsoft,CN=Machine,%1\nobjectClass: container\n\n"
            u"dn: CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,%1\nobjectClass: ipsecPolicy\n"
            u"ipsecName: Secure Server (Require Security)\nipsecOwnersReference: %2\n\n"_s.arg(
                gpoDn, secure);
        int rc = -1;
        m_dc.ldapTool(u"ldapadd"_s, {}, &rc, ldif.toUtf8());
        QCOMPARE(rc, 0);
        const auto link = [&](int options) {
            const QString change = u"dn: OU=Workstations,OU=Corp,DC=corp,DC=test\n"
                                   u"changetype: modify\nreplace: gPLink\n"
                                   u"gPLink: [LDAP://cn={8D2E6A3C-1500-4000-8000-000000000015},"
                                   u"cn=policies,cn=system,DC=corp,DC=test;%1]\n\n"_s.arg(options);
            int code = -1;
            m_dc.ldapTool(u"ldapmodify"_s, {}, &code, change.toUtf8());
            return code == 0;
        };
        QVERIFY(link(0));

        auto dir = connect(adminOptions());
        QVERIFY2(dir, dir ? "" : qPrintable(dir.error().message));
        auto computer = (*dir)->findComputer(u"WS17"_s);
        QVERIFY2(computer, computer ? "" : qPrintable(computer.error().message));
        QCOMPARE(*computer, u"CN=WS17,OU=Workstations,OU=Corp,DC=corp,DC=test"_s);
        QVERIFY(!(*dir)->findComputer(u"NOSUCH*"_s));

        auto assigned = (*dir)->assignedPolicy(u"WS17"_s);
        QVERIFY2(assigned, assigned ? "" : qPrintable(assigned.error().message));
        // The Default Domain Policy (linked at the domain by provisioning), then ours.
        QCOMPARE(assigned->applied.size(), 2);
        QCOMPARE(GpoResolver::normalizedDn(assigned->applied[1].gpoDn),
                 GpoResolver::normalizedDn(gpoDn));
        QCOMPARE(GpoResolver::normalizedDn(assigned->ipsecPolicyDn),
                 GpoResolver::normalizedDn(secure));
        QCOMPARE(assigned->ipsecSomDn, u"OU=Workstations,OU=Corp,DC=corp,DC=test"_s);

        QVERIFY(link(1)); // the link disabled: nothing assigned any more
        assigned = (*dir)->assignedPolicy(u"WS17"_s);
        QVERIFY(assigned);
        QVERIFY(assigned->ipsecPolicyDn.isEmpty());
        QCOMPARE(assigned->applied.size(), 1);
    }

    void optionsComeFromTheEnvironment()
    {
        qputenv("IPSEC_CONSOLE_DIRECTORY", "ldap://dc1.corp.test");
        qputenv("IPSEC_CONSOLE_BIND_DN", "CN=ipsec,CN=Users,DC=corp,DC=test");
        qputenv("IPSEC_CONSOLE_BIND_PASSWORD_FILE", "/etc/ipsec-console/bind.password");
        qputenv("IPSEC_CONSOLE_COMPUTER", "WS17");
        auto o = DirectoryOptions::resolve({});
        QVERIFY(o);
        QCOMPARE(o->url, u"ldap://dc1.corp.test"_s);
        QCOMPARE(o->bindDn, u"CN=ipsec,CN=Users,DC=corp,DC=test"_s);
        QCOMPARE(o->computer, u"WS17"_s);
        DirectoryOptions explicitOptions;
        explicitOptions.url = u"ldaps://other:636"_s;
        QCOMPARE(DirectoryOptions::resolve(explicitOptions)->url, u"ldaps://other:636"_s);
        for (const char *bad : {"http://dc1", "ldap://", "ldap://dc1/dc=corp", "dc1.corp.test",
                                "ldapi:///run/slapd"}) {
            DirectoryOptions b;
            b.url = QLatin1StringView{bad};
            auto r = DirectoryOptions::resolve(b);
            QVERIFY2(!r, bad);
            QVERIFY(r.error().message.contains(QLatin1StringView{bad}));
        }
        qunsetenv("IPSEC_CONSOLE_BIND_PASSWORD_FILE");
        auto noFile = DirectoryOptions::resolve({});
        QVERIFY(!noFile);
        QVERIFY(noFile.error().message.contains(u"--bind-password-file"_s));
        qunsetenv("IPSEC_CONSOLE_DIRECTORY");
        qunsetenv("IPSEC_CONSOLE_BIND_DN");
        qunsetenv("IPSEC_CONSOLE_COMPUTER");
        DirectoryDiscovery::Sources nowhere; // not a member: no DNS question is asked
        nowhere.krb5Conf = nowhere.sssdConf = nowhere.smbConf = u"/nonexistent"_s;
        auto none = DirectoryOptions::resolve({}, nowhere);
        QVERIFY(!none);
        QVERIFY(none.error().message.contains(u"--directory"_s));
    }
};

QTEST_GUILESS_MAIN(TestDirectoryRead)
#include "TestDirectoryRead.moc"
