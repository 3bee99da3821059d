#include "ds/DsObject.h"

using namespace Qt::StringLiterals;

namespace ipsec::ds {

QString DsObject::className(DsClass c)
{
    switch (c) {
    case DsClass::Policy:
        return u"ipsecPolicy"_s;
    case DsClass::Isakmp:
        return u"ipsecISAKMPPolicy"_s;
    case DsClass::Nfa:
        return u"ipsecNFA"_s;
    case DsClass::Filter:
        return u"ipsecFilter"_s;
    case DsClass::NegotiationPolicy:
        return u"ipsecNegotiationPolicy"_s;
    }
    return {};
}

std::optional<DsClass> DsObject::classFromName(QStringView name)
{
    for (DsClass c : {DsClass::Policy, DsClass::Isakmp, DsClass::Nfa, DsClass::Filter,
                      DsClass::NegotiationPolicy}) {
        if (name.compare(className(c), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QString DsObject::containerDn(const QString &baseDn)
{
    return u"CN=IP Security,CN=System,"_s + baseDn;
}

QString DsObject::dnFor(DsClass c, const QUuid &id, const QString &baseDn)
{
    return u"CN="_s + className(c) + id.toString(QUuid::WithBraces).toUpper() + u","_s
           + containerDn(baseDn);
}

} // namespace ipsec::ds
