#include "kernel/XfrmStatistics.h"

#include <QCoreApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ipsec::kernel::XfrmStatistics", text);
}

} // namespace

Result<QMap<QString, quint64>> XfrmStatistics::read()
{
    return readFile(u"/proc/thread-self/net/xfrm_stat"_s);
}

Result<QMap<QString, quint64>> XfrmStatistics::readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error::notFound(tr("%1 does not exist: the kernel has no XFRM statistics "
                                  "(CONFIG_XFRM_STATISTICS is off).")
                                   .arg(path));
    // procfs files report size 0: read until EOF rather than by size.
    if (!file.open(QIODevice::ReadOnly))
        return Error::kernel(tr("Cannot read %1: %2").arg(path, file.errorString()));
    return parse(file.readAll());
}

Result<QMap<QString, quint64>> XfrmStatistics::parse(const QByteArray &text)
{
    QMap<QString, quint64> out;
    int lineNumber = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++lineNumber;
        const QByteArray line = rawLine.simplified();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(' ');
        bool ok = false;
        const quint64 value = fields.size() == 2 ? fields[1].toULongLong(&ok) : 0;
        if (!ok)
            return Error::kernel(tr("Unexpected line %1 in the XFRM statistics: \"%2\"")
                                     .arg(lineNumber)
                                     .arg(QString::fromLocal8Bit(line)));
        out.insert(QString::fromLatin1(fields[0]), value);
    }
    if (out.isEmpty())
        return Error::kernel(tr("The XFRM statistics are empty."));
    return out;
}

} // namespace ipsec::kernel
