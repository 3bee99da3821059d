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
    friend bool operator==(const AuthMethod &, const AuthMethod &) = default;
};

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
    static QString connectionTypeName(ConnectionType t); // "all", "lan", "dialup"
    friend bool operator==(const Rule &, const Rule &) = default;
};

} // namespace ipsec
