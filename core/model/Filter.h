#pragma once

#include "model/Address.h"
#include "model/Protocol.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUuid>

namespace ipsec {

// One filter of a filter list: traffic from source to destination, optionally mirrored.
// Port 0 means any port.
struct Filter {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Filter)
public:
    qint64 id = 0; // store row id, 0 until stored
    QUuid guid;
    Address source = Address::any();
    Address destination = Address::any();
    Protocol protocol;
    quint16 sourcePort = 0;
    quint16 destinationPort = 0;
    bool mirrored = false;
    QString description;

    // Every problem, each a complete sentence naming the offending value. Empty when valid.
    QStringList validate() const;

    // Same traffic description (ignores id, guid and description).
    bool sameTraffic(const Filter &other) const;
    friend bool operator==(const Filter &, const Filter &) = default;
};

} // namespace ipsec

Q_DECLARE_TYPEINFO(ipsec::Filter, Q_RELOCATABLE_TYPE);
