#include "Ldif.h"

#include <QFile>

using namespace Qt::StringLiterals;

QList<QByteArray> LdifEntry::values(QStringView name) const
{
    QList<QByteArray> out;
    for (const auto &[n, v] : attributes) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            out.append(v);
    }
    return out;
}

QByteArray LdifEntry::value(QStringView name) const
{
    for (const auto &[n, v] : attributes) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QList<LdifEntry> parseLdif(const QByteArray &ldif)
{
    // Unfold continuation lines (a line starting with one space continues the previous one).
    QList<QByteArray> lines;
    for (const QByteArray &raw : ldif.split('\n')) {
        QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (line.startsWith(' ') && !lines.isEmpty())
            lines.last() += line.mid(1);
        else
            lines.append(line);
    }
    QList<LdifEntry> entries;
    bool inEntry = false;
    for (const QByteArray &line : lines) {
        if (line.isEmpty()) {
            inEntry = false;
            continue;
        }
        if (line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QString name = QString::fromUtf8(line.left(colon));
        QByteArray value;
        if (line.size() > colon + 1 && line.at(colon + 1) == ':')
            value = QByteArray::fromBase64(line.mid(colon + 2).trimmed());
        else
            value = line.mid(colon + 1).trimmed();
        if (name.compare(u"dn"_s, Qt::CaseInsensitive) == 0) {
            entries.append({QString::fromUtf8(value), {}});
            inEntry = true;
        } else if (inEntry) {
            entries.last().attributes.append({name, value});
        }
    }
    return entries;
}

QList<LdifEntry> readLdifFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, f.errorString());
        return {};
    }
    return parseLdif(f.readAll());
}
