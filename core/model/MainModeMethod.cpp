#include "model/MainModeMethod.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

QByteArray groupName(int group)
{
    switch (group) {
    case 1:
        return "modp768";
    case 2:
        return "modp1024";
    case 3:
        return "modp2048";
    default:
        return {};
    }
}

} // namespace

Result<MainModeMethod> MainModeMethod::parse(QStringView text)
{
    static const QRegularExpression re(
        uR"(^(DES|3DES|AES128|AES192|AES256)-(MD5|SHA1|SHA)-(\d+)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return Error::usage(tr("\"%1\" is not a main mode security method (CIPHER-HASH-GROUP, "
                               "e.g. 3DES-SHA1-2).")
                                .arg(text));
    MainModeMethod out;
    const QString c = m.captured(1).toUpper();
    out.cipher = c == u"DES"_s      ? Cipher::Des
                 : c == u"3DES"_s   ? Cipher::TripleDes
                 : c == u"AES128"_s ? Cipher::Aes128
                 : c == u"AES192"_s ? Cipher::Aes192
                                    : Cipher::Aes256;
    out.hash = m.captured(2).toUpper() == u"MD5"_s ? Hash::Md5 : Hash::Sha1;
    out.dhGroup = m.captured(3).toInt();
    if (out.dhGroup == 14)
        out.dhGroup = 3; // IKE's number for Windows' "DH2048"
    if (groupName(out.dhGroup).isEmpty())
        return Error::usage(tr("\"%1\": Diffie-Hellman group %2 is not available (1, 2 or 3 "
                               "= 2048 bits).")
                                .arg(text)
                                .arg(m.captured(3)));
    return out;
}

Result<QList<MainModeMethod>> MainModeMethod::parseList(QStringView text)
{
    QList<MainModeMethod> out;
    for (const QString &word :
         text.toString().split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts)) {
        auto m = parse(word);
        if (!m)
            return m.error();
        out << *m;
    }
    return out;
}

QString MainModeMethod::toString() const
{
    static const char *const ciphers[] = {"DES", "3DES", "AES128", "AES192", "AES256"};
    return u"%1-%2-%3"_s
        .arg(QLatin1StringView(ciphers[int(cipher)]), hash == Hash::Md5 ? u"MD5"_s : u"SHA1"_s)
        .arg(dhGroup);
}

QString MainModeMethod::listToString(const QList<MainModeMethod> &methods)
{
    QStringList words;
    for (const MainModeMethod &m : methods)
        words << m.toString();
    return words.join(u' ');
}

QByteArray MainModeMethod::toProposal() const
{
    static const char *const ciphers[] = {"des", "3des", "aes128", "aes192", "aes256"};
    return QByteArray(ciphers[int(cipher)]) + '-' + (hash == Hash::Md5 ? "md5" : "sha1") + '-'
           + groupName(dhGroup);
}

QList<MainModeMethod> MainModeMethod::windowsDefaults()
{
    using C = Cipher;
    using H = Hash;
    return {{C::TripleDes, H::Sha1, 2},
            {C::TripleDes, H::Md5, 2},
            {C::Des, H::Sha1, 1},
            {C::Des, H::Md5, 1}};
}

} // namespace ipsec
