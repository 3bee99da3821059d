#include "ds/GpipsecCodec.h"

#include "ds/BlobIo.h"
#include "ds/GpipsecCodecPrivate.h"

using namespace Qt::StringLiterals;

namespace ipsec::ds {

const QUuid GpipsecCodec::PolicyType{u"{22202163-4F4C-11D1-863B-00A0248D3021}"_s};
const QUuid GpipsecCodec::IsakmpType{u"{80DC20B8-2EC8-11D1-A89E-00A0248D3021}"_s};
const QUuid GpipsecCodec::NfaType{u"{11BBAC00-498D-11D1-8639-00A0248D3021}"_s};
const QUuid GpipsecCodec::NegotiationType{u"{80DC20B9-2EC8-11D1-A89E-00A0248D3021}"_s};
const QUuid GpipsecCodec::FilterType{u"{80DC20B5-2EC8-11D1-A89E-00A0248D3021}"_s};
const QUuid GpipsecCodec::FilterV2Type{u"{35FECD3D-AE29-4373-8A6A-C5D8FAB2FB08}"_s};
const QUuid GpipsecCodec::VersionObject{u"{6A1F5C6F-72B7-11D2-ACF0-0060B0ECCA17}"_s};

namespace {

// The optional parts of an NFA blob open with these 16 bytes ("{01010101-0101-0101-0101-
// 0101010101xx}" in the specification, written there with a short last group).
QByteArray altMarker(char last)
{
    QByteArray m(16, '\x01');
    m[15] = last;
    return m;
}

} // namespace

Error blobError(const QString &object, const BlobReader &reader)
{
    return Error::store(GpipsecCodec::tr("The directory object %1 has an ipsecData blob that "
                                         "cannot be used: its field %2 %3.")
                            .arg(object, reader.field(), reader.problem()));
}

quint32 readHeader(BlobReader &r, const QUuid &type, const char *typeField, const char *lengthField)
{
    const QUuid id = r.guid(typeField);
    if (!r.failed() && id != type)
        r.fail(typeField, GpipsecCodec::tr("is %1, not %2: this is not the blob this kind of "
                                           "object holds")
                              .arg(id.toString(QUuid::WithBraces).toUpper(),
                                   type.toString(QUuid::WithBraces).toUpper()));
    return r.u32(lengthField);
}

void checkPaddedLength(BlobReader &r, quint32 dataLength, const char *lengthField)
{
    // Data-Length is always one less than what follows it: one pad byte ends the blob.
    if (!r.failed() && qint64(dataLength) + 1 != r.remaining())
        r.fail(lengthField,
               GpipsecCodec::tr("says %1 bytes, but %2 follow (it must be one less than what "
                                "follows)")
                   .arg(dataLength)
                   .arg(r.remaining()));
}

void checkEnd(BlobReader &r, const char *lastField)
{
    if (!r.failed() && r.remaining() != 0)
        r.fail(lastField, GpipsecCodec::tr("is followed by %n unexpected byte(s)", nullptr,
                                           int(r.remaining())));
}

void checkOneOf(BlobReader &r, quint64 value, std::initializer_list<quint64> allowed,
                const char *field)
{
    if (r.failed())
        return;
    for (quint64 a : allowed) {
        if (a == value)
            return;
    }
    r.fail(field, GpipsecCodec::tr("holds the unknown value 0x%1").arg(value, 0, 16));
}

// ---- ipsecPolicy -----------------------------------------------------------------------------

Result<PolicyBlob> GpipsecCodec::decodePolicy(QByteArrayView blob, const QString &object)
{
    BlobReader r(blob);
    const quint32 length = readHeader(r, PolicyType, "IPsec_Policy_ID", "Data-Length");
    if (!r.failed() && length != 4)
        r.fail("Data-Length", tr("is %1, but must be 4").arg(length));
    checkPaddedLength(r, length, "Data-Length");
    PolicyBlob p;
    p.pollingIntervalSeconds = r.u32("Polling-Interval");
    p.unused = r.u8("Unused");
    checkEnd(r, "Unused");
    if (r.failed())
        return blobError(object, r);
    return p;
}

QByteArray GpipsecCodec::encode(const PolicyBlob &p)
{
    BlobWriter w;
    w.guid(PolicyType);
    w.u32(4);
    w.u32(p.pollingIntervalSeconds);
    w.u8(p.unused);
    return w.result();
}

// ---- ipsecISAKMPPolicy -----------------------------------------------------------------------

Result<IsakmpBlob> GpipsecCodec::decodeIsakmp(QByteArrayView blob, const QString &object)
{
    BlobReader r(blob);
    const quint32 length = readHeader(r, IsakmpType, "ISAKMP-Policy-Type-ID", "Data-Length");
    checkPaddedLength(r, length, "Data-Length");
    IsakmpBlob b;
    b.instance = r.guid("ISAKMP-Policy-Instance");
    b.zero1 = r.u32("Zero1");
    b.masterPfsRequired = r.u32("Master-PFS-Required");
    checkOneOf(r, b.masterPfsRequired, {0, 1}, "Master-PFS-Required");
    b.options = r.u32("ISAKMP-Options");
    checkOneOf(r, b.options, {0, 1, 2, 3}, "ISAKMP-Options");
    static const char *const dhFields[] = {"New-DH-1", "New-DH-2", "New-DH-3", "New-DH-4"};
    for (int i = 0; i < 4; ++i) {
        b.newDh[i] = r.u8(dhFields[i]);
        checkOneOf(r, b.newDh[i], {0, 1, 2, 3, 4}, dhFields[i]);
        if (!r.failed() && i > 0 && b.newDh[i] != 0 && b.newDh[i - 1] == 0)
            r.fail(dhFields[i],
                   tr("is set although %1 is not").arg(QLatin1StringView(dhFields[i - 1])));
    }
    b.qmLimit = r.u32("QM-Limit");
    b.mmLifetimeSeconds = r.u32("MM-Lifetime");
    b.zero2 = r.array<20>("Zero2");
    const quint32 count = r.u32("Security-Method-Count");
    if (!r.failed() && quint64(count) * 64 + 1 != quint64(r.remaining()))
        r.fail("Security-Method-Count", tr("announces %1 methods of 64 bytes, but %2 bytes follow")
                                            .arg(count)
                                            .arg(r.remaining() - 1));
    for (quint32 i = 0; i < count && !r.failed(); ++i) {
        IsakmpMethod m;
        m.majorVersion = r.u8("Major-Version");
        checkOneOf(r, m.majorVersion, {0}, "Major-Version");
        m.minorVersion = r.u8("Minor-Version");
        checkOneOf(r, m.minorVersion, {0}, "Minor-Version");
        m.zero3 = r.u16("Zero3");
        m.encryption = r.u32("Encryption-Algorithm-ID");
        checkOneOf(r, m.encryption, {0, 1, 2, 3}, "Encryption-Algorithm-ID");
        m.encryptionHigh = r.u32("Encryption-Algorithm-ID");
        m.zero4 = r.u32("Zero4");
        m.hash = r.u32("Hash-Algorithm-ID");
        checkOneOf(r, m.hash, {0, 1, 2}, "Hash-Algorithm-ID");
        m.hashHigh = r.u32("Hash-Algorithm-ID");
        m.zero5 = r.u32("Zero5");
        m.zero6 = r.u64("Zero6");
        m.randomFunction = r.u8("Random-Function");
        checkOneOf(r, m.randomFunction, {0, 1, 2, 3, 4}, "Random-Function");
        m.zero7 = r.array<7>("Zero7");
        m.oakleyGroup = r.u32("Oakley-Group");
        checkOneOf(r, m.oakleyGroup, {0, 1, 2, 0x10000001}, "Oakley-Group");
        m.qmLimit = r.u32("QM-Limit");
        m.lifetimeKBytes = r.u32("Oakley-Lifetime-KB");
        m.lifetimeSeconds = r.u32("Oakley-Lifetime-Secs");
        m.pfsIdentityRequired = r.u32("PFS-Identity-Required");
        b.methods.append(m);
    }
    b.pad = r.u8("Security-Methods");
    checkEnd(r, "Security-Methods");
    if (r.failed())
        return blobError(object, r);
    return b;
}

QByteArray GpipsecCodec::encode(const IsakmpBlob &b)
{
    BlobWriter w;
    w.guid(IsakmpType);
    w.u32(quint32(16 + 4 * 3 + 4 + 4 + 4 + 20 + 4 + 64 * b.methods.size()));
    w.guid(b.instance);
    w.u32(b.zero1);
    w.u32(b.masterPfsRequired);
    w.u32(b.options);
    w.array(b.newDh);
    w.u32(b.qmLimit);
    w.u32(b.mmLifetimeSeconds);
    w.array(b.zero2);
    w.u32(quint32(b.methods.size()));
    for (const IsakmpMethod &m : b.methods) {
        w.u8(m.majorVersion);
        w.u8(m.minorVersion);
        w.u16(m.zero3);
        w.u32(m.encryption);
        w.u32(m.encryptionHigh);
        w.u32(m.zero4);
        w.u32(m.hash);
        w.u32(m.hashHigh);
        w.u32(m.zero5);
        w.u64(m.zero6);
        w.u8(m.randomFunction);
        w.array(m.zero7);
        w.u32(m.oakleyGroup);
        w.u32(m.qmLimit);
        w.u32(m.lifetimeKBytes);
        w.u32(m.lifetimeSeconds);
        w.u32(m.pfsIdentityRequired);
    }
    w.u8(b.pad);
    return w.result();
}

// ---- ipsecNFA --------------------------------------------------------------------------------

namespace {

QList<AuthMethodBlob> readAuthMethods(BlobReader &r, quint32 count, const char *typeField,
                                      const char *lengthField, const char *dataField)
{
    QList<AuthMethodBlob> out;
    if (!r.fits(count, 8, typeField))
        return out;
    for (quint32 i = 0; i < count && !r.failed(); ++i) {
        AuthMethodBlob a;
        a.type = r.u32(typeField);
        checkOneOf(r, a.type, {1, 3, 5}, typeField);
        const BlobString data = r.string(lengthField, dataField);
        a.data = data.bytes;
        if (!r.failed() && a.type == 5 && a.data.count('\0') != a.data.size())
            r.fail(dataField, GpipsecCodec::tr("holds data for Kerberos, which takes none"));
        if (!r.failed() && a.type != 5 && data.text().isEmpty())
            r.fail(dataField, GpipsecCodec::tr("is empty: a preshared key or a CA name is needed"));
        out.append(a);
    }
    return out;
}

void writeAuthMethods(BlobWriter &w, const QList<AuthMethodBlob> &methods)
{
    for (const AuthMethodBlob &a : methods) {
        w.u32(a.type);
        w.u32(quint32(a.data.size()));
        w.bytes(a.data);
    }
}

} // namespace

Result<NfaBlob> GpipsecCodec::decodeNfa(QByteArrayView blob, const QString &object)
{
    BlobReader r(blob);
    const quint32 length = readHeader(r, NfaType, "NFA-Policy-ID", "Data-Length");
    const qsizetype start = r.pos();
    if (!r.failed() && qint64(length) + 1 > r.remaining())
        r.fail("Data-Length",
               tr("says %1 bytes, but only %2 follow").arg(length).arg(r.remaining()));
    NfaBlob b;
    const quint32 count = r.u32("Auth-Method-Count");
    b.authMethods = readAuthMethods(r, count, "Auth-Type", "Auth-Length", "Auth-Method-Data");
    b.interfaceType = r.u32("Interface-Type");
    checkOneOf(r, b.interfaceType, {0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD}, "Interface-Type");
    b.interfaceName = r.string("Interface-Name-Length", "Interface-Name");
    b.tunnelAddress = r.array<4>("Tunnel-Address");
    b.isTunnel = r.u32("Is-Tunnel-Specifier");
    checkOneOf(r, b.isTunnel, {0, 1}, "Is-Tunnel-Specifier");
    b.isActive = r.u32("Is-Active-Specifier");
    checkOneOf(r, b.isActive, {0, 1}, "Is-Active-Specifier");
    b.tunnelEndpointName = r.string("Tunnel-End-Point-Name-Length", "Tunnel-End-Point-Name");
    if (!r.failed() && r.pos() - start != qsizetype(length))
        r.fail("Data-Length", tr("says %1 bytes, but the fields up to Tunnel-End-Point-Name take "
                                 "%2")
                                  .arg(length)
                                  .arg(r.pos() - start));
    b.pad = r.u8("Tunnel-End-Point-Name");
    // Optional parts, in this order, each opened by its marker.
    if (!r.failed() && r.remaining() >= 16 && r.data().sliced(r.pos(), 16) == altMarker('\x01')) {
        r.guid("Alt-Auth-Method-Id1");
        b.hasAltAuth = true;
        const quint32 altCount = r.u32("Alt-Auth-Num-Methods-Count");
        if (!r.failed() && altCount != count)
            r.fail("Alt-Auth-Num-Methods-Count",
                   tr("is %1, but must equal Auth-Method-Count (%2)").arg(altCount).arg(count));
        b.altAuthMethods = readAuthMethods(r, altCount, "Alt-Auth-Type", "Alt-Auth-Method-Length",
                                           "Alt-Auth-Method-Value");
    }
    if (!r.failed() && r.remaining() >= 16 && r.data().sliced(r.pos(), 16) == altMarker('\x02')) {
        r.guid("Alt-Auth-Method-Id2");
        b.hasAltAuthFlags = true;
        b.altZero1 = r.u32("Zero1");
        if (r.fits(quint32(count), 4, "Alt-Auth-Method-Flags")) {
            for (quint32 i = 0; i < count; ++i) {
                b.altAuthFlags.append(r.u32("Alt-Auth-Method-Flags"));
                checkOneOf(r, b.altAuthFlags.last(), {0, 1, 2, 3}, "Alt-Auth-Method-Flags");
            }
        }
    }
    if (!r.failed() && r.remaining() >= 16 && r.data().sliced(r.pos(), 16) == altMarker('\x03')) {
        r.guid("IPv6-Tunnel-Mode-ID");
        b.hasIpv6Tunnel = true;
        b.ipv6TunnelAddress = r.array<16>("IPv6-Tunnel-Mode-Address");
    }
    checkEnd(r, "Tunnel-End-Point-Name");
    if (r.failed())
        return blobError(object, r);
    return b;
}

QByteArray GpipsecCodec::encode(const NfaBlob &b)
{
    BlobWriter w;
    w.guid(NfaType);
    const qsizetype lengthAt = w.size();
    w.u32(0);
    w.u32(quint32(b.authMethods.size()));
    writeAuthMethods(w, b.authMethods);
    w.u32(b.interfaceType);
    w.string(b.interfaceName);
    w.array(b.tunnelAddress);
    w.u32(b.isTunnel);
    w.u32(b.isActive);
    w.string(b.tunnelEndpointName);
    w.patchU32(lengthAt, quint32(w.size() - lengthAt - 4));
    w.u8(b.pad);
    if (b.hasAltAuth) {
        w.bytes(altMarker('\x01'));
        w.u32(quint32(b.altAuthMethods.size()));
        writeAuthMethods(w, b.altAuthMethods);
    }
    if (b.hasAltAuthFlags) {
        w.bytes(altMarker('\x02'));
        w.u32(b.altZero1);
        for (quint32 f : b.altAuthFlags)
            w.u32(f);
    }
    if (b.hasIpv6Tunnel) {
        w.bytes(altMarker('\x03'));
        w.array(b.ipv6TunnelAddress);
    }
    return w.result();
}

// ---- the Version Information Object ---------------------------------------------------------

bool GpipsecCodec::isVersionBlob(QByteArrayView blob)
{
    BlobReader r(blob);
    return r.guid("") == VersionObject && !r.failed();
}

Result<VersionBlob> GpipsecCodec::decodeVersion(QByteArrayView blob, const QString &object)
{
    BlobReader r(blob);
    VersionBlob v;
    v.id = r.guid("Version-ID");
    if (!r.failed() && v.id != VersionObject)
        r.fail("Version-ID", tr("is not the Version Information Object's GUID"));
    const quint32 length = r.u32("Data-Length");
    const qsizetype start = r.pos();
    v.version = r.u32("Version");
    v.timestamp = r.u32("Time");
    v.product = r.string("Product-Length", "Product");
    v.author = r.string("Author-Length", "Author");
    v.note = r.string("Note-Length", "Note");
    if (!r.failed() && r.pos() - start != qsizetype(length))
        r.fail(
            "Data-Length",
            tr("says %1 bytes, but the version record takes %2").arg(length).arg(r.pos() - start));
    if (r.failed())
        return blobError(object, r);
    v.nfa = r.bytes(r.remaining(), "NFA");
    auto nfa = decodeNfa(v.nfa, object);
    if (!nfa)
        return nfa.error();
    return v;
}

QByteArray GpipsecCodec::encode(const VersionBlob &v)
{
    BlobWriter w;
    w.guid(v.id);
    const qsizetype lengthAt = w.size();
    w.u32(0);
    w.u32(v.version);
    w.u32(v.timestamp);
    w.string(v.product);
    w.string(v.author);
    w.string(v.note);
    w.patchU32(lengthAt, quint32(w.size() - lengthAt - 4));
    w.bytes(v.nfa);
    return w.result();
}

// ---- ipsecNegotiationPolicy ------------------------------------------------------------------

Result<NegotiationBlob> GpipsecCodec::decodeNegotiation(QByteArrayView blob, const QString &object)
{
    BlobReader r(blob);
    const quint32 length = readHeader(r, NegotiationType, "Negotiation-Policy-ID", "DataLength");
    checkPaddedLength(r, length, "DataLength");
    NegotiationBlob b;
    const quint32 count = r.u32("Security-Offer-Count");
    if (!r.failed() && quint64(count) * 80 + 1 != quint64(r.remaining()))
        r.fail("Security-Offer-Count", tr("announces %1 offers of 80 bytes, but %2 bytes follow")
                                           .arg(count)
                                           .arg(r.remaining() - 1));
    for (quint32 i = 0; i < count && !r.failed(); ++i) {
        SecurityOffer o;
        o.lifetimeSeconds = r.u32("Lifetime-Seconds");
        o.lifetimeKBytes = r.u32("Lifetime-KBytes");
        o.options = r.u32("Negotiation-Options");
        checkOneOf(r, o.options, {0}, "Negotiation-Options");
        o.pfs = r.u32("PFS-QM-Required");
        checkOneOf(r, o.pfs, {0, 1}, "PFS-QM-Required");
        o.algorithmCount = r.u32("Algorithm-Offer-Count");
        checkOneOf(r, o.algorithmCount, {0, 1, 2, 3}, "Algorithm-Offer-Count");
        for (quint32 k = 0; k < 3; ++k) {
            AlgorithmOffer &a = o.algorithms[k];
            a.algorithm = r.u32("Algorithm-Identifier");
            a.integrity = r.u32("ESP-Integrity-Identifier");
            a.offerType = r.u32("Offer-Type");
            a.zero1 = r.array<8>("Zero1");
            if (k >= o.algorithmCount)
                continue; // not significant, kept as found
            checkOneOf(r, a.offerType, {1, 2}, "Offer-Type");
            if (a.offerType == 1) {
                checkOneOf(r, a.algorithm, {1, 2}, "Algorithm-Identifier");
            } else {
                // The specification's table reads 1 null, 2 DES, 3 3DES. Windows' own default
                // objects use 3 and 1 for 3DES and DES (their lists read 3DES/SHA-1, 3DES/MD5,
                // DES/SHA-1, DES/MD5, as Windows shows them; the ISAKMP methods of the same
                // domain also use 1 for DES), so 1 is read as DES and 0 as no encryption.
                checkOneOf(r, a.algorithm, {0, 1, 2, 3}, "Algorithm-Identifier");
                checkOneOf(r, a.integrity, {0, 1, 2}, "ESP-Integrity-Identifier");
            }
        }
        b.offers.append(o);
    }
    b.pad = r.u8("Security-Offer-Data");
    checkEnd(r, "Security-Offer-Data");
    if (r.failed())
        return blobError(object, r);
    return b;
}

QByteArray GpipsecCodec::encode(const NegotiationBlob &b)
{
    BlobWriter w;
    w.guid(NegotiationType);
    w.u32(quint32(4 + 80 * b.offers.size()));
    w.u32(quint32(b.offers.size()));
    for (const SecurityOffer &o : b.offers) {
        w.u32(o.lifetimeSeconds);
        w.u32(o.lifetimeKBytes);
        w.u32(o.options);
        w.u32(o.pfs);
        w.u32(o.algorithmCount);
        for (const AlgorithmOffer &a : o.algorithms) {
            w.u32(a.algorithm);
            w.u32(a.integrity);
            w.u32(a.offerType);
            w.array(a.zero1);
        }
    }
    w.u8(b.pad);
    return w.result();
}

} // namespace ipsec::ds
