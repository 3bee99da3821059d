#include "snapshot/HtmlReportWriter.h"

#include "snapshot/SnapshotJson.h"

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString yesNo(bool b)
{
    return b ? HtmlReportWriter::tr("Yes") : HtmlReportWriter::tr("No");
}

class Table {
public:
    explicit Table(const QStringList &headers)
    {
        m_html = u"<table>\n<thead><tr>"_s;
        for (const QString &h : headers)
            m_html += u"<th>"_s + esc(h) + u"</th>"_s;
        m_html += u"</tr></thead>\n<tbody>\n"_s;
    }
    void row(const QStringList &cells)
    {
        m_html += u"<tr>"_s;
        for (const QString &c : cells)
            m_html += u"<td>"_s + esc(c) + u"</td>"_s;
        m_html += u"</tr>\n"_s;
        ++m_rows;
    }
    QString html(const QString &empty) const
    {
        if (m_rows == 0)
            return u"<p class=\"none\">"_s + esc(empty) + u"</p>\n"_s;
        return m_html + u"</tbody>\n</table>\n"_s;
    }

private:
    QString m_html;
    int m_rows = 0;
};

QString port(quint16 p)
{
    return p ? QString::number(p) : HtmlReportWriter::tr("any");
}

QString authText(const QList<AuthMethod> &methods)
{
    QStringList out;
    for (const AuthMethod &m : methods)
        out << (m.kind == AuthMethod::Kind::PresharedKey ? u"PRESHARE:***"_s : m.toString());
    return out.join(u", "_s);
}

} // namespace

QString HtmlReportWriter::write(const Snapshot &s)
{
    const PolicyDatabase &db = s.database;
    const QString title = tr("IPsec policy snapshot of %1").arg(s.host.name);
    QString h;
    h += u"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"_s
         + esc(title) + u"</title>\n"_s;
    h += u"<style>\nbody{font-family:sans-serif;margin:2em;color:#222}\n"
         u"table{border-collapse:collapse;margin:0.5em 0 1.5em}\n"
         u"th,td{border:1px solid #999;padding:0.25em 0.6em;text-align:left;vertical-align:top}\n"
         u"th{background:#eee}\n.none{font-style:italic;color:#555}\n"
         u"dt{font-weight:bold;float:left;clear:left;width:12em}\n"
         u"dd{margin-left:13em;min-height:1.2em}\n"
         u"</style>\n</head>\n<body>\n"_s;
    h += u"<h1>"_s + esc(title) + u"</h1>\n<dl>\n"_s;
    // A missing value is said, never left empty: an empty <dd> has no height and the next
    // value would float up beside this field's name.
    const auto item = [&](const QString &k, const QString &v) {
        h += u"<dt>"_s + esc(k) + u"</dt>"_s
             + (v.trimmed().isEmpty() ? u"<dd class=\"none\">"_s + esc(tr("(none)"))
                                      : u"<dd>"_s + esc(v))
             + u"</dd>\n"_s;
    };
    const Policy *assigned = db.assignedPolicy();
    item(tr("Host"), s.host.name);
    item(tr("Taken"), s.created);
    item(tr("Program version"), s.programVersion);
    item(tr("Store"), s.host.storePath);
    item(tr("Network namespace"),
         s.host.netns.isEmpty() ? tr("(the machine's own)") : s.host.netns);
    item(tr("Scope"),
         s.scopePolicy.isEmpty() ? tr("the whole store") : tr("policy \"%1\"").arg(s.scopePolicy));
    item(tr("Assigned policy"), assigned ? assigned->name : tr("(none)"));
    h += u"</dl>\n"_s;

    h += u"<h2>"_s + esc(tr("Policies")) + u"</h2>\n"_s;
    if (db.policies.isEmpty())
        h += u"<p class=\"none\">"_s + esc(tr("No policies.")) + u"</p>\n"_s;
    for (const Policy &p : db.policies) {
        h += u"<h3>"_s + esc(p.name)
             + (p.assigned ? u" ("_s + esc(tr("assigned")) + u')' : QString()) + u"</h3>\n<dl>\n"_s;
        item(tr("Description"), p.description);
        item(tr("Polling interval"), tr("%n minute(s)", nullptr, p.pollingIntervalMinutes));
        item(tr("Last modified"),
             p.lastModified.isValid() ? p.lastModified.toUTC().toString(Qt::ISODate) : QString());
        item(tr("Guid"), p.guid.isNull() ? QString() : SnapshotJson::guid(p.guid));
        h += u"</dl>\n"_s;
        Table rules({tr("Rule"), tr("Active"), tr("Filter list"), tr("Filter action"),
                     tr("Tunnel endpoint"), tr("Connection type"), tr("Authentication"),
                     tr("Description")});
        for (const Rule *r : db.rulesOf(p.id)) {
            const FilterList *l = db.filterList(r->filterListId);
            const FilterAction *a = db.filterAction(r->filterActionId);
            rules.row({r->defaultResponse ? tr("Default response rule") : r->name, yesNo(r->active),
                       l ? l->name : QString(), a ? a->name : QString(),
                       r->tunnelEndpoint.isEmpty() ? tr("none (transport)") : r->tunnelEndpoint,
                       Rule::connectionTypeName(r->connectionType), authText(r->authMethods),
                       r->description});
        }
        h += rules.html(tr("No rules."));
    }

    h += u"<h2>"_s + esc(tr("Filter lists")) + u"</h2>\n"_s;
    if (db.filterLists.isEmpty())
        h += u"<p class=\"none\">"_s + esc(tr("No filter lists.")) + u"</p>\n"_s;
    for (const FilterList &l : db.filterLists) {
        h += u"<h3>"_s + esc(l.name) + u"</h3>\n"_s;
        if (!l.description.isEmpty())
            h += u"<p>"_s + esc(l.description) + u"</p>\n"_s;
        Table filters({tr("Source"), tr("Src Port"), tr("Destination"), tr("Dst Port"),
                       tr("Protocol"), tr("Mirrored"), tr("Description")});
        for (const Filter &f : l.filters)
            filters.row({f.source.toString(), port(f.sourcePort), f.destination.toString(),
                         port(f.destinationPort), f.protocol.name(), yesNo(f.mirrored),
                         f.description});
        h += filters.html(tr("No filters."));
    }

    h += u"<h2>"_s + esc(tr("Filter actions")) + u"</h2>\n"_s;
    Table actions({tr("Name"), tr("Action"), tr("Accept unsecured inbound"),
                   tr("Fall back to clear"), tr("Session key PFS"), tr("Security methods"),
                   tr("Description")});
    for (const FilterAction &a : db.filterActions) {
        QStringList methods;
        for (const SecurityMethod &m : a.securityMethods)
            methods << m.toString();
        actions.row({a.name, FilterAction::typeName(a.type), yesNo(a.inboundPassThrough),
                     yesNo(a.allowUnsecured), yesNo(a.sessionKeyPfs), methods.join(u", "_s),
                     a.description});
    }
    h += actions.html(tr("No filter actions."));

    h += u"<h2>"_s + esc(tr("Dynamic filters")) + u"</h2>\n"_s;
    Table dynamic({tr("Spec"), tr("Source"), tr("Src Port"), tr("Destination"), tr("Dst Port"),
                   tr("Protocol"), tr("Mirrored"), tr("Action")});
    for (const engine::DynamicFilter &d : s.dynamicFilters) {
        const Filter &f = d.filter;
        dynamic.row({d.label, f.source.toString(), port(f.sourcePort), f.destination.toString(),
                     port(f.destinationPort), f.protocol.name(), yesNo(f.mirrored),
                     FilterAction::typeName(d.action)});
    }
    h += dynamic.html(tr("No dynamic filters."));

    h += u"<h2>"_s + esc(tr("Kernel")) + u"</h2>\n"_s;
    if (!s.kernel) {
        h += u"<p class=\"none\">"_s
             + esc(tr("Not recorded (reading the kernel's IPsec policy needs root)."))
             + u"</p>\n"_s;
    } else {
        h += u"<p>"_s
             + esc(tr("%1 entries of this program, %2 of other programs; %3.")
                       .arg(s.kernel->entries.size())
                       .arg(s.kernel->foreignEntries)
                       .arg(s.kernel->inSync ? tr("in sync with the policy")
                                             : tr("NOT in sync with the policy")))
             + u"</p>\n"_s;
        if (!s.kernel->entries.isEmpty()) {
            h += u"<pre>"_s;
            for (const QString &e : s.kernel->entries)
                h += esc(e) + u'\n';
            h += u"</pre>\n"_s;
        }
    }
    h += u"</body>\n</html>\n"_s;
    return h;
}

} // namespace ipsec
