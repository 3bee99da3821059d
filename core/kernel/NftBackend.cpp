// See NftBackend.h for the choice of libnftables and the namespace rule.

#include "kernel/NftBackend.h"
#include "kernel/NftNetlink.h"
#include "util/SafeFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <fcntl.h>
#include <nftables/libnftables.h>
#include <sched.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

QMutex &libraryLock()
{
    static QMutex m;
    return m;
}

// libnftables is loaded on first use (only listings need it: changes go through libnftnl), so
// that the programs' start does not pay for it and its dependencies (jansson, gmp, xtables).
constexpr char NftablesSoname[] = "libnftables.so.1";

struct Nftables {
    decltype(&nft_ctx_new) ctxNew = nullptr;
    decltype(&nft_ctx_free) ctxFree = nullptr;
    decltype(&nft_ctx_buffer_output) bufferOutput = nullptr;
    decltype(&nft_ctx_buffer_error) bufferError = nullptr;
    decltype(&nft_ctx_output_get_flags) outputGetFlags = nullptr;
    decltype(&nft_ctx_output_set_flags) outputSetFlags = nullptr;
    decltype(&nft_run_cmd_from_buffer) runFromBuffer = nullptr;
    decltype(&nft_ctx_get_output_buffer) outputBuffer = nullptr;
    decltype(&nft_ctx_get_error_buffer) errorBuffer = nullptr;
    QString problem; // why the library is not usable; empty when it is
};

template <typename F>
bool resolve(void *handle, const char *name, F &f)
{
    f = reinterpret_cast<F>(::dlsym(handle, name));
    return f != nullptr;
}

Nftables loadNftables()
{
    Nftables n;
    // Testing hook: IPSEC_CONSOLE_TEST_NFTABLES_SONAME names another file to load.
    // (secure_getenv: never from the environment of a set-user-id program).
    const char *other = ::secure_getenv("IPSEC_CONSOLE_TEST_NFTABLES_SONAME");
    const QByteArray soname(other && *other ? other : NftablesSoname);
    void *handle = ::dlopen(soname.constData(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = ::dlerror();
        n.problem = why ? QString::fromLocal8Bit(why) : QString::fromLatin1(soname);
        return n;
    }
    // Never unloaded (the contexts of every backend use it).
    if (!resolve(handle, "nft_ctx_new", n.ctxNew) || !resolve(handle, "nft_ctx_free", n.ctxFree)
        || !resolve(handle, "nft_ctx_buffer_output", n.bufferOutput)
        || !resolve(handle, "nft_ctx_buffer_error", n.bufferError)
        || !resolve(handle, "nft_ctx_output_get_flags", n.outputGetFlags)
        || !resolve(handle, "nft_ctx_output_set_flags", n.outputSetFlags)
        || !resolve(handle, "nft_run_cmd_from_buffer", n.runFromBuffer)
        || !resolve(handle, "nft_ctx_get_output_buffer", n.outputBuffer)
        || !resolve(handle, "nft_ctx_get_error_buffer", n.errorBuffer)) {
        const char *why = ::dlerror();
        n = Nftables{};
        n.problem = why ? QString::fromLocal8Bit(why) : QString::fromLatin1(soname);
    }
    return n;
}

// Loaded once per process, under libraryLock().
const Nftables &nftables()
{
    static const Nftables n = loadNftables();
    return n;
}

quint64 threadNetns()
{
    struct stat st {};
    return ::stat("/proc/thread-self/ns/net", &st) == 0 ? quint64(st.st_ino) : 0;
}

const QString &table()
{
    static const QString t = u"inet ipsec_console"_s;
    return t;
}

// An element value of nft's JSON in the compiler's notation.
QString valueText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isString())
        return v.toString();
    const QJsonObject o = v.toObject();
    if (o.contains(u"concat"_s)) {
        QStringList parts;
        for (const QJsonValue &p : o.value(u"concat"_s).toArray())
            parts << valueText(p);
        return parts.join(u" . "_s);
    }
    if (o.contains(u"prefix"_s)) {
        const QJsonObject p = o.value(u"prefix"_s).toObject();
        return valueText(p.value(u"addr"_s)) + u'/' + QString::number(p.value(u"len"_s).toInt());
    }
    if (o.contains(u"range"_s)) {
        const QJsonArray r = o.value(u"range"_s).toArray();
        return valueText(r.at(0)) + u'-' + valueText(r.at(1));
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// "@set drop", "drop", "accept": the set a rule looks up (if any) and its verdict.
void summarize(const QJsonValue &v, QString &set, QString &verdict, NftTableState::Counted &c)
{
    if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            summarize(x, set, verdict, c);
        return;
    }
    if (v.isString()) {
        const QString s = v.toString();
        if (s.startsWith(u'@') && set.isEmpty())
            set = s;
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"drop"_s || it.key() == u"accept"_s)
            verdict = it.key();
        if (it.key() == u"counter"_s && it.value().isObject()) {
            c.packets = quint64(it.value().toObject().value(u"packets"_s).toInteger());
            c.bytes = quint64(it.value().toObject().value(u"bytes"_s).toInteger());
        }
        summarize(it.value(), set, verdict, c);
    }
}

} // namespace

int NftTableState::elementCount() const
{
    int n = 0;
    for (const auto &e : sets)
        n += int(e.size());
    return n;
}

NftBackend::NftBackend(std::unique_ptr<NftNetlink> netlink, Options options)
    : m_netlink(std::move(netlink))
    , m_options(std::move(options))
    , m_netns(threadNetns())
    // The namespace, for a libnftables context created later on another thread.
    , m_netnsFd(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC))
{
}

NftBackend::~NftBackend()
{
    QMutexLocker lock(&libraryLock());
    if (m_ctx)
        nftables().ctxFree(m_ctx);
    if (m_netnsFd >= 0)
        ::close(m_netnsFd);
}

Result<void> NftBackend::ensureContext()
{
    if (m_ctx)
        return {};
    const Nftables &n = nftables();
    if (!n.ctxNew)
        return Error::kernel(tr("nftables: the library %1 could not be loaded (%2). Listings of "
                                "the table and drift detection need it (package libnftables1).")
                                 .arg(QLatin1StringView(NftablesSoname), n.problem));
    // The context's netlink socket lives in the namespace of the thread that creates it: the
    // namespace this backend was opened in.
    nft_ctx *ctx = nullptr;
    if (threadNetns() == m_netns || m_netnsFd < 0) {
        ctx = n.ctxNew(NFT_CTX_DEFAULT);
    } else {
        std::thread([&] {
            if (::setns(m_netnsFd, CLONE_NEWNET) == 0)
                ctx = n.ctxNew(NFT_CTX_DEFAULT);
        }).join();
    }
    if (!ctx)
        return Error::kernel(tr("nftables: the library could not create a context."));
    n.bufferOutput(ctx);
    n.bufferError(ctx);
    m_ctx = ctx;
    return {};
}

Result<std::unique_ptr<NftBackend>> NftBackend::open(Options options)
{
    auto netlink = NftNetlink::open();
    if (!netlink)
        return netlink.error();
    // The libnftables context is created on first use (ensureContext).
    std::unique_ptr<NftBackend> backend(
        new NftBackend(std::move(netlink.value()), std::move(options)));
    // A harmless request that needs nf_tables in the kernel: a clear sentence when it is missing.
    // Testing hook: IPSEC_CONSOLE_TEST_NFT_UNAVAILABLE makes the probe fail as on a kernel
    // without nf_tables (removing the module would change the whole machine, not a namespace).
    auto ok = qEnvironmentVariableIsSet("IPSEC_CONSOLE_TEST_NFT_UNAVAILABLE")
                  ? Result<quint32>(Error::kernel(u"Operation not supported"_s))
                  : backend->m_netlink->generation();
    if (!ok)
        return Error::kernel(tr("nftables is not available in this kernel (%1). Block and permit "
                                "filters need the nf_tables module (modprobe nf_tables), or use "
                                "--backend xfrm.")
                                 .arg(ok.error().message));
    return backend;
}

Result<QString> NftBackend::run(const QString &commands, bool json)
{
    QMutexLocker lock(&libraryLock());
    if (auto ready = ensureContext(); !ready)
        return ready.error();
    const Nftables &n = nftables();
    unsigned int flags = n.outputGetFlags(m_ctx);
    flags = json ? (flags | NFT_CTX_OUTPUT_JSON) : (flags & ~NFT_CTX_OUTPUT_JSON);
    n.outputSetFlags(m_ctx, flags);
    const QByteArray buffer = commands.toUtf8();
    const int rc = n.runFromBuffer(m_ctx, buffer.constData());
    const QString output = QString::fromUtf8(n.outputBuffer(m_ctx));
    const QString errors = QString::fromUtf8(n.errorBuffer(m_ctx)).trimmed();
    if (rc != 0) {
        // The library quotes the offending input line; the first line names the problem.
        QString first = errors.section(u'\n', 0, 0);
        for (const QString &line : errors.split(u'\n'))
            if (line.contains(u"Error:"_s)) {
                first = line;
                break;
            }
        return Error::kernel(first.isEmpty() ? tr("nftables refused the change.") : first);
    }
    return output;
}

Result<void> NftBackend::apply(const QString &commands, const NftTableSpec *result)
{
    QString text = commands;
    const bool injected = m_options.failNextApply;
    if (injected) {
        m_options.failNextApply = false;
        // The kernel refuses this last command of the batch: the whole transaction is dropped.
        text += u"\nadd table "_s + table() + u"\ncreate table "_s + table() + u'\n';
    }
    auto before = m_netlink->generation();
    auto r = run(text, false);
    if (!r)
        return Error::kernel(
            tr("nftables: %1 The previous ruleset is unchanged.")
                .arg(injected ? tr("injected failure (testing hook).") : r.error().message));
    if (before)
        record(before.value(), result);
    else
        forget();
    return {};
}

Result<void> NftBackend::deleteTable()
{
    // Without a record file nothing needs the generations around the commit (an emergency
    // unassign): the batch alone, one round trip.
    if (m_options.recordFile.isEmpty() && !m_options.failNextApply) {
        m_record.reset();
        if (auto ok = m_netlink->replaceTable(NftTableSpec{}, 0, nullptr); !ok)
            return Error::kernel(
                tr("nftables: %1 The previous ruleset is unchanged.").arg(ok.error().message));
        return {};
    }
    return replaceTable(NftTableSpec{});
}

Result<void> NftBackend::replaceTable(const NftTableSpec &spec)
{
    const bool injected = m_options.failNextApply;
    if (injected) {
        m_options.failNextApply = false;
        m_netlink->failNextBatch();
    }
    auto before = m_netlink->generation();
    if (!before)
        return before.error();
    // Guarded by the generation only to know afterwards that this commit was the only one.
    bool stale = false;
    auto ok = m_netlink->replaceTable(spec, before.value(), &stale);
    if (!ok && stale) {
        before = m_netlink->generation();
        if (!before)
            return before.error();
        ok = m_netlink->replaceTable(spec, before.value(), nullptr);
    }
    if (!ok)
        return Error::kernel(
            tr("nftables: %1 The previous ruleset is unchanged.")
                .arg(injected ? tr("injected failure (testing hook).") : ok.error().message));
    record(before.value(), &spec);
    return {};
}

namespace {

// The record file: magic, version, the namespace's inode, the generation after the commit
// (version 2: whether it is known, whether there is a table, its element count, so that an
// emergency unassign can count what it removed without reading the elements), the table.
constexpr quint32 RecordMagic = 0x6e667472;
constexpr quint32 RecordVersion = 2;

struct RecordHeader {
    quint64 netns = 0;
    quint32 generation = 0;
    bool verified = false;
    bool table = false;
    qint32 elements = 0;
};

// Reads the header (version 1, the previous one, holds no summary: the table is read for it).
std::optional<RecordHeader> readHeader(QDataStream &in, NftTableSpec *table)
{
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, version = 0;
    RecordHeader h;
    in >> magic >> version >> h.netns >> h.generation;
    if (in.status() != QDataStream::Ok || magic != RecordMagic
        || (version != 1 && version != RecordVersion))
        return std::nullopt;
    if (version == 1) {
        NftTableSpec t;
        in >> t;
        if (in.status() != QDataStream::Ok)
            return std::nullopt;
        h.verified = true;
        h.table = !t.isEmpty();
        h.elements = t.elementCount();
        if (table)
            *table = std::move(t);
        return h;
    }
    in >> h.verified >> h.table >> h.elements;
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    if (table) {
        in >> *table;
        if (in.status() != QDataStream::Ok)
            return std::nullopt;
    }
    return h;
}

} // namespace

std::optional<NftTableSpec> NftBackend::recorded()
{
    auto now = m_netlink->generation();
    if (!now)
        return std::nullopt;
    if (m_record && m_record->generation == now.value())
        return m_record->table;
    if (m_options.recordFile.isEmpty())
        return std::nullopt;
    QFile f(m_options.recordFile);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&f);
    Record r;
    const auto h = readHeader(in, &r.table);
    if (!h || !h->verified || h->netns != m_netns || h->generation != now.value())
        return std::nullopt;
    r.generation = h->generation;
    m_record = std::move(r);
    return m_record->table;
}

std::optional<NftBackend::RecordSummary> NftBackend::recordSummary(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&f);
    const auto h = readHeader(in, nullptr);
    if (!h)
        return std::nullopt;
    return RecordSummary{h->table, h->elements};
}

std::optional<NftTableSpec> NftBackend::readRecord(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&f);
    NftTableSpec table;
    if (!readHeader(in, &table))
        return std::nullopt;
    return table;
}

QString NftBackend::specText(const NftTableSpec &spec)
{
    if (spec.isEmpty())
        return {};
    const auto typeName = [](const NftKeyField &f) {
        switch (f.type) {
        case NftKeyField::Type::IPv4Address:
            return u"ipv4_addr"_s;
        case NftKeyField::Type::IPv6Address:
            return u"ipv6_addr"_s;
        case NftKeyField::Type::Port:
            break;
        }
        return u"inet_service"_s;
    };
    QString t = u"table "_s + table() + u" {\n"_s;
    for (const NftSetSpec &set : spec.sets) {
        QStringList types;
        for (const NftKeyField &f : set.fields)
            types << typeName(f);
        QStringList elements;
        elements.reserve(set.elements.size());
        for (const QByteArray &e : set.elements)
            elements << set.elementText(e);
        t += u"\tset "_s + set.name + u" {\n\t\ttype "_s + types.join(u" . "_s) + u'\n';
        if (set.interval)
            t += u"\t\tflags interval\n"_s;
        t += u"\t\tcounter\n\t\telements = { "_s + elements.join(u", "_s) + u" }\n\t}\n"_s;
    }
    for (const bool in : {true, false}) {
        t += in ? u"\tchain input {\n\t\ttype filter hook input priority filter; policy accept;\n"_s
                : u"\tchain output {\n\t\ttype filter hook output priority filter; policy "
                  u"accept;\n"_s;
        if (spec.ikeExemption)
            t += in ? u"\t\tmeta l4proto udp udp dport { 500, 4500 } accept\n"_s
                    : u"\t\tmeta l4proto udp udp sport { 500, 4500 } accept\n"_s;
        for (const NftRuleSpec &r : in ? spec.input : spec.output) {
            t += u"\t\t"_s;
            if (r.nfproto)
                t += r.nfproto == 10 ? u"meta nfproto ipv6 "_s : u"meta nfproto ipv4 "_s;
            if (r.l4proto)
                t += u"meta l4proto "_s + QString::number(r.l4proto) + u' ';
            if (!r.set.isEmpty()) {
                const NftSetSpec *set = spec.set(r.set);
                QStringList fields;
                for (const NftKeyField &f : set ? set->fields : QList<NftKeyField>{})
                    fields << (f.transport ? (f.offset == 0 ? u"th sport"_s : u"th dport"_s)
                               : f.type == NftKeyField::Type::IPv6Address
                                   ? (f.offset == 8 ? u"ip6 saddr"_s : u"ip6 daddr"_s)
                                   : (f.offset == 12 ? u"ip saddr"_s : u"ip daddr"_s));
                t += fields.join(u" . "_s) + u" @"_s + r.set + u' ';
            }
            t += r.drop ? u"counter drop\n"_s : u"counter accept\n"_s;
        }
        t += u"\t}\n"_s;
    }
    return t + u"}\n"_s;
}

Result<void> NftBackend::updateElements(const NftTableSpec &result,
                                        const QList<NftElementChange> &changes, bool *stale)
{
    if (!m_record)
        return Error::kernel(tr("nftables: no recorded table to change."));
    if (changes.isEmpty()) {
        m_record->table = result; // the same elements: nothing to send
        return {};
    }
    const bool injected = m_options.failNextApply;
    if (injected) {
        m_options.failNextApply = false;
        m_netlink->failNextBatch();
    }
    const quint32 before = m_record->generation;
    auto ok = m_netlink->updateElements(result, changes, before, stale);
    if (!ok)
        return Error::kernel(
            tr("nftables: %1 The previous ruleset is unchanged.")
                .arg(injected ? tr("injected failure (testing hook).") : ok.error().message));
    record(before, &result);
    return {};
}

void NftBackend::record(quint32 before, const NftTableSpec *result)
{
    if (!result) {
        forget();
        return;
    }
    auto after = m_netlink->generation();
    if (after && after.value() == before + 1) {
        m_record = Record{after.value(), *result};
        writeRecord(after.value(), *result);
    } else {
        m_record.reset();
        writeRecord(std::nullopt, *result);
    }
}

void NftBackend::keep(const NftTableSpec &spec)
{
    m_record.reset();
    writeRecord(std::nullopt, spec);
}

void NftBackend::writeRecord(std::optional<quint32> generation, const NftTableSpec &table)
{
    if (!m_options.recordFile.isEmpty())
        (void)writeRecord(m_options.recordFile, m_netns, generation, table);
}

bool NftBackend::writeRecordFile(const QString &file, const NftTableSpec &spec)
{
    return writeRecord(file, 0, std::nullopt, spec);
}

bool NftBackend::writeRecord(const QString &file, quint64 netns, std::optional<quint32> generation,
                             const NftTableSpec &table)
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << RecordMagic << RecordVersion << netns << generation.value_or(0)
            << generation.has_value() << !table.isEmpty() << qint32(table.elementCount()) << table;
    }
    // Runtime state, gone at reboot with the table: no flush to disk (SafeFile's fsync costs more
    // than the whole transaction). A torn file fails to read or names another generation.
    // Readable by every user, as the rest of the runtime folder: the console shows what an
    // emergency unassign removed, and the emergency's record is this file.
    const auto write = [&] {
        const QString temporary = file + u".new"_s;
        QFile f(temporary);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                         | QFileDevice::ReadOther);
        const bool written = f.write(bytes) == bytes.size();
        f.close();
        return written
               && ::rename(QFile::encodeName(temporary).constData(),
                           QFile::encodeName(file).constData())
                      == 0;
    };
    if (write() || (SafeFile::makeDirectory(QFileInfo(file).path(), 0755) && write()))
        return true;
    QFile::remove(file);
    return false;
}

void NftBackend::forget()
{
    m_record.reset();
    if (!m_options.recordFile.isEmpty())
        QFile::remove(m_options.recordFile);
}

Result<bool> NftBackend::tableExists()
{
    return m_netlink->tableExists();
}

Result<QStringList> NftBackend::tables()
{
    auto r = run(u"list tables"_s, false);
    if (!r)
        return r.error();
    QStringList out;
    for (const QString &line : r->split(u'\n', Qt::SkipEmptyParts)) {
        const QString t = line.trimmed();
        if (t.startsWith(u"table "_s))
            out << t.mid(6);
    }
    return out;
}

Result<QJsonObject> NftBackend::listTable()
{
    auto exists = tableExists();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return QJsonObject{};
    auto r = run(u"list table "_s + table(), true);
    if (!r)
        return r.error();
    return QJsonDocument::fromJson(r->toUtf8()).object();
}

Result<NftTableState> NftBackend::state()
{
    auto listed = listTable();
    if (!listed)
        return listed.error();
    NftTableState st;
    for (const QJsonValue &item : listed->value(u"nftables"_s).toArray()) {
        const QJsonObject o = item.toObject();
        if (o.contains(u"table"_s)) {
            st.exists = true;
        } else if (o.contains(u"set"_s)) {
            const QJsonObject set = o.value(u"set"_s).toObject();
            const QString name = set.value(u"name"_s).toString();
            const QJsonValue flags = set.value(u"flags"_s);
            if (flags.toString() == u"interval"_s
                || flags.toArray().contains(QJsonValue(u"interval"_s)))
                st.intervalSets.insert(name);
            QList<NftTableState::Counted> &elements = st.sets[name];
            for (const QJsonValue &e : set.value(u"elem"_s).toArray()) {
                NftTableState::Counted c;
                const QJsonObject eo = e.toObject();
                if (eo.contains(u"elem"_s)) {
                    const QJsonObject inner = eo.value(u"elem"_s).toObject();
                    c.text = valueText(inner.value(u"val"_s));
                    const QJsonObject counter = inner.value(u"counter"_s).toObject();
                    c.packets = quint64(counter.value(u"packets"_s).toInteger());
                    c.bytes = quint64(counter.value(u"bytes"_s).toInteger());
                } else {
                    c.text = valueText(e);
                }
                elements << c;
            }
        } else if (o.contains(u"rule"_s)) {
            const QJsonObject rule = o.value(u"rule"_s).toObject();
            NftTableState::Counted c;
            QString set, verdict;
            summarize(rule.value(u"expr"_s), set, verdict, c);
            c.text = set.isEmpty() ? verdict : set + u' ' + verdict;
            const QString chain = rule.value(u"chain"_s).toString();
            (chain == u"output"_s ? st.outputRules : st.inputRules) << c;
        }
    }
    return st;
}

Result<QString> NftBackend::tableText()
{
    auto exists = tableExists();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return QString();
    return run(u"list table "_s + table(), false);
}

} // namespace ipsec::kernel
