#include "store/StoreFileHeader.h"

#include "store/SqlConnection.h"
#include "store/StoreSchema.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

// Offsets in the 100-byte SQLite database header (https://sqlite.org/fileformat.html).
constexpr int HeaderSize = 100;
constexpr int PageSizeOffset = 16;
constexpr int ChangeCounterOffset = 24;
constexpr int PageCountOffset = 28;
constexpr int UserVersionOffset = 60;
constexpr int ApplicationIdOffset = 68;
constexpr int VersionValidForOffset = 92;
// Page 1's b-tree header follows the database header: page type, ..., cell count at +3.
constexpr int RootPageTypeOffset = 100;
constexpr int RootCellCountOffset = 103;
constexpr int BytesRead = 108;
constexpr char LeafTablePage = 0x0d;

quint32 bigEndian32(const QByteArray &b, int offset)
{
    return quint32(quint8(b[offset])) << 24 | quint32(quint8(b[offset + 1])) << 16
           | quint32(quint8(b[offset + 2])) << 8 | quint32(quint8(b[offset + 3]));
}

quint16 bigEndian16(const QByteArray &b, int offset)
{
    return quint16(quint8(b[offset]) << 8 | quint8(b[offset + 1]));
}

} // namespace

Error StoreFileHeader::foreignDatabase(const QString &path, quint32 applicationId)
{
    if (applicationId == 0)
        return Error::store(tr("%1 is an SQLite database of another program, not an IPsec policy "
                               "store; it was not changed.")
                                .arg(path));
    return Error::store(tr("%1 is an SQLite database of another program (application id "
                           "0x%2), not an IPsec policy store; it was not changed.")
                            .arg(path)
                            .arg(applicationId, 8, 16, QLatin1Char('0')));
}

Error StoreFileHeader::newerSchema(const QString &path, int version)
{
    return Error::store(tr("The policy store %1 was written by a newer version of this program "
                           "(schema version %2; this version understands up to %3). It was not "
                           "changed; use the newer version, or restore a backup.")
                            .arg(path)
                            .arg(version)
                            .arg(StoreSchema::currentVersion()));
}

Result<StoreFileHeader> StoreFileHeader::inspect(const QString &path)
{
    StoreFileHeader h;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (info.isSymLink())
            return Error::store(
                tr("The policy store %1 is a symbolic link to a missing file.").arg(path));
        return h; // Missing
    }
    if (!info.isFile())
        return Error::store(tr("The policy store %1 is not a regular file.").arg(path));
    if (SqlConnection::isOpenInProcess(path)) {
        h.state = State::OpenInProcess;
        h.size = info.size();
        h.walHoldsData = true; // unknown: ask SQLite, which reads the log too
        return h;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::store(
            tr("Cannot read the policy store %1: %2").arg(path, file.errorString()));
    h.size = file.size();
    // With a write-ahead log that still holds commits, the file itself may lag behind: be
    // empty (a new store), or shorter than its header says (an interrupted checkpoint).
    h.walHoldsData = QFileInfo(path + u"-wal"_s).size() > 0;
    if (h.size == 0) {
        h.state = h.walHoldsData ? State::Unsettled : State::Empty;
        return h;
    }
    const QByteArray b = file.read(BytesRead);
    if (b.size() < HeaderSize)
        return Error::store(tr("The policy store %1 is too short (%2 bytes) to be an SQLite "
                               "database; it may be truncated. It was not changed.")
                                .arg(path)
                                .arg(h.size));
    static constexpr char magic[] = "SQLite format 3"; // with its terminating NUL: 16 bytes
    if (!b.startsWith(QByteArrayView(magic, sizeof magic)))
        return Error::store(tr("%1 is not an SQLite database (it does not begin with the SQLite "
                               "header), so it is not a policy store; it may be damaged. It was "
                               "not changed.")
                                .arg(path));

    const int rawPageSize = bigEndian16(b, PageSizeOffset);
    h.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    if (h.pageSize < 512 || (h.pageSize & (h.pageSize - 1)) != 0)
        return Error::store(tr("The policy store %1 has a damaged header (page size %2); it was "
                               "not changed.")
                                .arg(path)
                                .arg(rawPageSize));

    if (!h.walHoldsData) {
        const bool countValid =
            bigEndian32(b, VersionValidForOffset) == bigEndian32(b, ChangeCounterOffset);
        const qint64 described = qint64(bigEndian32(b, PageCountOffset)) * h.pageSize;
        if (h.size % h.pageSize != 0 || (countValid && described > h.size))
            return Error::store(
                tr("The policy store %1 is truncated or damaged: it holds %2 "
                   "bytes, but its header describes %3 bytes. It was not changed.")
                    .arg(path)
                    .arg(h.size)
                    .arg(countValid ? described : h.size / h.pageSize * h.pageSize));
    }

    h.schemaVersion = int(bigEndian32(b, UserVersionOffset));
    h.applicationId = bigEndian32(b, ApplicationIdOffset);
    if (h.applicationId == StoreSchema::ApplicationId) {
        if (h.schemaVersion > StoreSchema::currentVersion())
            return newerSchema(path, h.schemaVersion);
        if (h.schemaVersion < 1)
            return Error::store(tr("The policy store %1 is damaged: it has no schema version. It "
                                   "was not changed.")
                                    .arg(path));
        h.state = State::Store;
        return h;
    }
    const bool blank = h.applicationId == 0 && h.schemaVersion == 0 && b.size() >= BytesRead
                       && b[RootPageTypeOffset] == LeafTablePage
                       && bigEndian16(b, RootCellCountOffset) == 0;
    if (!blank)
        return foreignDatabase(path, h.applicationId);
    h.state = h.walHoldsData ? State::Unsettled : State::BlankDatabase;
    return h;
}

} // namespace ipsec
