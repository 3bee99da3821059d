#include "store/StoreCodec.h"

#include <QHostAddress>

namespace ipsec {

qint64 StoreCodec::packAddress(const Address &address)
{
    qint64 packed = qint64(address.kind()) << 48 | qint64(address.family()) << 40
                    | qint64(address.prefixLength()) << 32;
    if (address.isLiteral() && address.family() == Address::Family::IPv4) {
        const auto &b = address.bytes();
        packed |= qint64(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
    }
    if (address.isServer())
        packed |= qint64(address.serverType());
    return packed;
}

StoreCodec::EncodedAddress StoreCodec::encodeAddress(const Address &address)
{
    EncodedAddress e;
    e.packed = packAddress(address);
    const auto &b = address.bytes();
    if (address.isLiteral() && address.family() == Address::Family::IPv6)
        e.ext = QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
    else if (address.isDnsName())
        e.ext = address.name().toUtf8();
    return e;
}

Result<Address> StoreCodec::decodeAddress(qint64 packed, const QVariant &ext)
{
    const auto kind = Address::Kind((packed >> 48) & 0xff);
    const auto family = Address::Family((packed >> 40) & 0xff);
    const int prefix = int((packed >> 32) & 0xff);
    const auto damaged = [packed] {
        return Error::store(tr("the stored address value 0x%1 is not valid")
                                .arg(quint64(packed), 16, 16, QLatin1Char('0')));
    };

    Address a;
    switch (kind) {
    case Address::Kind::Any:
        break;
    case Address::Kind::Me:
        a = Address::me();
        break;
    case Address::Kind::Host:
    case Address::Kind::Subnet: {
        const bool v6 = family == Address::Family::IPv6;
        const QByteArray bytes = v6 ? ext.toByteArray() : QByteArray();
        if (v6 ? bytes.size() != 16 : family != Address::Family::IPv4)
            return damaged();
        // Built once, in place: this runs for every literal address of a load.
        const QHostAddress literal =
            v6 ? QHostAddress(reinterpret_cast<const quint8 *>(bytes.constData()))
               : QHostAddress(quint32(packed));
        if (kind == Address::Kind::Host) {
            a = Address::host(literal);
        } else {
            auto subnet = Address::subnet(literal, prefix);
            if (!subnet)
                return damaged();
            a = std::move(subnet).value();
        }
        break;
    }
    case Address::Kind::DnsName: {
        auto name = Address::dnsName(QString::fromUtf8(ext.toByteArray()));
        if (!name)
            return damaged();
        a = std::move(name).value();
        break;
    }
    case Address::Kind::Server:
        if (Address::serverKeywordOf(Address::ServerType(packed & 0xff)).isEmpty())
            return damaged();
        a = Address::server(Address::ServerType(packed & 0xff));
        break;
    default:
        return damaged();
    }
    // Only values that encodeAddress() produces are accepted.
    if (packAddress(a) != packed)
        return damaged();
    return a;
}

qint64 StoreCodec::encodeTraffic(const Filter &filter)
{
    return qint64(filter.protocol.number()) | qint64(filter.sourcePort) << 8
           | qint64(filter.destinationPort) << 24 | qint64(filter.mirrored ? 1 : 0) << 40;
}

void StoreCodec::decodeTraffic(qint64 traffic, Filter &filter)
{
    filter.protocol = Protocol(quint8(traffic));
    filter.sourcePort = quint16(traffic >> 8);
    filter.destinationPort = quint16(traffic >> 24);
    filter.mirrored = (traffic >> 40) & 1;
}

void StoreCodec::encodeUuid(const QUuid &uuid, qint64 &high, qint64 &low)
{
    high = qint64(quint64(uuid.data1) << 32 | quint64(uuid.data2) << 16 | uuid.data3);
    quint64 l = 0;
    for (uchar byte : uuid.data4)
        l = l << 8 | byte;
    low = qint64(l);
}

QUuid StoreCodec::decodeUuid(qint64 high, qint64 low)
{
    const auto h = quint64(high);
    const auto l = quint64(low);
    return QUuid(uint(h >> 32), ushort(h >> 16), ushort(h), uchar(l >> 56), uchar(l >> 48),
                 uchar(l >> 40), uchar(l >> 32), uchar(l >> 24), uchar(l >> 16), uchar(l >> 8),
                 uchar(l));
}

QUuid StoreCodec::uuidFromBlob(const QVariant &blob)
{
    return QUuid::fromRfc4122(blob.toByteArray());
}

QDateTime StoreCodec::decodeTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

} // namespace ipsec
