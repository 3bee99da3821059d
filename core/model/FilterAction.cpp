#include "model/FilterAction.h"
#include "model/Policy.h"

using namespace Qt::StringLiterals;

namespace ipsec {

QStringList FilterAction::validate() const
{
    QStringList problems;
    if (const QString p = validateName(name, QT_TRANSLATE_NOOP("ipsec::Names", "filter action"));
        !p.isEmpty())
        problems << p;
    if (type == Type::Negotiate && securityMethods.isEmpty())
        problems << tr("Filter action \"%1\" negotiates security but offers no security method.")
                        .arg(name);
    if (type != Type::Negotiate && (inboundPassThrough || allowUnsecured || sessionKeyPfs))
        problems << tr("Filter action \"%1\": pass-through, fallback and PFS apply only to "
                       "Negotiate.")
                        .arg(name);
    if (securityMethods.size() > 16)
        problems << tr("Filter action \"%1\" offers more than 16 security methods.").arg(name);
    for (const SecurityMethod &m : securityMethods)
        for (const QString &p : m.validate())
            problems << tr("Filter action \"%1\": %2").arg(name, p);
    return problems;
}

QString FilterAction::typeName(Type t)
{
    switch (t) {
    case Type::Permit:
        return u"Permit"_s;
    case Type::Block:
        return u"Block"_s;
    case Type::Negotiate:
        return u"Negotiate"_s;
    }
    return {};
}

Result<FilterAction::Type> FilterAction::parseType(QStringView text)
{
    for (Type t : {Type::Permit, Type::Block, Type::Negotiate})
        if (text.trimmed().compare(typeName(t), Qt::CaseInsensitive) == 0)
            return t;
    return Error::usage(
        tr("\"%1\" is not a filter action type: expected permit, block or negotiate.").arg(text));
}

} // namespace ipsec
