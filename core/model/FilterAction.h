#pragma once

#include "model/SecurityMethod.h"

#include <QList>
#include <QUuid>

namespace ipsec {

// A named, shared filter action ("negotiation policy"): Permit, Block or Negotiate security.
struct FilterAction {
    Q_DECLARE_TR_FUNCTIONS(ipsec::FilterAction)
public:
    enum class Type : quint8 { Permit, Block, Negotiate };

    qint64 id = 0;
    QUuid guid;
    QString name;
    QString description;
    Type type = Type::Negotiate;
    bool inboundPassThrough = false; // accept unsecured inbound, respond with IPsec (INPASS)
    bool allowUnsecured = false;     // fall back to clear with non-IPsec peers (-soft)
    bool sessionKeyPfs = false;
    QList<SecurityMethod> securityMethods; // only for Negotiate

    QStringList validate() const;
    static QString typeName(Type t);            // "Permit", "Block", "Negotiate"
    static Result<Type> parseType(QStringView); // permit|block|negotiate, any case

    friend bool operator==(const FilterAction &, const FilterAction &) = default;
};

} // namespace ipsec

Q_DECLARE_TYPEINFO(ipsec::FilterAction, Q_RELOCATABLE_TYPE);
