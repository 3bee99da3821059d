#pragma once

#include "model/Address.h"
#include "model/Filter.h"
#include "model/Protocol.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace ipsec {
struct PolicyDatabase;
}

namespace ipsec::engine {

// A search text read for what an administrator means by it: "445" and "135-139" are ports,
// "udp 1434" a protocol and a port, "10.20.0.5" an address (found in every filter whose host or
// subnet contains it), "10.20.0.0/16" a subnet (filters inside or overlapping it); the whole
// text is also matched against names and descriptions.
class FilterQuery {
public:
    FilterQuery() = default;
    static FilterQuery parse(const QString &text);

    const QString &text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }
    // Whether the text says something about traffic (ports, protocol, address).
    bool hasCriteria() const { return m_hasCriteria; }

    // Every criterion holds for the filter (an any/me end or port 0 does not count as a hit:
    // "which rule blocks port 445?" wants the filters that name it).
    bool matches(const Filter &filter) const;
    // Names and descriptions: the whole text, case-insensitive.
    bool matchesText(QStringView text) const;

    // The filters of the store that match, per filter list id: their positions in the list.
    struct Hits {
        QHash<qint64, QList<int>> filters;
        bool containsList(qint64 listId) const { return filters.contains(listId); }
        bool contains(qint64 listId, int index) const;
    };
    Hits find(const PolicyDatabase &db) const;

private:
    bool addressMatches(const Address &a) const;

    QString m_text;
    bool m_hasCriteria = false;
    bool m_unparsedWords = false; // words that are neither port, protocol nor address
    std::optional<Protocol> m_protocol;
    std::optional<std::pair<quint16, quint16>> m_ports;
    std::optional<Address> m_address; // host or subnet
};

} // namespace ipsec::engine
