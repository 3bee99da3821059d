// The directory as the second policy store (issue 15, "admins manage it"), against the Samba DC
// in its namespace: the service layer creates, edits, assigns (to a GPO) and deletes directory
// policies with the local store's editing rules; objects nobody changed keep their bytes, new
// blobs round-trip through the codec byte for byte; deleting an assigned policy removes the
// GPO's assignment too; bad credentials and a write the directory refuses change nothing.

#include "ds/DsFixtures.h"
#include "ds/SambaDc.h"

#include "ds/DirectoryStore.h"
#include "ds/GpipsecCodec.h"
#include "ds/GpoResolver.h"
#include "ds/LdapDirectory.h"
#include "service/PolicyService.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {
const QString DefaultDomainPolicy =
    u"CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=corp,DC=test"_s;
const QString IpsecCse = u"{E437BC1C-AA7D-11D2-A382-00C04F991E27}"_s;

// Decodes by class and encodes again; empty when refused.
QByteArray roundTrip(const DsObject &o)
{
    const auto again = [](const auto &decoded) {
        return decoded ? GpipsecCodec::encode(*decoded) : QByteArray();
    };
    switch (o.objectClass) {
    case DsClass::Policy:
        return again(GpipsecCodec::decodePolicy(o.data, o.dn));
    case DsClass::Isakmp:
        return again(GpipsecCodec::decodeIsakmp(o.data, o.dn));
    case DsClass::Nfa:
        if (GpipsecCodec::isVersionBlob(o.data))
            return again(GpipsecCodec::decodeVersion(o.data, o.dn));
        return again(GpipsecCodec::decodeNfa(o.data, o.dn));
    case DsClass::Filter:
        return again(GpipsecCodec::decodeFilter(o.data, o.dn));
    case DsClass::NegotiationPolicy:
        return again(GpipsecCodec::decodeNegotiation(o.data, o.dn));
    }
    return {};
}
} // namespace

class TestDirectoryStore : public QObject {
    Q_OBJECT

private:
    SambaDc m_dc;
    QTemporaryDir m_tmp;
    QString m_adminPassword;

    QString passwordFile(const QString &name, const QByteArray &password)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly)
            || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return {};
        f.write(password);
        return path;
    }

    DirectoryOptions options(const QString &bindDn, const QString &passwordPath) const
    {
        DirectoryOptions o;
        o.url = QLatin1StringView(SambaDc::Url);
        o.bindDn = bindDn;
        o.bindPasswordFile = passwordPath;
        return o;
    }

    // A directory store bound from inside the DC's namespace (its socket stays there).
    std::shared_ptr<DirectoryStore> store(const DirectoryOptions &o, Result<void> *bound)
    {
        auto s = std::make_shared<DirectoryStore>(DirectoryStore::Options{o, {}});
        *bound = Error::store(u"not run"_s);
        if (!NetnsFixture::runIn(m_dc.netns(), [&] { *bound = s->connectNow(); }))
            *bound = Error::store(u"cannot enter the namespace"_s);
        return s;
    }

    std::unique_ptr<PolicyService> adminService(std::shared_ptr<DirectoryStore> *out = nullptr)
    {
        Result<void> bound;
        auto s = store(options(QLatin1StringView(SambaDc::AdminDn), m_adminPassword), &bound);
        if (!bound) {
            qWarning("%s", qPrintable(bound.error().message));
            return nullptr;
        }
        if (out)
            *out = s;
        auto service = PolicyService::openOn(s, {});
        return service ? std::move(service.value()) : nullptr;
    }

    std::unique_ptr<LdapDirectory> admin()
    {
        Result<std::unique_ptr<LdapDirectory>> dir = Error::store(u"not run"_s);
        NetnsFixture::runIn(m_dc.netns(), [&] {
            dir = LdapDirectory::connect(
                options(QLatin1StringView(SambaDc::AdminDn), m_adminPassword));
        });
        return dir ? std::move(dir.value()) : nullptr;
    }

    // Everything of the IPsec container and the Default Domain Policy's assignment, as LDIF.
    QByteArray directoryState()
    {
        QByteArray out = m_dc.dumpIpsecObjects();
        out += m_dc.ldapTool(u"ldapsearch"_s,
                             {u"-LLL"_s, u"-o"_s, u"ldif-wrap=no"_s, u"-b"_s, DefaultDomainPolicy,
                              u"-s"_s, u"sub"_s, u"(|(objectClass=ipsecPolicy)(cn={*))"_s,
                              u"ipsecOwnersReference"_s, u"gPCMachineExtensionNames"_s,
                              u"versionNumber"_s});
        return out;
    }

    static Policy policyNamed(const PolicyDatabase &db, const QString &name)
    {
        const Policy *p = db.policyByName(name);
        return p ? *p : Policy{};
    }

private slots:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        m_adminPassword = passwordFile(u"admin.password"_s, SambaDc::AdminPassword);
        QVERIFY(!m_adminPassword.isEmpty());
    }

    void createsEditsAndDeletesAPolicy()
    {
        const QByteArray pristine = m_dc.dumpIpsecObjects();
        auto service = adminService();
        QVERIFY(service);
        auto db = service->load();
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        QCOMPARE(db->policies.size(), 3);

        // The article's blocking policy, as the console's wizards build it.
        FilterList list;
        list.name = u"SQL 1434"_s;
        Filter f;
        f.source = Address::any();
        f.destination = Address::me();
        f.protocol = Protocol::udp();
        f.destinationPort = 1434;
        f.mirrored = true;
        list.filters << f;
        auto made = service->createFilterList(list);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        FilterAction block;
        block.name = u"Block"_s;
        block.type = FilterAction::Type::Block;
        QVERIFY(service->createFilterAction(block));
        Policy p;
        p.name = u"Block SQL Slammer"_s;
        p.pollingIntervalMinutes = 5;
        QVERIFY(service->createPolicy(p));
        Rule r;
        r.policyId = p.id;
        r.name = u"SQL 1434"_s;
        r.filterListId = list.id;
        r.filterActionId = block.id;
        made = service->createRule(r);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QVERIFY(made->notices.join(u' ').contains(u"Written to the directory"_s));

        // The defaults are untouched byte for byte; every new blob round-trips the codec.
        auto dir = admin();
        QVERIFY(dir);
        auto objects = dir->readIpsecObjects();
        QVERIFY(objects);
        // The policy, its ISAKMP policy, its rule, the default response rule (and its
        // negotiation policy) Windows gives every new policy, the filter list, the action.
        QCOMPARE(objects->size(), 22 + 7);
        QString error;
        const QList<DsObject> fixture = provisionedObjects(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(fixture.size(), 22);
        for (const DsObject &expected : fixture) {
            const auto it = std::find_if(objects->cbegin(), objects->cend(), [&](const auto &o) {
                return o.dn.compare(expected.dn, Qt::CaseInsensitive) == 0;
            });
            QVERIFY(it != objects->cend());
            QCOMPARE(*it, expected);
        }
        for (const DsObject &o : *objects)
            QCOMPARE(roundTrip(o), o.data);

        // Read back through a second store: the same policy.
        auto again = adminService();
        db = again->load();
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        const Policy back = policyNamed(*db, u"Block SQL Slammer"_s);
        QCOMPARE(back.pollingIntervalMinutes, 5);
        QCOMPARE(db->rulesOf(back.id).size(), 2); // with the default response rule

        // The local store's rules apply: duplicates and lists in use are refused, unchanged.
        const QByteArray before = m_dc.dumpIpsecObjects();
        Policy duplicate;
        duplicate.name = u"block sql slammer"_s;
        auto refused = again->createPolicy(duplicate);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        const FilterList *sql = db->filterListByName(u"SQL 1434"_s);
        QVERIFY(sql);
        refused = again->deleteFilterList(sql->id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(u"Block SQL Slammer"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(m_dc.dumpIpsecObjects(), before);

        // Edit: a second port in the list, the policy renamed. Only those objects change.
        FilterList edited = *sql;
        Filter f2 = f;
        f2.guid = {};
        f2.destinationPort = 1433;
        f2.protocol = Protocol::tcp();
        edited.filters << f2;
        auto changed = again->updateFilterList(edited);
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
        Policy renamed = back;
        renamed.name = u"Block SQL"_s;
        QVERIFY(again->updatePolicy(renamed));
        auto after = dir->readIpsecObjects();
        QVERIFY(after);
        QCOMPARE(after->size(), 29);
        int differ = 0;
        for (const DsObject &o : *after) {
            const auto it = std::find_if(objects->cbegin(), objects->cend(),
                                         [&](const auto &x) { return x.dn == o.dn; });
            QVERIFY(it != objects->cend());
            if (!(*it == o))
                ++differ;
        }
        QCOMPARE(differ, 2); // the filter list and the policy
        db = service->load();
        QVERIFY(db->policyByName(u"Block SQL"_s));
        QCOMPARE(db->filterListByName(u"SQL 1434"_s)->filters.size(), 2);

        // Delete: the policy, its rules and ISAKMP policy go; the list and action stay.
        auto deleted = service->deletePolicy(u"Block SQL"_s);
        QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.error().message));
        QCOMPARE(dir->readIpsecObjects()->size(), 24);
        db = service->load();
        QVERIFY(service->deleteFilterList(db->filterListByName(u"SQL 1434"_s)->id));
        QVERIFY(service->deleteFilterAction(db->filterActionByName(u"Block"_s)->id));
        QCOMPARE(m_dc.dumpIpsecObjects(), pristine);
    }

    void aSharedListKeepsItsBytes()
    {
        const QByteArray pristine = m_dc.dumpIpsecObjects();
        auto service = adminService();
        QVERIFY(service);
        Policy p;
        p.name = u"Uses All IP Traffic"_s;
        QVERIFY(service->createPolicy(p));
        auto db = service->load();
        QVERIFY(db);
        Rule r;
        r.policyId = p.id;
        r.name = u"Everything permitted"_s;
        r.filterListId = db->filterListByName(u"All IP Traffic"_s)->id;
        r.filterActionId = db->filterActionByName(u"Permit"_s)->id;
        auto made = service->createRule(r);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));

        // The list gained an owner; its blob is still the one Windows wrote.
        auto dir = admin();
        QVERIFY(dir);
        QString error;
        const QList<DsObject> fixture = provisionedObjects(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto byId = [&](const QList<DsObject> &objects) {
            const auto it = std::find_if(objects.cbegin(), objects.cend(), [&](const DsObject &o) {
                return o.dn.contains(u"ipsecFilter{7238523A-70FA-11D1-864C-14A300000000}"_s,
                                     Qt::CaseInsensitive);
            });
            return it == objects.cend() ? DsObject{} : *it;
        };
        QVERIFY(!byId(fixture).data.isEmpty());
        const DsObject now = byId(*dir->readIpsecObjects());
        QCOMPARE(now.data, byId(fixture).data);
        QCOMPARE(now.ownersReferences.size(), byId(fixture).ownersReferences.size() + 1);

        QVERIFY(service->deletePolicy(p.name));
        QCOMPARE(byId(*dir->readIpsecObjects()).data, byId(fixture).data);
        QCOMPARE(m_dc.dumpIpsecObjects().size(), pristine.size());
    }

    void assignsToAGpo()
    {
        std::shared_ptr<DirectoryStore> s;
        auto service = adminService(&s);
        QVERIFY(service);
        auto dir = admin();
        QVERIFY(dir);
        const QString secure =
            u"CN=ipsecPolicy{7238523C-70FA-11D1-864C-14A300000000},CN=IP Security,CN=System,"
            u"DC=corp,DC=test"_s;
        auto assigned = service->assignPolicy(u"Secure Server (Require Security)"_s);
        QVERIFY2(assigned, assigned ? "" : qPrintable(assigned.error().message));
        QCOMPARE(GpoResolver::normalizedDn(s->gpoDn()),
                 GpoResolver::normalizedDn(DefaultDomainPolicy));
        QCOMPARE(GpoResolver::normalizedDn(*dir->gpoAssignment(DefaultDomainPolicy)),
                 GpoResolver::normalizedDn(secure));
        QVERIFY(directoryState().contains(IpsecCse.toUtf8()));
        auto db = service->load();
        QVERIFY(db->assignedPolicy());
        QCOMPARE(db->assignedPolicy()->name, u"Secure Server (Require Security)"_s);

        // A member (any computer of the domain) now gets it from the Default Domain Policy.
        int rc = -1;
        m_dc.ldapTool(u"ldapadd"_s, {}, &rc,
                      "dn: CN=WS21,CN=Computers,DC=corp,DC=test\nobjectClass: computer\n"
                      "sAMAccountName: WS21$\n\n");
        QCOMPARE(rc, 0);
        auto member = dir->assignedPolicy(u"WS21"_s);
        QVERIFY2(member, member ? "" : qPrintable(member.error().message));
        QCOMPARE(GpoResolver::normalizedDn(member->ipsecPolicyDn),
                 GpoResolver::normalizedDn(secure));

        // Assigning another policy replaces it; unassigning removes it and the extension.
        QVERIFY(service->assignPolicy(u"Server (Request Security)"_s));
        QVERIFY(service->load()->assignedPolicy()->name == u"Server (Request Security)"_s);
        auto unassigned = service->unassignPolicy();
        QVERIFY2(unassigned, unassigned ? "" : qPrintable(unassigned.error().message));
        QVERIFY(dir->gpoAssignment(DefaultDomainPolicy)->isEmpty());
        QVERIFY(!directoryState().contains(IpsecCse.toUtf8()));
        QVERIFY(!service->load()->assignedPolicy());

        // Deleting an assigned policy takes its assignment with it.
        Policy p;
        p.name = u"Short-lived"_s;
        QVERIFY(service->createPolicy(p));
        QVERIFY(service->assignPolicy(p.name));
        QVERIFY(!dir->gpoAssignment(DefaultDomainPolicy)->isEmpty());
        auto deleted = service->deletePolicy(p.name);
        QVERIFY2(deleted, deleted ? "" : qPrintable(deleted.error().message));
        QVERIFY(dir->gpoAssignment(DefaultDomainPolicy)->isEmpty());
        QCOMPARE(dir->readIpsecObjects()->size(), 22);
    }

    void badCredentialsChangeNothing()
    {
        const QByteArray before = directoryState();
        Result<void> bound;
        auto s = store(options(QLatin1StringView(SambaDc::AdminDn),
                               passwordFile(u"wrong"_s, "Not-The-Password-9")),
                       &bound);
        QVERIFY(!bound);
        QCOMPARE(bound.error().code, ErrorCode::Permission);
        QVERIFY(!bound.error().message.contains(u"Not-The-Password"_s));
        auto service = PolicyService::openOn(s, {});
        QVERIFY(service);
        Policy p;
        p.name = u"Never written"_s;
        Result<ServiceReport> r = Error::store(u"not run"_s);
        NetnsFixture::runIn(m_dc.netns(), [&] { r = (*service)->createPolicy(p); });
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QCOMPARE(directoryState(), before);
    }

    void aRefusedWriteChangesNothing()
    {
        // An ordinary domain user may read the IPsec container but not write it.
        QProcess tool;
        tool.setProcessChannelMode(QProcess::MergedChannels);
        tool.start(u"samba-tool"_s,
                   {u"user"_s, u"create"_s, u"alice"_s, u"Alice-Pass-1234"_s, u"-H"_s,
                    u"tdb://"_s + m_dc.folder() + u"/dc/private/sam.ldb"_s, u"-s"_s,
                    m_dc.folder() + u"/dc/etc/smb.conf"_s});
        QVERIFY(tool.waitForFinished(120000));
        QVERIFY2(tool.exitCode() == 0, tool.readAll().constData());

        const QByteArray before = directoryState();
        Result<void> bound;
        auto s = store(options(u"CN=alice,CN=Users,DC=corp,DC=test"_s,
                               passwordFile(u"alice"_s, "Alice-Pass-1234")),
                       &bound);
        QVERIFY2(bound, bound ? "" : qPrintable(bound.error().message));
        auto service = PolicyService::openOn(s, {});
        QVERIFY(service);
        Policy p;
        p.name = u"Not allowed"_s;
        auto created = (*service)->createPolicy(p);
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::Permission);
        // Samba shows ordinary users no IPsec objects, so nothing else can be tried as alice.
        QCOMPARE(directoryState(), before);
    }
};

QTEST_GUILESS_MAIN(TestDirectoryStore)
#include "TestDirectoryStore.moc"
