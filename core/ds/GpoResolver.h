#pragma once

// Which GPOs apply to a computer and which IPsec policy they assign, as Group Policy decides
// it ([MS-GPOL], [MS-GPIPSEC] 2.2.2 and 3.2.5): the gPLink attributes of the domain and of the
// OUs above the computer object, in Group Policy order (domain first, then each OU down to the
// computer's; within one container the last link of gPLink has link order 1, the highest
// precedence), disabled links and GPOs whose computer settings are disabled skipped, "block
// inheritance" (gPOptions 1) on an OU dropping the non-enforced links of the containers above,
// enforced links applied after all others with the domain's last. The last GPO that assigns an
// IPsec policy wins. Sites are not considered (their links live in the configuration
// partition and need the member's site). A pure function: the caller reads the attributes.

#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace ipsec::ds {

struct GpoLink {
    QString gpoDn;
    bool disabled = false; // link option bit 0
    bool enforced = false; // link option bit 1 ("No Override")
    friend bool operator==(const GpoLink &, const GpoLink &) = default;
};

// A scope of management: the domain or an OU, with its gPLink and gPOptions.
struct SomInfo {
    QString gpLink;
    quint32 gpOptions = 0; // 1: block inheritance
};

// A GPO (groupPolicyContainer): its flags and the IPsec policy it assigns, if any (the
// ipsecOwnersReference of CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,<GPO>).
struct GpoInfo {
    QString displayName;
    quint32 flags = 0; // 1 user settings disabled, 2 computer settings disabled
    QString ipsecPolicyDn;
};

struct AppliedGpo {
    QString gpoDn;
    QString somDn;
    bool enforced = false;
    friend bool operator==(const AppliedGpo &, const AppliedGpo &) = default;
};

struct GpoResolution {
    QList<AppliedGpo> applied; // in the order Group Policy applies them (last wins)
    QString ipsecPolicyDn;     // empty: no GPO assigns an IPsec policy
    QString ipsecGpoDn;
    QString ipsecSomDn;
};

class GpoResolver {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::GpoResolver)
public:
    // "[LDAP://cn={GUID},cn=policies,cn=system,DC=corp,DC=test;0][…;2]" into links, in the
    // attribute's order. A malformed gPLink is refused with the offending text.
    static Result<QList<GpoLink>> parseGpLink(const QString &gpLink);

    // The containers whose links apply, domain first: the domain, then every OU above the
    // computer object, outermost first. Refused when the computer is not inside the domain.
    static Result<QStringList> scopeChain(const QString &computerDn, const QString &domainDn);

    // `soms` and `gpos` are keyed by normalizedDn(). A link to a GPO missing from `gpos` is
    // skipped (a deleted GPO), as Group Policy does.
    static Result<GpoResolution> resolve(const QString &computerDn, const QString &domainDn,
                                         const QHash<QString, SomInfo> &soms,
                                         const QHash<QString, GpoInfo> &gpos);

    // Lower case, no blanks around the separators: for comparing DNs.
    static QString normalizedDn(const QString &dn);
    // The RDNs of a DN, split at unescaped commas ("CN=a\,b" stays one).
    static QStringList splitDn(const QString &dn);
};

} // namespace ipsec::ds
