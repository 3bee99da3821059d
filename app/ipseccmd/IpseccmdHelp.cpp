#include "IpseccmdHelp.h"

#include "help/DirectoryHelp.h"

using namespace Qt::StringLiterals;
using ipsec::help::HelpExample;
using ipsec::help::HelpItem;
using ipsec::help::HelpPage;
using ipsec::help::HelpSection;

QList<HelpItem> IpseccmdHelp::exitStatus()
{
    return {
        {u"0"_s, tr("success")},
        {u"2"_s, tr("usage error (bad command line or value)")},
        {u"3"_s, tr("not found (no such policy, rule, filter list or file)")},
        {u"4"_s, tr("store error (cannot open, read or write the policy store)")},
        {u"5"_s, tr("conflict (e.g. deleting an assigned policy), refused by the SSH guard, or "
                    "rolled back because it was not confirmed in time")},
        {u"6"_s, tr("kernel error")},
        {u"7"_s, tr("permission denied (also: refused by the policy agent)")},
    };
}

QList<HelpItem> IpseccmdHelp::storeOptions()
{
    return {
        {u"--store PATH"_s, tr("the static store (default: $IPSEC_CONSOLE_STORE, else "
                               "/var/lib/ipsec-console/policy.db for root, "
                               "$XDG_DATA_HOME/ipsec-console/policy.db for other users)")},
        {u"--netns NAME"_s,
         tr("work in network namespace NAME, /run/netns/NAME (default: $IPSEC_CONSOLE_NETNS)")},
        {u"--vici PATH"_s,
         tr("the IKE daemon's (strongSwan charon's) VICI socket for negotiated security "
            "(default: $IPSEC_CONSOLE_VICI, else /run/charon.vici)")},
        {u"--json"_s, tr("machine-readable output")},
        {u"--dry-run"_s,
         tr("print the kernel plan (nft commands and 'ip xfrm policy' lines) and change nothing")},
        {u"--agent, --no-agent"_s,
         tr("only through the policy agent ipsec-policyd, or never through it (default: the "
            "agent when it runs and serves this namespace and store, else this process)")},
        {u"--no-ike-exemption"_s,
         tr("do not exempt IKE (UDP 500 and 4500) from the filters; remembered for this "
            "namespace until --ike-exemption")},
        {u"--backend nft|xfrm"_s,
         tr("where block and permit filters are enforced: nft, the table inet ipsec_console "
            "(default; negotiate stays in XFRM; XFRM for everything where the kernel has no "
            "nf_tables), or xfrm, one XFRM policy per filter (default: $IPSEC_CONSOLE_BACKEND)")},
        {u"--confirm-within SECONDS"_s,
         tr("roll the change back unless it is confirmed within SECONDS (1-86400): type yes, "
            "or run 'ipseccmd confirm'")},
        {u"--force"_s, tr("apply even when the change blocks your own SSH connection "
                          "($SSH_CONNECTION), which is otherwise refused")},
        {u"--help, -?"_s, tr("print this help and exit")},
        {u"--version"_s, tr("print the version and exit")},
    };
}

QList<HelpItem> IpseccmdHelp::files()
{
    return {
        {u"/var/lib/ipsec-console/policy.db"_s, tr("the static store (SQLite) of root and of "
                                                   "the policy agent")},
        {u"$XDG_DATA_HOME/ipsec-console/policy.db"_s,
         tr("the static store of other users (usually ~/.local/share/ipsec-console/)")},
        {u"/run/ipsec-console/"_s, tr("dynamic filters, the emergency record and pending "
                                      "confirmations, one folder per network namespace; "
                                      "gone at reboot")},
    };
}

QList<HelpItem> IpseccmdHelp::environment()
{
    QList<HelpItem> items{
        {u"IPSEC_CONSOLE_STORE"_s, tr("the static store, as --store")},
        {u"IPSEC_CONSOLE_NETNS"_s, tr("the network namespace, as --netns")},
        {u"IPSEC_CONSOLE_VICI"_s, tr("the IKE daemon's VICI socket, as --vici")},
        {u"IPSEC_CONSOLE_IKE_VERSION"_s,
         tr("1 (default, as Windows 2000/XP/2003) or 2: the IKE version of the connections "
            "given to strongSwan")},
        {u"SSH_CONNECTION"_s, tr("the caller's SSH connection, which changes must not block "
                                 "(see --force)")},
        {u"DBUS_SYSTEM_BUS_ADDRESS"_s, tr("where the policy agent is looked for")},
    };
    return items + ipsec::help::DirectoryHelp::environment();
}

HelpPage IpseccmdHelp::ipseccmd(const QString &program)
{
    HelpPage p;
    p.name = program;
    p.summary = tr("manage the host's IPsec filtering policy with the Windows ipsecpol and "
                   "IPSeccmd command lines");
    p.synopsis = {
        u"[OPTIONS] -w REG -p POLICY[:POLL] [-r RULE]... [-f SPEC... -n ACTION] [-x|-y|-o]"_s,
        u"[OPTIONS] -f SPEC... [-n ACTION]"_s,
        u"[OPTIONS] -u"_s,
        u"[OPTIONS] show filters|policies|auth|stats|sas|all"_s,
        u"[OPTIONS] emergency-unassign | reassign | confirm"_s,
        u"[OPTIONS] snapshot export|import|diff ..."_s,
        u"[OPTIONS] names policies|filterlists|filteractions|rules"_s,
        u"[OPTIONS] netsh ..."_s,
    };
    p.description = {
        tr("Manages the host's IPsec filtering policy with the command lines of the Windows "
           "ipsecpol.exe and IPSeccmd.exe tools: a static policy kept in a policy store and "
           "enforced in the Linux kernel's IPsec security policy database (XFRM) when it is "
           "assigned, and dynamic filters that last until reboot. Flags may come in any order "
           "and any case. The same program answers as ipsecpol, netsh and netdiag (also with "
           ".exe), so lines pasted from Microsoft's documentation run as printed; quote [ ] and "
           "( ) filter specs for the shell."),
        tr("Run as root, every change of the assigned policy is enforced in the kernel before "
           "it is committed to the store. When the policy agent ipsec-policyd runs, ordinary "
           "users work through it (it asks polkit); otherwise they change only their own "
           "store."),
    };
    p.sections = {
        {tr("Static mode (the persistent policy store)"),
         {},
         {{u"-w REG"_s, tr("work on the local static store")},
          {u"-w DS[:DOMAIN]"_s,
           tr("work on the IPsec policies of an Active Directory domain (the directory from "
              "IPSEC_CONSOLE_DIRECTORY or the domain's name; -x assigns in the GPO "
              "--gpo NAME, default the Default Domain Policy)")},
          {u"-p NAME[:MINUTES]"_s, tr("the policy to create or change (and its polling interval)")},
          {u"-r NAME"_s, tr("the rule to create, change or delete (repeat with -o)")},
          {u"-x"_s, tr("assign the policy (unassigns any other)")},
          {u"-y"_s, tr("unassign the policy")},
          {u"-o"_s, tr("delete the named rules, or the whole policy without -r")}},
         {}},
        {tr("Dynamic mode"),
         tr("Without -w, filters go straight into the kernel and are lost at reboot and when "
            "the policy agent restarts; -u deletes them all."),
         {},
         {}},
        {tr("Filters and actions"),
         {},
         {{u"-f SPEC..."_s,
           tr("filter specs SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTO]: '=' one "
              "direction, '+' mirrored; 0 = this host, * = any host, DNS names, dotted masks "
              "or prefix lengths; PROTO is TCP, UDP, ICMP, RAW or a number; port 0 means any "
              "port. In dynamic mode [SPEC] blocks and (SPEC) passes.")},
          {u"-n BLOCK|PASS|INPASS|METHOD..."_s,
           tr("what matching traffic gets; METHOD is a security method such as ESP[3DES,SHA] "
              "or AH[MD5]+ESP[DES,SHA]3600S")},
          {u"-t ADDR"_s, tr("tunnel endpoint")},
          {u"-a AUTH..."_s,
           tr("authentication methods: KERBEROS, PRESHARE:\"key\" or CERT:\"CA name\"")},
          {u"-soft"_s, tr("allow fall back to clear traffic")},
          {u"-lan, -dialup"_s, tr("the connection type of the rule")},
          {u"-1s"_s, tr("the policy's main-mode (IKE) methods, e.g. 3DES-SHA-2 DES-MD5-1: "
                        "stored and offered by the IKE daemon")},
          {u"-1k NQ/NS"_s, tr("start a new main mode after N quick modes and/or N seconds, e.g. "
                              "10Q/3600S (stored in the policy)")},
          {u"-1p"_s, tr("master key perfect forward secrecy: one quick mode per main mode")},
          {u"-1f -1e"_s, tr("other main-mode settings, checked but not stored")},
          {u"-confirm"_s, tr("accepted for compatibility (dynamic mode only)")}},
         {}},
        {tr("Commands"),
         {},
         {{u"show filters|policies|auth|stats|sas|all"_s,
           tr("query the store, the dynamic filters, the kernel and (sas) the IKE daemon's "
              "security associations (--json for scripts)")},
          {u"emergency-unassign"_s,
           tr("remove every kernel entry of this tool (static and dynamic) at once and unassign "
              "the policy; works even when the store is broken")},
          {u"reassign"_s, tr("put back what the last emergency-unassign removed")},
          {u"confirm"_s, tr("keep the changes made with --confirm-within")},
          {u"refresh"_s,
           tr("fetch the IPsec policy the domain assigns to this computer now and enforce it "
              "(through the agent when it runs); also spelled gpupdate /force and secedit "
              "/refreshpolicy machine_policy, as program names or subcommands")},
          {u"snapshot export|import|diff"_s,
           tr("save, restore and compare the whole policy state ('%1 snapshot --help')")
               .arg(program)},
          {u"names KIND"_s, tr("print the names of the store's policies, filterlists, "
                               "filteractions or rules, one a line (for shell completion)")},
          {u"netsh ..."_s, tr("the netsh ipsec commands, as the program netsh (see netsh(1))")}},
         {}},
        {tr("Options"), {}, storeOptions() + ipsec::help::DirectoryHelp::options(), {}},
    };
    p.examples = {
        {tr("Check whether a policy is assigned (Microsoft KB 813878):"),
         {u"netdiag /test:ipsec"_s}},
        {tr("Create a static policy that blocks inbound UDP 1434 and assign it:"),
         {u"ipseccmd -w REG -p \"Block UDP 1434 Filter\" -r \"Block Inbound UDP 1434 Rule\" "
          "-f *=0:1434:UDP -n BLOCK -x"_s}},
        {tr("Add the outbound rule, and a rule for inbound TCP 80 to the same policy:"),
         {u"ipseccmd -w REG -p \"Block UDP 1434 Filter\" -r \"Block Outbound UDP 1434 Rule\" "
          "-f 0=*:1434:UDP -n BLOCK"_s,
          u"ipseccmd -p \"Block UDP 1434 Filter\" -w REG -r \"Block Inbound TCP 80 Rule\" "
          "-f *=0:80:TCP -n BLOCK"_s}},
        {tr("Verify, with the filters expanded to this host's addresses:"),
         {u"netdiag /test:ipsec /debug"_s, u"ipseccmd show all"_s}},
        {tr("Block inbound UDP 1434 at once until reboot, then delete every dynamic filter:"),
         {u"ipseccmd -f '[*=0:1434:UDP]'"_s, u"ipseccmd -u"_s}},
        {tr("Unassign the policy, then delete both rules (and the policy with them):"),
         {u"ipseccmd -w REG -p \"Block UDP 1434 Filter\" -y"_s,
          u"ipseccmd -w REG -p \"Block UDP 1434 Filter\" -r \"Block Inbound UDP 1434 Rule\" "
          "-r \"Block Outbound UDP 1434 Rule\" -o"_s}},
        {tr("When a block breaks something: remove everything at once, later put it back:"),
         {u"ipseccmd emergency-unassign"_s, u"ipseccmd reassign"_s}},
        {tr("Keep a change only if you can still work afterwards:"),
         {u"ipseccmd --confirm-within 120 -w REG -p Lockdown -r \"No RDP\" -f \"*=0:3389:TCP\" "
          "-n BLOCK -x"_s,
          u"ipseccmd confirm"_s}},
    };
    p.exitStatus = exitStatus();
    p.environment = environment();
    p.files = files();
    p.seeAlso = {u"netsh(1)"_s, u"netdiag(1)"_s, u"ipsec-console(1)"_s, u"ipsec-policyd(8)"_s,
                 u"ip-xfrm(8)"_s};
    return p;
}

HelpPage IpseccmdHelp::netsh()
{
    HelpPage p;
    p.name = u"netsh"_s;
    p.summary = tr("the netsh ipsec commands and scripts of Windows Server 2003");
    p.synopsis = {
        u"[OPTIONS] ipsec static|dynamic COMMAND [tag=]value ..."_s,
        u"[OPTIONS] -c \"ipsec static\" COMMAND ..."_s,
        u"[OPTIONS] -f SCRIPT"_s,
    };
    p.description = {
        tr("Runs the netsh ipsec static and dynamic commands of Windows Server 2003 against "
           "this host's IPsec policy (see ipseccmd(1)); 'ipseccmd netsh ...' is the same."),
        tr("netsh -f SCRIPT runs a netsh script or a .cmd/.bat file of netsh ipsec lines as one "
           "transaction: every line is read and checked first, then all changes are made in one "
           "store transaction that is enforced in the kernel before it commits. An error names "
           "the file and the line and changes nothing. Scripts may be UTF-8 or UTF-16 with BOM, "
           "with CRLF or LF line ends."),
        tr("Addresses: me, any, an IP address (IPv4 or IPv6) or a DNS name; masks dotted or "
           "prefix lengths; port 0 means any port. Tags may be shortened (desc=, mirror=) or "
           "left out (values in the documented order); yes|no|y|n."),
        tr("Server types: srcaddr= or dstaddr= DNS, DHCP or GATEWAY stand for this computer's "
           "resolvers (resolv.conf), DHCP server (leases) and default gateway (routes), looked "
           "up whenever the policy is enforced; the other end is me. WINS is refused."),
    };
    p.sections = {
        {tr("Static commands (the persistent store)"),
         {},
         {},
         u"add|set|delete policy       name= description= pollinginterval= (minutes)\n"
         "                            activatedefaultrule= assign=yes|no newname=\n"
         "add|set|delete filterlist   name= description= newname=\n"
         "add|delete filter           filterlist= srcaddr= dstaddr= protocol= srcport=\n"
         "                            dstport= srcmask= dstmask= mirrored= description=\n"
         "add|set|delete filteraction name= action=permit|block|negotiate qmsecmethods=\n"
         "                            inpass= soft= qmpfs= description= newname=\n"
         "add|set|delete rule         name=|id= policy= filterlist= filteraction=\n"
         "                            activate= tunnel= conntype= kerberos= psk= rootca=\n"
         "set defaultrule             policy= activate= kerberos= psk= rootca=\n"
         "set store location=local    set batch mode=enable|disable    delete all\n"
         "show policy|filterlist|filteraction|rule|all|store|gpoassignedpolicy [name=] [all]\n"
         "show rule id=N|all policy=  show filterlist rule= [policy=]\n"
         "exportpolicy file=FILE      (.ipsec is added when FILE has no extension)\n"
         "importpolicy file=FILE\n"_s},
        {tr("Dynamic commands (the running policy, lost at reboot)"),
         {},
         {},
         u"add|set|delete rule         srcaddr= dstaddr= protocol= srcport= dstport=\n"
         "                            mirrored= actioninbound= actionoutbound= srcmask=\n"
         "                            dstmask=\n"
         "delete all                  show all|rule\n"_s},
        {tr("Options"),
         {},
         {{u"-f SCRIPT"_s, tr("run the script SCRIPT line by line, as netsh does: a failing "
                              "line is reported with its number and the next one runs; exit "
                              "status 1 when a line failed")},
          {u"--atomic"_s, tr("with -f: apply the whole script as one transaction (the first "
                             "failing line leaves everything as it was)")},
          {u"--encoding NAME"_s, tr("with -f: the script's encoding (e.g. windows-1252, GBK, "
                                    "IBM850 or a code page number); default: byte order mark, "
                                    "chcp line, UTF-8, else detected and said")},
          {u"-c CONTEXT"_s, tr("start in CONTEXT, e.g. -c \"ipsec static\"")},
          {u"--store PATH"_s, tr("the static store (as ipseccmd)")},
          {u"--netns NAME"_s, tr("work in network namespace NAME")},
          {u"--dry-run"_s, tr("print the kernel plan, change nothing")},
          {u"--json"_s, tr("machine-readable output of show")},
          {u"--confirm-within SECONDS"_s,
           tr("roll the changes back unless confirmed in time ('ipseccmd confirm')")},
          {u"--force"_s, tr("apply even when the change blocks your own SSH connection")},
          {u"--help, /?"_s, tr("print this help and exit")},
          {u"--version"_s, tr("print the version and exit")}},
         {}},
    };
    p.examples = {
        {tr("Run a hardening script kept for Windows servers:"), {u"netsh -f harden.cmd"_s}},
        {tr("Create a policy that blocks inbound TCP 445 and assign it:"),
         {u"netsh ipsec static add policy name=\"Worm Hardening\""_s,
          u"netsh ipsec static add filterlist name=\"Worm ports\""_s,
          u"netsh ipsec static add filter filterlist=\"Worm ports\" srcaddr=any dstaddr=me "
          "protocol=TCP dstport=445 mirrored=no"_s,
          u"netsh ipsec static add filteraction name=\"Block worms\" action=block"_s,
          u"netsh ipsec static add rule name=\"Block worm ports\" policy=\"Worm Hardening\" "
          "filterlist=\"Worm ports\" filteraction=\"Block worms\""_s,
          u"netsh ipsec static set policy name=\"Worm Hardening\" assign=y"_s}},
        {tr("Show the policies, save them to backup.ipsec and merge them back:"),
         {u"netsh ipsec static show policy all level=verbose"_s,
          u"netsh ipsec static exportpolicy file=backup"_s,
          u"netsh ipsec static importpolicy file=backup"_s}},
        {tr("Block inbound UDP 1434 until reboot, then delete every dynamic rule:"),
         {u"netsh ipsec dynamic add rule srcaddr=any dstaddr=me protocol=UDP dstport=1434 "
          "mirrored=no actioninbound=block actionoutbound=block"_s,
          u"netsh ipsec dynamic delete all"_s}},
    };
    p.exitStatus = exitStatus();
    p.environment = environment();
    p.files = files();
    p.seeAlso = {u"ipseccmd(1)"_s, u"netdiag(1)"_s, u"ipsec-policyd(8)"_s};
    return p;
}

HelpPage IpseccmdHelp::netdiag()
{
    HelpPage p;
    p.name = u"netdiag"_s;
    p.summary = tr("the IP Security test of the Windows Support Tools' netdiag");
    p.synopsis = {u"[/test:ipsec] [/debug] [--store PATH] [--netns NAME]"_s};
    p.description = {
        tr("Runs the IP Security test of the Windows Support Tools' netdiag: tells whether an "
           "IPsec policy is assigned and, with /debug, lists its filters expanded to this "
           "host's addresses (\"specific filters\") and marks every filter the kernel does "
           "not enforce. Switches may start with / or -."),
    };
    p.sections = {
        {tr("Options"),
         {},
         {{u"/test:ipsec"_s, tr("run the IP Security test (the only test available)")},
          {u"/debug"_s, tr("also print the policy path and every filter")},
          {u"/v"_s, tr("accepted for compatibility (same as without)")},
          {u"--store PATH"_s, tr("the static store (as ipseccmd)")},
          {u"--netns NAME"_s, tr("work in network namespace NAME")},
          {u"/?, --help"_s, tr("print this help and exit")}},
         {}},
    };
    p.examples = {
        {tr("Check whether a policy is assigned (Microsoft KB 813878):"),
         {u"netdiag /test:ipsec"_s}},
        {tr("Verify the assigned policy's filters:"), {u"netdiag /test:ipsec /debug"_s}},
    };
    p.exitStatus = exitStatus();
    p.environment = environment();
    p.files = files();
    p.seeAlso = {u"ipseccmd(1)"_s, u"netsh(1)"_s};
    return p;
}
