#include "model/SecurityMethod.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

std::optional<SecurityMethod::Hash> parseHash(QStringView t)
{
    if (t.compare(u"none", Qt::CaseInsensitive) == 0)
        return SecurityMethod::Hash::None;
    if (t.compare(u"md5", Qt::CaseInsensitive) == 0)
        return SecurityMethod::Hash::Md5;
    if (t.compare(u"sha1", Qt::CaseInsensitive) == 0 || t.compare(u"sha", Qt::CaseInsensitive) == 0)
        return SecurityMethod::Hash::Sha1;
    return std::nullopt;
}

std::optional<SecurityMethod::Cipher> parseCipher(QStringView t)
{
    if (t.compare(u"none", Qt::CaseInsensitive) == 0)
        return SecurityMethod::Cipher::None;
    if (t.compare(u"des", Qt::CaseInsensitive) == 0)
        return SecurityMethod::Cipher::Des;
    if (t.compare(u"3des", Qt::CaseInsensitive) == 0)
        return SecurityMethod::Cipher::TripleDes;
    return std::nullopt;
}

} // namespace

QString SecurityMethod::hashName(Hash h)
{
    switch (h) {
    case Hash::None:
        return u"None"_s;
    case Hash::Md5:
        return u"MD5"_s;
    case Hash::Sha1:
        return u"SHA1"_s;
    }
    return {};
}

QString SecurityMethod::cipherName(Cipher c)
{
    switch (c) {
    case Cipher::None:
        return u"None"_s;
    case Cipher::Des:
        return u"DES"_s;
    case Cipher::TripleDes:
        return u"3DES"_s;
    }
    return {};
}

QString SecurityMethod::toString() const
{
    QString s;
    if (ah)
        s += u"AH["_s + hashName(ahHash) + u']';
    if (ah && esp)
        s += u'+';
    if (esp)
        s += u"ESP["_s + cipherName(espCipher) + u',' + hashName(espHash) + u']';
    if (lifetimeKBytes || lifetimeSeconds) {
        s += u':';
        if (lifetimeKBytes)
            s += QString::number(lifetimeKBytes) + u'k';
        if (lifetimeKBytes && lifetimeSeconds)
            s += u'/';
        if (lifetimeSeconds)
            s += QString::number(lifetimeSeconds) + u's';
    }
    if (pfs)
        s += u":PFS"_s;
    return s;
}

Result<SecurityMethod> SecurityMethod::parse(QStringView text)
{
    static const QRegularExpression re(
        uR"(^(?:AH\[(\w+)\])?(\+)?(?:ESP\[(\w+),(\w+)\])?(?::(?:(\d+)k)?/?(?:(\d+)s)?)?(:PFS)?$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text.trimmed());
    const auto bad = [&](const QString &why) {
        return Error::usage(tr("\"%1\" is not a security method: %2").arg(text.trimmed(), why));
    };
    if (!m.hasMatch())
        return bad(tr("expected ESP[Cipher,Hash], AH[Hash] or AH[Hash]+ESP[Cipher,Hash], "
                      "optionally followed by :KBk/SECONDSs."));
    SecurityMethod sm;
    sm.ah = m.hasCaptured(1);
    sm.esp = m.hasCaptured(3);
    if (!sm.ah && !sm.esp)
        return bad(tr("neither AH nor ESP is given."));
    if (m.hasCaptured(2) != (sm.ah && sm.esp))
        return bad(tr("'+' joins exactly one AH and one ESP part."));
    if (sm.ah) {
        const auto h = parseHash(m.capturedView(1));
        if (!h || *h == Hash::None)
            return bad(tr("AH takes MD5 or SHA1, not \"%1\".").arg(m.capturedView(1)));
        sm.ahHash = *h;
    }
    if (sm.esp) {
        auto c = parseCipher(m.capturedView(3));
        auto h = parseHash(m.capturedView(4));
        if (!c || !h) {
            // Real scripts also write the hash first: ESP[SHA,3DES].
            c = parseCipher(m.capturedView(4));
            h = parseHash(m.capturedView(3));
        }
        if (!c || !h)
            return bad(tr("ESP takes a cipher (None, DES, 3DES) and a hash (None, MD5, SHA1)."));
        sm.espCipher = *c;
        sm.espHash = *h;
    }
    sm.lifetimeKBytes = m.capturedView(5).toUInt();
    sm.lifetimeSeconds = m.capturedView(6).toUInt();
    sm.pfs = m.hasCaptured(7);
    if (const QStringList p = sm.validate(); !p.isEmpty())
        return bad(p.first());
    return sm;
}

QStringList SecurityMethod::validate() const
{
    QStringList problems;
    if (!ah && !esp)
        problems << tr("A security method needs AH, ESP or both.");
    if (esp && !ah && espCipher == Cipher::None && espHash == Hash::None)
        problems << tr("ESP[None,None] protects nothing.");
    if (lifetimeSeconds && lifetimeSeconds < 300)
        problems
            << tr("A key lifetime of %1 seconds is below the minimum of 300.").arg(lifetimeSeconds);
    if (lifetimeKBytes && lifetimeKBytes < 20480)
        problems
            << tr("A key lifetime of %1 KB is below the minimum of 20480.").arg(lifetimeKBytes);
    return problems;
}

} // namespace ipsec
