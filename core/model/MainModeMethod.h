#pragma once

// One main-mode (IKE) offer of a policy, in netsh's mmsecmethods and ipseccmd's -1s form:
// "3DES-SHA1-2" = cipher, hash, Diffie-Hellman group as Windows numbers them (1 = 768 bits,
// 2 = 1024, 3 = 2048; the IKE group numbers 1, 2, 14).

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ipsec {

struct MainModeMethod {
    Q_DECLARE_TR_FUNCTIONS(ipsec::MainModeMethod)
public:
    enum class Cipher : quint8 { Des, TripleDes, Aes128, Aes192, Aes256 };
    enum class Hash : quint8 { Md5, Sha1 };
    Cipher cipher = Cipher::TripleDes;
    Hash hash = Hash::Sha1;
    int dhGroup = 2; // Windows' number: 1, 2 or 3 (2048 bits)

    // Accepts SHA for SHA1, any case, and IKE's group 14 for Windows' 3.
    static Result<MainModeMethod> parse(QStringView text);
    // A list separated by spaces or commas ("3DES-SHA1-2 DES-MD5-1"); empty text, empty list.
    static Result<QList<MainModeMethod>> parseList(QStringView text);
    QString toString() const;                                   // "3DES-SHA1-2"
    static QString listToString(const QList<MainModeMethod> &); // "3DES-SHA1-2 DES-MD5-1"
    QByteArray toProposal() const;                              // "3des-sha1-modp1024"
    static QList<MainModeMethod> windowsDefaults(); // 3DES-SHA1-2 3DES-MD5-2 DES-SHA1-1 DES-MD5-1
    friend bool operator==(const MainModeMethod &, const MainModeMethod &) = default;
};

} // namespace ipsec
