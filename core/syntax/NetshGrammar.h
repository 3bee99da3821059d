#pragma once

// Internal to the netsh parser (NetshParser.cpp): the tag tables. Not part of the API.

#include "Netsh.h"

#include <QCoreApplication>

#include <functional>
#include <map>
#include <optional>

namespace ipsec::syntax::detail {

// Raw address and mask texts, combined when every tag is read.
struct Pending {
    std::optional<QString> srcAddr, dstAddr, srcMask, dstMask;
};

using Setter = std::function<Result<void>(NetshCommand &, Pending &, const QString &tag,
                                          const QString &value)>;

// The tags of one command, in netsh's documented (positional) order.
struct Grammar {
    QStringList tags;
    QStringList flags; // value-less words (show ... all)
};

// Every tag, by its full name: reads and checks the value into the command.
const std::map<QString, Setter> &tagSetters();
// The grammar of one command; nullopt when netsh has no such command.
std::optional<Grammar> grammarOf(NetshCommand::Context context, NetshCommand::Verb verb,
                                 NetshCommand::Object object);

QString quoted(const QString &s);
// "tag="value": expected ..."
Error badValue(const QString &tag, const QString &value, const QString &expected);

} // namespace ipsec::syntax::detail
