#include "ds/GpoResolver.h"

using namespace Qt::StringLiterals;

namespace ipsec::ds {

QStringList GpoResolver::splitDn(const QString &dn)
{
    QStringList out;
    QString current;
    bool escaped = false;
    for (QChar c : dn) {
        if (escaped) {
            current += c;
            escaped = false;
        } else if (c == u'\\') {
            current += c;
            escaped = true;
        } else if (c == u',') {
            out.append(current.trimmed());
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty() || !out.isEmpty())
        out.append(current.trimmed());
    return out;
}

QString GpoResolver::normalizedDn(const QString &dn)
{
    QStringList rdns = splitDn(dn);
    for (QString &rdn : rdns) {
        const qsizetype eq = rdn.indexOf(u'=');
        if (eq > 0)
            rdn = rdn.left(eq).trimmed() + u'=' + rdn.mid(eq + 1).trimmed();
        rdn = rdn.toLower();
    }
    return rdns.join(u',');
}

Result<QList<GpoLink>> GpoResolver::parseGpLink(const QString &gpLink)
{
    QList<GpoLink> out;
    qsizetype pos = 0;
    const QString text = gpLink.trimmed(); // a lone blank: no links (block inheritance only)
    while (pos < text.size()) {
        if (text.at(pos) != u'[')
            return Error::store(tr("The gPLink \"%1\" is malformed at \"%2\": a link must be "
                                   "written [LDAP://DN;OPTIONS].")
                                    .arg(gpLink, text.mid(pos, 40)));
        const qsizetype end = text.indexOf(u']', pos);
        if (end < 0)
            return Error::store(tr("The gPLink \"%1\" has an unclosed link.").arg(gpLink));
        const QString link = text.mid(pos + 1, end - pos - 1);
        const qsizetype semicolon = link.lastIndexOf(u';');
        bool ok = false;
        const uint options = semicolon > 0 ? link.mid(semicolon + 1).toUInt(&ok) : 0;
        QString dn = semicolon > 0 ? link.left(semicolon) : QString();
        if (!ok || !dn.startsWith(u"LDAP://"_s, Qt::CaseInsensitive) || dn.size() <= 7)
            return Error::store(
                tr("The gPLink \"%1\" has the malformed link \"[%2]\".").arg(gpLink, link));
        dn = dn.mid(7);
        out.append({dn, (options & 1) != 0, (options & 2) != 0});
        pos = end + 1;
    }
    return out;
}

Result<QStringList> GpoResolver::scopeChain(const QString &computerDn, const QString &domainDn)
{
    const QStringList computer = splitDn(computerDn);
    const QStringList domain = splitDn(domainDn);
    const QString normalizedDomain = normalizedDn(domainDn);
    if (computer.size() <= domain.size()
        || normalizedDn(computer.mid(computer.size() - domain.size()).join(u','))
               != normalizedDomain)
        return Error::usage(
            tr("The computer object %1 is not inside the domain %2.").arg(computerDn, domainDn));
    QStringList chain{domainDn};
    // From the domain inwards, each OU= container above the computer object.
    for (qsizetype i = computer.size() - domain.size() - 1; i >= 1; --i) {
        if (computer.at(i).startsWith(u"OU="_s, Qt::CaseInsensitive))
            chain.append(computer.mid(i).join(u','));
    }
    return chain;
}

Result<GpoResolution> GpoResolver::resolve(const QString &computerDn, const QString &domainDn,
                                           const QHash<QString, SomInfo> &soms,
                                           const QHash<QString, GpoInfo> &gpos)
{
    auto chain = scopeChain(computerDn, domainDn);
    if (!chain)
        return chain.error();
    struct Candidate {
        AppliedGpo gpo;
        int level;
    };
    QList<Candidate> normal;
    QList<QList<AppliedGpo>> enforcedByLevel;
    for (int level = 0; level < chain->size(); ++level) {
        const QString &som = chain->at(level);
        const SomInfo info = soms.value(normalizedDn(som));
        if (level > 0 && (info.gpOptions & 1)) {
            // Block inheritance: what the containers above linked without enforcing is dropped.
            normal.clear();
        }
        auto links = parseGpLink(info.gpLink);
        if (!links)
            return Error::store(tr("The container %1: %2").arg(som, links.error().message));
        QList<AppliedGpo> enforced;
        for (const GpoLink &link : *links) {
            if (link.disabled)
                continue;
            const auto gpo = gpos.constFind(normalizedDn(link.gpoDn));
            if (gpo == gpos.cend() || (gpo->flags & 2))
                continue; // deleted, or its computer settings are disabled
            const AppliedGpo applied{link.gpoDn, som, link.enforced};
            if (link.enforced)
                enforced.append(applied);
            else
                normal.append({applied, level});
        }
        enforcedByLevel.append(enforced);
    }
    GpoResolution out;
    for (const Candidate &c : normal)
        out.applied.append(c.gpo);
    // Enforced links last, the innermost container's first, so the domain's win.
    for (qsizetype level = enforcedByLevel.size() - 1; level >= 0; --level)
        out.applied.append(enforcedByLevel.at(level));
    for (const AppliedGpo &a : out.applied) {
        const GpoInfo info = gpos.value(normalizedDn(a.gpoDn));
        if (!info.ipsecPolicyDn.isEmpty()) {
            out.ipsecPolicyDn = info.ipsecPolicyDn;
            out.ipsecGpoDn = a.gpoDn;
            out.ipsecSomDn = a.somDn;
        }
    }
    return out;
}

} // namespace ipsec::ds
