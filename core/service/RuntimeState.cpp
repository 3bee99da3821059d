#include "service/RuntimeState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

const QString dynamicFile = u"dynamic.json"_s;
const QString emergencyFile = u"emergency.json"_s;

quint64 netnsInode()
{
    struct stat st {};
    if (::stat("/proc/thread-self/ns/net", &st) == 0)
        return quint64(st.st_ino);
    return 0;
}

QJsonObject filterToJson(const engine::DynamicFilter &d)
{
    return QJsonObject{{u"guid"_s, d.filter.guid.toString(QUuid::WithBraces)},
                       {u"source"_s, d.filter.source.toString()},
                       {u"destination"_s, d.filter.destination.toString()},
                       {u"protocol"_s, int(d.filter.protocol.number())},
                       {u"sourcePort"_s, int(d.filter.sourcePort)},
                       {u"destinationPort"_s, int(d.filter.destinationPort)},
                       {u"mirrored"_s, d.filter.mirrored},
                       {u"action"_s, FilterAction::typeName(d.action)},
                       {u"label"_s, d.label}};
}

std::optional<engine::DynamicFilter> filterFromJson(const QJsonObject &o)
{
    engine::DynamicFilter d;
    auto src = Address::parse(o.value(u"source"_s).toString());
    auto dst = Address::parse(o.value(u"destination"_s).toString());
    auto action = FilterAction::parseType(o.value(u"action"_s).toString());
    const int proto = o.value(u"protocol"_s).toInt(-1);
    const int sport = o.value(u"sourcePort"_s).toInt(-1);
    const int dport = o.value(u"destinationPort"_s).toInt(-1);
    if (!src || !dst || !action || proto < 0 || proto > 255 || sport < 0 || sport > 65535
        || dport < 0 || dport > 65535)
        return std::nullopt;
    d.filter.guid = QUuid::fromString(o.value(u"guid"_s).toString());
    d.filter.source = *src;
    d.filter.destination = *dst;
    d.filter.protocol = Protocol(quint8(proto));
    d.filter.sourcePort = quint16(sport);
    d.filter.destinationPort = quint16(dport);
    d.filter.mirrored = o.value(u"mirrored"_s).toBool();
    d.action = *action;
    d.label = o.value(u"label"_s).toString();
    return d;
}

QJsonObject entryToJson(const kernel::SpdEntry &e)
{
    const auto hex = [](const std::array<quint8, 16> &b) {
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(b.data()), 16).toHex());
    };
    const auto &s = e.selector;
    return QJsonObject{{u"dir"_s, int(e.direction)},
                       {u"action"_s, int(e.action)},
                       {u"priority"_s, qint64(e.priority)},
                       {u"family"_s, int(s.family)},
                       {u"src"_s, hex(s.source)},
                       {u"srcPrefix"_s, int(s.sourcePrefix)},
                       {u"dst"_s, hex(s.destination)},
                       {u"dstPrefix"_s, int(s.destinationPrefix)},
                       {u"proto"_s, int(s.protocol)},
                       {u"sport"_s, int(s.sourcePort)},
                       {u"sportMask"_s, int(s.sourcePortMask)},
                       {u"dport"_s, int(s.destinationPort)},
                       {u"dportMask"_s, int(s.destinationPortMask)}};
}

std::optional<kernel::SpdEntry> entryFromJson(const QJsonObject &o)
{
    kernel::SpdEntry e;
    const auto bytes = [](const QJsonValue &v, std::array<quint8, 16> &out) {
        const QByteArray b = QByteArray::fromHex(v.toString().toLatin1());
        if (b.size() != 16)
            return false;
        std::copy(b.cbegin(), b.cend(), out.begin());
        return true;
    };
    const int dir = o.value(u"dir"_s).toInt(-1);
    const int action = o.value(u"action"_s).toInt(-1);
    const int family = o.value(u"family"_s).toInt();
    if (dir < 0 || dir > 2 || action < 0 || action > 1 || (family != 4 && family != 6))
        return std::nullopt;
    e.direction = kernel::SpdEntry::Direction(dir);
    e.action = kernel::SpdEntry::Action(action);
    e.priority = quint32(o.value(u"priority"_s).toInteger());
    auto &s = e.selector;
    s.family = kernel::SpdSelector::Family(family);
    if (!bytes(o.value(u"src"_s), s.source) || !bytes(o.value(u"dst"_s), s.destination))
        return std::nullopt;
    s.sourcePrefix = quint8(o.value(u"srcPrefix"_s).toInt());
    s.destinationPrefix = quint8(o.value(u"dstPrefix"_s).toInt());
    s.protocol = quint8(o.value(u"proto"_s).toInt());
    s.sourcePort = quint16(o.value(u"sport"_s).toInt());
    s.sourcePortMask = quint16(o.value(u"sportMask"_s).toInt());
    s.destinationPort = quint16(o.value(u"dport"_s).toInt());
    s.destinationPortMask = quint16(o.value(u"dportMask"_s).toInt());
    return e;
}

} // namespace

RuntimeState::RuntimeState(const QString &netnsName)
{
    QString base = qEnvironmentVariable("IPSEC_CONSOLE_RUNTIME_DIR");
    if (base.isEmpty())
        base = u"/run/ipsec-console"_s;
    const QString ns = netnsName.isEmpty() ? u"default"_s : netnsName;
    m_dir = base + u'/' + ns + u'-' + QString::number(netnsInode());
}

Result<void> RuntimeState::writeJson(const QString &file, const QByteArray &json)
{
    if (!QDir().mkpath(m_dir))
        return Error::store(tr("Cannot create the runtime folder %1.").arg(m_dir));
    QSaveFile f(m_dir + u'/' + file);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size() || !f.commit())
        return Error::store(tr("Cannot write %1: %2").arg(f.fileName(), f.errorString()));
    return {};
}

Result<QList<engine::DynamicFilter>> RuntimeState::dynamicFilters() const
{
    QFile f(m_dir + u'/' + dynamicFile);
    if (!f.exists())
        return QList<engine::DynamicFilter>{};
    if (!f.open(QIODevice::ReadOnly))
        return Error::store(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    QList<engine::DynamicFilter> out;
    for (const QJsonValue &v : doc.object().value(u"filters"_s).toArray()) {
        auto d = filterFromJson(v.toObject());
        if (!d)
            return Error::store(tr("%1 is damaged; remove it to clear the dynamic filters.")
                                    .arg(f.fileName()));
        out << *d;
    }
    return out;
}

Result<void> RuntimeState::setDynamicFilters(const QList<engine::DynamicFilter> &filters)
{
    QJsonArray arr;
    for (const auto &d : filters)
        arr.append(filterToJson(d));
    return writeJson(dynamicFile, QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"filters"_s, arr}})
                                      .toJson());
}

Result<std::optional<RuntimeState::EmergencyRecord>> RuntimeState::emergencyRecord() const
{
    QFile f(m_dir + u'/' + emergencyFile);
    if (!f.exists())
        return std::optional<EmergencyRecord>{};
    if (!f.open(QIODevice::ReadOnly))
        return Error::store(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    EmergencyRecord r;
    r.assignedPolicy = o.value(u"assignedPolicy"_s).toString();
    r.when = QDateTime::fromString(o.value(u"when"_s).toString(), Qt::ISODate);
    for (const QJsonValue &v : o.value(u"dynamicFilters"_s).toArray()) {
        auto d = filterFromJson(v.toObject());
        if (!d)
            return Error::store(tr("%1 is damaged.").arg(f.fileName()));
        r.dynamicFilters << *d;
    }
    for (const QJsonValue &v : o.value(u"entries"_s).toArray()) {
        auto e = entryFromJson(v.toObject());
        if (!e)
            return Error::store(tr("%1 is damaged.").arg(f.fileName()));
        r.entries << *e;
    }
    return std::optional<EmergencyRecord>(r);
}

Result<void> RuntimeState::setEmergencyRecord(const EmergencyRecord &record)
{
    QJsonArray entries;
    for (const auto &e : record.entries)
        entries.append(entryToJson(e));
    QJsonArray dynamic;
    for (const auto &d : record.dynamicFilters)
        dynamic.append(filterToJson(d));
    const QJsonObject o{{u"version"_s, 1},
                        {u"assignedPolicy"_s, record.assignedPolicy},
                        {u"when"_s, record.when.toUTC().toString(Qt::ISODate)},
                        {u"entries"_s, entries},
                        {u"dynamicFilters"_s, dynamic}};
    return writeJson(emergencyFile, QJsonDocument(o).toJson());
}

Result<void> RuntimeState::clearEmergencyRecord()
{
    QFile f(m_dir + u'/' + emergencyFile);
    if (f.exists() && !f.remove())
        return Error::store(tr("Cannot remove %1: %2").arg(f.fileName(), f.errorString()));
    return {};
}

} // namespace ipsec
