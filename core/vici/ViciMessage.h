#pragma once

// strongSwan's VICI wire format (src/libcharon/plugins/vici/README.md in strongSwan): a message
// is a sequence of elements, each a type byte followed by its data:
//   1 SECTION_START name   2 SECTION_END   3 KEY_VALUE name value   4 LIST_START name
//   5 LIST_ITEM value      6 LIST_END
// A name is one length byte + bytes, a value two length bytes (big endian) + bytes. Debian ships
// libvici without its header, so this is a small, strict codec of our own: decode() accepts only
// well-formed, balanced messages within the limits below, whatever the bytes.

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

#include <list>

namespace ipsec::vici {

// One named entry of a section: a value, a list of values, or a nested section. Children live
// in a std::list so that references returned by section()/list() stay valid while siblings are
// added.
class Element {
public:
    enum class Kind : quint8 { Value, List, Section };

    Element() = default;
    Element(QByteArray name, Kind kind)
        : m_name(std::move(name))
        , m_kind(kind)
    {
    }

    const QByteArray &name() const { return m_name; }
    Kind kind() const { return m_kind; }
    const QByteArray &value() const { return m_value; }               // Kind::Value
    const QList<QByteArray> &items() const { return m_items; }        // Kind::List
    const std::list<Element> &children() const { return m_children; } // Kind::Section

    // Building a section (the element must be a section; the root of a message is one).
    Element &add(const QByteArray &name, const QByteArray &value);
    Element &add(const QByteArray &name, const QString &value) { return add(name, value.toUtf8()); }
    Element &addList(const QByteArray &name, const QList<QByteArray> &items);
    Element &section(const QByteArray &name); // appends a new subsection and returns it
    Element &list(const QByteArray &name);    // appends an empty list and returns it
    Element &item(const QByteArray &value);   // appends to this list

    // Lookups in a section: the first child of that name, or nullptr. A dotted path goes down
    // sections ("local.auth").
    const Element *find(QByteArrayView path) const;
    QByteArray valueOf(QByteArrayView path) const; // empty when absent or not a value
    QList<QByteArray> itemsOf(QByteArrayView path) const;

    friend bool operator==(const Element &, const Element &) = default;

private:
    QByteArray m_name;
    Kind m_kind = Kind::Section;
    QByteArray m_value;
    QList<QByteArray> m_items;
    std::list<Element> m_children;
};

// A whole message: the root section.
class Message : public Element {
    Q_DECLARE_TR_FUNCTIONS(ipsec::vici::Message)
public:
    static constexpr int MaxDepth = 32; // nested sections
    static constexpr qsizetype MaxElements = 100000;

    Message() = default;
    QByteArray encode() const;
    static Result<Message> decode(QByteArrayView data);
    // Readable form for logs and tests: key = value, lists in [], sections in { }.
    QString toText() const;
};

} // namespace ipsec::vici
