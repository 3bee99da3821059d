// A member fetches the IPsec policy its domain assigns (issue 15), against the namespace DC:
// the GPO linked to its OU assigns Secure Server, which comes back decoded and is cached (0600);
// an unrelated broken object in the container does not matter; no link means no domain policy
// (and no cache); a hostile blob in the assigned policy is refused and the cache keeps the last
// good policy; with the DC stopped the cached policy is used and the reason given.

#include "ds/DsFixtures.h"
#include "ds/SambaDc.h"

#include "ds/DomainPolicy.h"
#include "ds/GpipsecCodec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {
const QString Secure = u"CN=ipsecPolicy{7238523C-70FA-11D1-864C-14A300000000},CN=IP Security,"
                       u"CN=System,DC=corp,DC=test"_s;
}

class TestDomainPolicy : public QObject {
    Q_OBJECT

private:
    SambaDc m_dc;
    QTemporaryDir m_tmp;
    DirectoryOptions m_options;
    QString m_cache;

    Result<std::optional<DomainPolicy>> fetch()
    {
        Result<std::optional<DomainPolicy>> result = Error::store(u"not run"_s);
        const QString ns = m_dc.netns();
        const auto run = [&] {
            result = DomainPolicyFetcher::fetch(m_options, m_cache);
        };
        if (ns.isEmpty())
            run(); // the DC is stopped: its namespace is gone, nothing answers here either
        else if (!NetnsFixture::runIn(ns, run))
            return Error::store(u"cannot enter the namespace"_s);
        return result;
    }

private slots:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        const QString password = m_tmp.filePath(u"bind.password"_s);
        QFile f(password);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(SambaDc::AdminPassword);
        f.close();
        m_options.url = QLatin1StringView(SambaDc::Url);
        m_options.bindDn = QLatin1StringView(SambaDc::AdminDn);
        m_options.bindPasswordFile = password;
        m_options.computer = u"WS17"_s;
        m_options.timeoutMs = 3000;
        m_cache = m_tmp.filePath(u"domain-policy.json"_s);
        QVERIFY(addIpsecGpo(m_dc, Secure));
        QVERIFY(linkIpsecGpo(m_dc, 0));
    }

    void fetchesTheAssignedPolicyAndCachesIt()
    {
        auto fetched = fetch();
        QVERIFY2(fetched, fetched ? "" : qPrintable(fetched.error().message));
        QVERIFY(fetched->has_value());
        const DomainPolicy &p = **fetched;
        QCOMPARE(p.source, DomainPolicy::Source::Domain);
        QCOMPARE(p.database.policies.size(), 1);
        QCOMPARE(p.database.policies[0].name, u"Secure Server (Require Security)"_s);
        QVERIFY(p.database.policies[0].assigned);
        QCOMPARE(p.database.rules.size(), 3);
        QCOMPARE(p.pollingSeconds, 10800u);
        QCOMPARE(p.objects.size(), 1 + 1 + 3 + 2 + 3); // policy, ISAKMP, rules, lists, actions
        QVERIFY(QFile::exists(m_cache));
        const QFileDevice::Permissions perms = QFile::permissions(m_cache);
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!(perms
                  & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                     | QFileDevice::WriteOther)));
    }

    void unrelatedBrokenObjectsDoNotMatter()
    {
        int rc = -1;
        const QByteArray ldif = "dn: CN=ipsecFilter{0BADF00D-0000-0000-0000-000000000000},"
                                "CN=IP Security,CN=System,DC=corp,DC=test\n"
                                "objectClass: ipsecFilter\nipsecID: "
                                "{0BADF00D-0000-0000-0000-000000000000}\nipsecDataType: 598\n"
                                "ipsecData:: AAECAwQ=\n\n";
        m_dc.ldapTool(u"ldapadd"_s, {}, &rc, ldif);
        QCOMPARE(rc, 0);
        auto fetched = fetch();
        QVERIFY2(fetched, fetched ? "" : qPrintable(fetched.error().message));
        QVERIFY(fetched->has_value());
    }

    void noLinkMeansNoDomainPolicy()
    {
        QVERIFY(linkIpsecGpo(m_dc, 1)); // the link disabled
        auto fetched = fetch();
        QVERIFY(fetched);
        QVERIFY(!fetched->has_value());
        QVERIFY(!QFile::exists(m_cache)); // the local policy applies again
        QVERIFY(linkIpsecGpo(m_dc, 0));
        fetched = fetch();
        QVERIFY(fetched && fetched->has_value());
        QVERIFY(QFile::exists(m_cache));
    }

    void hostileBlobInTheAssignedPolicyIsRefused()
    {
        QFile cache(m_cache);
        QVERIFY(cache.open(QIODevice::ReadOnly));
        const QByteArray before = cache.readAll();
        cache.close();
        // The Require Security filter action's blob, with an unknown offer type.
        int rc = -1;
        const QByteArray ldif = "dn: CN=ipsecNegotiationPolicy{7238523F-70FA-11D1-864C-"
                                "14A300000000},CN=IP Security,CN=System,DC=corp,DC=test\n"
                                "changetype: modify\nreplace: ipsecData\nipsecData:: "
                                + QByteArray::fromHex("b920dc80c82ed111a89e00a0248d3021" // type
                                                      "5400000001000000"                 // 84, 1
                                                      "84030000a08601000000000000000000" // offer
                                                      "01000000030000000200000007000000")
                                      .append(QByteArray(48 + 1, '\0')) // rest of offer, pad
                                      .toBase64()
                                + "\n\n";
        m_dc.ldapTool(u"ldapmodify"_s, {}, &rc, ldif);
        QCOMPARE(rc, 0);
        auto fetched = fetch();
        QVERIFY(!fetched);
        QVERIFY2(fetched.error().message.contains(u"Offer-Type"_s),
                 qPrintable(fetched.error().message));
        QVERIFY(cache.open(QIODevice::ReadOnly));
        QCOMPARE(cache.readAll(), before); // the last good policy stays cached
    }

    void unreachableDirectoryUsesTheCache()
    {
        m_dc.stop();
        auto fetched = fetch();
        QVERIFY2(fetched, fetched ? "" : qPrintable(fetched.error().message));
        QVERIFY(fetched->has_value());
        QCOMPARE((*fetched)->source, DomainPolicy::Source::CachedDomain);
        QCOMPARE((*fetched)->database.policies[0].name, u"Secure Server (Require Security)"_s);
        QVERIFY2((*fetched)->directoryProblem.contains(QLatin1StringView(SambaDc::Url)),
                 qPrintable((*fetched)->directoryProblem));
        QVERIFY((*fetched)->fetched.isValid());

        // A damaged cache is refused, naming the file.
        QFile cache(m_cache);
        QVERIFY(cache.open(QIODevice::ReadWrite));
        QByteArray text = cache.readAll();
        text.replace("\"data\": \"", "\"data\": \"AAAA");
        cache.seek(0);
        cache.write(text);
        cache.close();
        fetched = fetch();
        QVERIFY(!fetched);
        QVERIFY2(fetched.error().message.contains(m_cache), qPrintable(fetched.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDomainPolicy)
#include "TestDomainPolicy.moc"
