#include "ConsoleHelp.h"

#include "help/DirectoryHelp.h"

using namespace Qt::StringLiterals;
using ipsec::help::HelpPage;

HelpPage ConsoleHelp::page()
{
    HelpPage p;
    p.name = u"ipsec-console"_s;
    p.summary = tr("the IPsec Policy Console, a desktop console for the host's IPsec policy");
    p.synopsis = {u"[--store PATH] [--netns NAME] [--agent|--no-agent]"_s,
                  u"--screenshot PATH [--screenshot-wizard PATH]"_s};
    p.description = {
        tr("Shows and edits the host's IPsec filtering policy the way the Windows IP Security "
           "Policies snap-in did: a tree of policies, rules, filter lists, filter actions and "
           "filters beside tables of them, with a search box, properties dialogs, undo and "
           "redo, a Block a Port wizard that shows the equivalent ipseccmd command line, a "
           "monitor of what the kernel enforces and a packet tester."),
        tr("The Emergency Unassign button (Ctrl+Shift+E) removes every kernel entry of this "
           "tool at once. When the policy agent ipsec-policyd runs, the console works through "
           "it and needs no root; otherwise it edits your own store and says that changes are "
           "not enforced."),
    };
    p.sections = {
        {tr("Options"),
         {},
         {{u"--store PATH"_s, tr("use the static policy store at PATH")},
          {u"--netns NAME"_s, tr("work in network namespace NAME")},
          {u"--agent"_s, tr("work only through the policy agent ipsec-policyd")},
          {u"--no-agent"_s, tr("never use the policy agent; work in this process")},
          {u"--screenshot PATH"_s, tr("save a picture of the main window to PATH and quit")},
          {u"--screenshot-wizard PATH"_s,
           tr("with --screenshot: also picture the Block a Port wizard")},
          {u"-h, --help"_s, tr("print this help and exit")},
          {u"-v, --version"_s, tr("print the version and exit")}},
         {}},
        {tr("Domain policy"), {}, ipsec::help::DirectoryHelp::options(), {}},
    };
    p.examples = {
        {tr("Open the console on a scratch store, without the agent:"),
         {u"ipsec-console --no-agent --store /tmp/test.db"_s}},
        {tr("Make the pictures of the README (also on the offscreen platform):"),
         {u"QT_QPA_PLATFORM=offscreen ipsec-console --store S --screenshot main.png "
          "--screenshot-wizard wizard.png"_s}},
    };
    p.environment = {
        {u"IPSEC_CONSOLE_STORE"_s, tr("the static store, as --store")},
        {u"IPSEC_CONSOLE_NETNS"_s, tr("the network namespace, as --netns")},
    };
    p.environment += ipsec::help::DirectoryHelp::environment();
    p.files = {
        {u"$XDG_DATA_HOME/ipsec-console/policy.db"_s, tr("your own static store")},
        {u"/var/lib/ipsec-console/policy.db"_s, tr("the store of root and of the policy agent")},
    };
    p.seeAlso = {u"ipseccmd(1)"_s, u"netsh(1)"_s, u"ipsec-policyd(8)"_s};
    return p;
}
