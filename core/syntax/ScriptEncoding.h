#pragma once

// How script files written on Windows are turned into text: byte order marks, the code page a
// `chcp NNN` line names, UTF-8, else the encoding ICU's detector finds (Windows code pages such
// as windows-1252 or GBK). Qt's converters (built on ICU) do the decoding; no tables here.

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ipsec::syntax {

struct DecodedScript {
    QString text;
    QString encoding; // the name used, e.g. "UTF-8", "windows-1252", "GBK"
    // How the encoding was chosen, for the user: empty when it was certain (byte order mark,
    // UTF-8, --encoding); otherwise a sentence naming the assumption.
    QString assumption;
};

class ScriptEncoding {
    Q_DECLARE_TR_FUNCTIONS(ipsec::syntax::ScriptEncoding)
public:
    // requested: --encoding NAME (an ICU/IANA name such as "cp1252", "GBK", "IBM850" or a code
    // page number "936"), or empty to decide from the bytes.
    static Result<DecodedScript> decode(const QByteArray &bytes, const QString &origin,
                                        const QString &requested = {});
    // The converter name of a Windows code page number (chcp): 1252 -> "windows-1252",
    // 936 -> "GBK", 65001 -> "UTF-8", 850 -> "IBM850"; empty when unknown.
    static QString codePageName(int codePage);
    // The first `chcp NNN` line of a batch file (0 when there is none); line receives its number.
    static int chcpOf(const QByteArray &bytes, int *line = nullptr);
};

} // namespace ipsec::syntax
