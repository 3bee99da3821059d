// Tests of the netsh ipsec grammar: single commands (tags, prefixes, positional values, quoting,
// masks) and scripts (netsh scripts and batch files, line numbers in every error).

#include "syntax/Netsh.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::syntax;

namespace {

using C = NetshCommand;

Result<NetshCommand> parseLine(const QString &line)
{
    auto words = NetshParser::splitLine(line);
    if (!words)
        return words.error();
    return NetshParser::parse(*words);
}

NetshCommand ok(const QString &line)
{
    auto c = parseLine(line);
    if (!c)
        qFatal("refused: %s\n  %s", qPrintable(line), qPrintable(c.error().message));
    return c.value();
}

QString errorOf(const QString &line)
{
    auto c = parseLine(line);
    return c ? QString() : c.error().message;
}

Result<QList<NetshCommand>> script(const QByteArray &bytes)
{
    return NetshScript::parse(bytes, u"test.cmd"_s);
}

} // namespace

class TestNetshParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fullTags();
    void prefixesAndCase();
    void positionalValues();
    void quotingAndNonAscii();
    void addressesAndMasks();
    void filterActionAndAuth();
    void dynamicRule();
    void refused_data();
    void refused();
    void splitLine();
    void batchScript();
    void netshScriptContexts();
    void scriptErrorsNameTheLine_data();
    void scriptErrorsNameTheLine();
    void encodings();
    void longLines();
};

void TestNetshParser::fullTags()
{
    const C c = ok(u"ipsec static add policy name=P description=D mmpfs=no qmpermm=0 "
                   u"mmlifetime=480 activatedefaultrule=no pollinginterval=60 assign=yes "
                   u"mmsecmethods=\"3DES-SHA1-2 DES-MD5-1\""_s);
    QCOMPARE(c.context, C::Context::Static);
    QCOMPARE(c.verb, C::Verb::Add);
    QCOMPARE(c.object, C::Object::Policy);
    QCOMPARE(*c.name, u"P"_s);
    QCOMPARE(*c.description, u"D"_s);
    QCOMPARE(*c.activateDefaultRule, false);
    QCOMPARE(*c.pollingMinutes, 60);
    QCOMPARE(*c.assign, true);
    QCOMPARE(c.mmSecMethods, (QStringList{u"3DES-SHA1-2"_s, u"DES-MD5-1"_s}));
    // The key exchange settings are stored with the policy (issue 14): nothing unmodelled.
    QCOMPARE(*c.mmPfs, false);
    QCOMPARE(*c.qmPerMm, 0);
    QCOMPARE(*c.mmLifetimeMinutes, 480);
    QVERIFY(c.unmodelledSettings.isEmpty());

    const C f = ok(u"ipsec static add filter filterlist=L srcaddr=me dstaddr=any "
                   u"description=\"x\" protocol=TCP mirrored=no srcport=0 dstport=80"_s);
    QVERIFY(f.source->isMe());
    QVERIFY(f.destination->isAny());
    QCOMPARE(*f.protocol, Protocol::tcp());
    QCOMPARE(*f.sourcePort, quint16(0)); // 0 = any
    QCOMPARE(*f.destinationPort, quint16(80));
    QCOMPARE(*f.mirrored, false);
    QVERIFY(ok(u"ipsec static exportpolicy file=x.ipsec"_s).isReadOnly());
    QCOMPARE(*ok(u"ipsec static exportpolicy file = ./ipsec.ipsec"_s).file, u"./ipsec.ipsec"_s);
    QCOMPARE(ok(u"ipsec static importpolicy file=x"_s).verb, C::Verb::ImportPolicy);
    QCOMPARE(*ok(u"ipsec static set store location=local"_s).storeLocation, u"local"_s);
    QCOMPARE(*ok(u"ipsec static set batch mode=enable"_s).batchMode, u"enable"_s);
    QCOMPARE(ok(u"ipsec static delete all"_s).object, C::Object::All);
    const C show = ok(u"ipsec static show policy all level=verbose format=list"_s);
    QVERIFY(show.showAll);
    QCOMPARE(show.displayOptions, (QStringList{u"level=verbose"_s, u"format=list"_s}));
    QCOMPARE(*ok(u"ipsec static delete rule id=2 policy=P"_s).ruleId, 2);
    // Server types: stored as such; the other end is this computer.
    const C gw = ok(u"ipsec static add filter L me gateway protocol=UDP dstport=53"_s);
    QVERIFY(gw.destination->isServer());
    QCOMPARE(gw.destination->serverType(), Address::ServerType::Gateway);
    QCOMPARE(gw.destination->toString(), u"<GATEWAY>"_s);
    const C dns = ok(u"ipsec static add filter filterlist=L srcaddr=DNS dstaddr=any"_s);
    QCOMPARE(dns.source->serverType(), Address::ServerType::Dns);
    QVERIFY(dns.destination->isMe());
    QCOMPARE(dns.notes.size(), 1);
    QVERIFY(
        ok(u"ipsec dynamic add rule srcaddr=me dstaddr=DHCP mmpolicy=x"_s).destination->isServer());
    QCOMPARE(Address::parse(u"<dhcp>"_s)->serverType(), Address::ServerType::Dhcp);
    QVERIFY(Address::parse(u"gateway"_s)->isDnsName()); // only netsh reads the bare keyword
    // show rule id=N policy=P, id=all; show filterlist rule=NAME [policy=P].
    QCOMPARE(*ok(u"ipsec static show rule id=3 policy=P"_s).ruleId, 3);
    QVERIFY(ok(u"ipsec static show rule id=all policy=P"_s).showAll);
    const C ofRule = ok(u"ipsec static show filterlist rule=\"Block 445\" policy=P"_s);
    QCOMPARE(*ofRule.ruleName, u"Block 445"_s);
    QCOMPARE(*ofRule.policy, u"P"_s);
    QCOMPARE(*ok(u"ipsec static set defaultrule policy=P activate=no"_s).activate, false);
}

void TestNetshParser::prefixesAndCase()
{
    const C c = ok(u"IPSEC STATIC ADD FILTER FILTERL=L SRCA=any DSTA=me MIRROR=Y PROT=udp "
                   u"DSTP=1434"_s);
    QCOMPARE(*c.filterList, u"L"_s);
    QCOMPARE(*c.mirrored, true);
    QCOMPARE(*c.protocol, Protocol::udp());
    QCOMPARE(*c.destinationPort, quint16(1434));
    // Context, verb and object shortened too.
    const C p = ok(u"ip st a pol name=X desc=\"short\""_s);
    QCOMPARE(p.object, C::Object::Policy);
    QCOMPARE(*p.description, u"short"_s);
    // An exact name wins over a longer one: "filter" is the object, not filterlist.
    QCOMPARE(ok(u"ipsec static add filter L any me"_s).object, C::Object::Filter);
    QCOMPARE(*ok(u"ipsec static add filteraction n=A act=permit"_s).action,
             FilterAction::Type::Permit);
    QCOMPARE(
        ok(u"ipsec static add filteraction name=A qmsec=\"ESP[3DES,SHA1]\""_s).qmSecMethods->size(),
        1);
}

void TestNetshParser::positionalValues()
{
    const C r = ok(u"ipsec static add rule R P L A"_s);
    QCOMPARE(*r.name, u"R"_s);
    QCOMPARE(*r.policy, u"P"_s);
    QCOMPARE(*r.filterList, u"L"_s);
    QCOMPARE(*r.filterAction, u"A"_s);
    // Tagged and positional mixed: a positional value takes the first tag not given yet.
    const C m = ok(u"ipsec static add rule policy=P R L A activate=no"_s);
    QCOMPARE(*m.name, u"R"_s);
    QCOMPARE(*m.filterList, u"L"_s);
    QCOMPARE(*m.filterAction, u"A"_s);
    QCOMPARE(*m.activate, false);
    const C f = ok(u"ipsec static add filter L 10.0.0.0 me \"ten net\" TCP yes 255.0.0.0"_s);
    QCOMPARE(f.source->toString(), u"10.0.0.0/8"_s);
    QCOMPARE(*f.description, u"ten net"_s);
    QCOMPARE(*f.mirrored, true);
}

void TestNetshParser::quotingAndNonAscii()
{
    const C c = ok(u"ipsec static add policy name=\"Schutz für Büro – 東京\" "
                   u"description=\"say \"\"hi\"\"\""_s);
    QCOMPARE(*c.name, u"Schutz für Büro – 東京"_s);
    QCOMPARE(*c.description, u"say \"hi\""_s);
    // netsh's own escape of a quote inside quotes (rootca="CN=\'A\'"), as the exports write it.
    QCOMPARE(*ok(u"ipsec static add policy name=\"say \\'hi\\'\""_s).name, u"say \"hi\""_s);
    // Quotes around the whole word, typographic quotes, apostrophes and backslashes are text.
    QCOMPARE(*ok(u"ipsec static add policy \"name=Bob's policy\""_s).name, u"Bob's policy"_s);
    QCOMPARE(*ok(u"ipsec static add policy name=“Pasted from Word”"_s).name, u"Pasted from Word"_s);
    QCOMPARE(*ok(u"ipsec static exportpolicy file=C:\\policies\\web.ipsec"_s).file,
             u"C:\\policies\\web.ipsec"_s);
    QCOMPARE(*ok(u"ipsec static add policy name=a#b"_s).name, u"a#b"_s);
}

void TestNetshParser::addressesAndMasks()
{
    const auto src = [](const QString &tail) {
        return ok(u"ipsec static add filter L "_s + tail).source->toString();
    };
    QCOMPARE(src(u"srcaddr=192.168.1.0 dstaddr=me srcmask=255.255.255.0"_s), u"192.168.1.0/24"_s);
    QCOMPARE(src(u"srcaddr=192.168.1.0 dstaddr=me srcmask=24"_s), u"192.168.1.0/24"_s);
    QCOMPARE(src(u"srcaddr=192.168.1.7 dstaddr=me srcmask=255.255.255.255"_s), u"192.168.1.7"_s);
    QCOMPARE(src(u"srcaddr=192.168.1.7 dstaddr=me"_s), u"192.168.1.7"_s); // default full mask
    QCOMPARE(src(u"srcaddr=0.0.0.0 srcmask=0.0.0.0 dstaddr=me"_s), u"any"_s);
    QCOMPARE(src(u"srcaddr=ANY dstaddr=me srcmask=255.255.255.255"_s), u"any"_s);
    QCOMPARE(src(u"srcaddr=Me dstaddr=any"_s), u"me"_s);
    QCOMPARE(src(u"srcaddr=2001:db8:: srcmask=32 dstaddr=me"_s), u"2001:db8::/32"_s);
    QCOMPARE(src(u"srcaddr=www.example.org dstaddr=me"_s), u"www.example.org"_s);
    QCOMPARE(ok(u"ipsec static add filter L any me protocol=50"_s).protocol->number(), 50);
}

void TestNetshParser::filterActionAndAuth()
{
    const C a = ok(u"ipsec static add filteraction name=FilterA qmpfs=yes soft=y "
                   u"action=negotiate qmsec=\"AH[MD5]:204800k/300s ESP[DES,SHA1]:30000k/480s\""_s);
    QCOMPARE(*a.action, FilterAction::Type::Negotiate);
    QCOMPARE(*a.soft, true);
    QCOMPARE(a.qmSecMethods->size(), 2);
    QCOMPARE(a.qmSecMethods->at(0).lifetimeKBytes, 204800u);
    QCOMPARE(a.qmSecMethods->at(1).lifetimeSeconds, 480u);
    // Authentication methods in command-line order; \' stands for a quote inside rootca.
    const C r = ok(u"ipsec static add rule name=R policy=P filterlist=L filteraction=A "
                   u"psk=\"s3cret\" kerberos=yes rootca=\"CN=Root \\'CA\\' certmap:yes "
                   u"excludecaname:no\""_s);
    QCOMPARE(r.authMethods->size(), 3);
    QCOMPARE(r.authMethods->at(0).kind, AuthMethod::Kind::PresharedKey);
    QCOMPARE(r.authMethods->at(0).data, u"s3cret"_s);
    QCOMPARE(r.authMethods->at(1).kind, AuthMethod::Kind::Kerberos);
    QCOMPARE(r.authMethods->at(2).data, u"CN=Root \"CA\""_s);
    QCOMPARE(r.rootCaOptions, (QStringList{u"certmap:yes"_s, u"excludecaname:no"_s}));
    QCOMPARE(ok(u"ipsec static add rule R P L A conntype=lan"_s).connectionType,
             Rule::ConnectionType::Lan);
}

void TestNetshParser::dynamicRule()
{
    const C d = ok(u"ipsec dynamic add rule srcaddr=any dstaddr=me mmpolicy=M protocol=UDP "
                   u"dstport=1434 mirrored=no actioninbound=block actionoutbound=permit"_s);
    QVERIFY(d.isDynamic());
    QCOMPARE(*d.actionInbound, FilterAction::Type::Block);
    QCOMPARE(*d.actionOutbound, FilterAction::Type::Permit);
    // mmpolicy= and qmpolicy= name dynamic main/quick mode policies (issue 14).
    QCOMPARE(*d.mmPolicy, u"M"_s);
    QVERIFY(d.unmodelledSettings.isEmpty());
    const C mm = ok(u"ipsec dynamic add mmpolicy name=TempMMpolicy mmsecmethods=\"3DES-SHA1-2 "
                    u"DES-MD5-1\" mmlifetime=60 softsa=300 qmpermm=5 default=yes"_s);
    QCOMPARE(mm.object, C::Object::MmPolicy);
    QCOMPARE(*mm.name, u"TempMMpolicy"_s);
    QCOMPARE(mm.mmSecMethods, (QStringList{u"3DES-SHA1-2"_s, u"DES-MD5-1"_s}));
    QCOMPARE(*mm.mmLifetimeMinutes, 60);
    QCOMPARE(*mm.softSaExpirationSeconds, 300);
    QCOMPARE(*mm.qmPerMm, 5);
    QVERIFY(*mm.isDefault);
    QVERIFY(mm.unmodelledSettings.isEmpty());
    const C qm = ok(u"ipsec dynamic add qmpolicy QM yes GRP3 \"ESP[DES,MD5] AH[SHA1]\""_s);
    QCOMPARE(*qm.name, u"QM"_s);
    QVERIFY(*qm.soft);
    QCOMPARE(*qm.pfsGroup, u"GRP3"_s);
    QCOMPARE(qm.qmSecMethods->size(), 2);
    QVERIFY(ok(u"ipsec dynamic delete qmpolicy all"_s).showAll);
    const C config = ok(u"ipsec dynamic set config strongcrlcheck 2"_s);
    QCOMPARE(*config.configProperty, u"strongcrlcheck"_s);
    QCOMPARE(*config.configValue, u"2"_s);
    // Bad input: a clear error naming the offending text.
    QVERIFY(errorOf(u"ipsec dynamic add mmpolicy mmlifetime=5"_s).contains(u"needs name="_s));
    QVERIFY(errorOf(u"ipsec dynamic add qmpolicy name=Q pfsgroup=GRP9"_s).contains(u"GRP9"_s));
    QVERIFY(errorOf(u"ipsec dynamic add mmpolicy name=M mmsecmethods=AES-SHA1-2"_s)
                .contains(u"AES-SHA1-2"_s));
    QVERIFY(errorOf(u"ipsec dynamic set config property=nosuch value=1"_s).contains(u"nosuch"_s));
    QVERIFY(errorOf(u"ipsec dynamic set config property=ikelogging"_s).contains(u"value="_s));
    QVERIFY(errorOf(u"ipsec dynamic delete mmpolicy"_s).contains(u"needs name="_s));
    // delete ... all (issue 13, class 4).
    const C all = ok(u"ipsec static delete rule all \"Server (Request Security)\""_s);
    QVERIFY(all.showAll);
    QCOMPARE(*all.policy, u"Server (Request Security)"_s);
    QVERIFY(ok(u"ipsec static delete filteraction all"_s).showAll);
    QCOMPARE(ok(u"ipsec dynamic delete rule srcaddr=any dstaddr=me"_s).verb, C::Verb::Delete);
    QCOMPARE(ok(u"ipsec dynamic delete all"_s).object, C::Object::All);
    QVERIFY(ok(u"ipsec dynamic show all"_s).isReadOnly());
}

void TestNetshParser::refused_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::newRow("ambiguous tag") << u"ipsec static add rule name=R filter=L"_s
                                   << u"\"filter\" is ambiguous: it could be filterlist, "
                                      u"filteraction"_s;
    QTest::newRow("ambiguous object")
        << u"ipsec static add filt name=x"_s << u"\"filt\" is ambiguous"_s;
    QTest::newRow("unknown tag") << u"ipsec static add policy name=P colour=red"_s
                                 << u"unknown tag for \"add policy\": \"colour\"; expected "
                                    u"name, description"_s;
    QTest::newRow("unknown verb") << u"ipsec static frobnicate policy"_s
                                  << u"unknown command \"frobnicate\""_s;
    QTest::newRow("not ipsec") << u"interface ip show config"_s << u"unknown context"_s;
    QTest::newRow("show rule id needs policy")
        << u"ipsec static show rule id=1"_s << u"\"show rule\" needs policy="_s;
    QTest::newRow("show rule= of a policy")
        << u"ipsec static show policy rule=R"_s << u"rule= belongs to \"show filterlist\""_s;
    QTest::newRow("delete rule id=all") << u"ipsec static delete rule id=all policy=P"_s
                                        << u"id=\"all\": expected a whole number"_s;
    QTest::newRow("bad bool") << u"ipsec static add policy name=P assign=maybe"_s
                              << u"assign=\"maybe\": expected yes, no, y or n"_s;
    QTest::newRow("port range") << u"ipsec static add filter L any me protocol=UDP dstport=65536"_s
                                << u"dstport=\"65536\": expected a whole number from 0 to "
                                   u"65535"_s;
    QTest::newRow("port needs tcp/udp")
        << u"ipsec static add filter L any me dstport=80"_s << u"ports need TCP or UDP"_s;
    QTest::newRow("bad mask") << u"ipsec static add filter L 10.0.0.0 me srcmask=255.0.255.0"_s
                              << u"srcmask=255.0.255.0"_s;
    QTest::newRow("host bits") << u"ipsec static add filter L 10.1.2.3 me srcmask=8"_s
                               << u"did you mean 10.0.0.0/8?"_s;
    QTest::newRow("me with mask") << u"ipsec static add filter L me any srcmask=24"_s
                                  << u"srcaddr=me takes no srcmask="_s;
    QTest::newRow("mask without addr")
        << u"ipsec static delete filter L dstmask=24"_s << u"dstmask= needs dstaddr="_s;
    QTest::newRow("WINS") << u"ipsec static add filter L WINS me"_s
                          << u"srcaddr=WINS: WINS servers are not supported"_s;
    QTest::newRow("two server types") << u"ipsec static add filter L DNS GATEWAY"_s
                                      << u"srcaddr=DNS: a filter with a server "
                                         u"type runs between the server and this "
                                         u"computer; give dstaddr=me"_s;
    QTest::newRow("server type not with me")
        << u"ipsec static add filter L 10.0.0.1 GATEWAY"_s << u"give srcaddr=me"_s;
    QTest::newRow("server type with a mask")
        << u"ipsec static add filter L DNS me srcmask=24"_s << u"srcaddr=DNS takes no srcmask="_s;
    QTest::newRow("bad address") << u"ipsec static add filter L 300.1.1.1 me"_s
                                 << u"srcaddr=300.1.1.1"_s;
    QTest::newRow("octal address")
        << u"ipsec static add filter L 010.001.001.001 me"_s << u"Did you mean 10.1.1.1?"_s;
    QTest::newRow("hex address") << u"ipsec static add filter L any 0x7f.0.0.1"_s
                                 << u"Did you mean 127.0.0.1?"_s;
    QTest::newRow("v4-mapped address")
        << u"ipsec static add filter L ::ffff:10.0.0.1 me"_s << u"IPv4-mapped"_s;
    QTest::newRow("spaced mask") << u"ipsec static add filter L 10.0.0.0 me srcmask=\" 8\""_s
                                 << u"digits only"_s;
    QTest::newRow("bad protocol") << u"ipsec static add filter L any me protocol=SCTPX"_s
                                  << u"protocol=\"SCTPX\": expected ANY, ICMP"_s;
    QTest::newRow("missing name") << u"ipsec static add policy description=x"_s
                                  << u"\"add policy\" needs name="_s;
    QTest::newRow("missing rule parts")
        << u"ipsec static add rule name=R policy=P"_s << u"\"add rule\" needs filterlist="_s;
    QTest::newRow("name and guid") << u"ipsec static set policy name=P guid={00000000-0000-0000-"
                                      u"0000-000000000001}"_s
                                   << u"takes name= or guid=, not both"_s;
    QTest::newRow("twice") << u"ipsec static add policy name=P name=Q"_s
                           << u"name= is given twice"_s;
    QTest::newRow("too many values")
        << u"ipsec static add filterlist A B C"_s << u"unexpected value \"C\""_s;
    QTest::newRow("no tag") << u"ipsec static add policy name=P =x"_s << u"has no tag before '='"_s;
    QTest::newRow("bad qmsec") << u"ipsec static add filteraction A qmsec=\"ESP[ROT13,SHA1]\""_s
                               << u"ESP takes one cipher"_s;
    QTest::newRow("bad mmsec") << u"ipsec static add policy P mmsec=\"AES-SHA1-2\""_s
                               << u"ConfAlg-HashAlg-GroupNum"_s;
    QTest::newRow("bad action") << u"ipsec static add filteraction A action=drop"_s
                                << u"action=\"drop\": expected permit|block|negotiate"_s;
    QTest::newRow("domain gpo") << u"ipsec static set store location=galaxy"_s
                                << u"expected local|domain|persistent"_s;
    QTest::newRow("dynamic needs addresses")
        << u"ipsec dynamic add rule srcaddr=any"_s << u"\"add rule\" needs dstaddr="_s;
    QTest::newRow("empty") << u""_s << u"empty command"_s;
    QTest::newRow("unclosed quote")
        << u"ipsec static add policy name=\"open"_s << u"double quote (\") is not closed"_s;
}

void TestNetshParser::refused()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const QString error = errorOf(line);
    QVERIFY2(error.contains(expected), qPrintable(u"line: "_s + line + u"\nerror: "_s + error));
}

void TestNetshParser::splitLine()
{
    QCOMPARE(*NetshParser::splitLine(u"a  \"b c\"\td"_s), (QStringList{u"a"_s, u"b c"_s, u"d"_s}));
    QCOMPARE(*NetshParser::splitLine(u"x=\"\""_s), QStringList{u"x="_s});
    QCOMPARE(*NetshParser::splitLine(u"it's \\\\srv\\share"_s),
             (QStringList{u"it's"_s, u"\\\\srv\\share"_s}));
    for (const QString &w : {u"plain"_s, u"two words"_s, u"say \"hi\""_s, u""_s, u"a\\b's"_s})
        QCOMPARE(*NetshParser::splitLine(NetshParser::quoteWord(w)), QStringList{w});
}

void TestNetshParser::batchScript()
{
    const QByteArray bat = "@echo off\r\n"
                           "rem set up\r\n"
                           "REM: another\r\n"
                           ":: label-style comment\r\n"
                           "setlocal\r\n"
                           "echo Creating \"policy\" & stuff\r\n"
                           "echo Don't \"quote me\r\n"
                           "rem 100% %DONE% ok\r\n"
                           "echo.\r\n"
                           "\r\n"
                           "netsh ipsec static add policy name=P\r\n"
                           "@netsh -c ipsec static add filterlist L >nul 2>&1\r\n"
                           "NETSH.EXE -c \"ipsec static\" add filteraction A action=block\r\n"
                           "%SystemRoot%\\system32\\netsh.exe ipsec static add rule R P L A\r\n"
                           "netsh ipsec static add policy name=100%% > nul\r\n"
                           "pause\r\n"
                           "endlocal\r\n"
                           "exit /b 0\r\n"
                           "this line is never read\r\n";
    auto commands = script(bat);
    QVERIFY2(commands, qPrintable(commands ? QString() : commands.error().message));
    QCOMPARE(commands->size(), 5);
    QCOMPARE(commands->at(0).line, 11);
    QCOMPARE(commands->at(1).object, C::Object::FilterList);
    QCOMPARE(commands->at(2).line, 13);
    QCOMPARE(*commands->at(3).filterAction, u"A"_s);
    QCOMPARE(*commands->at(4).name, u"100%"_s);
}

void TestNetshParser::netshScriptContexts()
{
    const QByteArray text = "# netsh dump style\n"
                            "pushd ipsec static\n"
                            "set store location=local\n"
                            "add policy name=P\n"
                            "popd\n"
                            "ipsec\n"
                            "dynamic\n"
                            "add rule srcaddr=any dstaddr=me actioninbound=block "
                            "actionoutbound=block\n"
                            "..\n"
                            "static add filterlist L\n"
                            "ipsec static add filteraction A\n";
    auto commands = script(text);
    QVERIFY2(commands, qPrintable(commands ? QString() : commands.error().message));
    QCOMPARE(commands->size(), 5);
    QCOMPARE(commands->at(0).object, C::Object::Store);
    QCOMPARE(commands->at(2).context, C::Context::Dynamic);
    QCOMPARE(commands->at(2).line, 8);
    QCOMPARE(commands->at(3).object, C::Object::FilterList);
    QCOMPARE(commands->at(4).object, C::Object::FilterAction);
    auto empty = script("@echo off\r\nrem nothing\r\n");
    QVERIFY(empty && empty->isEmpty());
}

void TestNetshParser::scriptErrorsNameTheLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("batch statement") << QByteArray("@echo off\r\nnetsh ipsec static add policy "
                                                   "P\r\nset NAME=x\r\n")
                                     << u"test.cmd line 3: not a netsh ipsec command"_s;
    QTest::newRow("other program")
        << QByteArray("\n\ncopy a b\n") << u"test.cmd line 3: not a netsh ipsec command"_s;
    QTest::newRow("variable") << QByteArray("rem x\nnetsh ipsec static add policy name=%NAME%\n")
                              << u"test.cmd line 2: batch variables such as %NAME%"_s;
    QTest::newRow("chaining") << QByteArray("netsh ipsec static add policy P && echo ok\n")
                              << u"test.cmd line 1: \"&&\" is not supported here"_s;
    QTest::newRow("redirect to file") << QByteArray("netsh ipsec static show all > out.txt\n")
                                      << u"test.cmd line 1: \">\" is not supported here"_s;
    QTest::newRow("remote") << QByteArray("netsh -r server1 ipsec static add policy P\n")
                            << u"test.cmd line 1: netsh -r (remote computers"_s;
    QTest::newRow("nested -f") << QByteArray("netsh -f other.cmd\n")
                               << u"test.cmd line 1: netsh -f inside a script"_s;
    QTest::newRow("other context") << QByteArray("netsh interface ip set address x\n")
                                   << u"test.cmd line 1: only netsh ipsec commands"_s;
    QTest::newRow("popd") << QByteArray("popd\n") << u"test.cmd line 1: popd without pushd"_s;
    QTest::newRow("relative without context")
        << QByteArray("add policy name=P\n") << u"test.cmd line 1: not a netsh ipsec command"_s;
    QTest::newRow("bad value at line 4")
        << QByteArray("pushd ipsec static\r\nadd policy P\r\n\r\nadd filter L any me "
                      "protocol=UDP dstport=99999\r\n")
        << u"test.cmd line 4: dstport=\"99999\": expected a whole number from 0 to 65535\n"
           u"  add filter L any me protocol=UDP dstport=99999"_s;
    QTest::newRow("unclosed quote") << QByteArray("netsh ipsec static add policy name=\"x\n")
                                    << u"test.cmd line 1: a double quote (\") is not closed"_s;
    QTest::newRow("dump") << QByteArray("netsh ipsec dump\n")
                          << u"\"ipsec dump\" is not supported"_s;
}

void TestNetshParser::scriptErrorsNameTheLine()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    auto r = script(text);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    QCOMPARE(r.error().code, ErrorCode::Usage);
}

void TestNetshParser::encodings()
{
    // UTF-8 with a BOM and CRLF.
    auto bom = script("\xEF\xBB\xBFnetsh ipsec static add policy name=\"B\xC3\xBCro\"\r\n");
    QVERIFY(bom);
    QCOMPARE(*bom->first().name, u"Büro"_s);
    // Notepad's "Unicode" (UTF-16 LE with BOM).
    const QString text = u"netsh ipsec static add policy name=\"Ünïcode\"\r\n"_s;
    QByteArray utf16("\xFF\xFE");
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    auto wide = script(utf16);
    QVERIFY2(wide, qPrintable(wide ? QString() : wide.error().message));
    QCOMPARE(*wide->first().name, u"Ünïcode"_s);
    // A Windows code page (0xFC = ü in cp1252) is refused, naming the line.
    auto cp1252 = script("rem ok\r\nnetsh ipsec static add policy name=B\xFCro\r\n");
    QVERIFY(!cp1252);
    QVERIFY2(cp1252.error().message.contains(u"test.cmd line 2: the text is not UTF-8"_s),
             qPrintable(cp1252.error().message));
    auto nul = script(QByteArray("netsh ipsec static add policy name=A\n\0x\n", 40));
    QVERIFY(!nul);
    QVERIFY2(nul.error().message.contains(u"line 2: contains a NUL"_s),
             qPrintable(nul.error().message));
}

void TestNetshParser::longLines()
{
    // Long but allowed: a description of 60,000 characters reaches the parser intact.
    const QByteArray longDescription(60000, 'd');
    auto fine = script("netsh ipsec static add policy name=P description=" + longDescription);
    QVERIFY(fine);
    QCOMPARE(fine->first().description->size(), 60000);
    auto tooLong = script("rem\nnetsh ipsec static add policy name=" + QByteArray(70000, 'x'));
    QVERIFY(!tooLong);
    QVERIFY2(tooLong.error().message.contains(u"test.cmd line 2: the line is 70035 characters"_s),
             qPrintable(tooLong.error().message));
}

QTEST_GUILESS_MAIN(TestNetshParser)
#include "TestNetshParser.moc"
