#include "ScriptEncoding.h"

#include "Netsh.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <unicode/ucsdet.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace ipsec::syntax {

namespace {

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder d(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = d.decode(bytes); // decode() is lazy: convert to see errors
    Q_UNUSED(text);
    return !d.hasError();
}

// Decodes with a named converter; the error names the first line that does not convert.
Result<QString> decodeWith(const QByteArray &bytes, const QString &name, const QString &origin)
{
    QStringDecoder probe(name.toLatin1().constData(), QStringDecoder::Flag::Stateless);
    if (!probe.isValid())
        return Error::usage(ScriptEncoding::tr("%1: the encoding \"%2\" is not known here; give "
                                               "an ICU name such as windows-1252, GBK, IBM850 "
                                               "or a code page number such as 936")
                                .arg(origin, name));
    QString text;
    text.reserve(bytes.size());
    qsizetype start = 0;
    int line = 1;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QStringDecoder d(name.toLatin1().constData(), QStringDecoder::Flag::Stateless);
        const QString part = d.decode(QByteArrayView(bytes).sliced(start, end - start));
        if (d.hasError())
            return Error::usage(ScriptEncoding::tr("%1 line %2: the text is not valid %3; choose "
                                                   "the file's encoding with --encoding NAME")
                                    .arg(origin)
                                    .arg(line)
                                    .arg(name));
        if (part.contains(QChar(0)))
            return Error::usage(ScriptEncoding::tr("%1 line %2: contains a NUL character; that "
                                                   "is not a text file")
                                    .arg(origin)
                                    .arg(line));
        text += part;
        if (end < bytes.size())
            text += u'\n';
        start = end + 1;
        ++line;
    }
    return text;
}

struct Detected {
    QString name;
    int confidence = 0;
};

// ICU's charset detector. ISO-8859-1 is read as its Windows superset, as browsers do, and is
// preferred when it scores close to the best guess: short Latin texts (a (c) sign in a REM
// line) tell the Latin code pages apart poorly, and western Windows writes windows-1252.
Detected detect(const QByteArray &bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector *)> det(ucsdet_open(&status),
                                                                        ucsdet_close);
    if (U_FAILURE(status))
        return {};
    ucsdet_setText(det.get(), bytes.constData(), int32_t(bytes.size()), &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det.get(), &count, &status);
    if (U_FAILURE(status) || !matches || count < 1)
        return {};
    const auto windowsName = [](const QString &n) {
        if (n == u"ISO-8859-1"_s)
            return u"windows-1252"_s;
        if (n == u"ISO-8859-2"_s)
            return u"windows-1250"_s;
        if (n == u"ISO-8859-5"_s)
            return u"windows-1251"_s;
        return n;
    };
    Detected best;
    best.name = windowsName(QString::fromLatin1(ucsdet_getName(matches[0], &status)));
    best.confidence = ucsdet_getConfidence(matches[0], &status);
    const bool latin =
        best.name.startsWith(u"windows-125"_s) || best.name.startsWith(u"ISO-8859"_s);
    for (int32_t i = 1; latin && i < count; ++i) {
        const QString name = windowsName(QString::fromLatin1(ucsdet_getName(matches[i], &status)));
        const int confidence = ucsdet_getConfidence(matches[i], &status);
        if (name == u"windows-1252"_s && confidence + 15 >= best.confidence)
            return Detected{name, confidence};
    }
    if (U_FAILURE(status))
        return {};
    return best;
}

} // namespace

QString ScriptEncoding::codePageName(int cp)
{
    switch (cp) {
    case 65001:
        return u"UTF-8"_s;
    case 1200:
        return u"UTF-16LE"_s;
    case 1201:
        return u"UTF-16BE"_s;
    case 936:
        return u"GBK"_s;
    case 54936:
        return u"GB18030"_s;
    case 950:
        return u"Big5"_s;
    case 932:
        return u"Shift_JIS"_s;
    case 949:
        return u"windows-949"_s;
    case 20127:
        return u"US-ASCII"_s;
    case 20866:
        return u"KOI8-R"_s;
    case 28591:
        return u"ISO-8859-1"_s;
    case 28605:
        return u"ISO-8859-15"_s;
    default:
        break;
    }
    if (cp >= 1250 && cp <= 1258)
        return u"windows-"_s + QString::number(cp);
    // OEM code pages of the console: 437, 850, 852, 855, 857, 860-866, 869.
    if ((cp >= 437 && cp <= 437) || (cp >= 850 && cp <= 869) || cp == 737 || cp == 775)
        return u"IBM"_s + QString::number(cp);
    return {};
}

int ScriptEncoding::chcpOf(const QByteArray &bytes, int *line)
{
    // The code page is written in ASCII in every code page a batch file can use.
    static const QRegularExpression chcp(u"^[ \\t]*@?chcp(?:\\.com)?[ \\t]+(\\d{3,5})\\b"_s,
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::MultilineOption);
    const QString latin = QString::fromLatin1(bytes);
    const auto m = chcp.match(latin);
    if (!m.hasMatch())
        return 0;
    if (line)
        *line = int(latin.left(m.capturedStart()).count(u'\n')) + 1;
    return m.captured(1).toInt();
}

Result<DecodedScript> ScriptEncoding::decode(const QByteArray &bytes, const QString &origin,
                                             const QString &requested)
{
    DecodedScript out;
    const bool bom = bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")
                     || bytes.startsWith("\xEF\xBB\xBF");
    if (bytes.size() > NetshScript::MaxBytes)
        return NetshScript::decode(bytes, origin).error(); // its size message
    if (!requested.isEmpty()) {
        bool number = false;
        const int cp = requested.toInt(&number);
        out.encoding = number ? codePageName(cp) : requested;
        if (out.encoding.isEmpty())
            return Error::usage(tr("%1: code page %2 is not known here").arg(origin, requested));
        QByteArray body = bytes;
        if (bom && out.encoding.compare(u"UTF-8"_s, Qt::CaseInsensitive) == 0)
            body = bytes.mid(3);
        auto text = decodeWith(body, out.encoding, origin);
        if (!text)
            return text.error();
        out.text = text.value();
        return out;
    }
    if (bom) {
        auto text = NetshScript::decode(bytes, origin);
        if (!text)
            return text.error();
        out.text = text.value();
        out.encoding = bytes.startsWith("\xEF\xBB\xBF") ? u"UTF-8"_s : u"UTF-16"_s;
        return out;
    }
    int chcpLine = 0;
    if (const int cp = chcpOf(bytes, &chcpLine); cp != 0) {
        const QString name = codePageName(cp);
        if (name.isEmpty())
            return Error::usage(tr("%1 line %2: chcp %3 names a code page that is not known "
                                   "here; choose the file's encoding with --encoding NAME")
                                    .arg(origin)
                                    .arg(chcpLine)
                                    .arg(cp));
        // A chcp line of a file that is UTF-8 anyway (chcp 65001, or ASCII) changes nothing.
        if (!isUtf8(bytes) || cp == 65001) {
            auto text = decodeWith(bytes, name, origin);
            if (!text)
                return text.error();
            out.text = text.value();
            out.encoding = name;
            out.assumption =
                tr("%1: read as %2 (chcp %3 on line %4)").arg(origin, name).arg(cp).arg(chcpLine);
            return out;
        }
    }
    if (isUtf8(bytes)) {
        auto text = NetshScript::decode(bytes, origin);
        if (!text)
            return text.error();
        out.text = text.value();
        out.encoding = u"UTF-8"_s;
        return out;
    }
    const Detected found = detect(bytes);
    out.encoding = found.name.isEmpty() ? u"windows-1252"_s : found.name;
    auto text = decodeWith(bytes, out.encoding, origin);
    if (!text && out.encoding != u"windows-1252"_s) {
        out.encoding = u"windows-1252"_s; // the ANSI code page of western Windows
        text = decodeWith(bytes, out.encoding, origin);
    }
    if (!text)
        return text.error();
    out.text = text.value();
    out.assumption = tr("%1 is not UTF-8: read as %2 (detected); if names look wrong, give the "
                        "file's encoding with --encoding NAME")
                         .arg(origin, out.encoding);
    return out;
}

} // namespace ipsec::syntax
