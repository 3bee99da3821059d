#include "DirectoryHelp.h"

using namespace Qt::StringLiterals;

namespace ipsec::help {

QList<HelpItem> DirectoryHelp::options()
{
    return {
        {u"--directory URL"_s,
         tr("the Active Directory domain controller the domain's IPsec policy is read from, "
            "ldap://HOST[:PORT] or ldaps://HOST (default: found from the domain membership, "
            "the DNS SRV records _ldap._tcp.dc._msdcs.REALM)")},
        {u"--computer NAME"_s,
         tr("this member's computer account in the domain (default: the host name)")},
        {u"--bind-dn DN"_s,
         tr("bind to the directory as DN (simple bind); needs --bind-password-file")},
        {u"--bind-password-file FILE"_s,
         tr("the password of --bind-dn: a file of root or of the caller that only its owner "
            "may read (chmod 600); any other file is refused")},
        {u"--gpo NAME"_s,
         tr("managing the directory (-w DS, netsh set store location=domain, the console's "
            "Active Directory window): the Group Policy object a policy is assigned in, by "
            "display name, {GUID} or DN (default: the Default Domain Policy)")},
    };
}

QList<HelpItem> DirectoryHelp::environment()
{
    return {
        {u"IPSEC_CONSOLE_DIRECTORY"_s, tr("the domain controller, as --directory")},
        {u"IPSEC_CONSOLE_COMPUTER"_s, tr("the computer account, as --computer")},
        {u"IPSEC_CONSOLE_BIND_DN"_s, tr("the bind DN, as --bind-dn")},
        {u"IPSEC_CONSOLE_BIND_PASSWORD_FILE"_s,
         tr("the bind password file, as --bind-password-file")},
        {u"IPSEC_CONSOLE_GPO"_s, tr("the GPO policies are assigned in, as --gpo")},
    };
}

} // namespace ipsec::help
