#include "snapshot/NetshScriptWriter.h"

#include "snapshot/SnapshotJson.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

const QString Prefix = u"netsh ipsec static "_s;

QString yesNo(bool b)
{
    return b ? u"yes"_s : u"no"_s;
}

// netsh wants the address and the mask apart; me, any and DNS names take no mask.
std::pair<QString, QString> addressAndMask(const Address &a)
{
    if (a.isMe())
        return {u"me"_s, {}};
    if (a.isAny())
        return {u"any"_s, {}};
    if (a.isDnsName())
        return {a.name(), {}};
    if (a.isServer())
        return {Address::serverKeywordOf(a.serverType()), {}};
    const QString mask = a.isIPv6() ? QString::number(a.prefixLength()) : a.netmask().toString();
    return {a.address().toString(), mask};
}

QString method(const SecurityMethod &m)
{
    // netsh's spelling: ESP[3DES,SHA1]:100000k/3600s; PFS is the action's qmpfs.
    return m.toString();
}

QString comment(const QString &text)
{
    QString t = text;
    t.replace(u'\r', u' ').replace(u'\n', u' ').replace(u'%', u"%%"_s);
    return u"rem "_s + t;
}

} // namespace

QString NetshScriptWriter::quote(const QString &value)
{
    QString v = value;
    // A batch file line cannot hold a line break; % starts a variable in cmd.exe.
    v.replace(u"\r\n"_s, u" "_s).replace(u'\n', u' ').replace(u'\r', u' ');
    v.replace(u'%', u"%%"_s);
    bool plain = !v.isEmpty();
    for (const QChar c : v)
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' || c == u':'
              || c == u'/'))
            plain = false;
    if (plain)
        return v;
    v.replace(u'"', u"\\'"_s);
    return u'"' + v + u'"';
}

QString NetshScriptWriter::filterArguments(const Filter &f)
{
    QString out;
    const auto [src, srcMask] = addressAndMask(f.source);
    const auto [dst, dstMask] = addressAndMask(f.destination);
    out += u"srcaddr="_s + quote(src);
    if (!srcMask.isEmpty())
        out += u" srcmask="_s + srcMask;
    out += u" dstaddr="_s + quote(dst);
    if (!dstMask.isEmpty())
        out += u" dstmask="_s + dstMask;
    out += u" protocol="_s + f.protocol.name();
    out += u" srcport="_s + QString::number(f.sourcePort);
    out += u" dstport="_s + QString::number(f.destinationPort);
    out += u" mirrored="_s + yesNo(f.mirrored);
    return out;
}

QString NetshScriptWriter::write(const Snapshot &s)
{
    const PolicyDatabase &db = s.database;
    QStringList lines;
    lines << u"@echo off"_s
          << comment(tr("IPsec Policy Console snapshot of %1, taken %2 by version %3.")
                         .arg(s.host.name, s.created, s.programVersion))
          << comment(tr("Recreates the filter lists, filter actions, policies and rules with "
                        "netsh ipsec static."));
    if (!s.scopePolicy.isEmpty())
        lines << comment(tr("Only policy \"%1\" and what its rules use.").arg(s.scopePolicy));

    lines << QString() << comment(tr("Filter lists"));
    for (const FilterList &l : db.filterLists) {
        lines << Prefix + u"add filterlist name="_s + quote(l.name) + u" description="_s
                     + quote(l.description);
        for (const Filter &f : l.filters)
            lines << Prefix + u"add filter filterlist="_s + quote(l.name) + u' '
                         + filterArguments(f) + u" description="_s + quote(f.description);
    }

    lines << QString() << comment(tr("Filter actions"));
    for (const FilterAction &a : db.filterActions) {
        QString line = Prefix + u"add filteraction name="_s + quote(a.name) + u" description="_s
                       + quote(a.description) + u" action="_s + SnapshotJson::actionName(a.type);
        if (a.type == FilterAction::Type::Negotiate) {
            QStringList methods;
            for (const SecurityMethod &m : a.securityMethods)
                methods << method(m);
            line += u" qmpfs="_s + yesNo(a.sessionKeyPfs) + u" inpass="_s
                    + yesNo(a.inboundPassThrough) + u" soft="_s + yesNo(a.allowUnsecured)
                    + u" qmsecmethods="_s + quote(methods.join(u' '));
        }
        lines << line;
    }

    lines << QString() << comment(tr("Policies and rules"));
    for (const Policy &p : db.policies) {
        bool defaultRule = false;
        for (const Rule *r : db.rulesOf(p.id))
            defaultRule = defaultRule || (r->defaultResponse && r->active);
        // netsh counts the main mode lifetime in minutes: a lifetime in seconds (ipseccmd -1k)
        // that is not whole minutes is rounded up, and the script says so.
        QString keyExchange;
        if (p.mainModeLifetimeSeconds != Policy::DefaultMainModeLifetimeSeconds) {
            const int minutes = (p.mainModeLifetimeSeconds + 59) / 60;
            if (minutes * 60 != p.mainModeLifetimeSeconds)
                lines << comment(tr("Policy \"%1\": its main mode lifetime of %2 seconds is "
                                    "written as %3 minutes.")
                                     .arg(p.name)
                                     .arg(p.mainModeLifetimeSeconds)
                                     .arg(minutes));
            keyExchange += u" mmlifetime="_s + QString::number(minutes);
        }
        if (p.mainModePfs)
            keyExchange += u" mmpfs=yes"_s;
        if (p.quickModesPerMainMode != 0 && !p.mainModePfs)
            keyExchange += u" qmpermm="_s + QString::number(p.quickModesPerMainMode);
        lines << Prefix + u"add policy name="_s + quote(p.name) + u" description="_s
                     + quote(p.description) + u" pollinginterval="_s
                     + QString::number(p.pollingIntervalMinutes) + u" activatedefaultrule="_s
                     + yesNo(defaultRule) + u" assign=no"_s
                     + (p.mainModeMethods.isEmpty()
                            ? QString()
                            : u" mmsecmethods="_s
                                  + quote(MainModeMethod::listToString(p.mainModeMethods)))
                     + keyExchange;
        for (const Rule *r : db.rulesOf(p.id)) {
            if (r->defaultResponse)
                continue;
            const FilterList *l = db.filterList(r->filterListId);
            const FilterAction *a = db.filterAction(r->filterActionId);
            if (!l || !a)
                continue;
            QString line = Prefix + u"add rule name="_s + quote(r->name) + u" policy="_s
                           + quote(p.name) + u" filterlist="_s + quote(l->name)
                           + u" filteraction="_s + quote(a->name);
            if (!r->tunnelEndpoint.isEmpty())
                line += u" tunnel="_s + quote(r->tunnelEndpoint);
            line += u" conntype="_s + Rule::connectionTypeName(r->connectionType) + u" activate="_s
                    + yesNo(r->active) + u" description="_s + quote(r->description);
            bool kerberos = false;
            for (const AuthMethod &m : r->authMethods) {
                switch (m.kind) {
                case AuthMethod::Kind::Kerberos:
                    kerberos = true;
                    break;
                case AuthMethod::Kind::PresharedKey:
                    line += u" psk="_s + quote(m.data);
                    break;
                case AuthMethod::Kind::Certificate:
                    line += u" rootca="_s + quote(m.data);
                    break;
                }
            }
            line += u" kerberos="_s + yesNo(kerberos);
            lines << line;
        }
    }

    if (const Policy *assigned = db.assignedPolicy())
        lines << QString() << comment(tr("Assignment"))
              << Prefix + u"set policy name="_s + quote(assigned->name) + u" assign=yes"_s;

    if (!s.dynamicFilters.isEmpty()) {
        lines << QString()
              << comment(tr("Dynamic filters in force (not part of the static store; lost at "
                            "reboot):"));
        for (const engine::DynamicFilter &d : s.dynamicFilters)
            lines << comment(u"  "_s + SnapshotJson::actionName(d.action) + u' '
                             + filterArguments(d.filter));
    }
    if (s.kernel) {
        lines << QString() << comment(tr("Kernel entries enforced when the snapshot was taken:"));
        for (const QString &e : s.kernel->entries)
            lines << comment(u"  "_s + e);
    }
    return lines.join(u"\r\n"_s) + u"\r\n"_s;
}

} // namespace ipsec
