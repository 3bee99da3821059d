#include "vici/ViciMessage.h"

using namespace Qt::StringLiterals;

namespace ipsec::vici {

namespace {

enum ElementType : quint8 {
    SectionStart = 1,
    SectionEnd = 2,
    KeyValue = 3,
    ListStart = 4,
    ListItem = 5,
    ListEnd = 6,
};

void putName(QByteArray &out, const QByteArray &name)
{
    out.append(char(quint8(qMin<qsizetype>(name.size(), 255))));
    out.append(name.left(255));
}

void putValue(QByteArray &out, const QByteArray &value)
{
    const qsizetype n = qMin<qsizetype>(value.size(), 0xffff);
    out.append(char(quint8(n >> 8))).append(char(quint8(n & 0xff)));
    out.append(value.left(n));
}

void encodeSection(QByteArray &out, const Element &section)
{
    for (const Element &e : section.children()) {
        switch (e.kind()) {
        case Element::Kind::Value:
            out.append(char(KeyValue));
            putName(out, e.name());
            putValue(out, e.value());
            break;
        case Element::Kind::List:
            out.append(char(ListStart));
            putName(out, e.name());
            for (const QByteArray &item : e.items()) {
                out.append(char(ListItem));
                putValue(out, item);
            }
            out.append(char(ListEnd));
            break;
        case Element::Kind::Section:
            out.append(char(SectionStart));
            putName(out, e.name());
            encodeSection(out, e);
            out.append(char(SectionEnd));
            break;
        }
    }
}

class Decoder {
    Q_DECLARE_TR_FUNCTIONS(ipsec::vici::Message)
public:
    explicit Decoder(QByteArrayView data)
        : m_data(data)
    {
    }

    std::optional<Error> run(Element &root)
    {
        std::vector<Element *> stack{&root};
        Element *list = nullptr;
        qsizetype count = 0;
        while (m_at < m_data.size()) {
            if (++count > Message::MaxElements)
                return fail(tr("more than %1 elements").arg(Message::MaxElements));
            const quint8 type = quint8(m_data[m_at++]);
            if (list && type != ListItem && type != ListEnd)
                return fail(tr("element type %1 inside list \"%2\"")
                                .arg(type)
                                .arg(QString::fromUtf8(list->name())));
            switch (type) {
            case SectionStart: {
                QByteArray name;
                if (!name8(name))
                    return fail(tr("truncated section name"));
                if (int(stack.size()) > Message::MaxDepth)
                    return fail(tr("sections nested deeper than %1").arg(Message::MaxDepth));
                stack.push_back(&stack.back()->section(name));
                break;
            }
            case SectionEnd:
                if (stack.size() < 2)
                    return fail(tr("section end without a section"));
                stack.pop_back();
                break;
            case KeyValue: {
                QByteArray name, value;
                if (!name8(name) || !value16(value))
                    return fail(tr("truncated key/value"));
                stack.back()->add(name, value);
                break;
            }
            case ListStart: {
                QByteArray name;
                if (!name8(name))
                    return fail(tr("truncated list name"));
                list = &stack.back()->list(name);
                break;
            }
            case ListItem: {
                if (!list)
                    return fail(tr("list item outside a list"));
                QByteArray value;
                if (!value16(value))
                    return fail(tr("truncated list item"));
                list->item(value);
                break;
            }
            case ListEnd:
                if (!list)
                    return fail(tr("list end outside a list"));
                list = nullptr;
                break;
            default:
                return fail(tr("unknown element type %1").arg(type));
            }
        }
        if (list)
            return fail(tr("list \"%1\" not closed").arg(QString::fromUtf8(list->name())));
        if (stack.size() != 1)
            return fail(tr("%n section(s) not closed", nullptr, int(stack.size() - 1)));
        return std::nullopt;
    }

private:
    bool name8(QByteArray &out)
    {
        if (m_at >= m_data.size())
            return false;
        const qsizetype n = quint8(m_data[m_at++]);
        if (m_data.size() - m_at < n)
            return false;
        out = m_data.sliced(m_at, n).toByteArray();
        m_at += n;
        return true;
    }
    bool value16(QByteArray &out)
    {
        if (m_data.size() - m_at < 2)
            return false;
        const qsizetype n = qsizetype(quint8(m_data[m_at])) << 8 | quint8(m_data[m_at + 1]);
        m_at += 2;
        if (m_data.size() - m_at < n)
            return false;
        out = m_data.sliced(m_at, n).toByteArray();
        m_at += n;
        return true;
    }
    Error fail(const QString &why) const
    {
        return Error::usage(tr("Malformed VICI message at byte %1: %2").arg(m_at).arg(why));
    }

    QByteArrayView m_data;
    qsizetype m_at = 0;
};

QString quoted(const QByteArray &v)
{
    return u'"' + QString::fromUtf8(v) + u'"';
}

void toText(QString &out, const Element &section, int indent)
{
    const QString pad(indent * 2, u' ');
    for (const Element &e : section.children()) {
        const QString name = QString::fromUtf8(e.name());
        switch (e.kind()) {
        case Element::Kind::Value:
            out += pad + name + u" = "_s + quoted(e.value()) + u'\n';
            break;
        case Element::Kind::List: {
            QStringList items;
            for (const QByteArray &i : e.items())
                items << quoted(i);
            out += pad + name + u" = ["_s + items.join(u", "_s) + u"]\n"_s;
            break;
        }
        case Element::Kind::Section:
            out += pad + name + u" {\n"_s;
            toText(out, e, indent + 1);
            out += pad + u"}\n"_s;
            break;
        }
    }
}

} // namespace

Element &Element::add(const QByteArray &name, const QByteArray &value)
{
    Element e(name, Kind::Value);
    e.m_value = value;
    m_children.push_back(std::move(e));
    return *this;
}

Element &Element::addList(const QByteArray &name, const QList<QByteArray> &items)
{
    Element e(name, Kind::List);
    e.m_items = items;
    m_children.push_back(std::move(e));
    return *this;
}

Element &Element::list(const QByteArray &name)
{
    m_children.emplace_back(name, Kind::List);
    return m_children.back();
}

Element &Element::item(const QByteArray &value)
{
    m_items << value;
    return *this;
}

Element &Element::section(const QByteArray &name)
{
    m_children.emplace_back(name, Kind::Section);
    return m_children.back();
}

const Element *Element::find(QByteArrayView path) const
{
    const qsizetype dot = path.indexOf('.');
    const QByteArrayView head = dot < 0 ? path : path.first(dot);
    for (const Element &e : m_children) {
        if (e.m_name != head)
            continue;
        if (dot < 0)
            return &e;
        if (e.m_kind == Kind::Section)
            return e.find(path.sliced(dot + 1));
        return nullptr;
    }
    return nullptr;
}

QByteArray Element::valueOf(QByteArrayView path) const
{
    const Element *e = find(path);
    return e && e->m_kind == Kind::Value ? e->m_value : QByteArray();
}

QList<QByteArray> Element::itemsOf(QByteArrayView path) const
{
    const Element *e = find(path);
    return e && e->m_kind == Kind::List ? e->m_items : QList<QByteArray>();
}

QByteArray Message::encode() const
{
    QByteArray out;
    encodeSection(out, *this);
    return out;
}

Result<Message> Message::decode(QByteArrayView data)
{
    Message m;
    Decoder d(data);
    if (auto error = d.run(m))
        return *error;
    return m;
}

QString Message::toText() const
{
    QString out;
    vici::toText(out, *this, 0);
    return out;
}

} // namespace ipsec::vici
