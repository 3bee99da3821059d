#pragma once

// A connection to the directory through OpenLDAP's client library (libldap): a simple bind,
// then the IPsec objects under CN=IP Security,CN=System,<domain> read into DsObjects (paged,
// so that a directory with more objects than its page limit is read whole), added or deleted.
// It talks from the calling thread's network namespace (the programs enter --netns first).
//
// This is an interface: the code that calls libldap (LdapConnection, LdapDirectory.cpp and
// LdapAdmin.cpp) is built as a module (ipsec-console-ldap.so) that connect() loads on first
// use (LdapModule.cpp), so that libldap, liblber and what they pull in (SASL, GnuTLS, ...)
// are not loaded by every start of the programs, only by those that talk to a directory.

#include "ds/DirectoryOptions.h"
#include "ds/DsObject.h"
#include "ds/GpoResolver.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <memory>

namespace ipsec::ds {

class LdapDirectory {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::LdapDirectory)
public:
    // Connects and binds (options as DirectoryOptions::resolve returned them). The base DN is
    // the options' or the directory's defaultNamingContext. Loads the LDAP module first: when
    // it is missing or cannot be loaded, fails as an unreachable directory does (Error::store)
    // with a sentence that names the file.
    static Result<std::unique_ptr<LdapDirectory>> connect(const DirectoryOptions &options);
    // The module's file: $IPSEC_CONSOLE_LDAP_MODULE when set (testing hook, ignored in
    // set-user-id programs), the build tree's module for programs run from the build tree, the
    // installed one (<libdir>/ipsec-console/ipsec-console-ldap.so) otherwise.
    static QString modulePath();
    virtual ~LdapDirectory() = default;
    LdapDirectory(const LdapDirectory &) = delete;
    LdapDirectory &operator=(const LdapDirectory &) = delete;

    const QString &baseDn() const { return m_baseDn; }

    // What this process asked of directories so far: searches, entries returned, bytes of
    // attribute values read (the scale bench's directory load per poll).
    struct Load {
        quint64 searches = 0;
        quint64 entries = 0;
        quint64 valueBytes = 0;
    };
    static Load load();
    const QString &url() const { return m_url; }

    // Every IPsec object of the container (ipsecPolicy, ipsecISAKMPPolicy, ipsecNFA,
    // ipsecFilter, ipsecNegotiationPolicy), sorted by DN.
    virtual Result<QList<DsObject>> readIpsecObjects() = 0;
    // Adds objects that refer to each other, in the order [MS-GPIPSEC] 2.2.1 gives: first
    // every object without its ipsec...Reference attributes (the directory checks that a
    // reference names an existing object), then the references. On failure the objects added
    // so far are deleted again.
    virtual Result<void> addAll(const QList<DsObject> &objects) = 0;
    virtual Result<void> remove(const QString &dn) = 0;

    // The DN of the computer account NAME (sAMAccountName NAME$) under the base DN.
    virtual Result<QString> findComputer(const QString &name) = 0;
    // The GPOs that apply to that computer and the IPsec policy they assign (GpoResolver),
    // from the gPLink/gPOptions of the domain and the OUs above it, each linked GPO's flags and
    // its CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine assignment ([MS-GPIPSEC] 2.2.3.1).
    virtual Result<GpoResolution> assignedPolicy(const QString &computerName) = 0;

    // Administration (LdapAdmin.cpp). Replaces the attributes of an existing object with o's
    // (an empty value removes the attribute); its class and DN stay.
    virtual Result<void> replace(const DsObject &o) = 0;
    // A GPO by its display name, its {GUID} or its DN: its DN and display name.
    struct Gpo {
        QString dn;
        QString displayName;
    };
    virtual Result<Gpo> findGpo(const QString &nameGuidOrDn) = 0;
    // The DN of the IPsec policy the GPO assigns, empty when none ([MS-GPIPSEC] 2.2.2).
    virtual Result<QString> gpoAssignment(const QString &gpoDn) = 0;
    // Assigns the policy in the GPO: its CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine object
    // names the policy (ipsecOwnersReference, ipsecName, description), the GPO lists the IP
    // Security extension in gPCMachineExtensionNames, and its computer version rises.
    virtual Result<void> assignInGpo(const QString &gpoDn, const DsObject &policy) = 0;
    // Removes the GPO's assignment (and the extension from gPCMachineExtensionNames).
    virtual Result<void> unassignInGpo(const QString &gpoDn) = 0;
    // The GPOs whose IPsec assignment names the policy.
    virtual Result<QStringList> gposAssigning(const QString &policyDn) = 0;

protected:
    explicit LdapDirectory(QString url)
        : m_url(std::move(url))
    {
    }

    QString m_url;
    QString m_baseDn;
};

// The module's entry points (extern "C", looked up by name). The module is built from the same
// sources as the programs; the version string guards against a module of another build.
#define IPSEC_LDAP_MODULE_ABI "ipsec-console-ldap " IPSEC_VERSION " 1"
extern "C" {
using IpsecLdapModuleAbi = const char *();
using IpsecLdapConnect = void(const DirectoryOptions &options,
                              Result<std::unique_ptr<LdapDirectory>> &result);
using IpsecLdapLoad = LdapDirectory::Load();
}

} // namespace ipsec::ds
