#pragma once

// The LDAP module's implementation of LdapDirectory over libldap (LdapDirectory.cpp,
// LdapAdmin.cpp). Only the module (ipsec-console-ldap.so) includes this header.

#include "ds/LdapDirectory.h"

typedef struct ldap LDAP;

namespace ipsec::ds {

class LdapConnection final : public LdapDirectory {
public:
    static Result<std::unique_ptr<LdapDirectory>> connect(const DirectoryOptions &options);
    static Load load();
    ~LdapConnection() override;

    Result<QList<DsObject>> readIpsecObjects() override;
    Result<void> addAll(const QList<DsObject> &objects) override;
    Result<void> remove(const QString &dn) override;
    Result<QString> findComputer(const QString &name) override;
    Result<GpoResolution> assignedPolicy(const QString &computerName) override;
    Result<void> replace(const DsObject &o) override;
    Result<Gpo> findGpo(const QString &nameGuidOrDn) override;
    Result<QString> gpoAssignment(const QString &gpoDn) override;
    Result<void> assignInGpo(const QString &gpoDn, const DsObject &policy) override;
    Result<void> unassignInGpo(const QString &gpoDn) override;
    Result<QStringList> gposAssigning(const QString &policyDn) override;

private:
    LdapConnection(LDAP *ld, QString url, int timeoutMs);
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
    int m_timeoutMs = 10000;
};

} // namespace ipsec::ds
