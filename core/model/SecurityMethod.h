#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ipsec {

// One quick-mode security offer of a Negotiate filter action, e.g. ESP[3DES,SHA1]:100000k/3600s.
struct SecurityMethod {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SecurityMethod)
public:
    enum class Hash : quint8 { None, Md5, Sha1 };
    enum class Cipher : quint8 { None, Des, TripleDes };

    bool ah = false; // AH[ahHash] present
    Hash ahHash = Hash::Sha1;
    bool esp = true; // ESP[espCipher,espHash] present
    Cipher espCipher = Cipher::TripleDes;
    Hash espHash = Hash::Sha1;
    quint32 lifetimeKBytes = 0;  // 0 = default
    quint32 lifetimeSeconds = 0; // 0 = default
    bool pfs = false;            // ipsecpol's trailing "PFS"

    // Canonical netsh form: "ESP[3DES,SHA1]", "AH[MD5]+ESP[DES,SHA1]:50000k/3600s", "...:PFS".
    QString toString() const;
    // Parses the canonical netsh form (also accepts SHA for SHA1, any case).
    static Result<SecurityMethod> parse(QStringView text);
    QStringList validate() const;

    static QString hashName(Hash h);
    static QString cipherName(Cipher c);

    friend bool operator==(const SecurityMethod &, const SecurityMethod &) = default;
};

} // namespace ipsec
