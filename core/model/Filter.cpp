#include "model/Filter.h"

using namespace Qt::StringLiterals;

namespace ipsec {

QStringList Filter::validate() const
{
    QStringList problems;
    if ((sourcePort || destinationPort) && !protocol.hasPorts()) {
        problems << tr("A port is given but protocol %1 has no ports; ports need TCP or UDP.")
                        .arg(protocol.name());
    }
    if (source.isMe() && destination.isMe())
        problems << tr("Source and destination are both \"me\"; one side must be another host.");
    const auto fs = source.family();
    const auto fd = destination.family();
    if (fs != Address::Family::Unspecified && fd != Address::Family::Unspecified && fs != fd) {
        problems << tr("Source %1 and destination %2 mix IPv4 and IPv6.")
                        .arg(source.toString(), destination.toString());
    }
    if (description.size() > 1024)
        problems << tr("The description is longer than 1024 characters.");
    return problems;
}

bool Filter::sameTraffic(const Filter &o) const
{
    return source == o.source && destination == o.destination && protocol == o.protocol
           && sourcePort == o.sourcePort && destinationPort == o.destinationPort
           && mirrored == o.mirrored;
}

} // namespace ipsec
