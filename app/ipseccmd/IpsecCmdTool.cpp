#include "IpsecCmdTool.h"

#include "ConfirmationRecord.h"
#include "DirectoryClient.h"
#include "IpseccmdHelp.h"
#include "SaReport.h"
#include "SnapshotTool.h"
#include "TextTable.h"
#include "client/ClientFactory.h"
#include "snapshot/ModelJson.h"
#include "syntax/IpsecCmd.h"
#include "vici/SaList.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace ipsec;

IpsecCmdTool::IpsecCmdTool(CliOptions options, CliIo io, QString program)
    : m_options(std::move(options))
    , m_io(io)
    , m_program(std::move(program))
{
}

int IpsecCmdTool::fail(const Error &e)
{
    m_io.err << m_program << ": " << e.message << '\n';
    if (e.code == ErrorCode::Usage)
        m_io.err << tr("Try '%1 --help' for more information.").arg(m_program) << '\n';
    return int(e.code);
}

void IpsecCmdTool::printUsage()
{
    m_io.out << IpseccmdHelp::ipseccmd(m_program).text();
}

Result<std::unique_ptr<PolicyClient>> IpsecCmdTool::openClient(bool readOnly)
{
    return ClientFactory::open(Cli::clientOptions(m_options, readOnly));
}

int IpsecCmdTool::report(const Result<ServiceReport> &r)
{
    if (!r)
        return fail(r.error());
    for (const QString &m : r->messages)
        m_io.out << m << '\n';
    for (const QString &c : r->ipCommands)
        m_io.out << c << '\n';
    for (const QString &n : r->notices)
        m_io.err << tr("note: %1").arg(n) << '\n';
    return 0;
}

int IpsecCmdTool::run(const QStringList &args)
{
    if ((m_options.help && !args.startsWith(u"snapshot"_s)) || args.isEmpty()
        || (args.size() == 1 && (args.first() == u"-?"_s || args.first() == u"/?"_s))) {
        printUsage();
        return args.isEmpty() && !m_options.help ? int(ErrorCode::Usage) : 0;
    }
    // Native subcommands (no Windows equivalent).
    const QString first = args.first().toLower();
    if (first == u"snapshot"_s)
        return SnapshotTool(m_options, m_io, m_program,
                            [this](bool readOnly) { return openClient(readOnly); })
            .run(args.mid(1));
    if (first == u"names"_s)
        return names(args.mid(1));
    if (first == u"refresh"_s)
        return refresh(args.mid(1));
    if (first == u"emergency-unassign"_s || first == u"reassign"_s || first == u"confirm"_s) {
        if (args.size() > 1)
            return fail(Error::usage(tr("%1 takes no arguments.").arg(first)));
        if (first == u"confirm"_s)
            return confirm();
        // Through the agent when it answers; when it hangs, this process does it (root).
        const ClientOptions options = Cli::clientOptions(m_options, false);
        if (first == u"emergency-unassign"_s)
            return report(ClientFactory::emergencyUnassign(options));
        // Re-assigning is a change like any other (SSH guard, --confirm-within); without a
        // store the recorded kernel entries come back as they were.
        auto client = openClient(false);
        if (!client)
            return report(ClientFactory::reassign(options, changeOptions()));
        (*client)->setChangeOptions(changeOptions());
        return finishChange(**client, (*client)->reassign());
    }

    auto parsed = syntax::IpsecCmdParser::parse(args);
    if (!parsed)
        return fail(parsed.error());
    const syntax::IpsecCmdCommand &command = parsed.value();
    if (command.help) {
        printUsage();
        return 0;
    }
    if (!command.show.isEmpty())
        return show(command.show);

    const bool directory =
        command.staticMode && command.storeType.compare(u"DS", Qt::CaseInsensitive) == 0;
    auto service =
        directory ? DirectoryClient::open(m_options, command.storeDomain) : openClient(false);
    if (!service)
        return fail(service.error());
    (*service)->setChangeOptions(changeOptions());
    if (command.staticMode)
        return finishChange(**service, (*service)->executeStatic(command));
    return finishChange(**service, (*service)->executeDynamic(command));
}

ChangeOptions IpsecCmdTool::changeOptions() const
{
    return Cli::changeOptions(m_options);
}

int IpsecCmdTool::finishChange(PolicyClient &service, const Result<ServiceReport> &r)
{
    const int rc = report(r);
    if (rc != 0)
        return rc;
    return Cli::awaitConfirmation(service, m_options, m_program, m_io);
}

int IpsecCmdTool::confirm()
{
    auto service = openClient(true);
    if (!service)
        return fail(service.error());
    if ((*service)->backend() == PolicyClient::Backend::Agent)
        return report((*service)->confirm());
    // In-process, the change waits in the ipseccmd that made it.
    return report(ConfirmationRecord(m_options.netns).confirmWaiting());
}

int IpsecCmdTool::names(const QStringList &kinds)
{
    static const QStringList known{u"policies"_s, u"filterlists"_s, u"filteractions"_s, u"rules"_s};
    if (kinds.size() != 1 || !known.contains(kinds.first().toLower()))
        return fail(
            Error::usage(tr("names takes one of: policies, filterlists, filteractions, rules.")));
    auto service = openClient(true);
    if (!service)
        return fail(service.error());
    auto db = (*service)->load();
    if (!db)
        return fail(db.error());
    const QString kind = kinds.first().toLower();
    QStringList out;
    if (kind == u"policies"_s)
        for (const Policy &p : db->policies)
            out << p.name;
    else if (kind == u"filterlists"_s)
        for (const FilterList &l : db->filterLists)
            out << l.name;
    else if (kind == u"filteractions"_s)
        for (const FilterAction &a : db->filterActions)
            out << a.name;
    else
        for (const Rule &r : db->rules)
            if (!r.defaultResponse)
                out << r.name;
    out.removeDuplicates();
    for (const QString &name : std::as_const(out))
        m_io.out << name << '\n';
    return 0;
}

int IpsecCmdTool::show(const QStringList &what)
{
    auto service = openClient(true);
    if (!service)
        return fail(service.error());
    auto db = (*service)->load();
    if (!db)
        return fail(db.error());
    const bool all = what.contains(u"all"_s, Qt::CaseInsensitive);
    const auto wants = [&](const QString &k) {
        return all || what.contains(k, Qt::CaseInsensitive);
    };

    if (m_options.json) {
        QJsonObject root;
        root.insert(u"store"_s, (*service)->storePath());
        root.insert(u"revision"_s, db->revision);
        root.insert(u"enforcing"_s, (*service)->isEnforcing());
        root.insert(u"policySource"_s, (*service)->policySource().toJson());
        if (wants(u"policies"_s))
            root.insert(u"policies"_s, json::policies(*db));
        if (wants(u"filters"_s)) {
            root.insert(u"filters"_s, json::assignedFilters(*db));
            QJsonArray dynamic;
            if (auto dyn = (*service)->dynamicFilters()) {
                for (const auto &d : dyn.value()) {
                    QJsonObject o = json::filter(d.filter);
                    o.insert(u"action"_s, FilterAction::typeName(d.action).toLower());
                    o.insert(u"spec"_s, d.label);
                    dynamic.append(o);
                }
            }
            root.insert(u"dynamicFilters"_s, dynamic);
        }
        if (wants(u"sas"_s)) {
            root.insert(u"ike"_s, SaReport::json());
        }
        if (wants(u"stats"_s))
            root.insert(u"ikeCounts"_s, SaReport::countsJson());
        if ((wants(u"filters"_s) || wants(u"stats"_s)) && (*service)->isEnforcing()) {
            if (auto view = (*service)->kernelView()) {
                QJsonObject k;
                k.insert(u"owned"_s, view->owned.size());
                k.insert(u"foreign"_s, view->foreign.size());
                k.insert(u"inSync"_s, view->inSync());
                QJsonObject counters;
                for (const auto &[name, value] : view->counters)
                    counters.insert(name, qint64(value));
                k.insert(u"counters"_s, counters);
                k.insert(u"backend"_s, view->backend);
                k.insert(u"nftMissing"_s, QJsonArray::fromStringList(view->nftMissing));
                k.insert(u"nftExtra"_s, QJsonArray::fromStringList(view->nftExtra));
                QJsonArray hits;
                for (const QString &line : view->nftHits) {
                    const QStringList parts = line.split(u'\t');
                    hits.append(QJsonObject{{u"packets"_s, parts.value(0).toLongLong()},
                                            {u"element"_s, parts.value(1)},
                                            {u"rules"_s, parts.value(2)}});
                }
                k.insert(u"nftHits"_s, hits);
                k.insert(u"nftRules"_s, view->nftRules);
                k.insert(u"nftElements"_s, view->nftElements);
                root.insert(u"kernel"_s, k);
            }
        }
        m_io.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return 0;
    }
    bool first = true;
    const auto section = [&](const QString &title) {
        if (!first)
            m_io.out << '\n';
        first = false;
        m_io.out << title << '\n' << QString(title.size(), u'=') << "\n\n";
    };
    if (wants(u"policies"_s)) {
        section(tr("Policies"));
        showPolicies(*db);
        // A domain policy overrides the local assignment: say so under the local store's list.
        if (const PolicySourceStatus source = (*service)->policySource();
            source.source != PolicySourceStatus::Source::Local)
            m_io.out << '\n'
                     << tr("Policy source: %1").arg(source.sourceKey()) << '\n'
                     << source.describe() << '\n';
    }
    if (wants(u"filters"_s)) {
        section(tr("Filters"));
        showFilters(*db);
        showDynamic(**service);
    }
    if (wants(u"auth"_s)) {
        section(tr("Authentication methods"));
        const Policy *assigned = db->assignedPolicy();
        if (!assigned) {
            m_io.out << tr("No policy is assigned.") << '\n';
        } else {
            TextTable t({tr("Rule"), tr("Authentication methods")});
            for (const Rule *r : db->rulesOf(assigned->id)) {
                QStringList methods;
                for (const AuthMethod &m : r->authMethods)
                    methods << (m.kind == AuthMethod::Kind::PresharedKey ? u"PRESHARE:***"_s
                                                                         : m.toString());
                t.addRow({r->name, methods.join(u", "_s)});
            }
            t.print(m_io.out);
        }
    }
    if (wants(u"stats"_s) || wants(u"filters"_s)) {
        if (wants(u"stats"_s))
            section(tr("Statistics"));
        showKernel(**service, wants(u"stats"_s));
        if (wants(u"stats"_s))
            SaReport::counts(m_io.out);
    }
    if (wants(u"sas"_s)) {
        section(tr("Security associations"));
        showSas();
    }
    return 0;
}

void IpsecCmdTool::showSas()
{
    SaReport::print(m_io.out, true, true);
}

void IpsecCmdTool::showDynamic(PolicyClient &service)
{
    auto dyn = service.dynamicFilters();
    if (!dyn) {
        m_io.out << '\n' << dyn.error().message << '\n';
        return;
    }
    if (dyn->isEmpty())
        return;
    m_io.out << '\n' << tr("Dynamic filters (until reboot or ipseccmd -u):") << "\n\n";
    TextTable t({tr("Spec"), tr("Source"), tr("Src Port"), tr("Destination"), tr("Dst Port"),
                 tr("Protocol"), tr("Mirrored"), tr("Action")});
    for (const auto &d : dyn.value()) {
        const Filter &f = d.filter;
        t.addRow(
            {d.label, f.source.toString(), f.sourcePort ? QString::number(f.sourcePort) : tr("any"),
             f.destination.toString(),
             f.destinationPort ? QString::number(f.destinationPort) : tr("any"), f.protocol.name(),
             f.mirrored ? tr("Yes") : tr("No"), FilterAction::typeName(d.action)});
    }
    t.print(m_io.out);
}

void IpsecCmdTool::showKernel(PolicyClient &service, bool counters)
{
    if (!service.isEnforcing()) {
        m_io.out << '\n'
                 << tr("Kernel: not shown (reading the kernel's IPsec policy needs root).") << '\n';
        return;
    }
    auto view = service.kernelView();
    if (!view) {
        m_io.out << '\n' << tr("Kernel: %1").arg(view.error().message) << '\n';
        return;
    }
    m_io.out << '\n'
             << tr("Kernel: %1 entries of this tool, %2 of other tools; %3.")
                    .arg(view->owned.size())
                    .arg(view->foreign.size())
                    .arg(view->inSync() ? tr("in sync with the policy")
                                        : tr("NOT in sync: %1 missing, %2 unexpected")
                                              .arg(view->missing.size() + view->nftMissing.size())
                                              .arg(view->extra.size() + view->nftExtra.size()))
             << '\n';
    if (view->backend == u"nft"_s)
        m_io.out << tr("Kernel: nftables table inet ipsec_console with %1 rules and %2 set "
                       "elements holds the block and permit filters; XFRM holds the negotiate "
                       "filters.")
                        .arg(view->nftRules)
                        .arg(view->nftElements)
                 << '\n';
    for (const QString &line : view->nftMissing)
        m_io.out << tr("Missing from the nftables table: %1").arg(line) << '\n';
    for (const QString &line : view->nftExtra)
        m_io.out << tr("Unexpected in the nftables table: %1").arg(line) << '\n';
    if (!counters)
        return;
    if (!view->nftHits.isEmpty()) {
        // Which filter dropped (or let through) how many packets: Windows never showed this.
        TextTable hits({tr("Packets"), tr("nftables element"), tr("Rules")});
        for (const QString &line : view->nftHits) {
            const QStringList parts = line.split(u'\t');
            hits.addRow({parts.value(0), parts.value(1), parts.value(2)});
        }
        m_io.out << '\n';
        hits.print(m_io.out);
    }
    if (view->counters.empty()) {
        m_io.out << tr("The kernel keeps no IPsec statistics (CONFIG_XFRM_STATISTICS is off).")
                 << '\n';
        return;
    }
    TextTable t({tr("Counter"), tr("Value")});
    for (const auto &[name, value] : view->counters)
        t.addRow({name, QString::number(value)});
    m_io.out << '\n';
    t.print(m_io.out);
}

void IpsecCmdTool::showPolicies(const PolicyDatabase &db)
{
    TextTable t(
        {tr("Name"), tr("Description"), tr("Policy Assigned"), tr("Last Modified"), tr("Rules")});
    for (const Policy &p : db.policies) {
        int rules = 0;
        for (const Rule *r : db.rulesOf(p.id))
            rules += r->defaultResponse ? 0 : 1;
        QString description = p.description;
        if (description.size() > 40)
            description = description.left(39) + u'…';
        t.addRow({p.name, description, p.assigned ? tr("Yes") : tr("No"),
                  p.lastModified.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                  QString::number(rules)});
    }
    t.print(m_io.out);
}

void IpsecCmdTool::showFilters(const PolicyDatabase &db)
{
    const Policy *assigned = db.assignedPolicy();
    if (!assigned) {
        m_io.out << tr("No policy is assigned.") << '\n';
        return;
    }
    m_io.out << tr("Assigned policy: %1").arg(assigned->name) << "\n\n";
    TextTable t({tr("Rule"), tr("Source"), tr("Src Port"), tr("Destination"), tr("Dst Port"),
                 tr("Protocol"), tr("Mirrored"), tr("Action")});
    for (const EnforcedRule &e : db.enforcedRulesOf(assigned->id)) {
        for (const Filter &f : e.filterList->filters) {
            t.addRow({e.rule->name, f.source.toString(),
                      f.sourcePort ? QString::number(f.sourcePort) : tr("any"),
                      f.destination.toString(),
                      f.destinationPort ? QString::number(f.destinationPort) : tr("any"),
                      f.protocol.name(), f.mirrored ? tr("Yes") : tr("No"),
                      FilterAction::typeName(e.filterAction->type)});
        }
    }
    if (t.isEmpty())
        m_io.out << tr("The assigned policy has no active filters.") << '\n';
    else
        t.print(m_io.out);
}

int IpsecCmdTool::refresh(const QStringList &args)
{
    // The switches of the Windows commands, with / or -, any case. Only the computer's policy
    // exists here (IPsec policy is computer configuration).
    const bool gpupdate = m_program == u"gpupdate"_s;
    const bool secedit = m_program == u"secedit"_s;
    bool machinePolicy = false;
    bool refreshSwitch = false;
    for (const QString &arg : args) {
        QString a = arg.toLower();
        if (a.startsWith(u'-'))
            a[0] = u'/';
        const bool ok =
            (gpupdate
             && (a == u"/force"_s || a == u"/target:computer"_s || a.startsWith(u"/wait:"_s)))
            || (secedit && (a == u"/refreshpolicy"_s || a == u"/enforce"_s))
            || (secedit && a == u"machine_policy"_s && !machinePolicy);
        if (secedit && a == u"machine_policy"_s)
            machinePolicy = true;
        if (secedit && a == u"/refreshpolicy"_s)
            refreshSwitch = true;
        if (!ok) {
            if (a == u"/target:user"_s || a == u"user_policy"_s)
                return fail(Error::usage(tr("\"%1\": IPsec policy is computer policy; only the "
                                            "computer's policy can be fetched.")
                                             .arg(arg)));
            return fail(Error::usage(
                gpupdate ? tr("\"%1\" is not a switch of gpupdate here: use gpupdate [/force] "
                              "[/target:computer] [/wait:SECONDS].")
                               .arg(arg)
                : secedit ? tr("\"%1\" is not understood: use secedit /refreshpolicy "
                               "machine_policy [/enforce].")
                                .arg(arg)
                          : tr("refresh takes no arguments.")));
        }
    }
    if (secedit && (!machinePolicy || !refreshSwitch))
        return fail(Error::usage(tr("Use secedit /refreshpolicy machine_policy [/enforce].")));
    auto client = openClient(false);
    if (!client)
        return fail(client.error());
    (*client)->setChangeOptions(changeOptions());
    if (gpupdate)
        m_io.out << tr("Updating policy...") << "\n\n";
    const int rc = report((*client)->refreshPolicy());
    if (rc == 0 && gpupdate)
        m_io.out << tr("Computer Policy update has completed successfully.") << '\n';
    return rc;
}
