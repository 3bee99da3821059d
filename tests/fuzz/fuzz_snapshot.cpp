// Fuzz target: the snapshot reader. Whatever the bytes, read() must return a value or an error;
// a document it accepts must be written back canonically and read again to the same bytes, and
// every writer must cope with it.

#include "snapshot/HtmlReportWriter.h"
#include "snapshot/IpsecCmdScriptWriter.h"
#include "snapshot/NetshScriptWriter.h"
#include "snapshot/SnapshotDiff.h"
#include "snapshot/SnapshotJson.h"
#include "snapshot/SnapshotReader.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ipsec;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto snapshot = SnapshotReader::read(bytes);
    if (!snapshot) {
        if (snapshot.error().message.isEmpty())
            std::abort(); // every refusal must say why
        return 0;
    }
    const QByteArray canonical = SnapshotJson::toBytes(*snapshot);
    auto again = SnapshotReader::read(canonical);
    if (!again || SnapshotJson::toBytes(*again) != canonical)
        std::abort(); // what we write, we must read back to the same document
    if (!SnapshotDiff::compare(*snapshot, *again).isEmpty())
        std::abort();
    (void)NetshScriptWriter::write(*snapshot);
    (void)IpsecCmdScriptWriter::write(*snapshot);
    (void)HtmlReportWriter::write(*snapshot);
    return 0;
}
