// Fuzz target: the [MS-GPIPSEC] blob codec (directory objects, issue 15). The first byte picks
// the kind of blob (0 ipsecPolicy, 1 ipsecISAKMPPolicy, 2 ipsecNFA, 3 the Version Information
// Object, 4 ipsecNegotiationPolicy, 5 ipsecFilter), the rest is the blob. Whatever the bytes,
// decoding returns a value or an error that says why; a blob it accepts must encode back to
// exactly the same bytes. An ISAKMP blob also goes through the policy's key exchange settings
// (issue 14): read into a policy that passes its checks, and written back unchanged.

#include "ds/DsModel.h"
#include "ds/GpipsecCodec.h"

#include <cstdint>
#include <cstdlib>

namespace {

template <typename T>
void check(const ipsec::Result<T> &decoded, QByteArrayView blob)
{
    using ipsec::ds::GpipsecCodec;
    if (!decoded) {
        if (decoded.error().message.isEmpty())
            std::abort(); // every refusal must say why
        return;
    }
    if (GpipsecCodec::encode(*decoded) != blob)
        std::abort(); // byte-exact round trip
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using ipsec::ds::GpipsecCodec;
    if (size == 0)
        return 0;
    const QByteArrayView blob(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString object = QStringLiteral("CN=fuzz");
    switch (data[0] % 6) {
    case 0:
        check(GpipsecCodec::decodePolicy(blob, object), blob);
        break;
    case 1: {
        const auto ike = GpipsecCodec::decodeIsakmp(blob, object);
        check(ike, blob);
        if (ike) {
            ipsec::Policy p;
            p.name = QStringLiteral("fuzz");
            ipsec::ds::DsModel::keyExchangeFromIsakmp(*ike, p);
            if (!p.validate().isEmpty())
                std::abort(); // whatever the directory says, the policy is a valid one
            const auto back = ipsec::ds::DsModel::isakmpWithKeyExchange(*ike, p);
            if (!back || GpipsecCodec::encode(*back) != blob)
                std::abort(); // unchanged settings keep the blob's bytes
        }
        break;
    }
    case 2:
        check(GpipsecCodec::decodeNfa(blob, object), blob);
        break;
    case 3:
        check(GpipsecCodec::decodeVersion(blob, object), blob);
        break;
    case 4:
        check(GpipsecCodec::decodeNegotiation(blob, object), blob);
        break;
    default:
        check(GpipsecCodec::decodeFilter(blob, object), blob);
        break;
    }
    return 0;
}
