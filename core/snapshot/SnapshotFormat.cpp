#include "snapshot/SnapshotFormat.h"

#include "snapshot/HtmlReportWriter.h"
#include "snapshot/IpsecCmdScriptWriter.h"
#include "snapshot/NetshScriptWriter.h"
#include "snapshot/SnapshotJson.h"
#include "snapshot/SnapshotReader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ipsec {

Result<SnapshotFormat::Format> SnapshotFormat::choose(const QString &formatName,
                                                      const QString &fileName)
{
    for (Format f : {Format::Json, Format::Netsh, Format::IpsecCmd, Format::Html})
        if (!formatName.isEmpty() && formatName.compare(name(f), Qt::CaseInsensitive) == 0)
            return f;
    if (!formatName.isEmpty())
        return Error::usage(
            tr("\"%1\" is not a snapshot format: expected json, netsh, ipseccmd or html.")
                .arg(formatName));
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"cmd"_s || suffix == u"bat"_s)
        return Format::Netsh;
    if (suffix == u"sh"_s)
        return Format::IpsecCmd;
    if (suffix == u"html"_s || suffix == u"htm"_s)
        return Format::Html;
    return Format::Json;
}

QString SnapshotFormat::name(Format f)
{
    switch (f) {
    case Format::Json:
        return u"json"_s;
    case Format::Netsh:
        return u"netsh"_s;
    case Format::IpsecCmd:
        return u"ipseccmd"_s;
    case Format::Html:
        return u"html"_s;
    }
    return {};
}

QString SnapshotFormat::extension(Format f)
{
    switch (f) {
    case Format::Json:
        return u"json"_s;
    case Format::Netsh:
        return u"cmd"_s;
    case Format::IpsecCmd:
        return u"sh"_s;
    case Format::Html:
        return u"html"_s;
    }
    return {};
}

Result<QByteArray> SnapshotFormat::render(const QJsonObject &document, Format format)
{
    if (format == Format::Json)
        return SnapshotJson::toBytes(document);
    auto snapshot = SnapshotReader::fromJson(document);
    if (!snapshot)
        return snapshot.error();
    switch (format) {
    case Format::Netsh:
        return NetshScriptWriter::write(*snapshot).toUtf8();
    case Format::IpsecCmd:
        return IpsecCmdScriptWriter::write(*snapshot).toUtf8();
    case Format::Html:
        return HtmlReportWriter::write(*snapshot).toUtf8();
    case Format::Json:
        break;
    }
    return SnapshotJson::toBytes(document);
}

} // namespace ipsec
