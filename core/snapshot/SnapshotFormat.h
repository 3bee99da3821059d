#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

namespace ipsec {

// The file formats a snapshot is exported in, shared by the command line and the console.
class SnapshotFormat {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SnapshotFormat)
public:
    enum class Format { Json, Netsh, IpsecCmd, Html };

    // From a name (json, netsh, ipseccmd, html), else from the file's extension (.json,
    // .cmd/.bat, .sh, .html/.htm), else JSON.
    static Result<Format> choose(const QString &name, const QString &fileName);
    static QString name(Format f);
    static QString extension(Format f); // "json", "cmd", "sh", "html"
    // The document in that format (JSON: canonical bytes; the others read it first).
    static Result<QByteArray> render(const QJsonObject &document, Format format);
};

} // namespace ipsec
