#pragma once

// VICI packets and their framing on the socket: a 32-bit big-endian length, then the packet:
// a type byte, a name (one length byte + bytes) for the named types, a message for the types
// that carry one.

#include "vici/ViciMessage.h"

namespace ipsec::vici {

struct Packet {
    Q_DECLARE_TR_FUNCTIONS(ipsec::vici::Packet)
public:
    enum class Type : quint8 {
        CmdRequest = 0,      // named, message
        CmdResponse = 1,     // message
        CmdUnknown = 2,      // the daemon does not know the command
        EventRegister = 3,   // named
        EventUnregister = 4, // named
        EventConfirm = 5,
        EventUnknown = 6,
        Event = 7, // named, message
    };
    static constexpr qsizetype MaxSize = 512 * 1024; // charon's VICI_MESSAGE_SIZE_MAX

    Type type = Type::CmdRequest;
    QByteArray name;
    Message message;

    static bool isNamed(Type t);
    static bool hasMessage(Type t);
    // The packet without its length prefix / with it (what goes on the socket).
    QByteArray encode() const;
    QByteArray frame() const;
    static Result<Packet> decode(QByteArrayView payload);
    static QString typeName(Type t);
};

// Cuts a byte stream into packets. feed() keeps the bytes; next() returns a packet once one is
// complete. A length above Packet::MaxSize is an error and the reader stays failed (the stream
// cannot be resynchronized).
class FrameReader {
public:
    void feed(QByteArrayView bytes) { m_buffer.append(bytes); }
    // nullopt: need more bytes.
    std::optional<Result<Packet>> next();
    bool failed() const { return m_failed; }

private:
    QByteArray m_buffer;
    bool m_failed = false;
};

} // namespace ipsec::vici
