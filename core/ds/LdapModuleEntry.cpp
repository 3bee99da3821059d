// The LDAP module's entry points (see LdapDirectory.h): the only symbols it exports.

#include "ds/LdapConnection.h"

using namespace ipsec::ds;

extern "C" Q_DECL_EXPORT const char *ipsec_ldap_module_abi()
{
    return IPSEC_LDAP_MODULE_ABI;
}

extern "C" Q_DECL_EXPORT void
ipsec_ldap_connect(const DirectoryOptions &options,
                   ipsec::Result<std::unique_ptr<LdapDirectory>> &result)
{
    result = LdapConnection::connect(options);
}

extern "C" Q_DECL_EXPORT LdapDirectory::Load ipsec_ldap_load()
{
    return LdapConnection::load();
}
