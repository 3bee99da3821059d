#include "DisplayText.h"

#include "model/PolicyDatabase.h"

using namespace Qt::StringLiterals;

namespace ipsec::ui {

QString DisplayText::address(const Address &a)
{
    switch (a.kind()) {
    case Address::Kind::Any:
        return tr("<Any IP Address>");
    case Address::Kind::Me:
        return tr("<My IP Address>");
    case Address::Kind::Server:
        return Address::serverDisplayName(a.serverType());
    default:
        return a.toString();
    }
}

QString DisplayText::port(quint16 port)
{
    return port == 0 ? tr("Any") : QString::number(port);
}

QString DisplayText::filterSummary(const Filter &f)
{
    QString text = address(f.source) + u':' + port(f.sourcePort)
                   + (f.mirrored ? u" ⇄ "_s : u" → "_s) + address(f.destination) + u':'
                   + port(f.destinationPort) + u' ' + f.protocol.name();
    return text;
}

QString DisplayText::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString DisplayText::actionType(const FilterAction &a)
{
    switch (a.type) {
    case FilterAction::Type::Permit:
        return tr("Permit");
    case FilterAction::Type::Block:
        return tr("Block");
    case FilterAction::Type::Negotiate:
        break;
    }
    return tr("Negotiate security");
}

QString DisplayText::securityMethods(const FilterAction &a)
{
    QStringList methods;
    for (const SecurityMethod &m : a.securityMethods)
        methods << m.toString();
    return methods.join(u' ');
}

QString DisplayText::ruleName(const PolicyDatabase &db, const Rule &r)
{
    if (r.defaultResponse)
        return tr("<Dynamic> (default response rule)");
    if (!r.name.isEmpty())
        return r.name;
    const FilterList *list = db.filterList(r.filterListId);
    return list ? list->name : tr("<unnamed rule>");
}

} // namespace ipsec::ui
