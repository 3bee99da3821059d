// IpsecCmdParser::parseNegotiation and parseSecurityMethod: the -n list.
//
// A method is PART['+'PART][LIFETIMES][PFS] where PART is ESP[ConfAlg,AuthAlg] or AH[HashAlg]
// and LIFETIMES is 3600S, 50000K, 3600S/50000K or 50000K/3600S. ESP's two algorithms are
// accepted in either order (real scripts write ESP[MD5,3DES]); SHA means SHA1. The netsh
// spelling with ':' before the lifetimes and before PFS is accepted too.

#include "IpsecCmd.h"
#include "SyntaxHelpers.h"

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

using Hash = SecurityMethod::Hash;
using Cipher = SecurityMethod::Cipher;

bool is(QStringView t, QStringView word)
{
    return t.compare(word, Qt::CaseInsensitive) == 0;
}

std::optional<Hash> hashOf(QStringView t)
{
    if (is(t, u"MD5"))
        return Hash::Md5;
    if (is(t, u"SHA") || is(t, u"SHA1"))
        return Hash::Sha1;
    if (is(t, u"NONE"))
        return Hash::None;
    return std::nullopt;
}

std::optional<Cipher> cipherOf(QStringView t)
{
    if (is(t, u"DES"))
        return Cipher::Des;
    if (is(t, u"3DES"))
        return Cipher::TripleDes;
    if (is(t, u"NONE"))
        return Cipher::None;
    return std::nullopt;
}

QString expectedMethod()
{
    return IpsecCmdParser::tr("expected ESP[ConfAlg,AuthAlg], AH[HashAlg] or "
                              "AH[HashAlg]+ESP[ConfAlg,AuthAlg], optionally followed by lifetimes "
                              "such as 3600S/50000K and PFS");
}

} // namespace

Result<SecurityMethod> IpsecCmdParser::parseSecurityMethod(QStringView text)
{
    const QStringView t = text.trimmed();
    const auto fail = [&](const QString &why) {
        return Error::usage(tr("invalid security method \"%1\": %2").arg(t, why));
    };
    SecurityMethod m;
    m.esp = false;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype open = t.indexOf(u'[', pos);
        const qsizetype close = open < 0 ? -1 : t.indexOf(u']', open);
        if (close < 0)
            return fail(expectedMethod());
        const QStringView kind = t.mid(pos, open - pos);
        const auto args = t.mid(open + 1, close - open - 1).split(u',');
        if (is(kind, u"AH")) {
            if (m.ah)
                return fail(tr("AH is given twice"));
            const auto h = args.size() == 1 ? hashOf(args[0].trimmed()) : std::nullopt;
            if (!h || *h == Hash::None)
                return fail(tr("AH takes one hash, MD5 or SHA, as in AH[SHA]"));
            m.ah = true;
            m.ahHash = *h;
        } else if (is(kind, u"ESP")) {
            if (m.esp)
                return fail(tr("ESP is given twice"));
            if (args.size() != 2)
                return fail(tr("ESP takes a cipher and a hash, as in ESP[3DES,SHA]"));
            QStringView conf = args[0].trimmed();
            QStringView auth = args[1].trimmed();
            const bool swapped =
                (hashOf(conf) && !is(conf, u"NONE")) || (cipherOf(auth) && !is(auth, u"NONE"));
            if (swapped)
                std::swap(conf, auth);
            const auto c = cipherOf(conf);
            const auto h = hashOf(auth);
            if (!c || !h)
                return fail(tr("ESP takes one cipher (DES, 3DES or NONE) and one hash (MD5, SHA or "
                               "NONE), as in ESP[3DES,SHA]"));
            m.esp = true;
            m.espCipher = *c;
            m.espHash = *h;
        } else {
            return fail(expectedMethod());
        }
        pos = close + 1;
        if (pos < t.size() && t[pos] == u'+') {
            ++pos;
            continue;
        }
        break;
    }

    // Lifetimes and PFS.
    QStringView rest = t.mid(pos);
    if (rest.startsWith(u':'))
        rest = rest.mid(1);
    bool seconds = false;
    bool kbytes = false;
    while (!rest.isEmpty() && rest[0].isDigit()) {
        qsizetype n = 0;
        while (n < rest.size() && rest[n].isDigit())
            ++n;
        if (n == rest.size())
            return fail(tr("lifetime %1 needs a unit: S (seconds) or K (kilobytes)").arg(rest));
        bool ok = false;
        const uint value = rest.left(n).toUInt(&ok);
        if (!ok)
            return fail(tr("lifetime %1 is too large").arg(rest.left(n)));
        const QChar unit = rest[n].toUpper();
        if (unit == u'S' && !seconds) {
            seconds = true;
            m.lifetimeSeconds = value;
        } else if (unit == u'K' && !kbytes) {
            kbytes = true;
            m.lifetimeKBytes = value;
        } else {
            return fail(tr("lifetimes are N S (seconds) and/or N K (kilobytes), each once, as in "
                           "3600S/50000K"));
        }
        rest = rest.mid(n + 1);
        if (rest.startsWith(u'/') && rest.size() > 1 && rest[1].isDigit())
            rest = rest.mid(1);
    }
    if (rest.startsWith(u':'))
        rest = rest.mid(1);
    if (is(rest, u"PFS")) {
        m.pfs = true;
        rest = {};
    }
    if (!rest.isEmpty())
        return fail(tr("unexpected \"%1\"; %2").arg(rest, expectedMethod()));
    if (const QStringList problems = m.validate(); !problems.isEmpty())
        return fail(problems.first());
    return m;
}

Result<Negotiation> IpsecCmdParser::parseNegotiation(const QStringList &words)
{
    if (words.isEmpty())
        return Error::usage(tr("-n needs BLOCK, PASS, INPASS or one or more security methods "
                               "such as ESP[3DES,SHA]"));
    Negotiation n;
    bool keyword = false;
    for (const QString &w : words) {
        if (is(w, u"BLOCK") || is(w, u"PASS")) {
            if (words.size() > 1)
                return Error::usage(tr("-n %1 stands alone; it cannot be combined with \"%2\"")
                                        .arg(w.toUpper(), words.join(u' ')));
            n.kind = is(w, u"BLOCK") ? Negotiation::Kind::Block : Negotiation::Kind::Pass;
            return n;
        }
        if (is(w, u"INPASS")) {
            if (keyword)
                return Error::usage(tr("-n INPASS is given twice"));
            keyword = true;
            n.kind = Negotiation::Kind::InPass;
            continue;
        }
        auto m = parseSecurityMethod(w);
        if (!m)
            return m.error();
        n.methods.append(*m);
    }
    return n;
}

} // namespace ipsec::syntax
