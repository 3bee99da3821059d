// What netsh's server types stand for (kernel::SystemServers): resolv.conf, DHCP leases of
// dhclient, systemd-networkd and NetworkManager, and the default gateway of a namespace.

#include "kernel/NetnsFixture.h"
#include "kernel/SystemServers.h"
#include "util/NetNamespace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using ipsec::Address;
using ipsec::kernel::SystemServers;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestSystemServers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void resolvConf();
    void leases();
    void dhcpFromConfiguredLeases();
    void gatewayOfNamespace();
    void resolvConfOfNamespace();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSystemServers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSystemServers::cleanup()
{
    qunsetenv("IPSEC_RESOLV_CONF");
    qunsetenv("IPSEC_DHCP_LEASES");
}

void TestSystemServers::resolvConf()
{
    QCOMPARE(SystemServers::parseResolvConf("# comment\nsearch example.org\n"
                                            "nameserver 192.0.2.53\n"
                                            "  nameserver   2001:db8::53 # second\n"
                                            "nameserver 192.0.2.53\n"
                                            "nameserver fe80::1%eth0\n"
                                            "options edns0\n"),
             (QList<QHostAddress>{QHostAddress(u"192.0.2.53"_s), QHostAddress(u"2001:db8::53"_s),
                                  QHostAddress(u"fe80::1"_s)}));
    const QString path = m_dir->filePath(u"resolv.conf"_s);
    QVERIFY(write(path, "nameserver 198.51.100.7\n"));
    qputenv("IPSEC_RESOLV_CONF", path.toLocal8Bit());
    QCOMPARE(SystemServers::resolvConfPath(), path);
    QCOMPARE(SystemServers::find(Address::ServerType::Dns).addresses,
             (QList<QHostAddress>{QHostAddress(u"198.51.100.7"_s)}));
    QVERIFY(write(path, "search example.org\n"));
    const auto none = SystemServers::find(Address::ServerType::Dns);
    QVERIFY(none.addresses.isEmpty());
    QVERIFY2(none.unknownReason.contains(u"names no DNS server"_s), qPrintable(none.unknownReason));
}

void TestSystemServers::leases()
{
    // dhclient: the later lease of an interface wins.
    const auto d = SystemServers::parseLeases("lease {\n  interface \"eth0\";\n"
                                              "  option dhcp-server-identifier 10.0.0.1;\n"
                                              "  expire 1 2001/01/01 00:00:00;\n}\n"
                                              "lease {\n  interface \"eth0\";\n"
                                              "  option dhcp-server-identifier 10.0.0.2;\n"
                                              "  expire never;\n}\n"
                                              "lease {\n  interface \"wlan0\";\n"
                                              "  option dhcp-server-identifier 10.9.0.1;\n}\n",
                                              u"dhclient.leases"_s);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d[0].interfaceName, u"eth0"_s);
    QCOMPARE(d[0].server, QHostAddress(u"10.0.0.2"_s));
    QVERIFY(!d[0].expires.isValid());
    QCOMPARE(d[1].interfaceName, u"wlan0"_s);
    // systemd-networkd: the file is named after the interface index.
    const auto n = SystemServers::parseLeases("# This is private data. Do not parse.\n"
                                              "ADDRESS=192.168.1.20\nSERVER_ADDRESS=192.168.1.1\n",
                                              u"/run/systemd/netif/leases/3"_s);
    QCOMPARE(n.size(), 1);
    QCOMPARE(n[0].interfaceName, u"3"_s);
    QCOMPARE(n[0].server, QHostAddress(u"192.168.1.1"_s));
    // NetworkManager's internal client: internal-UUID-IFNAME.lease.
    const auto m =
        SystemServers::parseLeases("SERVER_ADDRESS=172.16.0.1\n",
                                   u"internal-0123abcd-0123-4567-89ab-0123456789ab-enp1s0.lease"_s);
    QCOMPARE(m.size(), 1);
    QCOMPARE(m[0].interfaceName, u"enp1s0"_s);
    QVERIFY(SystemServers::parseLeases("nothing here\n", u"x"_s).isEmpty());
}

void TestSystemServers::dhcpFromConfiguredLeases()
{
    const QString dir = m_dir->filePath(u"leases"_s);
    QVERIFY(QDir().mkpath(dir));
    qputenv("IPSEC_DHCP_LEASES", dir.toLocal8Bit());
    auto none = SystemServers::find(Address::ServerType::Dhcp);
    QVERIFY(none.addresses.isEmpty());
    QVERIFY2(none.unknownReason.contains(u"the DHCP server is not known"_s)
                 && none.unknownReason.contains(dir),
             qPrintable(none.unknownReason));
    // A lease of an interface this namespace does not have says nothing about it; "lo" exists.
    QVERIFY(write(dir + u"/dhclient.leases"_s,
                  "lease {\n  interface \"no-such-if9\";\n"
                  "  option dhcp-server-identifier 10.1.1.1;\n}\n"
                  "lease {\n  interface \"lo\";\n  option dhcp-server-identifier 10.2.2.2;\n"
                  "  expire 4 2099/12/31 23:00:00;\n}\n"));
    QCOMPARE(SystemServers::find(Address::ServerType::Dhcp).addresses,
             (QList<QHostAddress>{QHostAddress(u"10.2.2.2"_s)}));
    // An expired lease does not count.
    QVERIFY(write(dir + u"/dhclient.leases"_s,
                  "lease {\n  interface \"lo\";\n  option dhcp-server-identifier 10.2.2.2;\n"
                  "  expire 1 2001/01/01 00:00:00;\n}\n"));
    QVERIFY(SystemServers::find(Address::ServerType::Dhcp).addresses.isEmpty());
}

void TestSystemServers::gatewayOfNamespace()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Needs root (a network namespace with a default route).");
    NetnsFixture ns;
    const QString name = ns.create();
    QVERIFY2(!name.isEmpty(), qPrintable(ns.lastError()));
    QVERIFY2(ns.ip({u"-netns"_s, name, u"link"_s, u"add"_s, u"d0"_s, u"type"_s, u"veth"_s,
                    u"peer"_s, u"name"_s, u"d1"_s}),
             qPrintable(ns.lastError()));
    QVERIFY(ns.ip({u"-netns"_s, name, u"addr"_s, u"add"_s, u"10.80.0.2/24"_s, u"dev"_s, u"d0"_s}));
    QVERIFY(ns.ip({u"-netns"_s, name, u"link"_s, u"set"_s, u"d0"_s, u"up"_s}));
    QVERIFY(ns.ip({u"-netns"_s, name, u"link"_s, u"set"_s, u"d1"_s, u"up"_s}));
    SystemServers::Found none;
    QVERIFY(NetnsFixture::runIn(name,
                                [&] { none = SystemServers::find(Address::ServerType::Gateway); }));
    QVERIFY(none.addresses.isEmpty());
    QVERIFY2(none.unknownReason.contains(u"no default gateway"_s), qPrintable(none.unknownReason));
    QVERIFY(
        ns.ip({u"-netns"_s, name, u"route"_s, u"add"_s, u"default"_s, u"via"_s, u"10.80.0.1"_s}));
    SystemServers::Found found;
    QVERIFY(NetnsFixture::runIn(
        name, [&] { found = SystemServers::find(Address::ServerType::Gateway); }));
    QCOMPARE(found.addresses, (QList<QHostAddress>{QHostAddress(u"10.80.0.1"_s)}));
    ns.removeAll();
}

void TestSystemServers::resolvConfOfNamespace()
{
    // As `ip netns exec NAME` shows it: /etc/netns/NAME/resolv.conf, when it exists.
    if (!NetnsFixture::isRoot())
        QSKIP("Needs root (a network namespace and /etc/netns/NAME).");
    NetnsFixture ns;
    const QString name = ns.create();
    QVERIFY2(!name.isEmpty(), qPrintable(ns.lastError()));
    const QString folder = u"/etc/netns/"_s + name;
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(write(folder + u"/resolv.conf"_s, "nameserver 203.0.113.53\n"));
    QString path;
    SystemServers::Found found;
    std::thread t([&] {
        if (ipsec::enterNetworkNamespace(name)) {
            path = SystemServers::resolvConfPath();
            found = SystemServers::find(Address::ServerType::Dns);
        }
    });
    t.join();
    QDir(folder).removeRecursively();
    ns.removeAll();
    QCOMPARE(path, folder + u"/resolv.conf"_s);
    QCOMPARE(found.addresses, (QList<QHostAddress>{QHostAddress(u"203.0.113.53"_s)}));
}

QTEST_GUILESS_MAIN(TestSystemServers)
#include "TestSystemServers.moc"
