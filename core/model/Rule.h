#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUuid>

namespace ipsec {

// How peers authenticate for a negotiating rule.
struct AuthMethod {
    Q_DECLARE_TR_FUNCTIONS(ipsec::AuthMethod)
public:
    enum class Kind : quint8 { Kerberos, PresharedKey, Certificate };
    Kind kind = Kind::Kerberos;
    QString data; // the key or the CA name

    // "KERBEROS", "PRESHARE:\"key\"", "CERT:\"CA name\"" (quotes optional when parsing).
    QString toString() const;
    static Result<AuthMethod> parse(QStringView text);
    // What callers who may not change the policy see instead of a preshared key. Stored back,
    // it means "keep the key" (see PolicyDatabase::restoreMaskedSecrets), never the key itself.
    static constexpr QStringView MaskedSecret = u"***";
    bool isSecret() const { return kind == Kind::PresharedKey; }
    bool isMasked() const { return isSecret() && data == MaskedSecret; }
    // The key replaced by MaskedSecret; other methods as they are.
    AuthMethod masked() const;
    friend bool operator==(const AuthMethod &, const AuthMethod &) = default;
};

} // namespace ipsec

Q_DECLARE_TYPEINFO(ipsec::AuthMethod, Q_RELOCATABLE_TYPE);

namespace ipsec {

// A rule ("NFA") of one policy: one filter list + one filter action.
struct Rule {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Rule)
public:
    enum class ConnectionType : quint8 { All, Lan, Dialup };

    qint64 id = 0;
    QUuid guid;
    qint64 policyId = 0;
    QString name;
    QString description;
    qint64 filterListId = 0;   // 0 only for the default response rule
    qint64 filterActionId = 0; // 0 only for the default response rule
    bool active = true;
    bool defaultResponse = false;
    QString tunnelEndpoint; // empty: transport mode
    ConnectionType connectionType = ConnectionType::All;
    QList<AuthMethod> authMethods{AuthMethod{}};

    QStringList validate() const;
    void maskSecrets(); // every preshared key becomes AuthMethod::MaskedSecret
    bool hasMaskedSecret() const;
    static QString connectionTypeName(ConnectionType t); // "all", "lan", "dialup"
    friend bool operator==(const Rule &, const Rule &) = default;
};

} // namespace ipsec

Q_DECLARE_TYPEINFO(ipsec::Rule, Q_RELOCATABLE_TYPE);
