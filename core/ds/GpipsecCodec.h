#pragma once

// Decodes and encodes the ipsecData blobs of [MS-GPIPSEC] section 2.2.1. Decoding checks the
// structure (type GUID, lengths, counts, string terminators) and the values of every field that
// decides what is enforced; a blob that fails is refused with a sentence naming the object and
// the field. encode(decode(blob)) gives back exactly `blob`.

#include "ds/GpipsecBlob.h"
#include "util/Result.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace ipsec::ds {

class GpipsecCodec {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::GpipsecCodec)
public:
    // The type GUIDs that open each kind of blob.
    static const QUuid PolicyType;      // {22202163-4F4C-11D1-863B-00A0248D3021}
    static const QUuid IsakmpType;      // {80DC20B8-2EC8-11D1-A89E-00A0248D3021}
    static const QUuid NfaType;         // {11BBAC00-498D-11D1-8639-00A0248D3021}
    static const QUuid NegotiationType; // {80DC20B9-2EC8-11D1-A89E-00A0248D3021}
    static const QUuid FilterType;      // {80DC20B5-2EC8-11D1-A89E-00A0248D3021}
    static const QUuid FilterV2Type;    // {35FECD3D-AE29-4373-8A6A-C5D8FAB2FB08}
    static const QUuid VersionObject;   // {6A1F5C6F-72B7-11D2-ACF0-0060B0ECCA17}

    // `object` names the directory object in error messages (its DN).
    static Result<PolicyBlob> decodePolicy(QByteArrayView blob, const QString &object);
    static Result<IsakmpBlob> decodeIsakmp(QByteArrayView blob, const QString &object);
    static Result<NfaBlob> decodeNfa(QByteArrayView blob, const QString &object);
    static Result<VersionBlob> decodeVersion(QByteArrayView blob, const QString &object);
    static Result<NegotiationBlob> decodeNegotiation(QByteArrayView blob, const QString &object);
    static Result<FilterBlob> decodeFilter(QByteArrayView blob, const QString &object);
    // Whether an ipsecNFA blob is the Version Information Object's.
    static bool isVersionBlob(QByteArrayView blob);

    static QByteArray encode(const PolicyBlob &blob);
    static QByteArray encode(const IsakmpBlob &blob);
    static QByteArray encode(const NfaBlob &blob);
    static QByteArray encode(const VersionBlob &blob);
    static QByteArray encode(const NegotiationBlob &blob);
    static QByteArray encode(const FilterBlob &blob);
};

} // namespace ipsec::ds
