#include "NetshShow.h"
#include "SaReport.h"

#include "TextTable.h"
#include "service/PolicyEdits.h"
#include "service/RuntimeState.h"
#include "snapshot/ModelJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace ipsec;
using C = syntax::NetshCommand;

namespace {

QString yesNo(bool b)
{
    return b ? u"YES"_s : u"NO"_s;
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? u"NONE"_s : s;
}

QString port(quint16 p)
{
    return p ? QString::number(p) : u"ANY"_s;
}

QString addressText(const Address &a)
{
    if (a.isMe())
        return NetshShow::tr("<My IP Address>");
    if (a.isAny())
        return NetshShow::tr("<Any IP Address>");
    if (a.isServer())
        return Address::serverDisplayName(a.serverType());
    return a.isLiteral() ? a.address().toString() : a.name();
}

QString maskText(const Address &a)
{
    if (!a.isLiteral())
        return a.isAny() ? u"0.0.0.0"_s : u"255.255.255.255"_s;
    return a.isIPv6() ? QString::number(a.prefixLength()) : a.netmask().toString();
}

bool named(const std::optional<QString> &wanted, const QString &name)
{
    return !wanted || wanted->compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

NetshShow::NetshShow(PolicyClient &client, QTextStream &out, bool json)
    : m_client(client)
    , m_out(out)
    , m_json(json)
{
}

void NetshShow::field(const QString &label, const QString &value)
{
    m_out << label.leftJustified(24) << ": " << value << '\n';
}

Result<void> NetshShow::show(const C &c)
{
    if (c.isDynamic())
        return showDynamic(c);
    auto loaded = m_client.load();
    if (!loaded)
        return loaded.error();
    const PolicyDatabase &db = loaded.value();
    const bool verbose = c.displayOptions.contains(u"level=verbose"_s);
    QJsonArray items;
    int shown = 0;
    const auto wants = [&](C::Object o) {
        return c.object == o || c.object == C::Object::All;
    };

    if (c.object == C::Object::Store) {
        if (m_json)
            items.append(
                QJsonObject{{u"location"_s, u"local"_s}, {u"path"_s, m_client.storePath()}});
        else
            m_out << tr("Local store: %1").arg(m_client.storePath()) << '\n';
        ++shown;
    }
    if (c.object == C::Object::GpoAssignedPolicy) {
        const Policy *p = db.assignedPolicy();
        if (m_json) {
            items.append(QJsonObject{{u"domainPolicy"_s, QJsonValue()},
                                     {u"localPolicy"_s, p ? QJsonValue(p->name) : QJsonValue()}});
        } else {
            m_out << tr("No domain (group policy) store: the local store is in effect.") << '\n';
            field(tr("Local Policy Assigned"), p ? p->name : tr("NONE"));
        }
        ++shown;
    }
    if (wants(C::Object::Policy)) {
        for (const Policy &p : db.policies) {
            if (!named(c.name, p.name))
                continue;
            ++shown;
            if (m_json)
                items.append(json::policy(p, db));
            else
                policy(p, db, verbose || c.object == C::Object::All);
        }
    }
    if (wants(C::Object::FilterList)) {
        // show filterlist rule=NAME [policy=P]: the list of that rule (of every policy that has
        // a rule of that name when no policy is given).
        QSet<qint64> ofRule;
        if (c.ruleName) {
            for (const Policy &p : db.policies) {
                if (!named(c.policy, p.name))
                    continue;
                for (const Rule *r : db.rulesOf(p.id))
                    if (!r->defaultResponse && named(c.ruleName, r->name))
                        ofRule.insert(r->filterListId);
            }
            if (ofRule.isEmpty())
                return Error::notFound(c.policy ? tr("Policy %1 has no rule named %2.")
                                                      .arg(PolicyEdits::quote(*c.policy),
                                                           PolicyEdits::quote(*c.ruleName))
                                                : tr("No policy has a rule named %1.")
                                                      .arg(PolicyEdits::quote(*c.ruleName)));
        }
        for (const FilterList &l : db.filterLists) {
            if (!named(c.name, l.name) || (c.ruleName && !ofRule.contains(l.id)))
                continue;
            ++shown;
            if (m_json)
                items.append(json::filterList(l));
            else
                filterList(l);
        }
    }
    if (wants(C::Object::FilterAction)) {
        for (const FilterAction &a : db.filterActions) {
            if (!named(c.name, a.name))
                continue;
            ++shown;
            if (m_json)
                items.append(json::filterAction(a));
            else
                filterAction(a);
        }
    }
    if (c.object == C::Object::Rule) {
        const bool onlyDefault = c.displayOptions.contains(u"default"_s);
        bool policyFound = false;
        int rulesOfPolicy = 0;
        for (const Policy &p : db.policies) {
            if (!named(c.policy, p.name))
                continue;
            policyFound = true;
            // Rule ids as netsh numbers them: the rules of the policy in order, 1-based, the
            // default response rule not counted (the id set rule and delete rule take).
            int id = 0;
            for (const Rule *r : db.rulesOf(p.id)) {
                if (!r->defaultResponse)
                    ++id;
                if (onlyDefault != r->defaultResponse || !named(c.name, r->name)
                    || (c.ruleId && (r->defaultResponse || *c.ruleId != id)))
                    continue;
                ++shown;
                if (m_json) {
                    QJsonObject o = json::rule(*r, db);
                    o.insert(u"policy"_s, p.name);
                    if (!r->defaultResponse)
                        o.insert(u"ruleId"_s, id);
                    items.append(o);
                } else {
                    field(tr("Policy Name"), p.name);
                    if (!r->defaultResponse)
                        field(tr("Rule ID"), QString::number(id));
                    rule(*r, db);
                }
            }
            rulesOfPolicy = id;
        }
        if (c.policy && !policyFound)
            return Error::notFound(
                tr("There is no policy named %1.").arg(PolicyEdits::quote(*c.policy)));
        if (c.ruleId && !shown)
            return Error::notFound(tr("Policy %1 has no rule %2 (it has %3).")
                                       .arg(PolicyEdits::quote(c.policy.value_or(QString())))
                                       .arg(*c.ruleId)
                                       .arg(rulesOfPolicy));
    }
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Indented));
        return {};
    }
    if (!shown) {
        if (c.name)
            return Error::notFound(tr("Nothing named \"%1\" to show.").arg(*c.name));
        m_out << tr("There is nothing to show.") << '\n';
    }
    return {};
}

void NetshShow::policy(const Policy &p, const PolicyDatabase &db, bool verbose)
{
    int rules = 0;
    const Rule *drr = nullptr;
    for (const Rule *r : db.rulesOf(p.id)) {
        if (r->defaultResponse)
            drr = r;
        else
            ++rules;
    }
    field(tr("Policy Name"), p.name);
    field(tr("Description"), orNone(p.description));
    field(tr("Last Modified"), p.lastModified.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s));
    field(tr("Assigned"), yesNo(p.assigned));
    field(tr("Polling Interval"), tr("%1 minutes").arg(p.pollingIntervalMinutes));
    // Windows prints the main-mode offers of the policy's IKE settings here.
    field(tr("MM Sec Methods"), MainModeMethod::listToString(p.mainModeMethods.isEmpty()
                                                                 ? MainModeMethod::windowsDefaults()
                                                                 : p.mainModeMethods));
    field(tr("Master PFS"), yesNo(p.mainModePfs));
    const QString lifetime = p.mainModeLifetimeSeconds % 60 == 0
                                 ? tr("%1 minutes").arg(p.mainModeLifetimeSeconds / 60)
                                 : tr("%1 seconds").arg(p.mainModeLifetimeSeconds);
    field(tr("Main Mode Life Time"),
          p.quickModesPerMainMode == 0
              ? tr("%1, no limit of quick mode sessions").arg(lifetime)
              : tr("%1, %2 quick mode sessions").arg(lifetime).arg(p.quickModesPerMainMode));
    field(tr("Default Response Rule"), drr && drr->active ? tr("Activated") : tr("Deactivated"));
    field(tr("No. of Rules"), QString::number(rules));
    m_out << '\n';
    if (!verbose)
        return;
    for (const Rule *r : db.rulesOf(p.id))
        if (!r->defaultResponse)
            rule(*r, db);
}

void NetshShow::rule(const Rule &r, const PolicyDatabase &db)
{
    const FilterList *list = db.filterList(r.filterListId);
    const FilterAction *action = db.filterAction(r.filterActionId);
    QStringList auth;
    for (const AuthMethod &m : r.authMethods)
        auth << (m.kind == AuthMethod::Kind::PresharedKey ? u"PRESHARE:***"_s : m.toString());
    field(tr("Rule Name"), r.defaultResponse ? tr("<Default Response Rule>") : r.name);
    field(tr("Description"), orNone(r.description));
    field(tr("Activated"), yesNo(r.active));
    if (!r.defaultResponse) {
        field(tr("Filter List"), list ? list->name : tr("<missing>"));
        field(tr("Filter Action"), action ? action->name : tr("<missing>"));
        field(tr("Tunnel Endpoint"), orNone(r.tunnelEndpoint));
        field(tr("Connection Type"), Rule::connectionTypeName(r.connectionType).toUpper());
    }
    field(tr("Authentication"), auth.join(u", "_s));
    m_out << '\n';
}

void NetshShow::filterList(const FilterList &l)
{
    field(tr("FilterList Name"), l.name);
    field(tr("Description"), orNone(l.description));
    field(tr("No. of Filters"), QString::number(l.filters.size()));
    for (const Filter &f : l.filters) {
        m_out << '\n';
        field(tr("  Description"), orNone(f.description));
        field(tr("  Mirrored"), yesNo(f.mirrored));
        field(tr("  Source IP Address"), addressText(f.source));
        field(tr("  Source Mask"), maskText(f.source));
        field(tr("  Destination IP Address"), addressText(f.destination));
        field(tr("  Destination Mask"), maskText(f.destination));
        field(tr("  Protocol"), f.protocol.name());
        field(tr("  Source Port"), port(f.sourcePort));
        field(tr("  Destination Port"), port(f.destinationPort));
    }
    m_out << '\n';
}

void NetshShow::filterAction(const FilterAction &a)
{
    field(tr("FilterAction Name"), a.name);
    field(tr("Description"), orNone(a.description));
    field(tr("Action"), FilterAction::typeName(a.type).toUpper());
    if (a.type == FilterAction::Type::Negotiate) {
        field(tr("QMPFS"), yesNo(a.sessionKeyPfs));
        field(tr("Inbound Passthru"), yesNo(a.inboundPassThrough));
        field(tr("AllowUnsecured"), yesNo(a.allowUnsecured));
        QStringList methods;
        for (const SecurityMethod &m : a.securityMethods)
            methods << m.toString();
        field(tr("Security Methods"), methods.join(u' '));
    }
    m_out << '\n';
}

Result<void> NetshShow::showDynamicIke(const C &c)
{
    auto ike = m_client.dynamicIke();
    if (!ike)
        return ike.error();
    const bool mainMode = c.object == C::Object::MmPolicy;
    const QJsonObject all = RuntimeState::ikeToJson(ike.value());
    if (c.object == C::Object::Config) {
        const engine::DynamicConfig &k = ike->config;
        if (m_json) {
            m_out << QString::fromUtf8(QJsonDocument(all.value(u"config"_s).toObject()).toJson());
            return {};
        }
        field(u"ipsecdiagnostics"_s, QString::number(k.ipsecDiagnostics));
        field(u"ikelogging"_s, QString::number(k.ikeLogging));
        field(u"strongcrlcheck"_s,
              QString::number(k.strongCrlCheck)
                  + (k.strongCrlCheck == 2 ? tr(" (charon revocation = strict)")
                                           : tr(" (charon revocation = relaxed)")));
        field(u"ipsecloginterval"_s, QString::number(k.ipsecLogInterval));
        field(u"ipsecexempt"_s, tr("3 (fixed here: only IKE is exempt)"));
        field(u"bootmode"_s, tr("none (the agent enforces the assigned policy when it starts)"));
        field(u"bootexemptions"_s, tr("none"));
        return {};
    }
    // name=X: that one, else all (show mmpolicy all, or no tag).
    const QString what = mainMode ? tr("main mode") : tr("quick mode");
    QJsonArray items;
    int shown = 0;
    // Each policy of the list that the name selects: its JSON object, or its name/default
    // block and then body(policy).
    const auto each = [&](const auto &policies, const QString &jsonKey, const auto &body) {
        const QJsonArray json = all.value(jsonKey).toArray();
        for (qsizetype i = 0; i < policies.size(); ++i) {
            const auto &p = policies[i];
            if (!named(c.name, p.name))
                continue;
            if (m_json) {
                items.append(json[i]);
                ++shown;
                continue;
            }
            if (shown++)
                m_out << '\n';
            field(mainMode ? tr("Main Mode Policy Name") : tr("Quick Mode Policy Name"), p.name);
            field(tr("Default Policy"), yesNo(p.isDefault));
            body(p);
        }
    };
    if (mainMode) {
        each(ike->mmPolicies, u"mmPolicies"_s, [&](const engine::DynamicMmPolicy &p) {
            field(tr("Soft SA Expiration Time"), QString::number(p.softSaExpirationSeconds));
            field(tr("QM Limit per MM"), QString::number(p.qmPerMm));
            field(tr("MM Lifetime"), tr("%1 min").arg(p.lifetimeMinutes));
            m_out << tr("Security Methods") << '\n';
            TextTable t({tr("Encryption"), tr("Integrity"), tr("DH Group")});
            for (const MainModeMethod &m : p.methods) {
                const QStringList parts = m.toString().split(u'-');
                t.addRow({parts.value(0), parts.value(1), parts.value(2)});
            }
            t.print(m_out);
        });
    } else {
        each(ike->qmPolicies, u"qmPolicies"_s, [&](const engine::DynamicQmPolicy &p) {
            field(tr("Soft"), yesNo(p.soft));
            field(tr("Inbound Passthru"), yesNo(p.inPass));
            field(tr("PFS Group"), engine::DynamicQmPolicy::pfsName(p.pfs));
            m_out << tr("Security Methods") << '\n';
            TextTable t({tr("Protocol"), tr("Encryption"), tr("Integrity"), tr("Lifetime (KB/s)")});
            for (const SecurityMethod &m : p.offers()) {
                const QString life = u"%1/%2"_s.arg(m.lifetimeKBytes).arg(m.lifetimeSeconds);
                if (m.ah)
                    t.addRow({u"AH"_s, QString(), SecurityMethod::hashName(m.ahHash), life});
                if (m.esp)
                    t.addRow({u"ESP"_s, SecurityMethod::cipherName(m.espCipher),
                              SecurityMethod::hashName(m.espHash), life});
            }
            t.print(m_out);
        });
    }
    if (c.name && !shown)
        return Error::notFound(
            tr("There is no dynamic %1 policy named \"%2\".").arg(what, *c.name));
    if (m_json)
        m_out << QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Indented));
    else if (!shown)
        m_out << (mainMode ? tr("No dynamic main mode policies.")
                           : tr("No dynamic quick mode policies."))
              << '\n';
    return {};
}

Result<void> NetshShow::showDynamic(const C &c)
{
    // charon's SAs (issue 14); main-mode and quick-mode policies are the IKE daemon's.
    if (c.object == C::Object::MmSas || c.object == C::Object::QmSas) {
        if (m_json)
            m_out << QString::fromUtf8(QJsonDocument(SaReport::json()).toJson());
        else
            SaReport::print(m_out, c.object == C::Object::MmSas, c.object == C::Object::QmSas);
        return {};
    }
    if (c.object == C::Object::Stats) {
        QJsonObject stats{{u"ike"_s, SaReport::countsJson()}};
        auto view = m_client.isEnforcing() ? m_client.kernelView()
                                           : Result<KernelView>(Error::usage(QString()));
        if (m_json) {
            if (view) {
                QJsonObject counters;
                for (const auto &[name, value] : view->counters)
                    counters.insert(name, qint64(value));
                stats.insert(u"kernelCounters"_s, counters);
            }
            m_out << QString::fromUtf8(QJsonDocument(stats).toJson());
            return {};
        }
        SaReport::counts(m_out);
        if (view && !view->counters.empty()) {
            m_out << '\n' << tr("Kernel IPsec statistics (/proc/net/xfrm_stat):") << '\n';
            for (const auto &[name, value] : view->counters)
                field(name, QString::number(value));
        }
        return {};
    }
    if (c.object == C::Object::MmPolicy || c.object == C::Object::QmPolicy
        || c.object == C::Object::Config)
        return showDynamicIke(c);
    auto dyn = m_client.dynamicFilters();
    if (!dyn)
        return dyn.error();
    if (m_json) {
        QJsonArray items;
        for (const auto &d : dyn.value()) {
            QJsonObject o = json::filter(d.filter);
            o.insert(u"action"_s, FilterAction::typeName(d.action).toLower());
            o.insert(u"spec"_s, d.label);
            if (!d.mmPolicy.isEmpty())
                o.insert(u"mmPolicy"_s, d.mmPolicy);
            if (!d.qmPolicy.isEmpty())
                o.insert(u"qmPolicy"_s, d.qmPolicy);
            QJsonArray auth;
            for (const AuthMethod &a : d.authMethods)
                auth.append(a.masked().toString());
            if (!auth.isEmpty())
                o.insert(u"authentication"_s, auth);
            items.append(o);
        }
        m_out << QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Indented));
        return {};
    }
    if (dyn->isEmpty()) {
        m_out << tr("No dynamic rules.") << '\n';
    } else {
        // The negotiation columns only when a rule names policies or authentication.
        const bool negotiation = std::any_of(dyn->cbegin(), dyn->cend(), [](const auto &d) {
            return !d.mmPolicy.isEmpty() || !d.qmPolicy.isEmpty() || !d.authMethods.isEmpty();
        });
        QStringList header{tr("Source"),   tr("Destination"), tr("Protocol"), tr("Src Port"),
                           tr("Dst Port"), tr("Mirrored"),    tr("Action")};
        if (negotiation)
            header << tr("MM Policy") << tr("QM Policy") << tr("Authentication");
        TextTable t(header);
        for (const auto &d : dyn.value()) {
            const Filter &f = d.filter;
            const auto text = [](const Address &a) {
                return a.isServer() ? Address::serverKeywordOf(a.serverType()) : a.toString();
            };
            QStringList row{text(f.source),
                            text(f.destination),
                            f.protocol.name(),
                            port(f.sourcePort),
                            port(f.destinationPort),
                            yesNo(f.mirrored),
                            FilterAction::typeName(d.action).toUpper()};
            if (negotiation) {
                QStringList auth;
                for (const AuthMethod &a : d.authMethods)
                    auth << a.masked().toString();
                row << orNone(d.mmPolicy) << orNone(d.qmPolicy) << orNone(auth.join(u' '));
            }
            t.addRow(row);
        }
        t.print(m_out);
    }
    if (c.object == C::Object::All && m_client.isEnforcing()) {
        if (auto view = m_client.kernelView())
            m_out << '\n'
                  << tr("Kernel: %1 entries of this tool, %2 of other tools; %3.")
                         .arg(view->owned.size())
                         .arg(view->foreign.size())
                         .arg(view->inSync() ? tr("in sync") : tr("NOT in sync"))
                  << '\n';
    }
    return {};
}
