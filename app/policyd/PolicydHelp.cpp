#include "PolicydHelp.h"

#include "help/DirectoryHelp.h"

using namespace Qt::StringLiterals;
using ipsec::help::HelpPage;

HelpPage PolicydHelp::page()
{
    HelpPage p;
    p.name = u"ipsec-policyd"_s;
    p.section = 8;
    p.summary = tr("the IPsec policy agent of the IPsec Policy Console");
    p.synopsis = {u"[--netns NAME] [--store PATH] [--admin-group GROUP] [--config PATH] "
                  "[--watch-interval MS] [--vici PATH] [--backend nft|xfrm] [--session] "
                  "[--poll-interval SECONDS] [--directory URL] [--computer NAME] "
                  "[--bind-dn DN --bind-password-file FILE]"_s};
    p.description = {
        tr("The IPsec policy agent, the Linux counterpart of the Windows IPSec Policy Agent: a "
           "small root service, started by systemd (ipsec-policyd.service) or by D-Bus "
           "activation. It enforces the assigned static policy when it starts, holds the "
           "dynamic filters, watches the store (changes made by anyone are enforced at once) "
           "and serves ipsec-console and ipseccmd on the D-Bus system bus as "
           "io.github.ipsecconsole.PolicyAgent1, so they work as ordinary users."),
        tr("Reading is open to local users. Changes (io.github.ipsecconsole.modify) and "
           "emergency unassign (io.github.ipsecconsole.emergency) are always allowed to root; "
           "for other users polkit decides where polkitd runs, else membership of the admin "
           "group. Restarting the agent clears the dynamic filters and enforces the static "
           "policy again; stopping it leaves the static policy in the kernel."),
        tr("While it runs, the agent follows the addresses and routes of its network namespace "
           "(rtnetlink) and enforces again, within a second, what depends on them (\"me\" on "
           "the far end of a filter, DNS names); and it repairs its kernel entries when another "
           "program removes or changes them (ip xfrm policy flush, a program killed during an "
           "apply). The systemd unit starts it before network-pre.target, so the stored policy "
           "is in force before any interface is configured."),
        tr("The agent also keeps strongSwan's charon in step with the assigned policy over its "
           "VICI socket: when charon starts, restarts or comes back after a crash, the agent "
           "notices within a few seconds and loads the project's connections and secrets "
           "again."),
    };
    p.sections = {
        {tr("Options"),
         {},
         {{u"--netns NAME"_s, tr("serve network namespace NAME (/run/netns/NAME)")},
          {u"--store PATH"_s, tr("use the static policy store at PATH (default: "
                                 "/var/lib/ipsec-console/policy.db)")},
          {u"--admin-group GROUP"_s,
           tr("members of GROUP (a name or a number) may change the policy when polkit does "
              "not run (default: AdminGroup of the configuration file, else sudo)")},
          {u"--config PATH"_s,
           tr("read the configuration file PATH (default: /etc/ipsec-console/policyd.conf)")},
          {u"--watch-interval MS"_s,
           tr("look for changes of the store every MS milliseconds (default: 1000)")},
          {u"--vici PATH"_s, tr("the IKE daemon's (charon's) VICI socket (default: "
                                "$IPSEC_CONSOLE_VICI, else /run/charon.vici)")},
          {u"--backend nft|xfrm"_s,
           tr("enforce block and permit filters in the nftables table inet ipsec_console "
              "(nft, the default; XFRM keeps negotiate) or as XFRM policies (xfrm) (default: "
              "$IPSEC_CONSOLE_BACKEND)")},
          {u"--session"_s, tr("serve on the session bus (for debugging)")},
          {u"--poll-interval SECONDS"_s,
           tr("ask the domain's directory for this computer's IPsec policy at least every "
              "SECONDS (default 0: at the domain policy's own polling interval, else every 90 "
              "minutes)")},
          {u"-h, --help"_s, tr("print this help and exit")},
          {u"-v, --version"_s, tr("print the version and exit")}},
         {}},
        {tr("Domain policy"),
         tr("On a member of an Active Directory domain the agent enforces the IPsec policy "
            "the domain's group policy assigns to this computer instead of the local one "
            "(dynamic filters still apply on top), checks for changes at the policy's polling "
            "interval, and keeps enforcing its cached copy while no domain controller "
            "answers."),
         ipsec::help::DirectoryHelp::options(),
         {}},
    };
    p.environment = ipsec::help::DirectoryHelp::environment();
    p.examples = {
        {tr("Start the agent now and at every boot, and see what it enforced:"),
         {u"systemctl enable --now ipsec-policyd"_s, u"journalctl -u ipsec-policyd"_s}},
        {tr("Ask the agent for its state:"),
         {u"busctl call io.github.ipsecconsole.PolicyAgent1 /io/github/ipsecconsole/PolicyAgent1 "
          "io.github.ipsecconsole.PolicyAgent1 Status"_s}},
    };
    p.exitStatus = {
        {u"0"_s, tr("stopped normally")},
        {u"2"_s, tr("usage error or unreadable configuration file")},
        {u"3"_s, tr("the network namespace does not exist")},
        {u"4"_s, tr("the store cannot be opened")},
        {u"5"_s, tr("the bus name is taken (another agent runs)")},
        {u"6"_s, tr("no D-Bus connection")},
        {u"7"_s, tr("permission denied")},
    };
    p.files = {
        {u"/etc/ipsec-console/policyd.conf"_s, tr("configuration (INI): AdminGroup=")},
        {u"/var/lib/ipsec-console/policy.db"_s, tr("the static store")},
        {u"/run/ipsec-console/"_s, tr("dynamic filters and the emergency record")},
        {u"/usr/share/polkit-1/actions/io.github.ipsecconsole.policy"_s, tr("the polkit actions")},
        {u"/usr/share/dbus-1/system.d/io.github.ipsecconsole.PolicyAgent1.conf"_s,
         tr("the bus policy")},
    };
    p.seeAlso = {u"ipseccmd(1)"_s, u"ipsec-console(1)"_s, u"polkit(8)"_s, u"systemctl(1)"_s};
    return p;
}
