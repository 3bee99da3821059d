// See NftBackend.h for the choice of libnftables and the namespace rule.

#include "kernel/NftBackend.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <nftables/libnftables.h>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

QMutex &libraryLock()
{
    static QMutex m;
    return m;
}

const QString &table()
{
    static const QString t = u"inet ipsec_console"_s;
    return t;
}

} // namespace

NftBackend::NftBackend(nft_ctx *ctx, Options options)
    : m_ctx(ctx)
    , m_options(options)
{
}

NftBackend::~NftBackend()
{
    QMutexLocker lock(&libraryLock());
    nft_ctx_free(m_ctx);
}

Result<std::unique_ptr<NftBackend>> NftBackend::open(Options options)
{
    nft_ctx *ctx = nullptr;
    {
        QMutexLocker lock(&libraryLock());
        ctx = nft_ctx_new(NFT_CTX_DEFAULT);
        if (!ctx)
            return Error::kernel(tr("nftables: the library could not create a context."));
        nft_ctx_buffer_output(ctx);
        nft_ctx_buffer_error(ctx);
    }
    std::unique_ptr<NftBackend> backend(new NftBackend(ctx, options));
    // A harmless request that needs nf_tables in the kernel: a clear sentence when it is missing.
    if (auto ok = backend->run(u"list tables"_s, false); !ok)
        return Error::kernel(tr("nftables is not available in this kernel (%1). Block and permit "
                                "filters need the nf_tables module (modprobe nf_tables), or use "
                                "--backend xfrm.")
                                 .arg(ok.error().message));
    return backend;
}

Result<QString> NftBackend::run(const QString &commands, bool json)
{
    QMutexLocker lock(&libraryLock());
    unsigned int flags = nft_ctx_output_get_flags(m_ctx);
    flags = json ? (flags | NFT_CTX_OUTPUT_JSON) : (flags & ~NFT_CTX_OUTPUT_JSON);
    nft_ctx_output_set_flags(m_ctx, flags);
    const QByteArray buffer = commands.toUtf8();
    const int rc = nft_run_cmd_from_buffer(m_ctx, buffer.constData());
    const QString output = QString::fromUtf8(nft_ctx_get_output_buffer(m_ctx));
    const QString errors = QString::fromUtf8(nft_ctx_get_error_buffer(m_ctx)).trimmed();
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

Result<void> NftBackend::apply(const QString &commands)
{
    QString text = commands;
    if (m_options.failNextApply) {
        m_options.failNextApply = false;
        // The kernel refuses this last command of the batch: the whole transaction is dropped.
        text += u"\nadd table "_s + table() + u"\ncreate table "_s + table() + u'\n';
    }
    auto r = run(text, false);
    if (!r)
        return Error::kernel(
            tr("nftables: %1 The previous ruleset is unchanged.").arg(r.error().message));
    return {};
}

Result<void> NftBackend::deleteTable()
{
    auto r = run(u"add table "_s + table() + u"\ndelete table "_s + table() + u'\n', false);
    if (!r)
        return r.error();
    return {};
}

Result<bool> NftBackend::tableExists()
{
    auto r = tables();
    if (!r)
        return r.error();
    return r->contains(table());
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
