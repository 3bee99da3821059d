#include "engine/FilterQuery.h"

#include "model/PolicyDatabase.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

std::optional<quint16> portNumber(QStringView word)
{
    bool ok = false;
    const uint value = word.toUInt(&ok);
    if (!ok || value == 0 || value > 65535)
        return std::nullopt;
    return quint16(value);
}

// Whether the first `bits` bits of two byte arrays agree.
bool samePrefix(const std::array<quint8, 16> &a, const std::array<quint8, 16> &b, int bits)
{
    int i = 0;
    for (; bits >= 8; bits -= 8, ++i)
        if (a[size_t(i)] != b[size_t(i)])
            return false;
    if (bits == 0)
        return true;
    const auto mask = quint8(0xff << (8 - bits));
    return (a[size_t(i)] & mask) == (b[size_t(i)] & mask);
}

} // namespace

FilterQuery FilterQuery::parse(const QString &text)
{
    FilterQuery q;
    q.m_text = text.trimmed();
    static const QRegularExpression space(u"[\\s,]+"_s);
    const QStringList words = q.m_text.split(space, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QString lower = word.toLower();
        if (lower == u"tcp"_s || lower == u"udp"_s || lower == u"icmp"_s) {
            q.m_protocol = Protocol::parse(lower).value();
        } else if (const auto port = portNumber(word)) {
            q.m_ports = std::pair{*port, *port};
        } else if (const qsizetype dash = word.indexOf(u'-'); dash > 0) {
            const auto from = portNumber(QStringView(word).left(dash));
            const auto to = portNumber(QStringView(word).mid(dash + 1));
            if (from && to && *from <= *to)
                q.m_ports = std::pair{*from, *to};
            else
                q.m_unparsedWords = true;
        } else if (word.contains(u'.') || word.contains(u':')) {
            const auto address = Address::parse(word);
            if (address && address->isLiteral())
                q.m_address = address.value();
            else
                q.m_unparsedWords = true;
        } else {
            q.m_unparsedWords = true;
        }
    }
    // "Block web" is a name search; "udp 1434" or "10.1.2.3" are criteria.
    q.m_hasCriteria = !q.m_unparsedWords && (q.m_protocol || q.m_ports || q.m_address);
    return q;
}

bool FilterQuery::addressMatches(const Address &a) const
{
    if (!a.isLiteral() || a.family() != m_address->family())
        return false;
    // Contains the query (the query is inside the filter's subnet) or lies inside the query.
    return samePrefix(a.bytes(), m_address->bytes(),
                      std::min(a.prefixLength(), m_address->prefixLength()));
}

bool FilterQuery::matches(const Filter &filter) const
{
    if (!m_hasCriteria)
        return false;
    if (m_protocol && filter.protocol != *m_protocol)
        return false;
    if (m_ports) {
        const auto inRange = [this](quint16 port) {
            return port != 0 && port >= m_ports->first && port <= m_ports->second;
        };
        if (!inRange(filter.destinationPort) && !inRange(filter.sourcePort))
            return false;
    }
    if (m_address && !addressMatches(filter.source) && !addressMatches(filter.destination))
        return false;
    return true;
}

bool FilterQuery::matchesText(QStringView text) const
{
    return !m_text.isEmpty() && text.contains(m_text, Qt::CaseInsensitive);
}

bool FilterQuery::Hits::contains(qint64 listId, int index) const
{
    const auto it = filters.constFind(listId);
    return it != filters.cend() && std::binary_search(it->cbegin(), it->cend(), index);
}

FilterQuery::Hits FilterQuery::find(const PolicyDatabase &db) const
{
    Hits hits;
    if (!m_hasCriteria)
        return hits;
    for (const FilterList &list : db.filterLists) {
        QList<int> found;
        for (int i = 0; i < list.filters.size(); ++i)
            if (matches(list.filters.at(i)))
                found << i;
        if (!found.isEmpty())
            hits.filters.insert(list.id, found);
    }
    return hits;
}

} // namespace ipsec::engine
