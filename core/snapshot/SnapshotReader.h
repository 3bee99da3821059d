#pragma once

#include "snapshot/Snapshot.h"

#include <QByteArray>
#include <QJsonObject>

namespace ipsec {

// Reads a snapshot document strictly: anything that is not exactly what SnapshotJson writes is
// refused with one clear sentence naming the JSON path and the offending value (invalid UTF-8,
// bad JSON, another format or version, unknown or missing keys, wrong types, values out of
// range, objects the model refuses, duplicated guids or names, dangling references, documents
// over the size cap or with absurd counts). Never partially succeeds.
class SnapshotReader {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotReader)
public:
    static constexpr qsizetype MaxDocumentBytes = qsizetype(64) * 1024 * 1024;
    static constexpr qsizetype MaxObjects = 1'000'000; // per array of the document

    static Result<Snapshot> read(const QByteArray &bytes);
    static Result<Snapshot> fromJson(const QJsonObject &document);

    // The offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and
    // code points past U+10FFFF included), or -1.
    static qsizetype invalidUtf8Offset(const QByteArray &bytes);
};

} // namespace ipsec
