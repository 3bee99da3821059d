// The VICI protocol pieces of issue 14: message codec (sections, lists, key/values), packet
// framing, a client talking to a scripted fake charon over a real Unix socket, and the
// connections/secrets generated from a policy.

#include "vici/ConnectionBuilder.h"
#include "vici/ConnectionSync.h"
#include "vici/ViciClient.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::vici;

namespace {

Message sample()
{
    Message m;
    Element &conn = m.section("ipsec-console-r7");
    conn.add("version", QByteArrayLiteral("1"));
    conn.addList("proposals", {"3des-sha1-modp1024", "des-md5-modp768"});
    conn.section("local").add("auth", QByteArrayLiteral("psk"));
    conn.section("children").section("ipsec-console-r7").addList("esp_proposals", {});
    m.add("empty", QByteArray());
    return m;
}

// A fake daemon on a Unix socket: for every request packet it receives, it sends the scripted
// answer packets (in order). Runs on its own thread; one connection at a time.
class FakeDaemon {
public:
    using Script = std::function<QList<Packet>(const Packet &request)>;

    FakeDaemon(const QString &path, Script script)
        : m_script(std::move(script))
    {
        m_listen = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        const QByteArray p = path.toLocal8Bit();
        std::memcpy(a.sun_path, p.constData(), size_t(p.size()));
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0
            || ::listen(m_listen, 4) != 0)
            qFatal("fake daemon cannot listen");
        m_thread = std::thread([this] { serve(); });
    }
    ~FakeDaemon()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        if (m_thread.joinable())
            m_thread.join();
    }
    int connections() const { return m_connections; }
    // Drops the current connection after the next answer (a daemon restart).
    void dropAfterNextAnswer() { m_drop = true; }

private:
    void serve()
    {
        while (!m_stop) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            ++m_connections;
            FrameReader reader;
            char buffer[4096];
            bool open = true;
            while (open && !m_stop) {
                const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0)
                    break;
                reader.feed(QByteArrayView(buffer, n));
                while (auto p = reader.next()) {
                    if (!*p) {
                        open = false;
                        break;
                    }
                    for (const Packet &answer : m_script(**p)) {
                        const QByteArray f = answer.frame();
                        (void)::send(fd, f.constData(), size_t(f.size()), MSG_NOSIGNAL);
                    }
                    if (m_drop.exchange(false)) {
                        open = false;
                        break;
                    }
                }
            }
            ::close(fd);
        }
    }

    Script m_script;
    int m_listen = -1;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_drop{false};
    std::atomic<int> m_connections{0};
};

Packet response(const Message &m)
{
    Packet p;
    p.type = Packet::Type::CmdResponse;
    p.message = m;
    return p;
}

Packet ofType(Packet::Type t, const QByteArray &name = {}, const Message &m = {})
{
    Packet p;
    p.type = t;
    p.name = name;
    p.message = m;
    return p;
}

PolicyDatabase securePolicy(QList<AuthMethod> auth)
{
    PolicyDatabase db = PolicyDatabase::windowsDefaults();
    for (qsizetype i = 0; i < db.policies.size(); ++i) {
        db.policies[i].id = i + 1;
        db.policies[i].assigned = db.policies[i].name == u"Secure Server (Require Security)"_s;
    }
    for (Rule &r : db.rules)
        if (r.policyId == 3 && r.name == u"All IP Traffic"_s)
            r.authMethods = auth;
    return db;
}

} // namespace

class TestVici : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void messageRoundTrip();
    void wireBytes();
    void decodeRejectsMalformed_data();
    void decodeRejectsMalformed();
    void packetsAndFraming();
    void clientCommands();
    void clientStreamedAndErrors();
    void clientReconnectsAfterRestart();
    void clientWithoutDaemon();
    void socketPathOption();
    void connectionsFromSecureServer();
    void kerberosIsSkipped();
    void certificateAuthentication();
    void proposals();
    void dynamicRuleConnections();
    void keyExchangeSettings();
    void syncTouchesOnlyOwnConnections();
};

void TestVici::messageRoundTrip()
{
    const Message m = sample();
    const auto back = Message::decode(m.encode());
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back->encode(), m.encode());
    QVERIFY(*back == m);
    QCOMPARE(back->valueOf("ipsec-console-r7.version"), QByteArray("1"));
    QCOMPARE(back->valueOf("ipsec-console-r7.local.auth"), QByteArray("psk"));
    QCOMPARE(back->itemsOf("ipsec-console-r7.proposals").size(), 2);
    QVERIFY(back->find("ipsec-console-r7.children.ipsec-console-r7.esp_proposals"));
    QVERIFY(!back->find("ipsec-console-r7.version.x"));
    QVERIFY(back->toText().contains(u"auth = \"psk\""_s));
}

void TestVici::wireBytes()
{
    // The byte layout of the VICI README's example elements.
    Message m;
    m.add("key", QByteArrayLiteral("val"));
    m.addList("l", {"a"});
    m.section("s");
    const QByteArray expected = QByteArray::fromHex("03036b6579000376616c" // key = val
                                                    "04016c0500016106"     // l = [a]
                                                    "01017302");           // s { }
    QCOMPARE(m.encode().toHex(), expected.toHex());
}

void TestVici::decodeRejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("unknown type") << QByteArray::fromHex("09");
    QTest::newRow("truncated name") << QByteArray::fromHex("0305616263");
    QTest::newRow("truncated value") << QByteArray::fromHex("030161000561");
    QTest::newRow("open section") << QByteArray::fromHex("010173");
    QTest::newRow("stray end") << QByteArray::fromHex("02");
    QTest::newRow("open list") << QByteArray::fromHex("04016c050001 61").replace(' ', "");
    QTest::newRow("item outside list") << QByteArray::fromHex("05000161");
    QTest::newRow("key inside list") << QByteArray::fromHex("04016c0301610000");
    QTest::newRow("list end outside list") << QByteArray::fromHex("06");
    QByteArray deep;
    for (int i = 0; i < Message::MaxDepth + 2; ++i)
        deep += QByteArray::fromHex("010173");
    for (int i = 0; i < Message::MaxDepth + 2; ++i)
        deep += QByteArray::fromHex("02");
    QTest::newRow("too deep") << deep;
}

void TestVici::decodeRejectsMalformed()
{
    QFETCH(QByteArray, bytes);
    const auto m = Message::decode(bytes);
    QVERIFY(!m);
    QVERIFY(m.error().message.contains(u"Malformed VICI message"_s));
}

void TestVici::packetsAndFraming()
{
    Packet request = ofType(Packet::Type::CmdRequest, "load-conn", sample());
    const QByteArray framed = request.frame() + ofType(Packet::Type::EventConfirm).frame();
    FrameReader reader;
    // Byte by byte: nothing until a packet is complete.
    int got = 0;
    for (char c : framed) {
        reader.feed(QByteArrayView(&c, 1));
        while (auto p = reader.next()) {
            QVERIFY(*p);
            if (got == 0) {
                QCOMPARE((*p)->name, QByteArray("load-conn"));
                QVERIFY((*p)->message == request.message);
            } else {
                QCOMPARE((*p)->type, Packet::Type::EventConfirm);
            }
            ++got;
        }
    }
    QCOMPARE(got, 2);
    // Oversized length: an error, and the reader stays failed.
    FrameReader bad;
    bad.feed(QByteArray::fromHex("00100000"));
    auto p = bad.next();
    QVERIFY(p && !*p);
    QVERIFY(bad.failed());
    // Named packet without its name, trailing bytes after a confirm, unknown type.
    QVERIFY(!Packet::decode(QByteArray::fromHex("00")));
    QVERIFY(!Packet::decode(QByteArray::fromHex("0500")));
    QVERIFY(!Packet::decode(QByteArray::fromHex("08")));
}

void TestVici::clientCommands()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"charon.vici"_s);
    QList<QByteArray> seen;
    FakeDaemon daemon(path, [&](const Packet &p) -> QList<Packet> {
        seen << p.name;
        Message m;
        if (p.name == "version") {
            m.add("daemon", QByteArrayLiteral("charon")).add("version", QByteArrayLiteral("5.9.8"));
        } else if (p.name == "load-conn") {
            m.add("success", QByteArrayLiteral("yes"));
        } else {
            return {ofType(Packet::Type::CmdUnknown)};
        }
        return {response(m)};
    });
    Client client(path, 2000);
    auto v = client.call("version");
    QVERIFY2(v, v ? "" : qPrintable(v.error().message));
    QCOMPARE(v->valueOf("version"), QByteArray("5.9.8"));
    auto loaded = client.call("load-conn", sample());
    QVERIFY(loaded);
    QVERIFY(Client::checkSuccess("load-conn", *loaded));
    auto unknown = client.call("no-such-command");
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message.contains(u"does not know the command"_s),
             qPrintable(unknown.error().message));
    QCOMPARE(seen, (QList<QByteArray>{"version", "load-conn", "no-such-command"}));
    QCOMPARE(daemon.connections(), 1);

    Message refused;
    refused.add("success", QByteArrayLiteral("no")).add("errmsg", QByteArrayLiteral("bad"));
    const auto r = Client::checkSuccess("load-conn", refused);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(u"bad"_s));
}

void TestVici::clientStreamedAndErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"charon.vici"_s);
    FakeDaemon daemon(path, [&](const Packet &p) -> QList<Packet> {
        switch (p.type) {
        case Packet::Type::EventRegister:
        case Packet::Type::EventUnregister:
            return {ofType(p.name == "list-sa" ? Packet::Type::EventConfirm
                                               : Packet::Type::EventUnknown)};
        case Packet::Type::CmdRequest: {
            Message sa;
            sa.section("ipsec-console-r5").add("state", QByteArrayLiteral("ESTABLISHED"));
            Message other;
            other.add("x", QByteArrayLiteral("y"));
            return {ofType(Packet::Type::Event, "list-sa", sa),
                    ofType(Packet::Type::Event, "ike-updown", other), // not ours: ignored
                    ofType(Packet::Type::Event, "list-sa", sa), response(Message{})};
        }
        default:
            return {};
        }
    });
    Client client(path, 2000);
    auto s = client.callStreamed("list-sas", "list-sa");
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QCOMPARE(s->events.size(), 2);
    QCOMPARE(s->events.first().valueOf("ipsec-console-r5.state"), QByteArray("ESTABLISHED"));
    auto unknownEvent = client.callStreamed("list-conns", "list-conn");
    QVERIFY(!unknownEvent);
    QVERIFY(unknownEvent.error().message.contains(u"does not know the event"_s));
}

void TestVici::clientReconnectsAfterRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"charon.vici"_s);
    FakeDaemon daemon(path, [](const Packet &) -> QList<Packet> {
        Message m;
        m.add("success", QByteArrayLiteral("yes"));
        return {response(m)};
    });
    Client client(path, 2000);
    QVERIFY(client.call("version"));
    daemon.dropAfterNextAnswer();
    QVERIFY(client.call("version")); // answered, then the daemon hangs up
    QTest::qWait(50);
    auto again = client.call("version"); // the old connection is dead: one reconnect
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(daemon.connections(), 2);
}

void TestVici::clientWithoutDaemon()
{
    QTemporaryDir dir;
    Client client(dir.filePath(u"missing.vici"_s), 500);
    auto r = client.call("version");
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Kernel);
    QVERIFY2(r.error().message.contains(u"not running"_s), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(dir.filePath(u"missing.vici"_s)));

    // A daemon that never answers: bounded by the timeout.
    const QString silentPath = dir.filePath(u"silent.vici"_s);
    FakeDaemon silent(silentPath, [](const Packet &) { return QList<Packet>{}; });
    Client slow(silentPath, 300);
    QElapsedTimer t;
    t.start();
    auto timedOut = slow.call("version");
    QVERIFY(!timedOut);
    QVERIFY(t.elapsed() < 3000);
    QVERIFY2(timedOut.error().message.contains(u"no answer within"_s),
             qPrintable(timedOut.error().message));
}

void TestVici::socketPathOption()
{
    qunsetenv("IPSEC_CONSOLE_VICI");
    QCOMPARE(Client::socketPath(), u"/run/charon.vici"_s);
    qputenv("IPSEC_CONSOLE_VICI", "/tmp/x.vici");
    QCOMPARE(Client::socketPath(), u"/tmp/x.vici"_s);
    QCOMPARE(Client::socketPath(u"/opt/y.vici"_s), u"/opt/y.vici"_s); // --vici wins
    qunsetenv("IPSEC_CONSOLE_VICI");
}

void TestVici::dynamicRuleConnections()
{
    // netsh ipsec dynamic add rule ... mmpolicy= qmpolicy= psk=: one connection per rule (its
    // two halves share the reqid), offers from the named policies.
    engine::DynamicIke ike;
    engine::DynamicMmPolicy mm;
    mm.name = u"MM"_s;
    mm.methods = {MainModeMethod{MainModeMethod::Cipher::TripleDes, MainModeMethod::Hash::Md5, 3}};
    mm.lifetimeMinutes = 60;
    ike.mmPolicies << mm;
    engine::DynamicQmPolicy qm;
    qm.name = u"QM"_s;
    SecurityMethod esp;
    esp.espHash = SecurityMethod::Hash::Md5;
    esp.lifetimeSeconds = 1800;
    qm.methods = {esp};
    qm.pfs = engine::DynamicQmPolicy::Pfs::MainMode;
    ike.qmPolicies << qm;
    ike.config.strongCrlCheck = 2;

    engine::DynamicFilter in;
    in.filter.source = *Address::parse(u"10.0.0.2"_s);
    in.filter.destination = Address::me();
    in.action = FilterAction::Type::Negotiate;
    in.mmPolicy = u"mm"_s; // case-insensitive, as netsh names
    in.qmPolicy = u"QM"_s;
    in.authMethods = {AuthMethod{AuthMethod::Kind::Kerberos, {}},
                      AuthMethod{AuthMethod::Kind::PresharedKey, u"k1"_s}};
    in.negotiation.reqid = engine::dynamicRuleReqid(1);
    engine::DynamicFilter out = in;
    std::swap(out.filter.source, out.filter.destination);
    engine::DynamicFilter cert = in;
    cert.filter.source = *Address::parse(u"10.0.0.3"_s);
    cert.mmPolicy.clear(); // the defaults
    cert.qmPolicy.clear();
    cert.authMethods = {AuthMethod{AuthMethod::Kind::Certificate, u"CN=Root"_s}};
    cert.negotiation.reqid = engine::dynamicRuleReqid(2);
    engine::DynamicFilter bare = in; // no authentication: not negotiated, and said
    bare.filter.source = *Address::parse(u"10.0.0.4"_s);
    bare.authMethods.clear();
    bare.negotiation.reqid = 0;

    ConnectionOptions options;
    options.dynamicIke = &ike;
    options.revocation = "strict";
    const ConnectionPlan plan =
        ConnectionBuilder::build(PolicyDatabase{}, {in, out, cert, bare}, options);
    QCOMPARE(plan.connections.size(), 2);
    const Connection &c = plan.connections[0];
    QCOMPARE(c.name, QByteArray("ipsec-console-d1"));
    QCOMPARE(c.reqid, engine::dynamicRuleReqid(1));
    QVERIFY(c.reqid < engine::kReqidBase);
    const QByteArray n = c.name;
    QCOMPARE(c.config.itemsOf(QByteArray(n + ".proposals")),
             QList<QByteArray>{"3des-md5-modp2048"});
    QCOMPARE(c.config.valueOf(QByteArray(n + ".rekey_time")), QByteArray("3600s"));
    const QByteArray child = n + ".children." + n;
    QCOMPARE(c.config.valueOf(QByteArray(child + ".reqid")), QByteArray::number(c.reqid));
    // PFS "GRPMM": the main mode's group (3 = modp2048).
    QCOMPARE(c.config.itemsOf(QByteArray(child + ".esp_proposals")),
             QList<QByteArray>{"3des-md5-modp2048"});
    QCOMPARE(c.config.valueOf(QByteArray(child + ".rekey_time")), QByteArray("1800s"));
    QVERIFY(c.secret);
    QCOMPARE(c.secret->valueOf("data"), QByteArray("k1"));
    QVERIFY(plan.notices.join(u'\n').contains(u"Kerberos authentication of dynamic rule"_s));
    QVERIFY(plan.notices.join(u'\n').contains(u"without authentication methods"_s));
    // Defaults: Windows' main mode offers; certificate authentication with strict CRL checks.
    const Connection &d = plan.connections[1];
    QCOMPARE(d.name, QByteArray("ipsec-console-d2"));
    QCOMPARE(d.config.itemsOf("ipsec-console-d2.proposals").size(), 4);
    QCOMPARE(d.config.valueOf("ipsec-console-d2.remote.ca_id"), QByteArray("CN=Root"));
    QCOMPARE(d.config.valueOf("ipsec-console-d2.remote.revocation"), QByteArray("strict"));
    QCOMPARE(d.config.itemsOf("ipsec-console-d2.children.ipsec-console-d2.esp_proposals"),
             (QList<QByteArray>{"3des-sha1", "3des-md5"}));
    // Without dynamic policies, a named one that is gone falls back to the defaults.
    const ConnectionPlan none = ConnectionBuilder::build(PolicyDatabase{}, {in, out});
    QCOMPARE(none.connections.size(), 1);
    QVERIFY(none.notices.join(u'\n').contains(u"no longer exists"_s));
}

void TestVici::connectionsFromSecureServer()
{
    AuthMethod psk;
    psk.kind = AuthMethod::Kind::PresharedKey;
    psk.data = u"s3cret"_s;
    const PolicyDatabase db = securePolicy({psk});
    const ConnectionPlan plan = ConnectionBuilder::build(db, {});
    QCOMPARE(plan.connections.size(), 1); // ICMP is Permit, the default response rule skipped
    const Connection &c = plan.connections.first();
    const Rule *rule = nullptr;
    for (const Rule &r : db.rules)
        if (r.policyId == 3 && r.name == u"All IP Traffic"_s)
            rule = &r;
    QVERIFY(rule);
    QCOMPARE(c.name, "ipsec-console-r" + QByteArray::number(rule->id));
    QVERIFY(ConnectionBuilder::isOwnName(c.name));
    QCOMPARE(c.reqid, engine::reqidForRule(rule->id));
    const QByteArray n = c.name;
    QCOMPARE(c.config.valueOf(QByteArray(n + ".version")), QByteArray("1"));
    QCOMPARE(c.config.itemsOf(QByteArray(n + ".proposals")),
             (QList<QByteArray>{"3des-sha1-modp1024", "3des-md5-modp1024", "des-sha1-modp768",
                                "des-md5-modp768"}));
    QCOMPARE(c.config.valueOf(QByteArray(n + ".local.auth")), QByteArray("psk"));
    QCOMPARE(c.config.valueOf(QByteArray(n + ".remote.auth")), QByteArray("psk"));
    const QByteArray child = n + ".children." + n;
    QCOMPARE(c.config.valueOf(QByteArray(child + ".mode")), QByteArray("transport"));
    QCOMPARE(c.config.valueOf(QByteArray(child + ".reqid")), QByteArray::number(c.reqid));
    QCOMPARE(c.config.valueOf(QByteArray(child + ".policies")), QByteArray("no"));
    QCOMPARE(c.config.valueOf(QByteArray(child + ".start_action")), QByteArray("trap"));
    // Require Security offers ESP[3DES,SHA1] and ESP[DES,SHA1].
    QCOMPARE(c.config.itemsOf(QByteArray(child + ".esp_proposals")),
             (QList<QByteArray>{"3des-sha1", "des-sha1"}));
    QCOMPARE(c.config.valueOf(QByteArray(child + ".rekey_time")), QByteArray("3600s"));
    QVERIFY(c.secret);
    QCOMPARE(c.secret->valueOf("id"), n);
    QCOMPARE(c.secret->valueOf("type"), QByteArray("IKE"));
    QCOMPARE(c.secret->valueOf("data"), QByteArray("s3cret"));
    // Encodes and decodes as one message.
    QVERIFY(Message::decode(c.config.encode()));

    // IKEv2 selectable.
    ConnectionOptions v2;
    v2.ikeVersion = 2;
    QCOMPARE(ConnectionBuilder::build(db, {}, v2)
                 .connections.first()
                 .config.valueOf(QByteArray(n + ".version")),
             QByteArray("2"));
}

void TestVici::kerberosIsSkipped()
{
    AuthMethod kerberos; // the default
    AuthMethod psk;
    psk.kind = AuthMethod::Kind::PresharedKey;
    psk.data = u"k"_s;
    ConnectionPlan plan = ConnectionBuilder::build(securePolicy({kerberos, psk}), {});
    QCOMPARE(plan.connections.size(), 1);
    QCOMPARE(plan.connections.first().authentication, u"psk"_s);
    QVERIFY2(plan.notices.join(u'\n').contains(u"Kerberos authentication of rule \"All IP "
                                               u"Traffic\" is not available on Linux: skipped."_s),
             qPrintable(plan.notices.join(u'\n')));
    // Kerberos only: refused with a notice, no connection.
    plan = ConnectionBuilder::build(securePolicy({kerberos}), {});
    QCOMPARE(plan.connections.size(), 0);
    QVERIFY(plan.notices.join(u'\n').contains(u"has no authentication method usable"_s));
}

void TestVici::certificateAuthentication()
{
    AuthMethod cert;
    cert.kind = AuthMethod::Kind::Certificate;
    cert.data = u"CN=Test Root CA"_s;
    const ConnectionPlan plan = ConnectionBuilder::build(securePolicy({cert}), {});
    QCOMPARE(plan.connections.size(), 1);
    const Connection &c = plan.connections.first();
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".local.auth")), QByteArray("pubkey"));
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".remote.auth")), QByteArray("pubkey"));
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".remote.ca_id")), QByteArray("CN=Test Root CA"));
    QVERIFY(!c.secret);
}

void TestVici::proposals()
{
    auto m = SecurityMethod::parse(u"ESP[3DES,SHA1]:100000k/3600s");
    QVERIFY(m);
    QCOMPARE(ConnectionBuilder::espProposal(*m, false), QByteArray("3des-sha1"));
    QCOMPARE(ConnectionBuilder::espProposal(*m, true), QByteArray("3des-sha1-modp1024"));
    m = SecurityMethod::parse(u"ESP[None,MD5]");
    QCOMPARE(ConnectionBuilder::espProposal(*m, false), QByteArray("null-md5"));
    m = SecurityMethod::parse(u"ESP[DES,None]");
    QCOMPARE(ConnectionBuilder::espProposal(*m, false), QByteArray()); // no integrity
    m = SecurityMethod::parse(u"AH[MD5]");
    QCOMPARE(ConnectionBuilder::ahProposal(*m, false), QByteArray("md5"));
    QCOMPARE(ConnectionBuilder::espProposal(*m, false), QByteArray());
    m = SecurityMethod::parse(u"AH[SHA1]+ESP[3DES,None]");
    QCOMPARE(ConnectionBuilder::espProposal(*m, false), QByteArray("3des-sha1"));

    auto mm = MainModeMethod::parse(u"3DES-SHA1-2");
    QVERIFY(mm);
    QCOMPARE(mm->toProposal(), QByteArray("3des-sha1-modp1024"));
    QCOMPARE(mm->toString(), u"3DES-SHA1-2"_s);
    // Windows' group 3 is DH2048 (IKE's group 14, accepted as well).
    QCOMPARE(MainModeMethod::parse(u"aes256-sha-14")->toProposal(),
             QByteArray("aes256-sha1-modp2048"));
    QCOMPARE(MainModeMethod::parse(u"aes256-sha-14")->toString(), u"AES256-SHA1-3"_s);
    QCOMPARE(MainModeMethod::parse(u"3DES-SHA1-3")->toProposal(), QByteArray("3des-sha1-modp2048"));
    QVERIFY(!MainModeMethod::parse(u"3DES-SHA1-5"));
    QVERIFY(!MainModeMethod::parse(u"BLOWFISH-SHA1-2"));
    auto list = MainModeMethod::parseList(u" DES-MD5-1, 3des-sha-3 "_s);
    QVERIFY(list);
    QCOMPARE(MainModeMethod::listToString(*list), u"DES-MD5-1 3DES-SHA1-3"_s);
    QVERIFY(!MainModeMethod::parseList(u"DES-MD5-1 nonsense"_s));

    // The assigned policy's methods are the IKE proposals, in its order; none: the defaults.
    AuthMethod psk;
    psk.kind = AuthMethod::Kind::PresharedKey;
    psk.data = u"k"_s;
    PolicyDatabase db = securePolicy({psk});
    auto proposalsOf = [](const PolicyDatabase &d) {
        return ConnectionBuilder::build(d, {}).connections.first().config.itemsOf(
            QByteArray(ConnectionBuilder::build(d, {}).connections.first().name + ".proposals"));
    };
    QCOMPARE(proposalsOf(db), (QList<QByteArray>{"3des-sha1-modp1024", "3des-md5-modp1024",
                                                 "des-sha1-modp768", "des-md5-modp768"}));
    for (Policy &p : db.policies)
        if (p.assigned)
            p.mainModeMethods = *list;
    QCOMPARE(proposalsOf(db), (QList<QByteArray>{"des-md5-modp768", "3des-sha1-modp2048"}));
}

void TestVici::keyExchangeSettings()
{
    // Issue 14: the policy's main mode lifetime is the IKE SA's rekey_time (IKEv1: charon
    // reauthenticates) or reauth_time (IKEv2); master key PFS gives every CHILD_SA its own
    // Diffie-Hellman exchange; a quick mode limit charon cannot keep is said.
    AuthMethod psk;
    psk.kind = AuthMethod::Kind::PresharedKey;
    psk.data = u"k"_s;
    PolicyDatabase db = securePolicy({psk});
    const auto build = [&](int version) {
        ConnectionOptions o;
        o.ikeVersion = version;
        return ConnectionBuilder::build(db, {}, o);
    };
    ConnectionPlan plan = build(1);
    Connection c = plan.connections.first();
    QByteArray child = c.name + ".children." + c.name;
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".rekey_time")), QByteArray("28800s"));
    QCOMPARE(c.config.itemsOf(QByteArray(child + ".esp_proposals")),
             (QList<QByteArray>{"3des-sha1", "des-sha1"}));
    for (Policy &p : db.policies)
        if (p.assigned) {
            p.mainModeLifetimeSeconds = 900;
            p.quickModesPerMainMode = 5;
        }
    plan = build(1);
    c = plan.connections.first();
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".rekey_time")), QByteArray("900s"));
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".reauth_time")), QByteArray());
    QVERIFY2(plan.notices.join(u'\n').contains(u"allows 5 quick modes per main mode"_s),
             qPrintable(plan.notices.join(u'\n')));
    plan = build(2);
    c = plan.connections.first();
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".reauth_time")), QByteArray("900s"));
    QCOMPARE(c.config.valueOf(QByteArray(c.name + ".rekey_time")), QByteArray("0s"));

    for (Policy &p : db.policies)
        if (p.assigned) {
            p.mainModePfs = true;
            p.quickModesPerMainMode = 1;
        }
    plan = build(1);
    c = plan.connections.first();
    QCOMPARE(c.config.itemsOf(QByteArray(child + ".esp_proposals")),
             (QList<QByteArray>{"3des-sha1-modp1024", "des-sha1-modp1024"}));
    QVERIFY(!plan.notices.join(u'\n').contains(u"quick modes per main mode"_s));
}

void TestVici::syncTouchesOnlyOwnConnections()
{
    // A fake charon with state: connections and shared keys by name.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"charon.vici"_s);
    std::mutex lock;
    QStringList conns{u"admin-vpn"_s, u"ipsec-console-r99"_s};
    QStringList keys{u"admin-key"_s, u"ipsec-console-r99"_s};
    // IKE SAs by unique id: the admin's and one of a connection of ours that goes away.
    QMap<QByteArray, QByteArray> sas{{"1", "admin-vpn"}, {"2", "ipsec-console-r99"}};
    FakeDaemon daemon(path, [&](const Packet &p) -> QList<Packet> {
        std::lock_guard guard(lock);
        Message m;
        if (p.type == Packet::Type::EventRegister || p.type == Packet::Type::EventUnregister)
            return {ofType(Packet::Type::EventConfirm)};
        if (p.name == "list-sas") {
            QList<Packet> out;
            for (auto it = sas.cbegin(); it != sas.cend(); ++it) {
                Message sa;
                Element &ike = sa.section(it.value());
                ike.add("uniqueid", it.key());
                ike.add("remote-host", QByteArrayLiteral("192.0.2.7"));
                out << ofType(Packet::Type::Event, "list-sa", sa);
            }
            return out << response(Message{});
        }
        if (p.name == "terminate") {
            const bool known = sas.remove(p.message.valueOf("ike-id")) == 1;
            m.add("success", known ? QByteArrayLiteral("yes") : QByteArrayLiteral("no"));
            return {response(m)};
        }
        const auto names = [](const QStringList &l) {
            QList<QByteArray> out;
            for (const QString &s : l)
                out << s.toUtf8();
            return out;
        };
        if (p.name == "get-conns") {
            m.addList("conns", names(conns));
        } else if (p.name == "get-shared") {
            m.addList("keys", names(keys));
        } else if (p.name == "load-conn") {
            const QString n = QString::fromUtf8(p.message.children().front().name());
            if (!conns.contains(n))
                conns << n;
            m.add("success", QByteArrayLiteral("yes"));
        } else if (p.name == "unload-conn") {
            conns.removeAll(QString::fromUtf8(p.message.valueOf("name")));
            m.add("success", QByteArrayLiteral("yes"));
        } else if (p.name == "load-shared") {
            const QString id = QString::fromUtf8(p.message.valueOf("id"));
            if (!keys.contains(id))
                keys << id;
            m.add("success", QByteArrayLiteral("yes"));
        } else if (p.name == "unload-shared") {
            keys.removeAll(QString::fromUtf8(p.message.valueOf("id")));
            m.add("success", QByteArrayLiteral("yes"));
        } else {
            return {ofType(Packet::Type::CmdUnknown)};
        }
        return {response(m)};
    });
    AuthMethod psk;
    psk.kind = AuthMethod::Kind::PresharedKey;
    psk.data = u"k"_s;
    const ConnectionPlan plan = ConnectionBuilder::build(securePolicy({psk}), {});
    const QString own = QString::fromUtf8(plan.connections.first().name);
    Client client(path, 2000);
    auto r = ConnectionSync::apply(client, plan);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->loaded, QStringList{own});
    QCOMPARE(r->unloaded, QStringList{u"ipsec-console-r99"_s}); // ours, no longer wanted
    QCOMPARE(r->foreign, 1);
    // The IKE SA of the connection that went is closed; the admin's stays.
    QVERIFY2(r->messages.join(u'\n').contains(
                 u"closed the security association of ipsec-console-r99 with 192.0.2.7"_s),
             qPrintable(r->messages.join(u'\n')));
    {
        std::lock_guard guard(lock);
        QCOMPARE(conns, (QStringList{u"admin-vpn"_s, own}));
        QCOMPARE(keys, (QStringList{u"admin-key"_s, own}));
        QCOMPARE(sas.keys(), QList<QByteArray>{"1"});
    }
    // Unassign / emergency: every connection and key of ours goes, the admin's stay.
    r = ConnectionSync::unloadAll(client);
    QVERIFY(r);
    std::lock_guard guard(lock);
    QCOMPARE(conns, QStringList{u"admin-vpn"_s});
    QCOMPARE(keys, QStringList{u"admin-key"_s});
}

QTEST_GUILESS_MAIN(TestVici)
#include "TestVici.moc"
