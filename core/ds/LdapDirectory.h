#pragma once

// A connection to the directory through OpenLDAP's client library (libldap): a simple bind,
// then the IPsec objects under CN=IP Security,CN=System,<domain> read into DsObjects (paged,
// so that a directory with more objects than its page limit is read whole), added or deleted.
// It talks from the calling thread's network namespace (the programs enter --netns first).

#include "ds/DirectoryOptions.h"
#include "ds/DsObject.h"
#include "ds/GpoResolver.h"
#include "util/Result.h"

#include <QCoreApplication>

#include <memory>

typedef struct ldap LDAP;

namespace ipsec::ds {

class LdapDirectory {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::LdapDirectory)
public:
    // Connects and binds (options as DirectoryOptions::resolve returned them). The base DN is
    // the options' or the directory's defaultNamingContext.
    static Result<std::unique_ptr<LdapDirectory>> connect(const DirectoryOptions &options);
    ~LdapDirectory();
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
    Result<QList<DsObject>> readIpsecObjects();
    // Adds objects that refer to each other, in the order [MS-GPIPSEC] 2.2.1 gives: first
    // every object without its ipsec...Reference attributes (the directory checks that a
    // reference names an existing object), then the references. On failure the objects added
    // so far are deleted again.
    Result<void> addAll(const QList<DsObject> &objects);
    Result<void> remove(const QString &dn);

    // The DN of the computer account NAME (sAMAccountName NAME$) under the base DN.
    Result<QString> findComputer(const QString &name);
    // The GPOs that apply to that computer and the IPsec policy they assign (GpoResolver),
    // from the gPLink/gPOptions of the domain and the OUs above it, each linked GPO's flags and
    // its CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine assignment ([MS-GPIPSEC] 2.2.3.1).
    Result<GpoResolution> assignedPolicy(const QString &computerName);

    // Administration (LdapAdmin.cpp). Replaces the attributes of an existing object with o's
    // (an empty value removes the attribute); its class and DN stay.
    Result<void> replace(const DsObject &o);
    // A GPO by its display name, its {GUID} or its DN: its DN and display name.
    struct Gpo {
        QString dn;
        QString displayName;
    };
    Result<Gpo> findGpo(const QString &nameGuidOrDn);
    // The DN of the IPsec policy the GPO assigns, empty when none ([MS-GPIPSEC] 2.2.2).
    Result<QString> gpoAssignment(const QString &gpoDn);
    // Assigns the policy in the GPO: its CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine object
    // names the policy (ipsecOwnersReference, ipsecName, description), the GPO lists the IP
    // Security extension in gPCMachineExtensionNames, and its computer version rises.
    Result<void> assignInGpo(const QString &gpoDn, const DsObject &policy);
    // Removes the GPO's assignment (and the extension from gPCMachineExtensionNames).
    Result<void> unassignInGpo(const QString &gpoDn);
    // The GPOs whose IPsec assignment names the policy.
    Result<QStringList> gposAssigning(const QString &policyDn);

private:
    LdapDirectory(LDAP *ld, QString url, int timeoutMs);
    Error failure(int rc, const QString &what) const;
    Result<QString> defaultNamingContext();
    Result<void> add(const DsObject &object);           // without references
    Result<void> setReferences(const DsObject &object); // replaces them
    // The attributes of one entry (base scope); an empty list when it does not exist.
    Result<QHash<QString, QList<QByteArray>>> readEntry(const QString &dn,
                                                        const QList<QByteArray> &attributes);
    // LdapAdmin.cpp: one modify of single-valued attributes (empty: removed), or an add.
    Result<void> modifyEntry(const QString &dn, const QList<std::pair<QByteArray, QByteArray>> &set,
                             bool add);
    Result<void> ensureContainer(const QString &dn);
    Result<void> setIpsecExtension(const QString &gpoDn, bool present);

    LDAP *m_ld = nullptr;
    QString m_url;
    QString m_baseDn;
    int m_timeoutMs = 10000;
};

} // namespace ipsec::ds
