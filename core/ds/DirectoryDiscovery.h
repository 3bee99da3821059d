#pragma once

// Finds the directory of the domain this machine is a member of, as a joined Windows machine
// does: the realm from the membership's configuration (sssd's ad_domain/krb5_realm as
// `realm join` writes it, Samba's `realm` for winbind, or Kerberos' default_realm in
// /etc/krb5.conf or $KRB5_CONFIG when the machine has a host keytab: Debian's krb5.conf names
// ATHENA.MIT.EDU on machines that joined nothing), then the DNS SRV records
// _ldap._tcp.dc._msdcs.<realm> (lowest priority first, then highest weight).

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace ipsec::ds {

struct SrvRecord {
    QString target;
    quint16 port = 389;
    quint16 priority = 0;
    quint16 weight = 0;
    bool operator==(const SrvRecord &) const = default;
};

using SrvLookup = std::function<Result<QList<SrvRecord>>(const QString &name)>;

// Where DirectoryDiscovery looks (tests point it elsewhere).
struct DiscoverySources {
    QString krb5Conf; // empty: $KRB5_CONFIG, /etc/krb5.conf
    QString sssdConf = QStringLiteral("/etc/sssd/sssd.conf");
    QString smbConf = QStringLiteral("/etc/samba/smb.conf");
    QString keytab = QStringLiteral("/etc/krb5.keytab"); // krb5.conf counts only with it
    SrvLookup lookup;                                    // empty: DirectoryDiscovery::dnsSrv
};

class DirectoryDiscovery {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::DirectoryDiscovery)
public:
    using Sources = DiscoverySources;

    // The realm (upper case) this machine is a member of, or a not-found error that says
    // where it looked.
    static Result<QString> realm(const Sources &sources = {});
    // ldap://HOST:PORT of the domain's first domain controller by SRV order.
    static Result<QString> directoryUrl(const Sources &sources = {});
    // The SRV records of `name` from the system's resolver (res_query), in SRV order.
    static Result<QList<SrvRecord>> dnsSrv(const QString &name);
    // Lowest priority first; equal priorities: highest weight first, then by name.
    static QList<SrvRecord> ordered(QList<SrvRecord> records);

    // The parsers, one file's text each ("" when the file names no realm).
    static QString realmFromKrb5Conf(const QString &text);
    static QString realmFromSssdConf(const QString &text);
    static QString realmFromSmbConf(const QString &text);
};

} // namespace ipsec::ds
