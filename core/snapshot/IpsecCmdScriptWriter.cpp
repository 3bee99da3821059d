#include "snapshot/IpsecCmdScriptWriter.h"

#include "snapshot/SnapshotJson.h"
#include "syntax/IpsecCmd.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QString comment(const QString &text)
{
    QString t = text;
    t.replace(u'\n', u' ').replace(u'\r', u' ');
    return u"# "_s + t;
}

syntax::Negotiation negotiationOf(const FilterAction &a)
{
    syntax::Negotiation n;
    switch (a.type) {
    case FilterAction::Type::Block:
        n.kind = syntax::Negotiation::Kind::Block;
        break;
    case FilterAction::Type::Permit:
        n.kind = syntax::Negotiation::Kind::Pass;
        break;
    case FilterAction::Type::Negotiate:
        n.kind = a.inboundPassThrough ? syntax::Negotiation::Kind::InPass
                                      : syntax::Negotiation::Kind::Methods;
        n.methods = a.securityMethods;
        break;
    }
    return n;
}

} // namespace

QString IpsecCmdScriptWriter::write(const Snapshot &s)
{
    const PolicyDatabase &db = s.database;
    QStringList lines;
    lines << u"#!/bin/sh"_s
          << comment(tr("IPsec Policy Console snapshot of %1, taken %2 by version %3.")
                         .arg(s.host.name, s.created, s.programVersion))
          << comment(tr("Recreates the policies and rules with ipseccmd static mode; one line "
                        "per rule."))
          << u"set -e"_s;
    for (const Policy &p : db.policies) {
        lines << QString() << comment(tr("Policy \"%1\"").arg(p.name));
        if (!p.description.isEmpty())
            lines << comment(tr("Description: %1").arg(p.description));
        bool wroteRule = false;
        for (const Rule *r : db.rulesOf(p.id)) {
            if (r->defaultResponse) {
                lines << comment(tr("Default response rule: %1.")
                                     .arg(r->active ? tr("active") : tr("inactive")));
                continue;
            }
            const FilterList *l = db.filterList(r->filterListId);
            const FilterAction *a = db.filterAction(r->filterActionId);
            if (!l || !a)
                continue;
            if (!r->active) {
                lines << comment(tr("Rule \"%1\" is inactive; ipseccmd cannot create an "
                                    "inactive rule.")
                                     .arg(r->name));
                continue;
            }
            if (l->filters.isEmpty()) {
                lines << comment(tr("Rule \"%1\": its filter list \"%2\" is empty; ipseccmd "
                                    "needs filters.")
                                     .arg(r->name, l->name));
                continue;
            }
            lines << comment(tr("Rule \"%1\": filter list \"%2\", filter action \"%3\".")
                                 .arg(r->name, l->name, a->name));
            syntax::IpsecCmdCommand c;
            c.staticMode = true;
            c.storeType = u"REG"_s;
            c.policyName = p.name;
            c.pollingMinutes = p.pollingIntervalMinutes;
            for (const MainModeMethod &m : p.mainModeMethods)
                c.mainModeMethods << m.toString();
            QStringList rekey;
            if (p.quickModesPerMainMode > 0 && !p.mainModePfs)
                rekey << u"%1Q"_s.arg(p.quickModesPerMainMode);
            if (p.mainModeLifetimeSeconds != Policy::DefaultMainModeLifetimeSeconds)
                rekey << u"%1S"_s.arg(p.mainModeLifetimeSeconds);
            c.mainModeRekey = rekey.join(u'/');
            c.mainModePfs = p.mainModePfs;
            c.ruleNames = {r->name};
            for (const Filter &f : l->filters)
                c.filters << syntax::FilterSpec{f, syntax::FilterSpec::Wrap::None};
            c.negotiation = negotiationOf(*a);
            c.soft = a->type == FilterAction::Type::Negotiate && a->allowUnsecured;
            c.tunnel = r->tunnelEndpoint;
            c.connectionType = r->connectionType;
            c.authMethods = r->authMethods;
            lines << syntax::IpsecCmdPrinter::commandLine(c);
            wroteRule = true;
        }
        if (!wroteRule)
            lines << comment(tr("No rule of this policy can be written as an ipseccmd line."));
    }
    if (const Policy *assigned = db.assignedPolicy()) {
        syntax::IpsecCmdCommand c;
        c.staticMode = true;
        c.storeType = u"REG"_s;
        c.policyName = assigned->name;
        c.assign = true;
        lines << QString() << comment(tr("Assignment")) << syntax::IpsecCmdPrinter::commandLine(c);
    }
    if (!s.dynamicFilters.isEmpty()) {
        lines << QString()
              << comment(tr("Dynamic filters in force (lost at reboot); remove the # to add "
                            "them:"));
        for (const engine::DynamicFilter &d : s.dynamicFilters) {
            syntax::IpsecCmdCommand c;
            c.filters << syntax::FilterSpec{d.filter, syntax::FilterSpec::Wrap::None};
            syntax::Negotiation n;
            n.kind = d.action == FilterAction::Type::Block    ? syntax::Negotiation::Kind::Block
                     : d.action == FilterAction::Type::Permit ? syntax::Negotiation::Kind::Pass
                                                              : syntax::Negotiation::Kind::Methods;
            if (n.kind == syntax::Negotiation::Kind::Methods)
                n.methods = {SecurityMethod{}};
            c.negotiation = n;
            lines << u"# "_s + syntax::IpsecCmdPrinter::commandLine(c);
        }
    }
    if (s.kernel) {
        lines << QString() << comment(tr("Kernel entries enforced when the snapshot was taken:"));
        for (const QString &e : s.kernel->entries)
            lines << comment(u"  "_s + e);
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace ipsec
