#pragma once

// Small helpers shared by the store test suites.

#include "model/PolicyDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <utility>

namespace storetest {

using namespace Qt::StringLiterals;

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

// Names and sizes of everything in a folder, to see that nothing appeared or changed.
inline QStringList folderState(const QString &dir)
{
    QStringList state;
    const auto entries =
        QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo &info : entries)
        state << u"%1:%2"_s.arg(info.fileName()).arg(info.size());
    return state;
}

// Runs statements on a plain Qt SQL connection of its own (to build or tamper with files).
inline QString runSql(const QString &path, const QStringList &statements)
{
    const QString name = u"storetest-%1"_s.arg(QUuid::createUuid().toString());
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            for (const QString &s : statements) {
                QSqlQuery q(db);
                if (!q.exec(s)) {
                    problem = s + u": "_s + q.lastError().text();
                    break;
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

// The first column of the first row of a query, on a connection of its own; -1 on error.
inline qint64 sqlInteger(const QString &path, const QString &query)
{
    const QString name = u"storetest-%1"_s.arg(QUuid::createUuid().toString());
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(query) && q.next())
                value = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

inline ipsec::Filter filter(const QString &source, const QString &destination,
                            ipsec::Protocol protocol = ipsec::Protocol::any(), quint16 sport = 0,
                            quint16 dport = 0, bool mirrored = true)
{
    ipsec::Filter f;
    f.source = ipsec::Address::parse(source).value();
    f.destination = ipsec::Address::parse(destination).value();
    f.protocol = protocol;
    f.sourcePort = sport;
    f.destinationPort = dport;
    f.mirrored = mirrored;
    return f;
}

// The first difference between two loads, or an empty string.
inline QString difference(const ipsec::PolicyDatabase &a, const ipsec::PolicyDatabase &b)
{
    if (a.revision != b.revision)
        return u"revision %1 != %2"_s.arg(a.revision).arg(b.revision);
    if (a.policies != b.policies)
        return u"policies differ"_s;
    if (a.rules != b.rules)
        return u"rules differ"_s;
    if (a.filterLists != b.filterLists)
        return u"filter lists differ"_s;
    if (a.filterActions != b.filterActions)
        return u"filter actions differ"_s;
    return {};
}

// The same content, row ids aside: every object renumbered in guid order, references followed.
inline ipsec::PolicyDatabase withoutRowIds(ipsec::PolicyDatabase db)
{
    db.revision = 0;
    auto byGuid = [](const auto &a, const auto &b) {
        return a.guid < b.guid;
    };
    std::sort(db.policies.begin(), db.policies.end(), byGuid);
    std::sort(db.rules.begin(), db.rules.end(), byGuid);
    std::sort(db.filterLists.begin(), db.filterLists.end(), byGuid);
    std::sort(db.filterActions.begin(), db.filterActions.end(), byGuid);
    QHash<qint64, qint64> policyIds, listIds, actionIds;
    for (qsizetype i = 0; i < db.policies.size(); ++i)
        policyIds.insert(std::exchange(db.policies[i].id, i + 1), i + 1);
    for (qsizetype i = 0; i < db.filterLists.size(); ++i) {
        listIds.insert(std::exchange(db.filterLists[i].id, i + 1), i + 1);
        for (auto &f : db.filterLists[i].filters)
            f.id = 0;
    }
    for (qsizetype i = 0; i < db.filterActions.size(); ++i)
        actionIds.insert(std::exchange(db.filterActions[i].id, i + 1), i + 1);
    for (qsizetype i = 0; i < db.rules.size(); ++i) {
        auto &r = db.rules[i];
        r.id = i + 1;
        r.policyId = policyIds.value(r.policyId);
        r.filterListId = listIds.value(r.filterListId);
        r.filterActionId = actionIds.value(r.filterActionId);
    }
    return db;
}

} // namespace storetest
