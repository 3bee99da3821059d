// Tests of core/syntax: the ipsecpol/ipseccmd parser and printer. Every command line of
// KB 813878 (shared/seed/000_3a7c5314e67ec1d2.txt) is pasted here exactly as printed.

#include "syntax/IpsecCmd.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::syntax;

Q_DECLARE_METATYPE(ipsec::syntax::FilterSpec)
Q_DECLARE_METATYPE(ipsec::syntax::IpsecCmdCommand)

namespace ipsec::syntax {
// Readable QCOMPARE failures.
char *toString(const IpsecCmdCommand &c)
{
    return QTest::toString(IpsecCmdPrinter::commandLine(c));
}
char *toString(const FilterSpec &s)
{
    return QTest::toString(IpsecCmdPrinter::filterSpec(s) + u" mirrored="_s
                           + (s.filter.mirrored ? u"yes"_s : u"no"_s));
}
} // namespace ipsec::syntax

namespace {

using Wrap = FilterSpec::Wrap;

// The words after the program name, split as a POSIX shell would.
QStringList argsOf(const QString &line)
{
    QString error;
    QStringList words = IpsecCmdParser::splitCommandLine(line, &error);
    if (!error.isEmpty())
        qFatal("cannot split test line: %s", qPrintable(error));
    static const QStringList programs{u"ipsecpol"_s, u"ipsecpol.exe"_s, u"ipseccmd"_s,
                                      u"ipseccmd.exe"_s};
    if (!words.isEmpty() && programs.contains(words.first().toLower()))
        words.removeFirst();
    return words;
}

Address host(const char *text)
{
    return Address::host(QHostAddress(QString::fromLatin1(text)));
}

Address net(const char *text, int prefix)
{
    auto a = Address::subnet(QHostAddress(QString::fromLatin1(text)), prefix);
    if (!a)
        qFatal("bad test subnet %s", text);
    return *a;
}

Address dns(const char *text)
{
    return *Address::dnsName(QString::fromLatin1(text));
}

FilterSpec spec(Address src, Address dst, Protocol proto = {}, quint16 srcPort = 0,
                quint16 dstPort = 0, bool mirrored = false, Wrap wrap = Wrap::None)
{
    FilterSpec s;
    s.filter.source = std::move(src);
    s.filter.destination = std::move(dst);
    s.filter.protocol = proto;
    s.filter.sourcePort = srcPort;
    s.filter.destinationPort = dstPort;
    s.filter.mirrored = mirrored;
    s.wrap = wrap;
    return s;
}

FilterSpec wrapped(FilterSpec s, Wrap w)
{
    s.wrap = w;
    return s;
}

FilterSpec mirror(FilterSpec s)
{
    s.filter.mirrored = true;
    return s;
}

const Address me = Address::me();
const Address any = Address::any();
const Protocol tcp = Protocol::tcp();
const Protocol udp = Protocol::udp();
const Protocol icmp = Protocol::icmp();

IpsecCmdCommand reg(const QString &policy, const QStringList &rules = {})
{
    IpsecCmdCommand c;
    c.staticMode = true;
    c.storeType = u"REG"_s;
    c.policyName = policy;
    c.ruleNames = rules;
    return c;
}

IpsecCmdCommand withFilters(IpsecCmdCommand c, const QList<FilterSpec> &filters)
{
    c.filters = filters;
    return c;
}

Negotiation keyword(Negotiation::Kind k)
{
    Negotiation n;
    n.kind = k;
    return n;
}

IpsecCmdCommand blockRule(const QString &policy, const QString &rule, const FilterSpec &f,
                          bool assign = false)
{
    IpsecCmdCommand c = withFilters(reg(policy, {rule}), {f});
    c.negotiation = keyword(Negotiation::Kind::Block);
    c.assign = assign;
    return c;
}

SecurityMethod esp(SecurityMethod::Cipher c, SecurityMethod::Hash h)
{
    SecurityMethod m;
    m.espCipher = c;
    m.espHash = h;
    return m;
}

Negotiation methods(const QList<SecurityMethod> &list,
                    Negotiation::Kind kind = Negotiation::Kind::Methods)
{
    Negotiation n;
    n.kind = kind;
    n.methods = list;
    return n;
}

IpsecCmdCommand dynamic(const QList<FilterSpec> &filters)
{
    IpsecCmdCommand c;
    c.filters = filters;
    return c;
}

// Every parsed command prints to arguments and to a shell line that parse back to itself.
void checkRoundTrip(const IpsecCmdCommand &cmd)
{
    const QStringList args = IpsecCmdPrinter::arguments(cmd);
    const auto again = IpsecCmdParser::parse(args);
    QVERIFY2(again.ok(), qPrintable(args.join(u' ') + u" -> "_s
                                    + (again.ok() ? QString() : again.error().message)));
    QCOMPARE(*again, cmd);
    QCOMPARE(IpsecCmdPrinter::arguments(*again), args);
    const QString line = IpsecCmdPrinter::commandLine(cmd, u"ipseccmd.exe"_s);
    const auto fromLine = IpsecCmdParser::parse(argsOf(line));
    QVERIFY2(fromLine.ok(), qPrintable(line));
    QCOMPARE(*fromLine, cmd);
}

} // namespace

class TestIpsecCmdParser : public QObject {
    Q_OBJECT
private slots:
    void articleLines_data();
    void articleLines();
    void commandLines_data();
    void commandLines();
    void filterSpecs_data();
    void filterSpecs();
    void securityMethods_data();
    void securityMethods();
    void splitCommandLine_data();
    void splitCommandLine();
    void shellQuote_data();
    void shellQuote();
    void printedCommandLine();
    void exactMessages();
};

// --- KB 813878, every ipsecpol/IPSeccmd line as printed (templates included) -------------

void TestIpsecCmdParser::articleLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<IpsecCmdCommand>("expected");
    QTest::addColumn<QString>("error"); // substring; empty when the line must parse

    const auto inUdp = spec(any, me, udp, 0, 1434);
    const auto outUdp = spec(me, any, udp, 0, 1434);
    const auto inTcp = spec(any, me, tcp, 0, 80);
    const QString portHint = u"PortNumber is a placeholder: put a port number such as 1434"_s;
    const QString nameHint = u"ProtocolPortNumber is a placeholder"_s;
    IpsecCmdCommand none;

    for (const QString &program : {u"IPSeccmd.exe"_s, u"ipsecpol"_s}) {
        const auto row = [&](const char *tag, const QString &rest) -> QTestData & {
            const QString line = program + u' ' + rest;
            return QTest::addRow("%s %s", qPrintable(program), tag) << line;
        };
        // Create a static policy to block traffic: inbound template, UDP 1434, TCP 80.
        row("inbound template",
            u"-w REG -p \"Block ProtocolPortNumber Filter\" -r \"Block Inbound ProtocolPortNumber "
            u"Rule\" -f *=0:PortNumber:Protocol -n BLOCK \u2013x"_s)
            << none << portHint;
        row("inbound UDP 1434",
            u"-w REG -p \"Block UDP 1434 Filter\" -r \"Block Inbound UDP 1434 Rule\" -f "
            u"*=0:1434:UDP -n BLOCK -x"_s)
            << blockRule(u"Block UDP 1434 Filter"_s, u"Block Inbound UDP 1434 Rule"_s, inUdp, true)
            << QString();
        row("inbound TCP 80",
            u"-w REG -p \"Block TCP 80 Filter\" -r \"Block Inbound TCP 80 Rule\" -f *=0:80:TCP "
            u"-n BLOCK -x"_s)
            << blockRule(u"Block TCP 80 Filter"_s, u"Block Inbound TCP 80 Rule"_s, inTcp, true)
            << QString();
        // Outbound template (with the article's "*0=" typo) and UDP 1434.
        row("outbound template",
            u"-w REG -p \"Block ProtocolPortNumberFilter\" -r \"Block Outbound ProtocolPortNumber "
            u"Rule\" -f *0=:PortNumber:Protocol -n BLOCK"_s)
            << none << u"did you mean \"0=*:PortNumber:Protocol\"?"_s;
        row("outbound UDP 1434",
            u"-w REG -p \"Block UDP 1434 Filter\" -r \"Block Outbound UDP 1434 Rule\" -f "
            u"0=*:1434:UDP -n BLOCK"_s)
            << blockRule(u"Block UDP 1434 Filter"_s, u"Block Outbound UDP 1434 Rule"_s, outUdp)
            << QString();
        // Add a block rule to an existing policy: -w after -p.
        row("add rule template",
            u"-p \"Existing_IPSec_Policy_Name\" -w REG -r \"Block ProtocolPortNumber Rule\" -f "
            u"*=0:PortNumber:Protocol -n BLOCK"_s)
            << none << portHint;
        row("add rule TCP 80",
            u"-p \"Block UDP 1434 Filter\" -w REG -r \"Block Inbound TCP 80 Rule\" -f *=0:80:TCP "
            u"-n BLOCK"_s)
            << blockRule(u"Block UDP 1434 Filter"_s, u"Block Inbound TCP 80 Rule"_s, inTcp)
            << QString();
        // Dynamic block (template in the article; the concrete form in the reference).
        row("dynamic template", u"-f [*=0:PortNumber:Protocol]"_s) << none << portHint;
        row("dynamic UDP 1434", u"-f [*=0:1434:UDP]"_s)
            << dynamic({wrapped(inUdp, Wrap::Block)}) << QString();
        // Unassign and delete.
        IpsecCmdCommand unassign = reg(u"Block UDP 1434 Filter"_s);
        unassign.unassign = true;
        row("unassign template", u"-w REG -p \"Block ProtocolPortNumber Filter\" \u2013y"_s)
            << none << nameHint;
        row("unassign", u"-w REG -p \"Block UDP 1434 Filter\" -y"_s) << unassign << QString();
        IpsecCmdCommand remove =
            reg(u"Block UDP 1434 Filter"_s,
                {u"Block Inbound UDP 1434 Rule"_s, u"Block Outbound UDP 1434 Rule"_s});
        remove.remove = true;
        row("delete template",
            u"-w REG -p \"Block ProtocolPortNumber Filter\" -r \"Block ProtocolPortNumber Rule\" "
            u"\u2013o"_s)
            << none << nameHint;
        row("delete",
            u"-w REG -p \"Block UDP 1434 Filter\" -r \"Block Inbound UDP 1434 Rule\" -r \"Block "
            u"Outbound UDP 1434 Rule\" -o"_s)
            << remove << QString();
    }
    IpsecCmdCommand u;
    u.deleteDynamic = true;
    QTest::newRow("IPSeccmd.exe -u") << u"IPSeccmd.exe \u2013u"_s << u << QString();
    QTest::newRow("Ipsecpol -u") << u"Ipsecpol \u2013u"_s << u << QString();
    // The templates with the en dash and real values filled in.
    QTest::newRow("en dash -x")
        << u"IPSeccmd.exe -w REG -p \"Block UDP 1434 Filter\" -r \"Block Inbound UDP 1434 Rule\" "
           u"-f *=0:1434:UDP -n BLOCK \u2013x"_s
        << blockRule(u"Block UDP 1434 Filter"_s, u"Block Inbound UDP 1434 Rule"_s, inUdp, true)
        << QString();
    QTest::newRow("typo concrete")
        << u"IPSeccmd.exe -w REG -p \"Block UDP 1434 Filter\" -r \"Block Outbound UDP 1434 Rule\" "
           u"-f *0=:1434:UDP -n BLOCK"_s
        << none << u"did you mean \"0=*:1434:UDP\"?"_s;
}

void TestIpsecCmdParser::articleLines()
{
    QFETCH(QString, line);
    QFETCH(IpsecCmdCommand, expected);
    QFETCH(QString, error);
    const auto result = IpsecCmdParser::parse(argsOf(line));
    if (!error.isEmpty()) {
        QVERIFY2(!result.ok(), qPrintable(line));
        QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
        QCOMPARE(result.error().code, ErrorCode::Usage);
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result, expected);
    checkRoundTrip(*result);
}

// --- Command lines: flags, modes, values and their errors ----------------------------------

void TestIpsecCmdParser::commandLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<IpsecCmdCommand>("expected");
    QTest::addColumn<QString>("error");

    const auto ok = [](const char *line, const IpsecCmdCommand &c) {
        QTest::newRow(line) << QString::fromUtf8(line) << c << QString();
    };
    const auto bad = [](const char *line, const char *error) {
        QTest::newRow(line) << QString::fromUtf8(line) << IpsecCmdCommand()
                            << QString::fromUtf8(error);
    };
    const auto allPairs = mirror(spec(me, any));
    const auto withN = [&](Negotiation n, QList<FilterSpec> f = {}) {
        IpsecCmdCommand c = dynamic(f.isEmpty() ? QList<FilterSpec>{allPairs} : f);
        c.negotiation = std::move(n);
        return c;
    };
    using Kind = Negotiation::Kind;
    using C = SecurityMethod::Cipher;
    using H = SecurityMethod::Hash;

    // Order, case and dashes.
    const auto inUdp = spec(any, me, udp, 0, 1434);
    ok("-f *=0:1434:UDP -n BLOCK", withN(keyword(Kind::Block), {inUdp}));
    ok("-n BLOCK -f *=0:1434:UDP", withN(keyword(Kind::Block), {inUdp}));
    ok("-F *=0:1434:UDP -N block", withN(keyword(Kind::Block), {inUdp}));
    ok("\u2014f *=0:1434:UDP \u2212n Pass", withN(keyword(Kind::Pass), {inUdp}));
    ok("-f *=0:80:TCP -f *=0:443:TCP -n BLOCK",
       withN(keyword(Kind::Block), {spec(any, me, tcp, 0, 80), spec(any, me, tcp, 0, 443)}));
    ok("-f [*=0:135:TCP] (0:80+*::TCP)", dynamic({spec(any, me, tcp, 0, 135, false, Wrap::Block),
                                                  spec(me, any, tcp, 80, 0, true, Wrap::Pass)}));
    {
        IpsecCmdCommand c = withN(keyword(Kind::Pass));
        c.computer = u"server"_s;
        ok("\\\\\\\\server -f 0+* -n PASS", c);
        ok("'\\\\server' -f 0+* -n PASS", c);
        ok("\\\\server -f 0+* -n PASS", c); // the shell ate one backslash
    }
    {
        IpsecCmdCommand c;
        c.show =
            QStringList{u"filters"_s, u"policies"_s, u"auth"_s, u"stats"_s, u"sas"_s, u"all"_s};
        ok("show filters policies auth stats sas all", c);
        IpsecCmdCommand all;
        all.show = QStringList{u"all"_s};
        ok("SHOW ALL", all);
        all.computer = u"gw1"_s;
        ok("'\\\\gw1' show all", all);
    }
    {
        IpsecCmdCommand u;
        u.deleteDynamic = true;
        ok("-u", u);
        ok("-U", u);
        ok("\u2014u", u);
        ok("\u2212u", u);
    }
    // Static mode: store, policy name and polling interval.
    {
        IpsecCmdCommand c = withFilters(reg(u"P"_s), {allPairs});
        c.storeType = u"DS"_s;
        ok("-w DS -p P -f 0+*", c);
        c.storeDomain = u"example.com"_s;
        ok("-w ds:example.com -p P -f 0+*", c);
        IpsecCmdCommand poll = withFilters(reg(u"My Policy"_s), {allPairs});
        poll.pollingMinutes = 30;
        ok("-w REG -p 'My Policy:30' -f 0+*", poll);
        IpsecCmdCommand colon = withFilters(reg(u"a:b"_s), {allPairs});
        colon.pollingMinutes = 15;
        ok("-w reg -p a:b:15 -f 0+*", colon);
        ok("-w REG -p Web:Server -f 0+*", withFilters(reg(u"Web:Server"_s), {allPairs}));
        ok("-w REG -p 'Trailing:' -f 0+*", withFilters(reg(u"Trailing:"_s), {allPairs}));
        IpsecCmdCommand assign = reg(u"P"_s);
        assign.assign = true;
        ok("-w REG -p P -x", assign);
        ok("-x -p P -w REG", assign);
        IpsecCmdCommand del = reg(u"P"_s);
        del.unassign = del.remove = true;
        ok("-w REG -p P -y -o", del);
        IpsecCmdCommand noPolicy = withFilters(reg(QString()), {allPairs});
        ok("-w REG -f 0+*", noPolicy);
    }
    // -n: keywords and security methods.
    ok("-f 0+* -n ESP[3DES,SHA]", withN(methods({esp(C::TripleDes, H::Sha1)})));
    {
        SecurityMethod m = esp(C::TripleDes, H::Md5);
        m.lifetimeSeconds = 3600;
        m.lifetimeKBytes = 50000;
        m.pfs = true;
        ok("-f 0+* -n ESP[MD5,3DES]3600S/50000KPFS", withN(methods({m})));
        ok("-f 0+* -n esp[3des,md5]:50000k/3600s:pfs", withN(methods({m})));
    }
    {
        SecurityMethod both = esp(C::Des, H::Sha1);
        both.ah = true;
        both.ahHash = H::Md5;
        ok("-f 0+* -n AH[MD5]+ESP[DES,SHA] ESP[3DES,MD5]",
           withN(methods({both, esp(C::TripleDes, H::Md5)})));
        SecurityMethod ah;
        ah.ah = true;
        ah.esp = false;
        ok("-f 0+* -n AH[SHA]", withN(methods({ah})));
    }
    ok("-f 0+* -n INPASS ESP[3DES,SHA]",
       withN(methods({esp(C::TripleDes, H::Sha1)}, Kind::InPass)));
    ok("-f 0+* -n inpass", withN(keyword(Kind::InPass)));
    ok("-f 0+* -n ESP[NONE,SHA]", withN(methods({esp(C::None, H::Sha1)})));
    ok("-f 0+* -n ESP[3DES,NONE]", withN(methods({esp(C::TripleDes, H::None)})));
    // Tunnel, authentication, connection type, main mode, confirm, help.
    {
        IpsecCmdCommand c = dynamic({spec(host("10.0.0.1"), net("10.2.0.0", 16))});
        c.tunnel = u"192.168.1.1"_s;
        c.negotiation = methods({esp(C::TripleDes, H::Sha1)});
        ok("-f 10.0.0.1/255.255.255.255=10.2.0.0/255.255.0.0 -t 192.168.1.1 -n ESP[3DES,SHA]", c);
        c.tunnel = u"gw.example.com"_s;
        ok("-t gw.example.com -n ESP[3DES,SHA] -f 10.0.0.1=10.2.0.0/16", c);
    }
    {
        IpsecCmdCommand c = dynamic({allPairs});
        c.authMethods = {AuthMethod{AuthMethod::Kind::PresharedKey, u"my secret"_s}, AuthMethod{},
                         AuthMethod{AuthMethod::Kind::Certificate, u"CN=Root CA"_s}};
        ok("-f 0+* -a PRESHARE:\"my secret\" KERBEROS CERT:\"CN=Root CA\"", c);
        ok("-f 0+* -a 'preshare:\"my secret\"' kerberos 'cert:CN=Root CA'", c);
    }
    {
        IpsecCmdCommand c = dynamic({allPairs});
        c.soft = true;
        c.connectionType = Rule::ConnectionType::Lan;
        ok("-f 0+* -soft -lan", c);
        ok("-LAN -f 0+* -SOFT -lan", c);
        c.connectionType = Rule::ConnectionType::Dialup;
        ok("-f 0+* -soft -dialup", c);
    }
    {
        IpsecCmdCommand c = dynamic({allPairs});
        c.mainModeMethods = QStringList{u"3DES-SHA-2"_s, u"DES-MD5-1"_s};
        c.mainModeRekey = u"10Q/3600S"_s;
        c.mainModePfs = true;
        c.mainModeFilters = QStringList{u"0+*"_s, u"10.0.0.0/255.0.0.0=0"_s};
        c.softSaExpirySeconds = 300;
        ok("-f 0+* -1s 3DES-SHA-2 des-md5-1 -1k 10q/3600s -1p -1f 0+* 10.0.0.0/8=0 -1e 300", c);
        c.confirm = true;
        ok("-1e 300 -1f 0+* 10.0.0.0/8=0 -1p -1K 10Q/3600S -1S 3DES-SHA-2 DES-MD5-1 -confirm -f "
           "0+*",
           c);
    }
    {
        IpsecCmdCommand help;
        help.help = true;
        ok("-?", help);
        IpsecCmdCommand helpF = dynamic({allPairs});
        helpF.help = true;
        ok("-f 0+* -?", helpF);
        IpsecCmdCommand helpX;
        helpX.help = true;
        helpX.assign = true;
        ok("-x -?", helpX); // -? shows help; combination rules are not checked
    }

    // Errors.
    bad("-x", "-x needs static mode: add -w REG");
    bad("-f 0+* -y", "-y needs static mode: add -w REG");
    bad("-o", "-o needs static mode");
    bad("-p P -f 0+*", "-p needs static mode");
    bad("-r R -f 0+*", "-r needs static mode");
    bad("-w XYZ -f 0+*", "-w \"XYZ\": expected REG");
    bad("-w REG:dom -f 0+*", "only DS takes a domain");
    bad("-w DS: -f 0+*", "may not be empty");
    bad("-w", "-w needs a value");
    bad("-w REG -p", "-p needs a value: a policy name");
    bad("-w REG -p -x", "-p needs a value");
    bad("-f", "-f needs one or more values: filter specs such as *=0:1434:UDP");
    bad("-f -n BLOCK", "-f needs one or more values");
    bad("-f 0+* -n", "-n needs one or more values");
    bad("-f 0+* -z", "unknown flag \"-z\"; valid flags are -? -w -p -r -f -n");
    bad("-f 0+* --soft", "unknown flag \"--soft\"");
    bad("/f 0+*", "unexpected argument \"/f\": flags start with '-', as in -f");
    bad("-w REG -p Block UDP -f 0+*",
        "unexpected argument \"UDP\" after -p \"Block\"; quote values that contain spaces, e.g. "
        "-p \"Block UDP\"");
    bad("-x stray", "unexpected argument \"stray\"");
    bad("-f 0+* extra", "invalid filter \"extra\"");
    bad("-f 0+* -n BLOCK PASS", "-n BLOCK stands alone");
    bad("-f 0+* -n FOO", "invalid security method \"FOO\"");
    bad("-f 0+* -n ESP[3DES]", "ESP takes a cipher and a hash");
    bad("-f 0+* -n ESP[DES,3DES]", "one cipher (DES, 3DES or NONE) and one hash");
    bad("-f 0+* -n ESP[NONE,NONE]", "protects nothing");
    bad("-f 0+* -n AH[NONE]", "AH takes one hash");
    bad("-f 0+* -n AH[MD5]+AH[SHA]", "AH is given twice");
    bad("-f 0+* -n ESP[3DES,SHA]100S", "below the minimum of 300");
    bad("-f 0+* -n ESP[3DES,SHA]3600X", "lifetimes are N S");
    bad("-f 0+* -n ESP[3DES,SHA]3600S/3600S", "lifetimes are N S");
    bad("-f 0+* -n ESP[3DES,SHA]3600", "needs a unit");
    bad("-f 0+* -n ESP[3DES,SHA]PFSX", "unexpected \"PFSX\"");
    bad("-f 0+* -n ESP[3DES,SHA", "invalid security method \"ESP[3DES,SHA\"");
    bad("-f 0+* -n INPASS INPASS", "INPASS is given twice");
    bad("-f 0+* -n BLOCK -n PASS", "-n is given twice");
    bad("-f 0+* -t", "-t needs a value");
    bad("-f 0+* -t 10.0.0.0/8", "-t \"10.0.0.0/8\": expected the tunnel endpoint");
    bad("-f 0+* -t any", "-t \"any\"");
    bad("-f 0+* -t 1.1.1.1 -t 2.2.2.2", "-t is given twice");
    bad("-f 0+* -a FOO", "-a: \"FOO\" is not an authentication method");
    bad("-f 0+* -a PRESHARE:", "needs a value after the colon");
    bad("-f 0+* -lan -dialup", "-lan and -dialup exclude each other");
    bad("-f 0+* -1s 3DES-SHA-4", "-1s \"3DES-SHA-4\": expected ConfAlg-HashAlg-Group");
    bad("-f 0+* -1s", "-1s needs one or more values");
    bad("-f 0+* -1k 10X", "-1k \"10X\": expected NQ");
    bad("-f 0+* -1k 10Q/20Q", "-1k \"10Q/20Q\"");
    bad("-f 0+* -1e abc", "-1e \"abc\": expected the soft-SA expiry");
    bad("-f 0+* -1e 0", "-1e \"0\"");
    bad("-f 0+* -1f 0:80+*::TCP", "main-mode filters name addresses only");
    bad("-f 0+* -1f [0+*]", "main-mode filters name addresses only");
    bad("-w REG -p P -f 0+* -confirm", "-confirm works in dynamic mode only");
    bad("-w REG -p P -f [*=0:1434:UDP]", "[ ] and ( ) are dynamic-mode shortcuts");
    bad("-w REG -p P -x -y", "-x (assign) and -y (unassign) contradict");
    bad("-w REG -p P -x -o", "-x (assign) and -o (delete) contradict");
    bad("-w REG -p P -n BLOCK", "-f FILTERS is required");
    bad("-n BLOCK", "-f FILTERS is required");
    bad("-soft", "-f FILTERS is required");
    bad("-u -f 0+*", "-u deletes all dynamic policy and takes no other flag (found -f)");
    bad("-w REG -u", "-u deletes all dynamic policy");
    bad("show", "show needs one or more of");
    bad("show foo", "\"foo\" is not a show keyword");
    bad("show all -f 0+*", "show cannot be combined with -f");
    bad("-f 0+* show all", "invalid filter \"show\"");
    bad("show all show sas", "\"show\" is not a show keyword");
    bad("-f 0+* '\\\\server'", "\\\\computer must be the first argument");
    bad("'\\\\' -f 0+*", "is not a computer name");
    bad("-w REG -p Name:0 -f 0+*", "polling interval 0 is out of range (1-43200 minutes)");
    bad("-w REG -p Name:99999 -f 0+*", "polling interval 99999 is out of range");
    bad("-w REG -p :30 -f 0+*", "-p: The policy name is empty");
    bad("-w REG -p ' lead' -f 0+*", "begins or ends with white space");
    bad("-w REG -r '' -f 0+*", "-r: The rule name is empty");
    bad("-w REG -w DS -f 0+*", "-w is given twice");
    bad("-w REG -p A -p B -f 0+*", "-p is given twice");
    bad("-f *=0: 1434: UDP -n BLOCK", "did you mean \"*=0:1434:UDP\"?");
    bad("-w REG -p 'Block ProtocolPortNumber Filter' -y",
        "-p \"Block ProtocolPortNumber Filter\": ProtocolPortNumber is a placeholder");
    bad("-w REG -p Existing_IPSec_Policy_Name -r R -f *=0:80:TCP -n BLOCK",
        "Existing_IPSec_Policy_Name is a placeholder");
    bad("-f 0+* -n ESP[3DES,SHA] AH", "invalid security method \"AH\"");
}

void TestIpsecCmdParser::commandLines()
{
    QFETCH(QString, line);
    QFETCH(IpsecCmdCommand, expected);
    QFETCH(QString, error);
    const auto result = IpsecCmdParser::parse(argsOf(line));
    if (!error.isEmpty()) {
        QVERIFY2(!result.ok(), qPrintable(line));
        QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result, expected);
    checkRoundTrip(*result);
}

// --- Filter specs ----------------------------------------------------------------------------

void TestIpsecCmdParser::filterSpecs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<FilterSpec>("expected");
    QTest::addColumn<QString>("canonical"); // printed form; empty = same as text
    QTest::addColumn<QString>("error");

    const auto ok = [](const char *text, const FilterSpec &s, const char *canonical = "") {
        QTest::newRow(text) << QString::fromUtf8(text) << s << QString::fromUtf8(canonical)
                            << QString();
    };
    const auto bad = [](const char *text, const char *error) {
        QTest::newRow(text) << QString::fromUtf8(text) << FilterSpec() << QString()
                            << QString::fromUtf8(error);
    };
    const Protocol esp50(50);

    // Documented forms.
    ok("*=0:1434:UDP", spec(any, me, udp, 0, 1434));
    ok("0=*:1434:UDP", spec(me, any, udp, 0, 1434));
    ok("*=0:80:TCP", spec(any, me, tcp, 0, 80));
    ok("0+*", spec(me, any, {}, 0, 0, true));
    ok("0+*::ICMP", spec(me, any, icmp, 0, 0, true));
    ok("0:80+*::TCP", spec(me, any, tcp, 80, 0, true));
    ok("*+0:135:TCP", spec(any, me, tcp, 0, 135, true));
    ok("[*=0:1434:UDP]", spec(any, me, udp, 0, 1434, false, Wrap::Block));
    ok("(0:80+*::TCP)", spec(me, any, tcp, 80, 0, true, Wrap::Pass));
    ok("[*=0:135:TCP]", spec(any, me, tcp, 0, 135, false, Wrap::Block));
    ok("(0+*::ICMP)", spec(me, any, icmp, 0, 0, true, Wrap::Pass));
    // Protocols: any case, numbers, canonical names.
    ok("*=0:1434:udp", spec(any, me, udp, 0, 1434), "*=0:1434:UDP");
    ok("*=0:1434:Udp", spec(any, me, udp, 0, 1434), "*=0:1434:UDP");
    ok("0+*::icmp", spec(me, any, icmp, 0, 0, true), "0+*::ICMP");
    ok("*=0::17", spec(any, me, udp), "*=0::UDP");
    ok("*=0:3389:6", spec(any, me, tcp, 0, 3389), "*=0:3389:TCP");
    ok("*=0::50", spec(any, me, esp50));
    ok("*=0::255", spec(any, me, Protocol(255)), "*=0::RAW");
    ok("*=0::raw", spec(any, me, Protocol(255)), "*=0::RAW");
    ok("*=0::0", spec(any, me), "*=0");
    ok("*=0::ANY", spec(any, me), "*=0");
    ok("*=0:", spec(any, me), "*=0");
    ok("0=*:0:TCP", spec(me, any, tcp), "0=*::TCP");
    ok("0:0=*:1434:UDP", spec(me, any, udp, 0, 1434), "0=*:1434:UDP");
    ok("*=0:65535:TCP", spec(any, me, tcp, 0, 65535));
    ok("*=0:00080:TCP", spec(any, me, tcp, 0, 80), "*=0:80:TCP");
    ok("0:1024+*:53:UDP", spec(me, any, udp, 1024, 53, true));
    // IPv4 hosts, masks, prefixes and wildcards.
    ok("10.0.0.1=0", spec(host("10.0.0.1"), me));
    ok("0=1.2.3.4::TCP", spec(me, host("1.2.3.4"), tcp));
    ok("10.0.0.0/255.0.0.0=0", spec(net("10.0.0.0", 8), me));
    ok("10.0.0.0/8=0", spec(net("10.0.0.0", 8), me), "10.0.0.0/255.0.0.0=0");
    ok("192.168.1.0/24:1024+0:22:TCP", spec(net("192.168.1.0", 24), me, tcp, 1024, 22, true),
       "192.168.1.0/255.255.255.0:1024+0:22:TCP");
    ok("0+10.0.0.0/255.255.0.0", spec(me, net("10.0.0.0", 16), {}, 0, 0, true));
    ok("0+172.16.0.0/12", spec(me, net("172.16.0.0", 12), {}, 0, 0, true),
       "0+172.16.0.0/255.240.0.0");
    ok("144.92.*.*=0", spec(net("144.92.0.0", 16), me), "144.92.0.0/255.255.0.0=0");
    ok("144.*.*.*+*", spec(net("144.0.0.0", 8), any, {}, 0, 0, true), "144.0.0.0/255.0.0.0+*");
    ok("10.1.2.*=0:80:TCP", spec(net("10.1.2.0", 24), me, tcp, 0, 80),
       "10.1.2.0/255.255.255.0=0:80:TCP");
    ok("*.*.*.*=0", spec(net("0.0.0.0", 0), me), "0.0.0.0/0.0.0.0=0");
    ok("0.0.0.0/0=0", spec(net("0.0.0.0", 0), me), "0.0.0.0/0.0.0.0=0");
    ok("0/255.255.255.255=*", spec(me, any), "0=*");
    ok("0/32=*", spec(me, any), "0=*");
    ok("10.1.2.3/32=*", spec(host("10.1.2.3"), any), "10.1.2.3=*");
    ok("10.1.2.3/255.255.255.255=*", spec(host("10.1.2.3"), any), "10.1.2.3=*");
    ok("0.0.0.0=0", spec(host("0.0.0.0"), me));
    // DNS names.
    ok("host.example.com=0:25:TCP", spec(dns("host.example.com"), me, tcp, 0, 25));
    ok("Mail.Example.COM=0", spec(dns("mail.example.com"), me), "mail.example.com=0");
    ok("0+gateway:500:UDP", spec(me, dns("gateway"), udp, 0, 500, true));
    ok("0x=*", spec(dns("0x"), any));
    ok("cafe=0::50", spec(dns("cafe"), me, esp50));
    ok("*=[cafe]::50", spec(any, dns("cafe"), esp50));
    ok("[host.example.com]=0", spec(dns("host.example.com"), me), "host.example.com=0");
    // IPv6 in brackets.
    ok("[2001:db8::1]=0", spec(host("2001:db8::1"), me));
    ok("[2001:DB8::1]=0", spec(host("2001:db8::1"), me), "[2001:db8::1]=0");
    ok("[2001:db8::]/32=0", spec(net("2001:db8::", 32), me));
    ok("[2001:db8::/32]=0", spec(net("2001:db8::", 32), me), "[2001:db8::]/32=0");
    ok("[2001:db8::/ffff:ffff::]=0", spec(net("2001:db8::", 32), me), "[2001:db8::]/32=0");
    ok("[2001:db8::1]:443+[2001:db8::2]:80:TCP",
       spec(host("2001:db8::1"), host("2001:db8::2"), tcp, 443, 80, true));
    ok("[[2001:db8::1]=*:53:UDP]", spec(host("2001:db8::1"), any, udp, 0, 53, false, Wrap::Block));
    ok("([fe80::1]+*::ICMP)", spec(host("fe80::1"), any, icmp, 0, 0, true, Wrap::Pass));
    ok("*=[::1]::58", spec(any, host("::1"), Protocol(58)));
    ok("[::]/0=0", spec(net("::", 0), me));
    ok("[2001:db8::1]/128=0", spec(host("2001:db8::1"), me), "[2001:db8::1]=0");
    ok("[10.0.0.1]=0", spec(host("10.0.0.1"), me), "10.0.0.1=0");
    ok(" *=0:1434:UDP ", spec(any, me, udp, 0, 1434), "*=0:1434:UDP");

    // Errors: article typos and templates.
    bad("*0=:1434:UDP", "did you mean \"0=*:1434:UDP\"?");
    bad("*0=:PortNumber:Protocol", "did you mean \"0=*:PortNumber:Protocol\"?");
    bad("0*=:1434:UDP", "did you mean \"0=*:1434:UDP\"?");
    bad("*=0:PortNumber:Protocol", "PortNumber is a placeholder: put a port number such as 1434");
    bad("*=0:1434:Protocol", "Protocol is a placeholder: put a protocol such as TCP or UDP");
    bad("[*=0:PortNumber:Protocol]", "PortNumber is a placeholder");
    bad("*=0:Port:TCP", "Port is a placeholder");
    // Structure.
    bad("", "empty filter");
    bad("*", "expected SRC=DST (one direction) or SRC+DST (mirrored)");
    bad("0", "expected SRC=DST");
    bad("*=0=1", "only one = or +");
    bad("*+0=1", "only one = or +");
    bad("=0", "the source address is missing");
    bad("*=", "the destination address is missing");
    bad("*=:80:TCP", "the destination address is missing");
    bad(":80=0", "the source address is missing");
    bad("*=0:80:TCP:x", "too many ':' fields");
    bad("0:80:TCP+*", "the protocol goes at the end of the destination");
    bad("*=0:80:", "the protocol after the last ':' is empty");
    bad("[2001:db8::1=0", "'[' without ']'");
    bad("*=0:80:TCP]", "']' without '['");
    bad("(0+*", "'(' and ')' must wrap the whole filter");
    bad("0+*)", "'(' and ')' must wrap the whole filter");
    bad("([*=0])", "either in [ ] (block) or in ( ) (pass), not both");
    bad("[(0+*)]", "not both");
    bad("[]", "nothing inside the brackets");
    bad("()", "nothing inside the brackets");
    bad("[2001:db8::1]x=0", "unexpected \"x\" after the source address");
    bad("[]=0", "the source address in [ ] is empty");
    // Ports and protocols.
    bad("*=0:abc:TCP", "port \"abc\" is not a number");
    bad("*=0:-1:TCP", "port \"-1\" is not a number");
    bad("*=0:65536:TCP", "port 65536 is out of range (0-65535)");
    bad("*=0:99999999999:TCP", "port 99999999999 is out of range");
    bad("*=0:80:FOO", "\"FOO\" is not a protocol");
    bad("*=0:80:256", "out of range (0-255)");
    bad("*=0:80", "protocol ANY has no ports");
    bad("0:80+*", "protocol ANY has no ports");
    bad("0+*:80:ICMP", "protocol ICMP has no ports");
    bad("0+*:80:50", "protocol 50 has no ports");
    // Addresses.
    bad("0+0", "both \"me\"");
    bad("[2001:db8::1]=10.0.0.1", "mix IPv4 and IPv6");
    bad("2001:db8::1=0", "IPv6 addresses must be written in brackets, e.g. [2001:db8::1]");
    bad("*=fe80::1", "IPv6 addresses must be written in brackets, e.g. [fe80::1]");
    bad("*=cafe::50", "IPv6 addresses must be written in brackets");
    bad("0=0:0:0:0:0:0:0:1", "IPv6 addresses must be written in brackets");
    bad("[zz::1]=0", "\"zz::1\" is not a valid IPv6 address");
    bad("[fe80::1%eth0]=0", "is not a valid IPv6 address");
    bad("10.0.0.0/33=0", "out of range (0-32)");
    bad("10.0.0.0/255.0.255.0=0", "not contiguous");
    bad("10.0.0.1/8=0", "host bits set");
    bad("10.0.0.0/foo=0", "is not a mask");
    bad("10.0.0.0/=0", "is not a mask");
    bad("10.0.0=0", "\"10.0.0\" is not a valid IPv4 address");
    bad("256.1.1.1=0", "\"256.1.1.1\" is not a valid IPv4 address");
    bad("1.2.3.4.5=0", "is not a valid IPv4 address");
    bad("1434=0", "\"1434\" is not a valid IPv4 address");
    bad("144.*.5.*=0", "* may only replace whole trailing octets");
    bad("144.92.*=0", "* may only replace whole trailing octets");
    bad("144.92.*.*/16=0", "an address with * takes no mask");
    bad("*/0=0", "* means any address and takes no mask");
    bad("0/24=*", "0 means this computer and takes no mask other than 255.255.255.255");
    bad("host.example.com/24=0", "is a DNS name and takes no mask");
    bad("bad_name=0", "\"bad_name\" is not an IP address or DNS name");
    bad("-host=0", "is not an IP address or DNS name");
    bad("[2001:db8::1/64]/64=0", "the source address has two masks");
    bad("[2001:db8::]/129=0", "out of range (0-128)");
    // Issue 12, item 9: one reading of an address, the same as in netsh, snapshots and D-Bus.
    bad("010.001.001.001=0", "leading zeros, which some programs read as octal");
    bad("*=010.001.001.001:80:TCP", "Did you mean 10.1.1.1?");
    bad("0x7f.0.0.1=0", "is written in hexadecimal");
    bad("*=0x7f.0.0.1", "Did you mean 127.0.0.1?");
    bad("0x7f000001=0", "is not a valid IPv4 address");
    bad("127.1=0", "\"127.1\" is not a valid IPv4 address");
    bad("[::ffff:10.0.0.1]=0", "IPv4-mapped");
    bad("[::ffff:10.0.0.1]=0", "Write 10.0.0.1 instead");
    bad("10.0.0.0/ 8=0", "digits only, no spaces or signs");
    bad("010.*.*.*=0", "* may only replace whole trailing octets");
}

void TestIpsecCmdParser::filterSpecs()
{
    QFETCH(QString, text);
    QFETCH(FilterSpec, expected);
    QFETCH(QString, canonical);
    QFETCH(QString, error);
    const auto result = IpsecCmdParser::parseFilterSpec(text);
    if (!error.isEmpty()) {
        QVERIFY2(!result.ok(), qPrintable(text));
        const QString message = result.error().message;
        QVERIFY2(message.contains(error), qPrintable(message));
        if (!text.isEmpty()) // the message quotes the offending spec
            QVERIFY2(message.startsWith(u"invalid filter \""_s + text.trimmed() + u'"'),
                     qPrintable(message));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result, expected);
    const QString printed = IpsecCmdPrinter::filterSpec(*result);
    QCOMPARE(printed, canonical.isEmpty() ? text : canonical);
    const auto again = IpsecCmdParser::parseFilterSpec(printed);
    QVERIFY2(again.ok(), qPrintable(printed));
    QCOMPARE(*again, *result);
    QCOMPARE(IpsecCmdPrinter::filterSpec(*again), printed);
    // The same spec works as a one-filter command line.
    const auto cmd = IpsecCmdParser::parse({u"-f"_s, text});
    QVERIFY2(cmd.ok(), qPrintable(cmd.ok() ? QString() : cmd.error().message));
    checkRoundTrip(*cmd);
}

// --- Security methods ------------------------------------------------------------------------

void TestIpsecCmdParser::securityMethods_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    const auto row = [](const char *text, const char *canonical) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(canonical);
    };
    row("ESP[3DES,SHA]", "ESP[3DES,SHA]");
    row("ESP[3DES,SHA1]", "ESP[3DES,SHA]");
    row("esp[des,md5]", "ESP[DES,MD5]");
    row("ESP[MD5,3DES]", "ESP[3DES,MD5]");
    row("ESP[SHA,NONE]", "ESP[NONE,SHA]");
    row("ESP[NONE,DES]", "ESP[DES,NONE]");
    row("ESP[ 3DES , SHA ]", "ESP[3DES,SHA]");
    row("AH[MD5]", "AH[MD5]");
    row("AH[SHA1]", "AH[SHA]");
    row("AH[MD5]+ESP[3DES,SHA]", "AH[MD5]+ESP[3DES,SHA]");
    row("ESP[3DES,SHA]+AH[MD5]", "AH[MD5]+ESP[3DES,SHA]");
    row("ESP[MD5,3DES]3600S/50000KPFS", "ESP[3DES,MD5]3600S/50000KPFS");
    row("ESP[3DES,SHA]50000K/3600S", "ESP[3DES,SHA]3600S/50000K");
    row("ESP[3DES,SHA]3600S", "ESP[3DES,SHA]3600S");
    row("ESP[3DES,SHA]50000K", "ESP[3DES,SHA]50000K");
    row("ESP[3DES,SHA]PFS", "ESP[3DES,SHA]PFS");
    row("ESP[3DES,SHA]3600spfs", "ESP[3DES,SHA]3600SPFS");
    row("ESP[3DES,SHA1]:50000k/3600s:PFS", "ESP[3DES,SHA]3600S/50000KPFS");
    row("AH[SHA]+ESP[NONE,NONE]", "AH[SHA]+ESP[NONE,NONE]");
}

void TestIpsecCmdParser::securityMethods()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto m = IpsecCmdParser::parseSecurityMethod(text);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(IpsecCmdPrinter::securityMethod(*m), canonical);
    const auto again = IpsecCmdParser::parseSecurityMethod(canonical);
    QVERIFY(again.ok());
    QCOMPARE(*again, *m);
    // The model's netsh spelling describes the same method.
    const auto netsh = SecurityMethod::parse(m->toString());
    QVERIFY2(netsh.ok(), qPrintable(m->toString()));
    QCOMPARE(*netsh, *m);
}

// --- Shell words -----------------------------------------------------------------------------

void TestIpsecCmdParser::splitCommandLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("error");
    const auto ok = [](const char *tag, const QString &line, const QStringList &words) {
        QTest::newRow(tag) << line << words << QString();
    };
    ok("blanks", u"  a b\t c  "_s, {u"a"_s, u"b"_s, u"c"_s});
    ok("empty", QString(), {});
    ok("quotes", u"'a b' \"c d\""_s, {u"a b"_s, u"c d"_s});
    ok("joined quotes", u"-p\"x y\"'z'"_s, {u"-px yz"_s});
    ok("backslash", u"a\\ b \\'c"_s, {u"a b"_s, u"'c"_s});
    ok("double escapes", u"\"a\\\"b\\\\c\\$d\\e\""_s, {u"a\"b\\c$d\\e"_s});
    ok("single literal", u"'it'\\''s' '\\n'"_s, {u"it's"_s, u"\\n"_s});
    ok("empty word", u"a \"\" ''"_s, {u"a"_s, QString(), QString()});
    ok("comment", u"a#b #c d"_s, {u"a#b"_s});
    ok("continuation", u"a\\\nb c"_s, {u"ab"_s, u"c"_s});
    ok("curly quotes", u"-p \u201cBlock UDP 1434 Filter\u201d"_s,
       {u"-p"_s, u"Block UDP 1434 Filter"_s});
    ok("no globbing", u"-f [*=0:1434:UDP] (0+*)"_s, {u"-f"_s, u"[*=0:1434:UDP]"_s, u"(0+*)"_s});
    ok("windows computer", u"\\\\server '\\\\server'"_s, {u"\\server"_s, u"\\\\server"_s});
    ok("preshare", u"-a PRESHARE:\"my key\""_s, {u"-a"_s, u"PRESHARE:my key"_s});
    QTest::newRow("open single") << u"'abc"_s << QStringList() << u"single quote"_s;
    QTest::newRow("open double") << u"-p \"abc"_s << QStringList() << u"double quote"_s;
    QTest::newRow("trailing backslash") << u"abc\\"_s << QStringList() << u"backslash"_s;
}

void TestIpsecCmdParser::splitCommandLine()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QFETCH(QString, error);
    QString message = u"stale"_s;
    QCOMPARE(IpsecCmdParser::splitCommandLine(line, &message), words);
    if (error.isEmpty())
        QVERIFY(message.isEmpty());
    else
        QVERIFY2(message.contains(error), qPrintable(message));
}

void TestIpsecCmdParser::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    const auto row = [](const QString &word, const QString &quoted) {
        QTest::newRow(qPrintable(word)) << word << quoted;
    };
    row(u"abc"_s, u"abc"_s);
    row(u"-w"_s, u"-w"_s);
    row(u"10.0.0.1=0"_s, u"10.0.0.1=0"_s);
    row(u"10.0.0.0/255.0.0.0+0"_s, u"10.0.0.0/255.0.0.0+0"_s);
    row(QString(), u"''"_s);
    row(u"a b"_s, u"'a b'"_s);
    row(u"it's"_s, u"'it'\\''s'"_s);
    row(u"*=0:1434:UDP"_s, u"'*=0:1434:UDP'"_s);
    row(u"[*=0:1434:UDP]"_s, u"'[*=0:1434:UDP]'"_s);
    row(u"(0+*)"_s, u"'(0+*)'"_s);
    row(u"ESP[3DES,SHA]"_s, u"'ESP[3DES,SHA]'"_s);
    row(u"\\\\server"_s, u"'\\\\server'"_s);
    row(u"PRESHARE:\"k\""_s, u"'PRESHARE:\"k\"'"_s);
    row(u"$HOME"_s, u"'$HOME'"_s);
    row(u"~x"_s, u"'~x'"_s);
    row(u"a;b"_s, u"'a;b'"_s);
    row(u"caf\u00e9"_s, u"'caf\u00e9'"_s);
}

void TestIpsecCmdParser::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(IpsecCmdPrinter::shellQuote(word), quoted);
    QCOMPARE(IpsecCmdParser::splitCommandLine(quoted), QStringList{word});
}

// --- Exact output ----------------------------------------------------------------------------

void TestIpsecCmdParser::printedCommandLine()
{
    const auto cmd = IpsecCmdParser::parse(
        argsOf(u"IPSeccmd.exe -x -n block -F *=0:1434:udp -r \"Block Inbound UDP 1434 Rule\" "
               u"\u2013W reg -p \"Block UDP 1434 Filter\""_s));
    QVERIFY(cmd.ok());
    QCOMPARE(IpsecCmdPrinter::commandLine(*cmd),
             u"ipseccmd -w REG -p 'Block UDP 1434 Filter' -r 'Block Inbound UDP 1434 Rule' "
             u"-f '*=0:1434:UDP' -n BLOCK -x"_s);
    QCOMPARE(IpsecCmdPrinter::arguments(*cmd),
             (QStringList{u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                          u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s,
                          u"BLOCK"_s, u"-x"_s}));

    IpsecCmdCommand full;
    full.computer = u"gw"_s;
    full.filters = {spec(host("10.0.0.1"), net("10.2.0.0", 16))};
    SecurityMethod m = esp(SecurityMethod::Cipher::TripleDes, SecurityMethod::Hash::Sha1);
    m.lifetimeSeconds = 3600;
    m.pfs = true;
    full.negotiation = methods({m});
    full.tunnel = u"192.0.2.1"_s;
    full.authMethods = {AuthMethod{AuthMethod::Kind::PresharedKey, u"it's \"x\""_s}};
    full.soft = true;
    QCOMPARE(IpsecCmdPrinter::commandLine(full, u"ipsecpol"_s),
             u"ipsecpol '\\\\gw' -f 10.0.0.1=10.2.0.0/255.255.0.0 -n 'ESP[3DES,SHA]3600SPFS' "
             u"-t 192.0.2.1 -a 'PRESHARE:\"it'\\''s \\\"x\\\"\"' -soft"_s);
    checkRoundTrip(full);
    QCOMPARE(IpsecCmdPrinter::negotiation(keyword(Negotiation::Kind::Pass)), u"PASS"_s);
    QCOMPARE(IpsecCmdPrinter::negotiation(methods({m, m}, Negotiation::Kind::InPass)),
             u"INPASS ESP[3DES,SHA]3600SPFS ESP[3DES,SHA]3600SPFS"_s);
}

void TestIpsecCmdParser::exactMessages()
{
    const auto port = IpsecCmdParser::parseFilterSpec(u"*=0:99999:UDP");
    QVERIFY(!port.ok());
    QCOMPARE(port.error().message,
             u"invalid filter \"*=0:99999:UDP\": port 99999 is out of range (0-65535)"_s);
    const auto typo = IpsecCmdParser::parseFilterSpec(u"*0=:1434:UDP");
    QVERIFY(!typo.ok());
    QCOMPARE(typo.error().message,
             u"invalid filter \"*0=:1434:UDP\": \"*0\" is not an address; did you mean "
             u"\"0=*:1434:UDP\"? (0 = this computer, * = any address)"_s);
    const auto flag = IpsecCmdParser::parse({u"-w"_s, u"REG"_s, u"-q"_s});
    QVERIFY(!flag.ok());
    QCOMPARE(flag.error().message,
             u"unknown flag \"-q\"; valid flags are -? -w -p -r -f -n -t -a -soft -lan -dialup "
             u"-1s -1k -1p -1f -1e -confirm -x -y -o -u, and show KEYWORDS"_s);
    const auto x = IpsecCmdParser::parse({u"\u2013x"_s});
    QVERIFY(!x.ok());
    QCOMPARE(x.error().message, u"-x needs static mode: add -w REG"_s);
    const auto none = IpsecCmdParser::parse({});
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.contains(u"usage: ipseccmd"_s));
    QCOMPARE(none.error().code, ErrorCode::Usage);
}

QTEST_GUILESS_MAIN(TestIpsecCmdParser)
#include "TestIpsecCmdParser.moc"
