#include "vici/ViciPacket.h"

#include <QtEndian>

using namespace Qt::StringLiterals;

namespace ipsec::vici {

bool Packet::isNamed(Type t)
{
    return t == Type::CmdRequest || t == Type::EventRegister || t == Type::EventUnregister
           || t == Type::Event;
}

bool Packet::hasMessage(Type t)
{
    return t == Type::CmdRequest || t == Type::CmdResponse || t == Type::Event;
}

QString Packet::typeName(Type t)
{
    static const char *const names[] = {
        "CMD_REQUEST",      "CMD_RESPONSE",  "CMD_UNKNOWN",   "EVENT_REGISTER",
        "EVENT_UNREGISTER", "EVENT_CONFIRM", "EVENT_UNKNOWN", "EVENT"};
    return quint8(t) < 8 ? QString::fromLatin1(names[quint8(t)]) : QString::number(quint8(t));
}

QByteArray Packet::encode() const
{
    QByteArray out;
    out.append(char(type));
    if (isNamed(type)) {
        out.append(char(quint8(qMin<qsizetype>(name.size(), 255))));
        out.append(name.left(255));
    }
    if (hasMessage(type))
        out.append(message.encode());
    return out;
}

QByteArray Packet::frame() const
{
    const QByteArray payload = encode();
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(quint32(payload.size()), out.data());
    return out + payload;
}

Result<Packet> Packet::decode(QByteArrayView payload)
{
    if (payload.isEmpty())
        return Error::usage(tr("Empty VICI packet."));
    const quint8 type = quint8(payload[0]);
    if (type > quint8(Type::Event))
        return Error::usage(tr("Unknown VICI packet type %1.").arg(type));
    Packet p;
    p.type = Type(type);
    qsizetype at = 1;
    if (isNamed(p.type)) {
        if (payload.size() < 2)
            return Error::usage(tr("VICI packet %1 without a name.").arg(typeName(p.type)));
        const qsizetype n = quint8(payload[1]);
        if (payload.size() - 2 < n)
            return Error::usage(tr("VICI packet %1 with a truncated name.").arg(typeName(p.type)));
        p.name = payload.sliced(2, n).toByteArray();
        at = 2 + n;
    }
    if (hasMessage(p.type)) {
        auto m = Message::decode(payload.sliced(at));
        if (!m)
            return m.error();
        p.message = std::move(*m);
    } else if (at != payload.size()) {
        return Error::usage(tr("VICI packet %1 with trailing bytes.").arg(typeName(p.type)));
    }
    return p;
}

std::optional<Result<Packet>> FrameReader::next()
{
    if (m_failed)
        return Result<Packet>(Error::usage(
            QCoreApplication::translate("ipsec::vici::Packet", "The VICI stream is out of step.")));
    if (m_buffer.size() < 4)
        return std::nullopt;
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
    if (length > quint32(Packet::MaxSize) || length == 0) {
        m_failed = true;
        return Result<Packet>(Error::usage(
            QCoreApplication::translate("ipsec::vici::Packet",
                                        "A VICI packet of %1 bytes (at most %2, at least 1).")
                .arg(length)
                .arg(Packet::MaxSize)));
    }
    if (m_buffer.size() - 4 < qsizetype(length))
        return std::nullopt;
    auto packet = Packet::decode(QByteArrayView(m_buffer).sliced(4, length));
    m_buffer.remove(0, 4 + length);
    return packet;
}

} // namespace ipsec::vici
