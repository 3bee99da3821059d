#pragma once

// Test helper: the LDIF that `ldapsearch -LLL -o ldif-wrap=no` prints (values as text, or
// base64 after "::"), read into entries. Enough for the fixtures in tests/data/ds.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

struct LdifEntry {
    QString dn;
    QList<QPair<QString, QByteArray>> attributes; // in file order, names as written

    // Every value of an attribute (case-insensitive name), in file order.
    QList<QByteArray> values(QStringView name) const;
    QByteArray value(QStringView name) const; // the first, or empty
    QString text(QStringView name) const { return QString::fromUtf8(value(name)); }
};

QList<LdifEntry> parseLdif(const QByteArray &ldif);
QList<LdifEntry> readLdifFile(const QString &path, QString *error);
