#include "wizards/PortList.h"

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

Result<quint16> parsePort(QStringView item)
{
    bool digits = !item.isEmpty();
    for (QChar c : item)
        digits = digits && c.isDigit() && c.unicode() < 128;
    if (!digits) {
        return Error::usage(PortList::tr("\"%1\" is not a port number: use digits, e.g. 1434.")
                                .arg(item.toString()));
    }
    bool ok = false;
    const uint port = item.toUInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        return Error::usage(
            PortList::tr("Port %1 is out of range: ports are 1 to 65535.").arg(item.toString()));
    }
    return quint16(port);
}

} // namespace

Result<PortList> PortList::parse(QStringView text)
{
    PortList list;
    const QString compact = text.toString().remove(u' ').remove(u'\t');
    if (compact.isEmpty())
        return Error::usage(tr("Enter a port (1434) or a list of ports and ranges "
                               "(135,137-139,445)."));
    const QStringList items = compact.split(u',');
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString &item = items.at(i);
        if (item.isEmpty())
            return Error::usage(
                tr("Item %1 of the list is empty: remove the extra comma.").arg(i + 1));
        const qsizetype dash = item.indexOf(u'-');
        const QStringView first = dash < 0 ? QStringView(item) : QStringView(item).left(dash);
        const QStringView last = dash < 0 ? QStringView(item) : QStringView(item).mid(dash + 1);
        auto from = parsePort(first);
        if (!from)
            return from.error();
        auto to = parsePort(last);
        if (!to)
            return to.error();
        if (*to < *from) {
            return Error::usage(tr("The range %1 runs backwards: write it as %2-%3.")
                                    .arg(item)
                                    .arg(*to)
                                    .arg(*from));
        }
        if (int(*to) - int(*from) + 1 + list.ports.size() > MaxPorts) {
            return Error::usage(
                tr("The list names more than %1 ports; block fewer ports per rule.").arg(MaxPorts));
        }
        for (int port = *from; port <= *to; ++port) {
            if (!list.ports.contains(quint16(port)))
                list.ports << quint16(port);
        }
    }
    list.text = compact;
    return list;
}

} // namespace ipsec::ui
