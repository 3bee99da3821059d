#pragma once

#include "model/Address.h"
#include "model/Filter.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>
#include <QVariant>

namespace ipsec {

// Compact column encodings of the store. A store may hold hundreds of thousands of filters, and
// every column read through Qt SQL costs a QVariant, so filters keep their address and guid in
// integers and leave the blob column NULL in the common case. Internal to core/store.
class StoreCodec {
    Q_DECLARE_TR_FUNCTIONS(ipsec::PolicyStore)
public:
    // An address as one integer, kind << 48 | family << 40 | prefix << 32 | IPv4 address, plus
    // "ext": the 16 bytes of an IPv6 address or the UTF-8 of a DNS name, NULL otherwise.
    struct EncodedAddress {
        qint64 packed = 0;
        QVariant ext; // QByteArray or invalid (NULL)
    };
    static EncodedAddress encodeAddress(const Address &address);
    static qint64 packAddress(const Address &address); // the integer part alone
    // The address back; a Store error when the stored value is not one encodeAddress() makes.
    static Result<Address> decodeAddress(qint64 packed, const QVariant &ext);

    // Protocol, ports and mirrored flag of a filter as one integer: protocol | source port << 8
    // | destination port << 24 | mirrored << 40.
    static qint64 encodeTraffic(const Filter &filter);
    static void decodeTraffic(qint64 traffic, Filter &filter);

    // A guid as two integers (filters) or as its 16 RFC 4122 bytes (everything else).
    static void encodeUuid(const QUuid &uuid, qint64 &high, qint64 &low);
    static QUuid decodeUuid(qint64 high, qint64 low);
    static QByteArray uuidBlob(const QUuid &uuid) { return uuid.toRfc4122(); }
    static QUuid uuidFromBlob(const QVariant &blob);

    // Times are milliseconds since the epoch, UTC.
    static qint64 encodeTime(const QDateTime &time) { return time.toMSecsSinceEpoch(); }
    static QDateTime decodeTime(qint64 msecs);

    // Text for a NOT NULL text column (a null QString would bind as NULL).
    static QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }
    // The key that makes names unique case-insensitively, for all of Unicode (SQLite's NOCASE
    // folds ASCII only).
    static QString nameKey(const QString &name) { return name.toCaseFolded(); }
};

} // namespace ipsec
