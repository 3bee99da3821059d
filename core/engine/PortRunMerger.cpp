// Grouping by hash keeps this linear in the number of entries (plus sorting each group's
// ports); see PortRunMerger.h for why the result decides every packet as before.

#include "engine/PortRunMerger.h"

#include <algorithm>

namespace ipsec::engine {

namespace {

// Entries that may share a block: everything equal except the one exact port that varies.
struct GroupKey {
    XfrmEntry::Dir dir;
    XfrmSelector selector; // the varying port (and its mask) zeroed
    bool destinationVaries;
    XfrmEntry::Action action;
    bool needsTemplate;
    XfrmTemplate tmpl;
    quint64 specificity;
    friend bool operator==(const GroupKey &, const GroupKey &) = default;
};

size_t qHash(const GroupKey &k, size_t seed = 0) noexcept
{
    return qHashMulti(engine::qHash(k.selector, seed), quint8(k.dir), k.destinationVaries,
                      quint8(k.action), k.needsTemplate, k.tmpl.reqid, k.tmpl.optional,
                      k.specificity);
}

struct Member {
    qsizetype group;
    quint16 port;
    qsizetype index;
};

// Splits sorted unique ports into aligned power-of-two blocks of consecutive ports.
// Returns (first member, count) pairs; blocks of one are left out.
QList<std::pair<qsizetype, qsizetype>> blocksOf(const QList<Member> &members)
{
    QList<std::pair<qsizetype, qsizetype>> out;
    qsizetype i = 0;
    while (i < members.size()) {
        qsizetype runEnd = i + 1; // [i, runEnd) consecutive ports
        while (runEnd < members.size() && members[runEnd].port == members[runEnd - 1].port + 1)
            ++runEnd;
        quint32 lo = members[i].port;
        const quint32 hi = members[runEnd - 1].port; // inclusive
        qsizetype at = i;
        while (lo <= hi) {
            quint32 size = lo == 0 ? 0x10000 : (lo & (~lo + 1)); // alignment of lo
            while (lo + size - 1 > hi)
                size >>= 1;
            if (size > 1)
                out << std::pair{at, qsizetype(size)};
            at += size;
            lo += size;
        }
        i = runEnd;
    }
    return out;
}

} // namespace

void mergePortRuns(XfrmPlan &plan)
{
    // One flat list sorted by (group, port) instead of a list per group: no allocation per
    // entry.
    QHash<GroupKey, qsizetype> groupIds;
    QList<bool> destinationVaries;
    QList<Member> all;
    all.reserve(plan.entries.size());
    for (qsizetype i = 0; i < plan.entries.size(); ++i) {
        const XfrmEntry &e = plan.entries.at(i);
        const XfrmSelector &s = e.selector;
        const bool dst = s.destinationPortMask == 0xffff && s.sourcePortMask == 0;
        const bool src = s.sourcePortMask == 0xffff && s.destinationPortMask == 0;
        if (e.ikeExemption || (!dst && !src))
            continue;
        GroupKey k{e.dir, s, dst, e.action, e.needsTemplate, e.tmpl, e.specificity};
        if (dst)
            k.selector.destinationPort = k.selector.destinationPortMask = 0;
        else
            k.selector.sourcePort = k.selector.sourcePortMask = 0;
        auto it = groupIds.find(k);
        if (it == groupIds.end()) {
            it = groupIds.insert(k, groupIds.size());
            destinationVaries << dst;
        }
        all << Member{*it, dst ? s.destinationPort : s.sourcePort, i};
    }
    if (all.size() == groupIds.size())
        return; // no group has two members
    std::sort(all.begin(), all.end(), [](const Member &x, const Member &y) {
        return x.group != y.group ? x.group < y.group : x.port < y.port;
    });

    // For every entry: -1 keep as is, -2 drop (merged into a block led elsewhere), or
    // the index of its block in `blocks` when it leads one.
    QList<qsizetype> fate(plan.entries.size(), -1);
    struct Block {
        qsizetype leader;
        quint16 port;
        quint16 mask;
        int count;
        bool destination;
    };
    QList<Block> blocks;
    QList<qsizetype> blockOfEntry(plan.entries.size(), -1);
    for (qsizetype g = 0; g < all.size();) {
        qsizetype end = g + 1;
        while (end < all.size() && all[end].group == all[g].group)
            ++end;
        if (end - g >= 2) {
            const QList<Member> members = all.mid(g, end - g);
            for (const auto &[first, count] : blocksOf(members)) {
                qsizetype leader = members[first].index;
                for (qsizetype j = first; j < first + count; ++j)
                    leader = std::min(leader, members[j].index);
                for (qsizetype j = first; j < first + count; ++j) {
                    fate[members[j].index] = -2;
                    blockOfEntry[members[j].index] = blocks.size();
                }
                fate[leader] = blocks.size();
                blocks << Block{leader, members[first].port, quint16(~(count - 1)), int(count),
                                destinationVaries.at(all[g].group)};
            }
        }
        g = end;
    }
    if (blocks.isEmpty())
        return;

    // Compacted in place: the kept entries move down over the merged ones, in the same order.
    const qsizetype count = plan.entries.size();
    QList<qsizetype> newIndex(count, -1);
    QList<qsizetype> blockIndex(blocks.size(), -1);
    qsizetype kept = 0;
    for (qsizetype i = 0; i < count; ++i) {
        if (fate[i] == -2)
            continue;
        XfrmEntry &e = plan.entries[i];
        if (fate[i] >= 0) {
            const Block &b = blocks.at(fate[i]);
            XfrmSelector &s = e.selector;
            (b.destination ? s.destinationPort : s.sourcePort) = b.port;
            (b.destination ? s.destinationPortMask : s.sourcePortMask) = b.mask;
            e.mergedFilters = b.count;
            blockIndex[fate[i]] = kept;
        }
        newIndex[i] = kept;
        if (kept != i)
            plan.entries[kept] = std::move(e);
        ++kept;
    }
    for (ShadowedEntry &s : plan.shadowed) {
        const qsizetype w = s.winnerIndex;
        s.winnerIndex = blockOfEntry[w] >= 0 ? blockIndex[blockOfEntry[w]] : newIndex[w];
    }
    plan.portMergedAway = int(count - kept);
    plan.entries.resize(kept);
}

} // namespace ipsec::engine
