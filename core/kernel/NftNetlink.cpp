// See NftNetlink.h. The messages are those `nft -f` sends for the same table (checked with
// `nft --debug=netlink`), so `nft list table` and the backend's listings read them back as
// nft's own: the same set flags, key types, concatenation descriptions, register layout, and for
// single-field interval sets the same start/end elements.

#include "kernel/NftNetlink.h"
#include "util/Profile.h"

#include <QHash>

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/set.h>
#include <libnftnl/table.h>
#include <libnftnl/udata.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

constexpr char TableName[] = "ipsec_console";
// nft's datatype ids (TYPE_IPADDR, TYPE_IP6ADDR, TYPE_INET_SERVICE); a concatenation's key
// type is the ids shifted in by 6 bits each, as nft lists it.
constexpr quint32 TypeBits = 6;

quint32 typeId(NftKeyField::Type t)
{
    switch (t) {
    case NftKeyField::Type::IPv4Address:
        return 7;
    case NftKeyField::Type::IPv6Address:
        return 8;
    case NftKeyField::Type::Port:
        break;
    }
    return 13;
}

// A message buffer that grows: every message is built in place at the end.
class Batch {
public:
    explicit Batch(quint32 &seq)
        : m_seq(seq)
    {
    }
    std::vector<char> bytes;
    QStringList what; // per message after the begin message, for error reports

    // Room for one message of at most 64 KiB (an attribute nest is limited to that).
    char *next()
    {
        if (bytes.size() < m_used + 70000)
            bytes.resize(m_used + 70000 + bytes.size());
        return bytes.data() + m_used;
    }
    void done(nlmsghdr *nlh) { m_used += MNL_ALIGN(nlh->nlmsg_len); }
    nlmsghdr *header(quint16 type, quint16 flags, const QString &description)
    {
        what << description;
        return nftnl_nlmsg_build_hdr(next(), type, NFPROTO_INET, flags, m_seq++);
    }
    void begin(quint32 guard)
    {
        nlmsghdr *nlh = nftnl_batch_begin(next(), m_seq++);
        if (guard != 0)
            mnl_attr_put_u32(nlh, NFNL_BATCH_GENID, htonl(guard));
        done(nlh);
    }
    void end()
    {
        done(nftnl_batch_end(next(), m_seq++));
        bytes.resize(m_used);
    }

private:
    quint32 &m_seq;
    size_t m_used = 0;
};

void putData(nlmsghdr *nlh, quint16 type, const char *data, int length)
{
    nlattr *nest = mnl_attr_nest_start(nlh, type);
    mnl_attr_put(nlh, NFTA_DATA_VALUE, size_t(length), data);
    mnl_attr_nest_end(nlh, nest);
}

// One element of a set message: views into the set's values (or into Elements::ends), so that
// 10,000 elements cost no allocation each.
struct Element {
    const char *key = nullptr;
    const char *keyEnd = nullptr; // concatenated ranges only
    bool intervalEnd = false;     // single-field interval sets: the first value after a range
    bool openInterval = false;    // the range reaches the largest value (no end element follows)
};
// (Trivially copyable: QList moves it as raw memory without being told.)

// A set's elements as messages carry them, every key `length` bytes. Valid while the values
// given to elementsOf() are.
struct Elements {
    int length = 0;
    QList<Element> items;
    QByteArray ends; // keys made here: the value after each range, the leading zero key
};

bool allOnes(const char *p, int n)
{
    for (int i = 0; i < n; ++i)
        if (quint8(p[i]) != 0xff)
            return false;
    return true;
}

// Writes v + 1 (big endian, n bytes) to out.
void plusOne(const char *v, int n, char *out)
{
    std::memcpy(out, v, size_t(n));
    for (int i = n - 1; i >= 0; --i) {
        out[i] = char(quint8(out[i]) + 1);
        if (out[i] != 0)
            break;
    }
}

// Whether every value is a first and a last key of the set's length (a recorded table read back
// from a file might not be): elementsOf() reads that many bytes.
bool wellFormed(const NftSetSpec &set, const QList<QByteArray> &values)
{
    const qsizetype size = 2 * qsizetype(set.keyLength());
    return std::all_of(values.cbegin(), values.cend(),
                       [size](const QByteArray &v) { return v.size() == size; });
}

// `full`: the whole set is loaded, so a single-field interval set starts with the end element
// at 0 that nft puts before the first range.
Elements elementsOf(const NftSetSpec &set, const QList<QByteArray> &values, bool full)
{
    Elements out;
    const int length = out.length = set.keyLength();
    QList<Element> &items = out.items;
    items.reserve(values.size() * (set.interval ? 2 : 1) + 1);
    if (!set.interval) {
        for (const QByteArray &v : values)
            items.append(Element{v.constData(), nullptr, false, false});
        return out;
    }
    if (set.fields.size() > 1) {
        for (const QByteArray &v : values)
            items.append(Element{v.constData(), v.constData() + length, false, false});
        return out;
    }
    // Sorted as QByteArray sorts (bytes, then length; all have the same length).
    QList<const QByteArray *> sorted;
    sorted.reserve(values.size());
    for (const QByteArray &v : values)
        sorted.append(&v);
    std::sort(sorted.begin(), sorted.end(),
              [](const QByteArray *a, const QByteArray *b) { return *a < *b; });
    // Sized once: items point into it.
    out.ends = QByteArray(qsizetype(length) * (values.size() + 1), '\0');
    char *next = out.ends.data();
    if (full && !sorted.isEmpty()
        && !std::all_of(sorted.first()->cbegin(), sorted.first()->cbegin() + length,
                        [](char c) { return c == 0; })) {
        items.append(Element{next, nullptr, true, false}); // the zeroes
        next += length;
    }
    for (const QByteArray *v : std::as_const(sorted)) {
        const char *last = v->constData() + length;
        const bool open = allOnes(last, length);
        items.append(Element{v->constData(), nullptr, false, open});
        if (!open) {
            plusOne(last, length, next);
            items.append(Element{next, nullptr, true, false});
            next += length;
        }
    }
    return out;
}

// Set element messages of at most ~60 KiB each.
void addElementMessages(Batch &batch, quint16 type, const NftSetSpec &set, quint32 setId,
                        const Elements &elements)
{
    static const char openFlag[] = {
        char(NFTNL_UDATA_SET_ELEM_FLAGS), 4, char(NFTNL_SET_ELEM_F_INTERVAL_OPEN), 0, 0, 0};
    const QByteArray name = set.name.toUtf8();
    const QString what = u"set %1 elements"_s.arg(set.name);
    const int length = elements.length;
    const QList<Element> &items = elements.items;
    qsizetype i = 0;
    while (i < items.size()) {
        nlmsghdr *nlh = batch.header(type, type == NFT_MSG_NEWSETELEM ? NLM_F_CREATE : 0, what);
        mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_TABLE, TableName);
        mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_SET, name.constData());
        if (setId != 0)
            mnl_attr_put_u32(nlh, NFTA_SET_ELEM_LIST_SET_ID, htonl(setId));
        nlattr *list = mnl_attr_nest_start(nlh, NFTA_SET_ELEM_LIST_ELEMENTS);
        while (i < items.size() && nlh->nlmsg_len < 60000) {
            const Element &e = items.at(i++);
            nlattr *item = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);
            if (e.intervalEnd)
                mnl_attr_put_u32(nlh, NFTA_SET_ELEM_FLAGS, htonl(NFT_SET_ELEM_INTERVAL_END));
            putData(nlh, NFTA_SET_ELEM_KEY, e.key, length);
            if (e.keyEnd)
                putData(nlh, NFTA_SET_ELEM_KEY_END, e.keyEnd, length);
            if (e.openInterval)
                mnl_attr_put(nlh, NFTA_SET_ELEM_USERDATA, sizeof openFlag, openFlag);
            mnl_attr_nest_end(nlh, item);
        }
        mnl_attr_nest_end(nlh, list);
        batch.done(nlh);
    }
}

void addSet(Batch &batch, const NftSetSpec &set, quint32 id, bool anonymous)
{
    nftnl_set *s = nftnl_set_alloc();
    nftnl_set_set_u32(s, NFTNL_SET_FAMILY, NFPROTO_INET);
    nftnl_set_set_str(s, NFTNL_SET_TABLE, TableName);
    nftnl_set_set_str(s, NFTNL_SET_NAME, set.name.toUtf8().constData());
    quint32 flags = anonymous ? (NFT_SET_ANONYMOUS | NFT_SET_CONSTANT) : 0;
    if (set.interval)
        flags |= NFT_SET_INTERVAL | (set.fields.size() > 1 ? NFT_SET_CONCAT : 0);
    nftnl_set_set_u32(s, NFTNL_SET_FLAGS, flags);
    quint32 keyType = 0;
    for (const NftKeyField &f : set.fields)
        keyType = keyType << TypeBits | typeId(f.type);
    nftnl_set_set_u32(s, NFTNL_SET_KEY_TYPE, keyType);
    nftnl_set_set_u32(s, NFTNL_SET_KEY_LEN, quint32(set.keyLength()));
    nftnl_set_set_u32(s, NFTNL_SET_ID, id);
    if (set.interval && set.fields.size() > 1) {
        // The field lengths of a concatenation of ranges (the kernel refuses them elsewhere).
        quint8 lengths[NFT_REG32_COUNT] = {};
        for (qsizetype i = 0; i < set.fields.size() && i < NFT_REG32_COUNT; ++i)
            lengths[i] = quint8(set.fields.at(i).length());
        nftnl_set_set_data(s, NFTNL_SET_DESC_CONCAT, lengths, quint32(set.fields.size()));
    }
    if (anonymous)
        nftnl_set_set_u32(s, NFTNL_SET_DESC_SIZE, quint32(set.elements.size()));
    else
        nftnl_set_add_expr(s, nftnl_expr_alloc("counter")); // per-element counters
    nlmsghdr *nlh = batch.header(NFT_MSG_NEWSET, NLM_F_CREATE, u"set "_s + set.name);
    nftnl_set_nlmsg_build_payload(nlh, s);
    batch.done(nlh);
    nftnl_set_free(s);
}

// nft's register numbering: a 16-byte register where the field starts one, else a 32-bit one.
quint32 registerAt(int word)
{
    return word % 4 == 0 ? quint32(NFT_REG_1 + word / 4) : quint32(NFT_REG32_00 + word);
}

void addExpr(nftnl_rule *r, nftnl_expr *e)
{
    nftnl_rule_add_expr(r, e);
}

void addCompare(nftnl_rule *r, quint32 metaKey, quint8 value)
{
    nftnl_expr *m = nftnl_expr_alloc("meta");
    nftnl_expr_set_u32(m, NFTNL_EXPR_META_KEY, metaKey);
    nftnl_expr_set_u32(m, NFTNL_EXPR_META_DREG, NFT_REG_1);
    addExpr(r, m);
    nftnl_expr *c = nftnl_expr_alloc("cmp");
    nftnl_expr_set_u32(c, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
    nftnl_expr_set_u32(c, NFTNL_EXPR_CMP_OP, NFT_CMP_EQ);
    nftnl_expr_set(c, NFTNL_EXPR_CMP_DATA, &value, sizeof value);
    addExpr(r, c);
}

void addPayload(nftnl_rule *r, const NftKeyField &f, int word)
{
    nftnl_expr *p = nftnl_expr_alloc("payload");
    nftnl_expr_set_u32(p, NFTNL_EXPR_PAYLOAD_DREG, registerAt(word));
    nftnl_expr_set_u32(p, NFTNL_EXPR_PAYLOAD_BASE,
                       f.transport ? NFT_PAYLOAD_TRANSPORT_HEADER : NFT_PAYLOAD_NETWORK_HEADER);
    nftnl_expr_set_u32(p, NFTNL_EXPR_PAYLOAD_OFFSET, f.offset);
    nftnl_expr_set_u32(p, NFTNL_EXPR_PAYLOAD_LEN, quint32(f.length()));
    addExpr(r, p);
}

void addLookup(nftnl_rule *r, const QString &set, quint32 id)
{
    nftnl_expr *l = nftnl_expr_alloc("lookup");
    nftnl_expr_set_u32(l, NFTNL_EXPR_LOOKUP_SREG, NFT_REG_1);
    nftnl_expr_set_str(l, NFTNL_EXPR_LOOKUP_SET, set.toUtf8().constData());
    nftnl_expr_set_u32(l, NFTNL_EXPR_LOOKUP_SET_ID, id);
    addExpr(r, l);
}

void addVerdict(nftnl_rule *r, bool drop)
{
    nftnl_expr *v = nftnl_expr_alloc("immediate");
    nftnl_expr_set_u32(v, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
    nftnl_expr_set_u32(v, NFTNL_EXPR_IMM_VERDICT, drop ? NF_DROP : NF_ACCEPT);
    addExpr(r, v);
}

void addRule(Batch &batch, const char *chain, nftnl_rule *r)
{
    nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_INET);
    nftnl_rule_set_str(r, NFTNL_RULE_TABLE, TableName);
    nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
    nlmsghdr *nlh = batch.header(NFT_MSG_NEWRULE, NLM_F_CREATE | NLM_F_APPEND,
                                 u"chain %1 rule"_s.arg(QString::fromLatin1(chain)));
    nftnl_rule_nlmsg_build_payload(nlh, r);
    batch.done(nlh);
    nftnl_rule_free(r);
}

void addTableMessage(Batch &batch, quint16 type, quint16 flags)
{
    nftnl_table *t = nftnl_table_alloc();
    nftnl_table_set_u32(t, NFTNL_TABLE_FAMILY, NFPROTO_INET);
    nftnl_table_set_str(t, NFTNL_TABLE_NAME, TableName);
    if (type == NFT_MSG_NEWTABLE)
        nftnl_table_set_u32(t, NFTNL_TABLE_FLAGS, 0);
    nlmsghdr *nlh = batch.header(type, flags, u"table inet ipsec_console"_s);
    nftnl_table_nlmsg_build_payload(nlh, t);
    batch.done(nlh);
    nftnl_table_free(t);
}

// The message the failure hook adds: an element of a set that does not exist, in the project's
// own table (nothing else is ever named).
void addInjectedFailure(Batch &batch)
{
    nlmsghdr *nlh = batch.header(NFT_MSG_DELSETELEM, 0, u"injected failure (testing hook)"_s);
    mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_TABLE, TableName);
    mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_SET, "__injected_failure");
    batch.done(nlh);
}

} // namespace

NftNetlink::NftNetlink(mnl_socket *socket)
    : m_socket(socket)
    , m_portId(mnl_socket_get_portid(socket))
    , m_seq(quint32(std::time(nullptr)))
{
}

NftNetlink::~NftNetlink()
{
    mnl_socket_close(m_socket);
}

Result<std::unique_ptr<NftNetlink>> NftNetlink::open()
{
    mnl_socket *s = mnl_socket_open(NETLINK_NETFILTER);
    if (!s)
        return Error::kernel(tr("nftables: cannot open a netlink socket: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (mnl_socket_bind(s, 0, MNL_SOCKET_AUTOPID) < 0) {
        const int e = errno;
        mnl_socket_close(s);
        return Error::kernel(tr("nftables: cannot bind a netlink socket: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(e))));
    }
    return std::unique_ptr<NftNetlink>(new NftNetlink(s));
}

Result<void> NftNetlink::request(std::vector<char> &message,
                                 const std::function<void(const void *)> &reply)
{
    const auto *sent = reinterpret_cast<const nlmsghdr *>(message.data());
    const quint32 seq = sent->nlmsg_seq;
    if (mnl_socket_sendto(m_socket, message.data(), sent->nlmsg_len) < 0)
        return Error::kernel(tr("nftables: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
    for (;;) {
        const ssize_t n = mnl_socket_recvfrom(m_socket, buffer.data(), buffer.size());
        if (n < 0)
            return Error::kernel(
                tr("nftables: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        int len = int(n);
        for (auto *h = reinterpret_cast<const nlmsghdr *>(buffer.data()); mnl_nlmsg_ok(h, len);
             h = mnl_nlmsg_next(h, &len)) {
            if (h->nlmsg_seq != seq)
                continue; // a late answer to something else
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto *err = static_cast<const nlmsgerr *>(mnl_nlmsg_get_payload(h));
                if (err->error == 0)
                    return {};
                errno = -err->error;
                return Error::kernel(
                    tr("nftables: %1").arg(QString::fromLocal8Bit(std::strerror(-err->error))));
            }
            reply(h);
            return {};
        }
    }
}

Result<quint32> NftNetlink::generation()
{
    std::vector<char> message(MNL_SOCKET_BUFFER_SIZE);
    nftnl_nlmsg_build_hdr(message.data(), NFT_MSG_GETGEN, AF_UNSPEC, 0, m_seq++);
    quint32 id = 0;
    auto ok = request(message, [&id](const void *reply) {
        const auto *h = static_cast<const nlmsghdr *>(reply);
        const auto *a =
            static_cast<const nlattr *>(mnl_nlmsg_get_payload_offset(h, sizeof(nfgenmsg)));
        const char *end = static_cast<const char *>(mnl_nlmsg_get_payload_tail(h));
        for (; mnl_attr_ok(a, int(end - reinterpret_cast<const char *>(a))); a = mnl_attr_next(a))
            if (mnl_attr_get_type(a) == NFTA_GEN_ID)
                id = ntohl(mnl_attr_get_u32(a));
    });
    if (!ok)
        return ok.error();
    return id;
}

Result<bool> NftNetlink::tableExists()
{
    std::vector<char> message(MNL_SOCKET_BUFFER_SIZE);
    nlmsghdr *nlh =
        nftnl_nlmsg_build_hdr(message.data(), NFT_MSG_GETTABLE, NFPROTO_INET, NLM_F_ACK, m_seq++);
    mnl_attr_put_strz(nlh, NFTA_TABLE_NAME, TableName);
    bool found = false;
    auto ok = request(message, [&found](const void *) { found = true; });
    if (!ok)
        return errno == ENOENT ? Result<bool>(false) : Result<bool>(ok.error());
    if (found) {
        // Read the acknowledgement that follows the table so the next request starts clean.
        std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
        (void)recv(mnl_socket_get_fd(m_socket), buffer.data(), buffer.size(), MSG_DONTWAIT);
    }
    return found;
}

Result<void> NftNetlink::send(std::vector<char> &batch, quint32 firstSeq, const QStringList &what,
                              bool *stale)
{
    const int fd = mnl_socket_get_fd(m_socket);
    // The whole batch is one datagram; the socket's send buffer must hold it (root may force).
    int size = int(batch.size()) + 4096;
    int current = 0;
    socklen_t len = sizeof current;
    if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &current, &len) == 0 && current < size
        && setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size) != 0)
        (void)setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    QElapsedTimer timer;
    timer.start();
    if (mnl_socket_sendto(m_socket, batch.data(), batch.size()) < 0)
        return Error::kernel(tr("nftables: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    // The kernel handled the batch inside sendto(): whatever it answers is queued already
    // (errors only; nothing asks for acknowledgements).
    std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
    int firstError = 0;
    QString failed;
    for (;;) {
        const ssize_t n = recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            firstError = firstError ? firstError : errno;
            break;
        }
        int left = int(n);
        for (auto *h = reinterpret_cast<const nlmsghdr *>(buffer.data()); mnl_nlmsg_ok(h, left);
             h = mnl_nlmsg_next(h, &left)) {
            if (h->nlmsg_type != NLMSG_ERROR)
                continue;
            const auto *err = static_cast<const nlmsgerr *>(mnl_nlmsg_get_payload(h));
            if (err->error == 0 || firstError != 0)
                continue;
            firstError = -err->error;
            const qint64 index = qint64(err->msg.nlmsg_seq) - qint64(firstSeq) - 1;
            if (index >= 0 && index < what.size())
                failed = what.at(index);
        }
    }
    profileSpan("nft kernel transaction", timer.nsecsElapsed());
    if (firstError == 0)
        return {};
    if (firstError == ERESTART) {
        if (stale)
            *stale = true;
        return Error::kernel(tr("nftables: the ruleset changed while the change was prepared."));
    }
    const QString reason = QString::fromLocal8Bit(std::strerror(firstError));
    return Error::kernel(failed.isEmpty() ? tr("nftables: %1.").arg(reason)
                                          : tr("nftables: %1 (%2).").arg(reason, failed));
}

Result<void> NftNetlink::replaceTable(const NftTableSpec &spec, quint32 guard, bool *stale)
{
    Batch batch(m_seq);
    const quint32 firstSeq = m_seq;
    batch.begin(guard);
    // "add table; delete table": the delete cannot fail whether the table existed or not.
    addTableMessage(batch, NFT_MSG_NEWTABLE, NLM_F_CREATE);
    addTableMessage(batch, NFT_MSG_DELTABLE, 0);
    if (!spec.isEmpty()) {
        addTableMessage(batch, NFT_MSG_NEWTABLE, NLM_F_CREATE);
        QHash<QString, quint32> ids;
        quint32 nextId = 1;
        for (const NftSetSpec &set : spec.sets) {
            if (!wellFormed(set, set.elements))
                return Error::kernel(tr("nftables: set %1 has a malformed element.").arg(set.name));
            const quint32 id = nextId++;
            ids.insert(set.name, id);
            addSet(batch, set, id, false);
            addElementMessages(batch, NFT_MSG_NEWSETELEM, set, id,
                               elementsOf(set, set.elements, true));
        }
        for (const bool input : {true, false}) {
            const char *chainName = input ? "input" : "output";
            nftnl_chain *c = nftnl_chain_alloc();
            nftnl_chain_set_u32(c, NFTNL_CHAIN_FAMILY, NFPROTO_INET);
            nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, TableName);
            nftnl_chain_set_str(c, NFTNL_CHAIN_NAME, chainName);
            nftnl_chain_set_u32(c, NFTNL_CHAIN_HOOKNUM,
                                input ? NF_INET_LOCAL_IN : NF_INET_LOCAL_OUT);
            nftnl_chain_set_s32(c, NFTNL_CHAIN_PRIO, 0); // priority filter
            nftnl_chain_set_str(c, NFTNL_CHAIN_TYPE, "filter");
            nftnl_chain_set_u32(c, NFTNL_CHAIN_POLICY, NF_ACCEPT);
            nlmsghdr *nlh = batch.header(NFT_MSG_NEWCHAIN, NLM_F_CREATE,
                                         u"chain "_s + QString::fromLatin1(chainName));
            nftnl_chain_nlmsg_build_payload(nlh, c);
            batch.done(nlh);
            nftnl_chain_free(c);

            if (spec.ikeExemption) {
                // meta l4proto udp udp dport|sport { 500, 4500 } accept
                NftSetSpec ike;
                ike.name = u"__set%d"_s;
                const NftKeyField port{NftKeyField::Type::Port, true, quint8(input ? 2 : 0)};
                ike.fields = {port};
                ike.elements = {QByteArray("\x01\xf4\x01\xf4", 4),
                                QByteArray("\x11\x94\x11\x94", 4)};
                const quint32 id = nextId++;
                addSet(batch, ike, id, true);
                addElementMessages(batch, NFT_MSG_NEWSETELEM, ike, id,
                                   elementsOf(ike, ike.elements, true));
                nftnl_rule *r = nftnl_rule_alloc();
                addCompare(r, NFT_META_L4PROTO, IPPROTO_UDP);
                addPayload(r, port, 0);
                addLookup(r, ike.name, id);
                addVerdict(r, false);
                addRule(batch, chainName, r);
            }
            for (const NftRuleSpec &rule : input ? spec.input : spec.output) {
                nftnl_rule *r = nftnl_rule_alloc();
                if (rule.nfproto != 0)
                    addCompare(r, NFT_META_NFPROTO, rule.nfproto);
                if (rule.l4proto != 0)
                    addCompare(r, NFT_META_L4PROTO, rule.l4proto);
                const NftSetSpec *set = rule.set.isEmpty() ? nullptr : spec.set(rule.set);
                if (set) {
                    int word = 0;
                    for (const NftKeyField &f : set->fields) {
                        addPayload(r, f, word);
                        word += (f.length() + 3) / 4;
                    }
                    addLookup(r, set->name, ids.value(set->name));
                } else {
                    addExpr(r, nftnl_expr_alloc("counter"));
                }
                addVerdict(r, rule.drop);
                addRule(batch, chainName, r);
            }
        }
    }
    if (m_failNext) {
        m_failNext = false;
        addInjectedFailure(batch);
    }
    batch.end();
    return send(batch.bytes, firstSeq, batch.what, stale);
}

Result<void> NftNetlink::updateElements(const NftTableSpec &layout,
                                        const QList<NftElementChange> &changes, quint32 guard,
                                        bool *stale)
{
    Batch batch(m_seq);
    const quint32 firstSeq = m_seq;
    batch.begin(guard);
    // Deletes first: a merged port run replaces its parts without overlapping them.
    for (const bool add : {false, true}) {
        for (const NftElementChange &c : changes) {
            const NftSetSpec *set = layout.set(c.set);
            if (!set)
                return Error::kernel(tr("nftables: the table has no set %1.").arg(c.set));
            const QList<QByteArray> &values = add ? c.add : c.remove;
            if (!wellFormed(*set, values))
                return Error::kernel(tr("nftables: set %1 has a malformed element.").arg(c.set));
            if (!values.isEmpty())
                addElementMessages(batch, add ? NFT_MSG_NEWSETELEM : NFT_MSG_DELSETELEM, *set, 0,
                                   elementsOf(*set, values, false));
        }
    }
    if (m_failNext) {
        m_failNext = false;
        addInjectedFailure(batch);
    }
    batch.end();
    return send(batch.bytes, firstSeq, batch.what, stale);
}

} // namespace ipsec::kernel
