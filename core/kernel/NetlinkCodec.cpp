#include "kernel/NetlinkCodec.h"

#include <arpa/inet.h>
#include <cstring>
#include <sys/socket.h>

namespace ipsec::kernel::netlink {

namespace {

int addressFamily(SpdSelector::Family family)
{
    return family == SpdSelector::Family::IPv6 ? AF_INET6 : AF_INET;
}

int addressLength(SpdSelector::Family family)
{
    return family == SpdSelector::Family::IPv6 ? 16 : 4;
}

void readAddress(nl_addr *addr, std::array<quint8, 16> &out)
{
    out.fill(0);
    if (!addr)
        return;
    const unsigned len = qMin(nl_addr_get_len(addr), 16u);
    std::memcpy(out.data(), nl_addr_get_binary_addr(addr), len);
}

void fillSelector(const SpdSelector &s, xfrm_selector &sel)
{
    std::memset(&sel, 0, sizeof sel);
    std::memcpy(&sel.saddr, s.source.data(), size_t(addressLength(s.family)));
    std::memcpy(&sel.daddr, s.destination.data(), size_t(addressLength(s.family)));
    sel.sport = htons(s.sourcePort);
    sel.sport_mask = htons(s.sourcePortMask);
    sel.dport = htons(s.destinationPort);
    sel.dport_mask = htons(s.destinationPortMask);
    sel.family = quint16(addressFamily(s.family));
    sel.prefixlen_s = s.sourcePrefix;
    sel.prefixlen_d = s.destinationPrefix;
    sel.proto = s.protocol;
    sel.ifindex = s.interfaceIndex;
}

// A transport-mode template with wildcard addresses and every algorithm allowed, as
// `ip xfrm policy add … tmpl proto esp mode transport` writes it.
bool addTemplate(xfrmnl_sp *sp, const SpdTemplate &t, SpdSelector::Family family)
{
    xfrmnl_user_tmpl *tmpl = xfrmnl_user_tmpl_alloc();
    if (!tmpl)
        return false;
    const int af = addressFamily(family);
    const std::array<quint8, 16> zero{};
    const auto len = size_t(addressLength(family));
    nl_addr *daddr = nl_addr_build(af, zero.data(), len);
    nl_addr *saddr = nl_addr_build(af, zero.data(), len);
    if (!daddr || !saddr) {
        if (daddr)
            nl_addr_put(daddr);
        if (saddr)
            nl_addr_put(saddr);
        xfrmnl_user_tmpl_free(tmpl);
        return false;
    }
    xfrmnl_user_tmpl_set_daddr(tmpl, daddr); // takes its own reference
    xfrmnl_user_tmpl_set_saddr(tmpl, saddr);
    nl_addr_put(daddr);
    nl_addr_put(saddr);
    xfrmnl_user_tmpl_set_family(tmpl, unsigned(af));
    xfrmnl_user_tmpl_set_proto(tmpl, t.protocol);
    xfrmnl_user_tmpl_set_spi(tmpl, 0);
    xfrmnl_user_tmpl_set_reqid(tmpl, t.reqid);
    xfrmnl_user_tmpl_set_mode(tmpl, XFRM_MODE_TRANSPORT);
    xfrmnl_user_tmpl_set_optional(tmpl, t.optional ? 1 : 0);
    xfrmnl_user_tmpl_set_aalgos(tmpl, ~0u);
    xfrmnl_user_tmpl_set_ealgos(tmpl, ~0u);
    xfrmnl_user_tmpl_set_calgos(tmpl, ~0u);
    xfrmnl_sp_add_usertemplate(sp, tmpl); // the policy owns it from here
    return true;
}

} // namespace

SpPtr toLibnl(const SpdEntry &entry)
{
    const SpdSelector &s = entry.selector;
    SpPtr sp(xfrmnl_sp_alloc());
    if (!sp)
        return {};

    xfrmnl_sel *sel = xfrmnl_sel_alloc();
    const int family = addressFamily(s.family);
    const auto len = size_t(addressLength(s.family));
    nl_addr *src = nl_addr_build(family, s.source.data(), len);
    nl_addr *dst = nl_addr_build(family, s.destination.data(), len);
    if (!sel || !src || !dst) {
        if (sel)
            xfrmnl_sel_put(sel);
        if (src)
            nl_addr_put(src);
        if (dst)
            nl_addr_put(dst);
        return {};
    }
    nl_addr_set_prefixlen(src, s.sourcePrefix);
    nl_addr_set_prefixlen(dst, s.destinationPrefix);
    xfrmnl_sel_set_saddr(sel, src); // takes its own reference
    xfrmnl_sel_set_daddr(sel, dst);
    nl_addr_put(src);
    nl_addr_put(dst);
    xfrmnl_sel_set_family(sel, unsigned(family));
    xfrmnl_sel_set_prefixlen_s(sel, s.sourcePrefix);
    xfrmnl_sel_set_prefixlen_d(sel, s.destinationPrefix);
    xfrmnl_sel_set_proto(sel, s.protocol);
    xfrmnl_sel_set_sport(sel, s.sourcePort);
    xfrmnl_sel_set_sportmask(sel, s.sourcePortMask);
    xfrmnl_sel_set_dport(sel, s.destinationPort);
    xfrmnl_sel_set_dportmask(sel, s.destinationPortMask);
    xfrmnl_sel_set_ifindex(sel, unsigned(s.interfaceIndex));
    xfrmnl_sp_set_sel(sp.get(), sel); // takes its own reference
    xfrmnl_sel_put(sel);

    if (xfrmnl_ltime_cfg *lft = xfrmnl_ltime_cfg_alloc()) {
        xfrmnl_ltime_cfg_set_soft_bytelimit(lft, XFRM_INF);
        xfrmnl_ltime_cfg_set_hard_bytelimit(lft, XFRM_INF);
        xfrmnl_ltime_cfg_set_soft_packetlimit(lft, XFRM_INF);
        xfrmnl_ltime_cfg_set_hard_packetlimit(lft, XFRM_INF);
        xfrmnl_sp_set_lifetime_cfg(sp.get(), lft);
        xfrmnl_ltime_cfg_put(lft);
    }

    for (const SpdTemplate &t : entry.templates) {
        if (!addTemplate(sp.get(), t, s.family))
            return {};
    }

    xfrmnl_sp_set_dir(sp.get(), unsigned(entry.direction));
    xfrmnl_sp_set_action(sp.get(), unsigned(entry.action));
    xfrmnl_sp_set_priority(sp.get(), entry.priority);
    xfrmnl_sp_set_flags(sp.get(), entry.flags);
    xfrmnl_sp_set_userpolicy_type(sp.get(), unsigned(entry.policyType));
    if (entry.mark)
        xfrmnl_sp_set_mark(sp.get(), entry.mark->value, entry.mark->mask);
    return sp;
}

SpdEntry fromLibnl(xfrmnl_sp *sp)
{
    SpdEntry e;
    if (xfrmnl_sel *sel = xfrmnl_sp_get_sel(sp)) {
        SpdSelector &s = e.selector;
        s.family = xfrmnl_sel_get_family(sel) == AF_INET6 ? SpdSelector::Family::IPv6
                                                          : SpdSelector::Family::IPv4;
        readAddress(xfrmnl_sel_get_saddr(sel), s.source);
        readAddress(xfrmnl_sel_get_daddr(sel), s.destination);
        s.sourcePrefix = quint8(xfrmnl_sel_get_prefixlen_s(sel));
        s.destinationPrefix = quint8(xfrmnl_sel_get_prefixlen_d(sel));
        s.protocol = quint8(xfrmnl_sel_get_proto(sel));
        s.sourcePort = quint16(xfrmnl_sel_get_sport(sel));
        s.sourcePortMask = quint16(xfrmnl_sel_get_sportmask(sel));
        s.destinationPort = quint16(xfrmnl_sel_get_dport(sel));
        s.destinationPortMask = quint16(xfrmnl_sel_get_dportmask(sel));
        s.interfaceIndex = xfrmnl_sel_get_ifindex(sel);
    }
    e.direction = SpdEntry::Direction(quint8(xfrmnl_sp_get_dir(sp)));
    e.action = xfrmnl_sp_get_action(sp) == XFRM_POLICY_BLOCK ? SpdEntry::Action::Block
                                                             : SpdEntry::Action::Allow;
    e.priority = quint32(xfrmnl_sp_get_priority(sp));
    e.index = quint32(xfrmnl_sp_get_index(sp));
    e.flags = quint8(xfrmnl_sp_get_flags(sp));
    const int type = xfrmnl_sp_get_userpolicy_type(sp);
    e.policyType =
        type == XFRM_POLICY_TYPE_SUB ? SpdEntry::PolicyType::Sub : SpdEntry::PolicyType::Main;
    unsigned int markMask = 0, markValue = 0; // libnl's argument order: mask, then value
    if (xfrmnl_sp_get_mark(sp, &markMask, &markValue) == 0 && (markMask || markValue))
        e.mark = SpdEntry::Mark{markValue, markMask};
    const int templates = xfrmnl_sp_get_nusertemplates(sp);
    for (int i = 0; i < templates; ++i) {
        xfrmnl_user_tmpl *t = xfrmnl_sp_usertemplate_n(sp, i);
        if (!t)
            continue;
        SpdTemplate out;
        out.protocol = quint8(xfrmnl_user_tmpl_get_proto(t));
        out.reqid = quint32(xfrmnl_user_tmpl_get_reqid(t));
        out.optional = xfrmnl_user_tmpl_get_optional(t) != 0;
        e.templates << out;
    }
    unsigned long long bytes = 0, packets = 0, addTime = 0, useTime = 0;
    if (xfrmnl_sp_get_curlifetime(sp, &bytes, &packets, &addTime, &useTime) == 0) {
        e.addTime = addTime;
        e.useTime = useTime;
    }
    return e;
}

MsgPtr buildIdentityRequest(int messageType, const SpdEntry &entry)
{
    xfrm_userpolicy_id id;
    std::memset(&id, 0, sizeof id);
    fillSelector(entry.selector, id.sel);
    // With a known index (read back from the kernel) the kernel finds the policy in its index
    // hash in O(1); by selector a policy in an "inexact" bin costs a list walk.
    id.index = entry.index;
    id.dir = quint8(entry.direction);

    MsgPtr msg(nlmsg_alloc_simple(messageType, 0));
    if (!msg)
        return {};
    if (nlmsg_append(msg.get(), &id, sizeof id, NLMSG_ALIGNTO) < 0)
        return {};
    if (entry.mark) {
        xfrm_mark mark{entry.mark->value, entry.mark->mask};
        if (nla_put(msg.get(), XFRMA_MARK, sizeof mark, &mark) < 0)
            return {};
    }
    xfrm_userpolicy_type type;
    std::memset(&type, 0, sizeof type);
    type.type = quint8(entry.policyType);
    if (nla_put(msg.get(), XFRMA_POLICY_TYPE, sizeof type, &type) < 0)
        return {};
    return msg;
}

} // namespace ipsec::kernel::netlink
