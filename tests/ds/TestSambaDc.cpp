// The Samba AD DC harness (issue 15): a freshly provisioned domain holds Windows' three default
// IPsec policies as 22 objects, exactly the fixture tests/data/ds/provisioned-ipsec.ldif; simple
// binds work and wrong passwords are refused; the DC stops cleanly with its namespace.

#include "ds/Ldif.h"
#include "ds/SambaDc.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSambaDc : public QObject {
    Q_OBJECT

private:
    static QString fixturePath()
    {
        return qEnvironmentVariable("IPSEC_SOURCE_DIR")
               + u"/tests/data/ds/provisioned-ipsec.ldif"_s;
    }

    SambaDc m_dc;

private slots:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        qInfo("Samba DC: provisioning %lld ms (0 = cached), copy %lld ms, start until LDAP "
              "answered %lld ms",
              m_dc.provisionMs(), m_dc.copyMs(), m_dc.startMs());
    }

    void provisionedObjectsMatchTheFixture()
    {
        const QByteArray dump = m_dc.dumpIpsecObjects();
        QVERIFY(!dump.isEmpty());
        const QString writeTo = qEnvironmentVariable("IPSEC_DS_WRITE_FIXTURE");
        if (!writeTo.isEmpty()) {
            QFile out(writeTo);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(dump);
        }
        const QList<LdifEntry> live = parseLdif(dump);
        QCOMPARE(live.size(), 22);
        QString error;
        const QList<LdifEntry> fixture = readLdifFile(fixturePath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(fixture.size(), live.size());
        for (qsizetype i = 0; i < live.size(); ++i) {
            QCOMPARE(live[i].dn, fixture[i].dn);
            QCOMPARE(live[i].attributes, fixture[i].attributes);
        }
        int policies = 0;
        int withData = 0;
        for (const LdifEntry &e : live) {
            policies += e.values(u"objectClass").contains("ipsecPolicy");
            withData += !e.value(u"ipsecData").isEmpty();
        }
        QCOMPARE(policies, 3);
        QCOMPARE(withData, 22);
    }

    void wrongPasswordIsRefused()
    {
        // The same tool without the administrator's bind: a simple bind with a wrong password.
        QProcess p;
        p.start(u"ip"_s, {u"netns"_s, u"exec"_s, m_dc.netns(), u"ldapsearch"_s, u"-x"_s, u"-H"_s,
                          QLatin1StringView(SambaDc::Url), u"-D"_s,
                          QLatin1StringView(SambaDc::AdminDn), u"-w"_s, u"not-the-password"_s,
                          u"-b"_s, SambaDc::ipsecContainerDn(), u"-s"_s, u"one"_s, u"dn"_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 49); // LDAP_INVALID_CREDENTIALS
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    void stopsCleanly()
    {
        const QString ns = m_dc.netns();
        const QString folder = m_dc.folder();
        QVERIFY(m_dc.isRunning());
        m_dc.stop();
        QVERIFY(!m_dc.isRunning());
        QVERIFY(!QFile::exists(u"/run/netns/"_s + ns));
        QVERIFY(!QFile::exists(folder));
    }
};

QTEST_GUILESS_MAIN(TestSambaDc)
#include "TestSambaDc.moc"
