// ipsecFilter blobs ([MS-GPIPSEC] 2.2.1.5): the legacy (v1, IPv4) filters, then optionally the
// v2 filters (IPv6, ranges). No Windows-written sample with v2 filters was at hand: their place
// after the v1 part's pad byte is this project's reading of the specification.

#include "ds/GpipsecCodec.h"

#include "ds/BlobIo.h"
#include "ds/GpipsecCodecPrivate.h"

namespace ipsec::ds {

namespace {

FilterSpecV1 readSpecV1(BlobReader &r)
{
    FilterSpecV1 f;
    f.sourceDnsName = r.string("Source-Length-Of-DNS-Name1", "Source-DNS-Name1");
    f.destinationDnsName = r.string("Destination-Length-Of-DNS-Name1", "Destination-DNS-Name1");
    f.description = r.string("Filter-Description-Length1", "Filter-Description1");
    f.id = r.guid("Filter-Specification-ID1");
    f.mirrored = r.u32("Legacy-Mirror-Options");
    checkOneOf(r, f.mirrored, {0, 1}, "Legacy-Mirror-Options");
    f.sourceAddress = r.array<4>("Legacy-Source-Address");
    f.sourceMask = r.array<4>("Legacy-Source-Mask");
    f.destinationAddress = r.array<4>("Legacy-Destination-Address");
    f.destinationMask = r.array<4>("Legacy-Destination-Mask");
    f.tunnelAddress = r.array<4>("Legacy-Tunnel-Address");
    f.protocol = r.u32("Legacy-Protocol");
    if (!r.failed() && f.protocol > 255)
        r.fail("Legacy-Protocol",
               GpipsecCodec::tr("is %1, but IP protocols go from 0 to 255").arg(f.protocol));
    f.sourcePort = r.u16("Legacy-Source-Port");
    f.destinationPort = r.u16("Legacy-Destination-Port");
    f.isTunnel = r.u8("Legacy-Is-Tunnel");
    checkOneOf(r, f.isTunnel, {0, 1}, "Legacy-Is-Tunnel");
    f.special = r.u8("Legacy-Special-Filter");
    checkOneOf(r, f.special, {0, 1, 2, 3, 4, 0x81, 0x82, 0x83, 0x84}, "Legacy-Special-Filter");
    f.options = r.u16("Legacy-Filter-Options");
    checkOneOf(r, f.options, {0}, "Legacy-Filter-Options");
    return f;
}

void writeSpecV1(BlobWriter &w, const FilterSpecV1 &f)
{
    w.string(f.sourceDnsName);
    w.string(f.destinationDnsName);
    w.string(f.description);
    w.guid(f.id);
    w.u32(f.mirrored);
    w.array(f.sourceAddress);
    w.array(f.sourceMask);
    w.array(f.destinationAddress);
    w.array(f.destinationMask);
    w.array(f.tunnelAddress);
    w.u32(f.protocol);
    w.u16(f.sourcePort);
    w.u16(f.destinationPort);
    w.u8(f.isTunnel);
    w.u8(f.special);
    w.u16(f.options);
}

AddressV2 readAddressV2(BlobReader &r, const char *typeField, const char *versionField)
{
    AddressV2 a;
    a.type = r.u32(typeField);
    checkOneOf(r, a.type, {0, 1, 2, 4, 8, 0x10, 0x20, 0x40, 0x80}, typeField);
    a.version = r.u32(versionField);
    checkOneOf(r, a.version, {1, 2, 3}, versionField);
    if (!r.failed() && a.version == 3 && a.type < 8)
        r.fail(versionField, GpipsecCodec::tr("says both IPv4 and IPv6, which only 'me' and the "
                                              "server addresses may say"));
    a.address = r.array<16>("IP-Address");
    a.secondary = r.array<16>("IP-Address-Secondary");
    if (!r.failed() && a.type == 4 && a.version == 2 && a.secondary[0] > 128)
        r.fail("IP-Address-Secondary",
               GpipsecCodec::tr("gives an IPv6 prefix length of %1").arg(a.secondary[0]));
    return a;
}

void writeAddressV2(BlobWriter &w, const AddressV2 &a)
{
    w.u32(a.type);
    w.u32(a.version);
    w.array(a.address);
    w.array(a.secondary);
}

PortV2 readPortV2(BlobReader &r, const char *typeField, const char *portField, const char *endField)
{
    PortV2 p;
    p.type = r.u32(typeField);
    checkOneOf(r, p.type, {0, 1, 2}, typeField);
    p.port = r.u16(portField);
    p.rangeEnd = r.u16(endField);
    if (!r.failed() && p.type == 2 && p.rangeEnd < p.port)
        r.fail(endField, GpipsecCodec::tr("ends the port range (%1) before it starts (%2)")
                             .arg(p.rangeEnd)
                             .arg(p.port));
    return p;
}

void writePortV2(BlobWriter &w, const PortV2 &p)
{
    w.u32(p.type);
    w.u16(p.port);
    w.u16(p.rangeEnd);
}

FilterSpecV2 readSpecV2(BlobReader &r)
{
    FilterSpecV2 f;
    f.sourceDnsName = r.string("Source-Length-Of-DNS-Name2", "Source-DNS-Name2");
    f.destinationDnsName = r.string("Destination-Length-Of-DNS-Name2", "Destination-DNS-Name2");
    f.description = r.string("Filter-Description-Length2", "Filter-Description2");
    f.id = r.guid("Filter-Specification-ID2");
    f.mirrored = r.u32("Mirror-Flags");
    checkOneOf(r, f.mirrored, {0, 1}, "Mirror-Flags");
    f.source = readAddressV2(r, "Source-Address-Data", "Source-Address-Data");
    f.destination = readAddressV2(r, "Destination-Address-Data", "Destination-Address-Data");
    f.sourcePort =
        readPortV2(r, "IPsec-Source-Port-Type", "IPsec-Source-Port", "IPsec-Source-Port-Range-End");
    f.destinationPort = readPortV2(r, "IPsec-Destination-Port-Type", "IPsec-Destination-Port",
                                   "IPsec-Destination-Port-Range-End");
    f.protocol = r.u32("Filter-Protocol");
    if (!r.failed() && f.protocol > 255)
        r.fail("Filter-Protocol",
               GpipsecCodec::tr("is %1, but IP protocols go from 0 to 255").arg(f.protocol));
    f.flags = r.u32("Filter-Flags");
    checkOneOf(r, f.flags, {0, 8}, "Filter-Flags");
    return f;
}

void writeSpecV2(BlobWriter &w, const FilterSpecV2 &f)
{
    w.string(f.sourceDnsName);
    w.string(f.destinationDnsName);
    w.string(f.description);
    w.guid(f.id);
    w.u32(f.mirrored);
    writeAddressV2(w, f.source);
    writeAddressV2(w, f.destination);
    writePortV2(w, f.sourcePort);
    writePortV2(w, f.destinationPort);
    w.u32(f.protocol);
    w.u32(f.flags);
}

// The smallest v1 / v2 filter: three empty strings, the GUID and the fixed fields.
constexpr qsizetype MinSpecV1 = 12 + 16 + 4 + 20 + 4 + 4 + 4;
constexpr qsizetype MinSpecV2 = 12 + 16 + 4 + 80 + 16 + 8;

} // namespace

Result<FilterBlob> GpipsecCodec::decodeFilter(QByteArrayView blob, const QString &object)
{
    BlobReader r(blob);
    const quint32 length1 = readHeader(r, FilterType, "Filter-Policy-ID1", "Data-Length1");
    FilterBlob b;
    if (!r.failed() && (length1 < 4 || qint64(length1) + 1 > r.remaining()))
        r.fail("Data-Length1",
               tr("says %1 bytes, but %2 follow").arg(length1).arg(r.remaining() - 1));
    const qsizetype end1 = r.pos() + qsizetype(length1);
    b.v1Count = r.u32("Number-Of-Filters1");
    // Each filter takes at least MinSpecV1 bytes or fails: the loop ends.
    while (!r.failed() && r.pos() < end1)
        b.v1.append(readSpecV1(r));
    if (!r.failed() && r.pos() != end1)
        r.fail("Data-Length1", tr("says %1 bytes, but the filters take %2")
                                   .arg(length1)
                                   .arg(r.pos() - (end1 - qsizetype(length1))));
    b.pad = r.u8("Filter-Spec1");
    if (!r.failed() && r.remaining() > 0) {
        const QUuid id2 = r.guid("Filter-Policy-ID2");
        if (!r.failed() && id2 != FilterV2Type)
            r.fail("Filter-Policy-ID2",
                   tr("is %1, not the v2 filters' GUID").arg(id2.toString(QUuid::WithBraces)));
        b.hasV2 = true;
        const quint32 length2 = r.u32("Data-Length2");
        b.v1CountOverride = r.u32("Number-Of-Filters11");
        const quint32 count2 = r.u32("Number-Of-Filters2");
        if (!r.failed() && qint64(length2) != r.remaining())
            r.fail("Data-Length2",
                   tr("says %1 bytes, but %2 follow").arg(length2).arg(r.remaining()));
        if (r.fits(count2, MinSpecV2, "Number-Of-Filters2")) {
            for (quint32 i = 0; i < count2 && !r.failed(); ++i)
                b.v2.append(readSpecV2(r));
        }
        checkEnd(r, "Filter-Spec2");
    }
    const quint32 expected1 = b.hasV2 && b.v1CountOverride != 0 ? b.v1CountOverride : b.v1Count;
    if (!r.failed() && quint64(b.v1.size()) != expected1)
        r.fail(
            b.hasV2 && b.v1CountOverride != 0 ? "Number-Of-Filters11" : "Number-Of-Filters1",
            tr("announces %1 filters, but Data-Length1 holds %2").arg(expected1).arg(b.v1.size()));
    if (r.failed())
        return blobError(object, r);
    return b;
}

QByteArray GpipsecCodec::encode(const FilterBlob &b)
{
    BlobWriter w;
    w.guid(FilterType);
    const qsizetype length1At = w.size();
    w.u32(0);
    w.u32(b.v1Count);
    for (const FilterSpecV1 &f : b.v1)
        writeSpecV1(w, f);
    w.patchU32(length1At, quint32(w.size() - length1At - 4));
    w.u8(b.pad);
    if (b.hasV2) {
        w.guid(FilterV2Type);
        const qsizetype length2At = w.size();
        w.u32(0);
        w.u32(b.v1CountOverride);
        w.u32(quint32(b.v2.size()));
        const qsizetype specsAt = w.size();
        for (const FilterSpecV2 &f : b.v2)
            writeSpecV2(w, f);
        w.patchU32(length2At, quint32(w.size() - specsAt));
    }
    return w.result();
}

} // namespace ipsec::ds
