#include "vici/ConnectionBuilder.h"

#include "engine/Negotiation.h"

using namespace Qt::StringLiterals;

namespace ipsec::vici {

namespace {

QByteArray hashName(SecurityMethod::Hash h)
{
    switch (h) {
    case SecurityMethod::Hash::Md5:
        return "md5";
    case SecurityMethod::Hash::Sha1:
        return "sha1";
    case SecurityMethod::Hash::None:
        break;
    }
    return {};
}

QByteArray bytes(quint64 v)
{
    return QByteArray::number(v);
}

// "3des-sha1-modp1024" with another PFS group ("modp2048"); other offers as they are.
QByteArray withGroup(QByteArray proposal, const QByteArray &group)
{
    if (!group.isEmpty() && proposal.endsWith("-modp1024")) {
        proposal.chop(int(qstrlen("modp1024")));
        proposal += group;
    }
    return proposal;
}

} // namespace

QByteArray ConnectionBuilder::espProposal(const SecurityMethod &m, bool pfs)
{
    if (!m.esp)
        return {};
    QByteArray cipher;
    switch (m.espCipher) {
    case SecurityMethod::Cipher::None:
        cipher = "null";
        break;
    case SecurityMethod::Cipher::Des:
        cipher = "des";
        break;
    case SecurityMethod::Cipher::TripleDes:
        cipher = "3des";
        break;
    }
    // AH+ESP: strongSwan has no bundles; the AH hash protects through ESP's integrity instead.
    const QByteArray integrity =
        hashName(m.espHash == SecurityMethod::Hash::None && m.ah ? m.ahHash : m.espHash);
    if (integrity.isEmpty())
        return {}; // ESP without integrity: strongSwan refuses it
    QByteArray p = cipher + '-' + integrity;
    if (pfs || m.pfs)
        p += "-modp1024";
    return p;
}

QByteArray ConnectionBuilder::ahProposal(const SecurityMethod &m, bool pfs)
{
    if (!m.ah || m.esp)
        return {};
    QByteArray p = hashName(m.ahHash);
    if (pfs || m.pfs)
        p += "-modp1024";
    return p;
}

void ConnectionBuilder::add(ConnectionPlan &plan, const ConnectionOptions &options,
                            const Spec &spec)
{
    const QString &what = spec.what;
    const FilterAction &action = spec.action;
    // Authentication in the rule's order; Kerberos does not exist here.
    const AuthMethod *chosen = nullptr;
    for (const AuthMethod &a : spec.auth) {
        if (a.kind == AuthMethod::Kind::Kerberos) {
            plan.notices << tr("Kerberos authentication of %1 is not available on Linux: "
                               "skipped.")
                                .arg(what);
            continue;
        }
        if (a.isMasked()) {
            plan.notices << tr("The preshared key of %1 is not readable here: skipped.").arg(what);
            continue;
        }
        chosen = &a;
        break;
    }
    if (!chosen) {
        plan.notices << tr("%1 has no authentication method usable with strongSwan "
                           "(preshared key or certificate): it is not negotiated, and its "
                           "traffic passes only as its filter action allows without "
                           "security.")
                            .arg(what.left(1).toUpper() + what.mid(1));
        return;
    }
    QList<QByteArray> esp, ah;
    for (const SecurityMethod &m : action.securityMethods) {
        const QByteArray e = withGroup(espProposal(m, action.sessionKeyPfs), spec.pfsGroup);
        const QByteArray a = withGroup(ahProposal(m, action.sessionKeyPfs), spec.pfsGroup);
        if (!e.isEmpty() && !esp.contains(e))
            esp << e;
        else if (!a.isEmpty() && !ah.contains(a))
            ah << a;
        else if (e.isEmpty() && a.isEmpty())
            plan.notices << tr("Security method %1 of %2 cannot be negotiated by strongSwan "
                               "(ESP needs an integrity algorithm): skipped.")
                                .arg(m.toString(), what);
    }
    // The kernel template carries one protocol (engine/Negotiation.h): that of the first
    // method; offers of the other protocol could never satisfy it.
    const bool useAh = engine::Negotiation::of(action).ipsecProtocol == 51;
    if ((useAh && !esp.isEmpty()) || (!useAh && !ah.isEmpty()))
        plan.notices << tr("%1 mixes AH-only and ESP security methods: only the %2 ones "
                           "are offered.")
                            .arg(what.left(1).toUpper() + what.mid(1), useAh ? u"AH"_s : u"ESP"_s);
    const QList<QByteArray> offers = useAh ? ah : esp;
    if (offers.isEmpty()) {
        plan.notices << tr("%1 has no security method strongSwan can negotiate: it is not "
                           "negotiated.")
                            .arg(what.left(1).toUpper() + what.mid(1));
        return;
    }

    Connection c;
    c.name = spec.name;
    c.reqid = spec.reqid;
    c.ruleName = spec.ruleName;
    const QByteArray &name = spec.name;
    Element &conn = c.config.section(name);
    conn.add("version", QByteArray::number(options.ikeVersion));
    conn.addList("proposals", spec.ikeProposals);
    if (options.ikeVersion == 1) {
        conn.add("rekey_time", bytes(spec.ikeLifetimeSeconds) + 's');
    } else {
        conn.add("rekey_time", QByteArrayLiteral("0s"));
        conn.add("reauth_time", bytes(spec.ikeLifetimeSeconds) + 's');
    }
    Element &local = conn.section("local");
    Element &remote = conn.section("remote");
    if (chosen->kind == AuthMethod::Kind::PresharedKey) {
        local.add("auth", QByteArrayLiteral("psk"));
        remote.add("auth", QByteArrayLiteral("psk"));
        c.authentication = u"psk"_s;
        Message secret;
        secret.add("id", name);
        secret.add("type", QByteArrayLiteral("IKE"));
        secret.add("data", chosen->data.toUtf8());
        c.secret = std::move(secret);
    } else {
        local.add("auth", QByteArrayLiteral("pubkey"));
        if (!options.hostCertificates.isEmpty())
            local.addList("certs", options.hostCertificates);
        remote.add("auth", QByteArrayLiteral("pubkey"));
        c.publicKey = true;
        if (!chosen->data.isEmpty())
            remote.add("ca_id", chosen->data);
        if (!options.revocation.isEmpty())
            remote.add("revocation", options.revocation);
        c.authentication = tr("certificate (CA %1)").arg(chosen->data);
    }
    Element &child = conn.section("children").section(name);
    child.add("mode", QByteArrayLiteral("transport"));
    child.add("reqid", QByteArray::number(spec.reqid));
    // The kernel policies are the project's; charon only answers their ACQUIREs.
    child.add("policies", QByteArrayLiteral("no"));
    child.add("start_action", QByteArrayLiteral("trap"));
    child.addList(useAh ? "ah_proposals" : "esp_proposals", offers);
    const SecurityMethod &first = action.securityMethods.first();
    const quint32 seconds = first.lifetimeSeconds ? first.lifetimeSeconds : 3600;
    child.add("rekey_time", bytes(seconds) + 's');
    child.add("life_time", bytes(seconds + seconds / 10) + 's');
    if (first.lifetimeKBytes)
        child.add("rekey_bytes", bytes(quint64(first.lifetimeKBytes) * 1024));
    plan.connections << std::move(c);
}

ConnectionPlan ConnectionBuilder::build(const PolicyDatabase &db,
                                        const QList<engine::DynamicFilter> &dynamic,
                                        const ConnectionOptions &options)
{
    ConnectionPlan plan;
    // The assigned policy's main-mode methods (mmsecmethods, -1s), else the defaults.
    const Policy *assigned = db.assignedPolicy();
    const QList<MainModeMethod> &mainMode = assigned && !assigned->mainModeMethods.isEmpty()
                                                ? assigned->mainModeMethods
                                                : options.mainModeMethods;
    QList<QByteArray> ikeProposals;
    for (const MainModeMethod &m : mainMode)
        if (!ikeProposals.contains(m.toProposal()))
            ikeProposals << m.toProposal();
    // Key exchange settings (README "Negotiation"): Windows authenticates again and makes new
    // keys when the main mode's lifetime ends. IKEv1 SAs cannot be rekeyed: charon
    // reauthenticates at rekey_time; IKEv2 does the same at reauth_time. Master key PFS (a main
    // mode per quick mode) has no charon counterpart; closest: every CHILD_SA makes its own
    // Diffie-Hellman exchange, so no session key derives from the IKE SA's keys.
    const quint32 mainModeLifetime =
        assigned ? quint32(assigned->mainModeLifetimeSeconds) : options.mainModeLifetimeSeconds;
    const bool masterKeyPfs = assigned && assigned->mainModePfs;
    if (assigned && !masterKeyPfs && assigned->quickModesPerMainMode > 0)
        plan.notices << tr("Policy \"%1\" allows %2 quick modes per main mode: strongSwan has "
                           "no such limit; only the main mode lifetime starts a new main mode.")
                            .arg(assigned->name)
                            .arg(assigned->quickModesPerMainMode);

    if (const Policy *policy = db.assignedPolicy()) {
        for (const Rule *rule : db.rulesOf(policy->id)) {
            if (!rule->active || rule->defaultResponse)
                continue;
            const FilterAction *action = db.filterAction(rule->filterActionId);
            if (!action || action->type != FilterAction::Type::Negotiate
                || action->securityMethods.isEmpty())
                continue;
            if (!rule->tunnelEndpoint.isEmpty()) {
                plan.notices << tr("Rule \"%1\" is a tunnel rule: tunnels are not negotiated "
                                   "yet.")
                                    .arg(rule->name);
                continue;
            }
            Spec spec;
            spec.name = ConnectionPrefix.toByteArray() + "r" + QByteArray::number(rule->id);
            spec.reqid = engine::reqidForRule(rule->id);
            spec.action = *action;
            spec.action.sessionKeyPfs = action->sessionKeyPfs || masterKeyPfs;
            spec.auth = rule->authMethods;
            spec.what = tr("rule \"%1\"").arg(rule->name);
            spec.ruleName = rule->name;
            spec.ikeProposals = ikeProposals;
            spec.ikeLifetimeSeconds = mainModeLifetime;
            add(plan, options, spec);
        }
    }
    addDynamic(plan, dynamic, options);
    return plan;
}

void ConnectionBuilder::addDynamic(ConnectionPlan &plan,
                                   const QList<engine::DynamicFilter> &dynamic,
                                   const ConnectionOptions &options)
{
    const engine::DynamicIke none;
    const engine::DynamicIke &ike = options.dynamicIke ? *options.dynamicIke : none;
    bool unauthenticated = false;
    QList<quint32> done;
    for (const engine::DynamicFilter &d : dynamic) {
        if (d.action != FilterAction::Type::Negotiate)
            continue;
        const quint32 reqid = d.negotiation.reqid;
        if (!reqid || d.authMethods.isEmpty()) {
            unauthenticated = true;
            continue;
        }
        if (done.contains(reqid))
            continue; // the other half of the same rule
        done << reqid;
        const engine::DynamicMmPolicy *mm =
            d.mmPolicy.isEmpty() ? ike.defaultMmPolicy() : ike.mmPolicy(d.mmPolicy);
        const engine::DynamicQmPolicy *qm =
            d.qmPolicy.isEmpty() ? ike.defaultQmPolicy() : ike.qmPolicy(d.qmPolicy);
        const QString traffic =
            d.filter.source.toString() + u" -> "_s + d.filter.destination.toString();
        if (!d.mmPolicy.isEmpty() && !mm)
            plan.notices << tr("Dynamic rule %1 names main mode policy \"%2\", which no longer "
                               "exists: the default offers are used.")
                                .arg(traffic, d.mmPolicy);
        Spec spec;
        spec.name =
            ConnectionPrefix.toByteArray() + "d" + QByteArray::number(engine::kReqidBase - reqid);
        spec.reqid = reqid;
        spec.auth = d.authMethods;
        spec.what = tr("dynamic rule %1").arg(traffic);
        spec.ruleName = tr("dynamic %1").arg(traffic);
        const QList<MainModeMethod> &methods =
            mm && !mm->methods.isEmpty() ? mm->methods : options.mainModeMethods;
        for (const MainModeMethod &m : methods)
            if (!spec.ikeProposals.contains(m.toProposal()))
                spec.ikeProposals << m.toProposal();
        spec.ikeLifetimeSeconds =
            mm ? quint32(mm->lifetimeMinutes) * 60 : options.mainModeLifetimeSeconds;
        spec.action.type = FilterAction::Type::Negotiate;
        const engine::DynamicQmPolicy defaults;
        spec.action.securityMethods = (qm ? *qm : defaults).offers();
        spec.action.inboundPassThrough = qm && qm->inPass;
        spec.action.allowUnsecured = qm && qm->soft;
        using Pfs = engine::DynamicQmPolicy::Pfs;
        const Pfs pfs = qm ? qm->pfs : Pfs::None;
        spec.action.sessionKeyPfs = pfs != Pfs::None;
        const int group = pfs == Pfs::Group1                           ? 1
                          : pfs == Pfs::Group3                         ? 3
                          : pfs == Pfs::MainMode && !methods.isEmpty() ? methods.first().dhGroup
                                                                       : 2;
        spec.pfsGroup = group == 1 ? "modp768" : group == 3 ? "modp2048" : "modp1024";
        add(plan, options, spec);
    }
    if (unauthenticated)
        plan.notices << tr("Dynamic negotiate filters without authentication methods are not "
                           "negotiated (Require Security drops their traffic); give psk= or "
                           "rootca= in netsh ipsec dynamic add rule.");
}

} // namespace ipsec::vici
