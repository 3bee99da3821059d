// The connection options every program takes (--directory, --computer, --bind-dn,
// --bind-password-file and their variables), the password file's checks, and finding the
// directory from the domain membership (realm from sssd/winbind/krb5 configuration, DNS SRV).

#include "ds/DirectoryDiscovery.h"
#include "ds/DirectoryOptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ds;

namespace {

void writeFile(const QString &path, const QByteArray &content, QFile::Permissions mode)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
    f.close();
    QVERIFY(f.setPermissions(mode));
}

} // namespace

class TestDirectoryOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        for (const char *v : {"IPSEC_CONSOLE_DIRECTORY", "IPSEC_CONSOLE_BIND_DN",
                              "IPSEC_CONSOLE_BIND_PASSWORD_FILE", "IPSEC_CONSOLE_COMPUTER"})
            qunsetenv(v);
    }

    void optionsAreParsedInOnePlace()
    {
        QCommandLineParser parser;
        parser.addOptions(DirectoryOptions::commandLineOptions());
        QVERIFY(parser.parse({u"prog"_s, u"--directory"_s, u"ldap://dc1.corp.test"_s,
                              u"--computer=WS17"_s, u"--bind-dn"_s, u"CN=m,DC=corp,DC=test"_s,
                              u"--bind-password-file"_s, u"/etc/ipsec-console/bind"_s}));
        const DirectoryOptions o = DirectoryOptions::fromParser(parser);
        QCOMPARE(o.url, u"ldap://dc1.corp.test"_s);
        QCOMPARE(o.computer, u"WS17"_s);
        QCOMPARE(o.bindDn, u"CN=m,DC=corp,DC=test"_s);
        QCOMPARE(o.bindPasswordFile, u"/etc/ipsec-console/bind"_s);
        DirectoryOptions s;
        for (const QString &name : DirectoryOptions::optionNames())
            QVERIFY(s.set(name, u"x"_s));
        QVERIFY(!s.set(u"store"_s, u"x"_s));

        // An option wins over the environment; the computer defaults to the host name.
        qputenv("IPSEC_CONSOLE_DIRECTORY", "ldap://env.corp.test");
        qputenv("IPSEC_CONSOLE_COMPUTER", "FROMENV");
        DirectoryOptions explicitOne;
        explicitOne.url = u"ldap://cli.corp.test"_s;
        QCOMPARE(DirectoryOptions::resolve(explicitOne)->url, u"ldap://cli.corp.test"_s);
        QCOMPARE(DirectoryOptions::resolve({})->url, u"ldap://env.corp.test"_s);
        QCOMPARE(DirectoryOptions::resolve({})->computer, u"FROMENV"_s);
        qunsetenv("IPSEC_CONSOLE_COMPUTER");
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        QCOMPARE(DirectoryOptions::resolve({})->computer,
                 QString::fromLocal8Bit(host).section(u'.', 0, 0));
    }

    void passwordFileMustBeOwnerOnly()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(u"good"_s);
        writeFile(good, "s3cret\n", QFile::ReadOwner | QFile::WriteOwner);
        auto secret = DirectoryOptions::readPasswordFile(good);
        QVERIFY(secret);
        QCOMPARE(*secret, QByteArray("s3cret"));

        const QString readable = dir.filePath(u"readable"_s);
        writeFile(readable, "s3cret", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        auto r = DirectoryOptions::readPasswordFile(readable);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Permission);
        QVERIFY(r.error().message.contains(u"chmod 600"_s));
        QVERIFY(!r.error().message.contains(u"s3cret"_s));

        const QString link = dir.filePath(u"link"_s);
        QVERIFY(QFile::link(good, link));
        QVERIFY(!DirectoryOptions::readPasswordFile(link));

        if (::geteuid() == 0) {
            // Root refuses a file another user owns (that user could change it).
            const QString foreign = dir.filePath(u"foreign"_s);
            writeFile(foreign, "s3cret", QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY(::chown(QFile::encodeName(foreign).constData(), 65534, 65534) == 0);
            auto f = DirectoryOptions::readPasswordFile(foreign);
            QVERIFY(!f);
            QCOMPARE(f.error().code, ErrorCode::Permission);
            QVERIFY(f.error().message.contains(u"another user"_s));
        }
    }

    void realmComesFromTheMembership()
    {
        QCOMPARE(DirectoryDiscovery::realmFromKrb5Conf(
                     u"[libdefaults]\n\tdefault_realm = corp.test\n[realms]\n"_s),
                 u"CORP.TEST"_s);
        QCOMPARE(DirectoryDiscovery::realmFromKrb5Conf(u"[realms]\ndefault_realm = X.Y\n"_s),
                 QString());
        QCOMPARE(DirectoryDiscovery::realmFromSssdConf(
                     u"[sssd]\ndomains = corp.test\n\n[domain/corp.test]\nad_domain = corp.test\n"
                     u"krb5_realm = CORP.TEST\n"_s),
                 u"CORP.TEST"_s);
        QCOMPARE(DirectoryDiscovery::realmFromSmbConf(
                     u"[global]\n   security = ADS\n   realm = Corp.Test\n"_s),
                 u"CORP.TEST"_s);
        // Not a DNS name: ignored (it would end up in a DNS question).
        QCOMPARE(DirectoryDiscovery::realmFromSmbConf(u"[global]\nrealm = a b;c\n"_s), QString());

        QTemporaryDir dir;
        DirectoryDiscovery::Sources s;
        s.sssdConf = dir.filePath(u"sssd.conf"_s);
        s.smbConf = dir.filePath(u"smb.conf"_s);
        s.krb5Conf = dir.filePath(u"krb5.conf"_s);
        s.keytab = dir.filePath(u"krb5.keytab"_s);
        writeFile(s.krb5Conf, "[libdefaults]\ndefault_realm = ATHENA.MIT.EDU\n",
                  QFile::ReadOwner | QFile::WriteOwner);
        // Debian's krb5.conf without a host keytab is not a membership.
        auto none = DirectoryDiscovery::realm(s);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QVERIFY(none.error().message.contains(u"--directory"_s));
        writeFile(s.keytab, "x", QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(*DirectoryDiscovery::realm(s), u"ATHENA.MIT.EDU"_s);
        writeFile(s.smbConf, "[global]\nrealm = CORP.TEST\n", QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(*DirectoryDiscovery::realm(s), u"CORP.TEST"_s);
    }

    void directoryComesFromDnsSrv()
    {
        QTemporaryDir dir;
        DirectoryDiscovery::Sources s;
        s.sssdConf = dir.filePath(u"sssd.conf"_s);
        s.smbConf = s.krb5Conf = dir.filePath(u"none"_s);
        writeFile(s.sssdConf, "[domain/corp.test]\nad_domain = corp.test\n",
                  QFile::ReadOwner | QFile::WriteOwner);
        QString asked;
        s.lookup = [&](const QString &name) -> Result<QList<SrvRecord>> {
            asked = name;
            return QList<SrvRecord>{{u"dc3.corp.test."_s, 389, 10, 0},
                                    {u"dc2.corp.test."_s, 3268, 0, 10},
                                    {u"dc1.corp.test."_s, 389, 0, 50}};
        };
        auto url = DirectoryDiscovery::directoryUrl(s);
        QVERIFY(url);
        QCOMPARE(asked, u"_ldap._tcp.dc._msdcs.corp.test"_s);
        QCOMPARE(*url, u"ldap://dc1.corp.test:389"_s); // priority 0, the heavier weight

        // resolve() discovers when nothing names the directory.
        auto o = DirectoryOptions::resolve({}, s);
        QVERIFY(o);
        QCOMPARE(o->url, u"ldap://dc1.corp.test:389"_s);
        QVERIFY(o->discovered);

        s.lookup = [](const QString &name) -> Result<QList<SrvRecord>> {
            return Error::notFound(u"DNS has no SRV record %1."_s.arg(name));
        };
        auto missing = DirectoryOptions::resolve({}, s);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(u"_ldap._tcp.dc._msdcs.corp.test"_s));
        QVERIFY(missing.error().message.contains(u"--directory"_s));
    }

    void srvOrder()
    {
        const QList<SrvRecord> sorted = DirectoryDiscovery::ordered(
            {{u"c"_s, 389, 5, 0}, {u"b"_s, 389, 1, 1}, {u"a"_s, 389, 1, 1}, {u"d"_s, 389, 1, 9}});
        QCOMPARE(sorted.at(0).target, u"d"_s);
        QCOMPARE(sorted.at(1).target, u"a"_s);
        QCOMPARE(sorted.at(2).target, u"b"_s);
        QCOMPARE(sorted.at(3).target, u"c"_s);
    }
};

QTEST_GUILESS_MAIN(TestDirectoryOptions)
#include "TestDirectoryOptions.moc"
