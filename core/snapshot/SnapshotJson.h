#pragma once

#include "snapshot/Snapshot.h"

#include <QByteArray>
#include <QJsonObject>

namespace ipsec {

// The snapshot document (format "ipsec-console-snapshot", version Snapshot::FormatVersion):
// every field of every object, references by guid (with the name beside it for the reader).
// The bytes are canonical: keys sorted, arrays in store order, two-space indent, so that
// export -> import -> export gives the same document apart from "created" and "host".
class SnapshotJson {
public:
    static constexpr auto FormatName = "ipsec-console-snapshot";

    static QJsonObject toJson(const Snapshot &snapshot);
    static QByteArray toBytes(const Snapshot &snapshot);
    static QByteArray toBytes(const QJsonObject &document);

    // Shared with the reader: the enum spellings used in documents.
    static QString hashName(SecurityMethod::Hash h);
    static QString cipherName(SecurityMethod::Cipher c);
    static QString authKindName(AuthMethod::Kind k);
    static QString actionName(FilterAction::Type t);
    static QString guid(const QUuid &u);
};

} // namespace ipsec
