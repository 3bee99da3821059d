// Fuzz target: the VICI decoder (issue 14). The bytes are a stream from the daemon's socket:
// the frame reader cuts it into packets, each packet is decoded. Whatever the bytes, every step
// returns a value or an error that says why; a packet it accepts must encode back to bytes that
// decode to the same packet.

#include "vici/ViciPacket.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ipsec::vici;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // The whole input as one packet payload, and as one message.
    if (auto p = Packet::decode(bytes)) {
        auto again = Packet::decode(p->encode());
        if (!again || again->type != p->type || again->name != p->name
            || !(again->message == p->message))
            std::abort();
    } else if (p.error().message.isEmpty()) {
        std::abort();
    }
    if (auto m = Message::decode(bytes)) {
        const QByteArray encoded = m->encode();
        auto again = Message::decode(encoded);
        if (!again || !(*again == *m) || again->encode() != encoded)
            std::abort();
        (void)m->toText();
    }

    // As a stream, fed in two pieces.
    FrameReader reader;
    const qsizetype half = bytes.size() / 2;
    reader.feed(bytes.first(half));
    int packets = 0;
    for (int round = 0; round < 2; ++round) {
        while (auto p = reader.next()) {
            if (!*p && p->error().message.isEmpty())
                std::abort();
            if (++packets > 100000 || reader.failed())
                break;
        }
        if (round == 0)
            reader.feed(bytes.sliced(half));
    }
    return 0;
}
