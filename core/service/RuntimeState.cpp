#include "service/RuntimeState.h"

#include "kernel/NftBackend.h"
#include "util/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

const QString dynamicFile = u"dynamic.json"_s;
const QString emergencyFile = u"emergency.json"_s;
const QString settingsFile = u"settings.json"_s;
// Dynamic main/quick mode policies and `set config` (no secrets: readable by every user).
const QString ikeFile = u"ike.json"_s;
// The preshared keys of dynamic rules, by filter GUID: root only (dynamic.json holds them
// masked, as every other reader sees them).
const QString keysFile = u"dynamic-keys.json"_s;
// The nftables backend's record of the table it applied last (NftBackend::Options::recordFile),
// and where an emergency unassign moves it.
const QString appliedTableFile = u".nft-applied"_s;
const QString emergencyRecordTableFile = u"emergency-table.rec"_s;
// nft text files of earlier versions: the table last enforced, the table an emergency unassign
// removed. Still read (an upgrade keeps what an emergency unassign of the old version recorded).
const QString enforcedTableFile = u"enforced-table.nft"_s;
const QString emergencyTableFile = u"emergency-table.nft"_s;

// The set elements of a table in nft text (an earlier version's record): "elements = { a, b, … }"
// per set, one element per comma.
int textElementCount(const QString &table)
{
    int elements = 0;
    for (qsizetype at = table.indexOf(u"elements = {"_s); at >= 0;
         at = table.indexOf(u"elements = {"_s, at + 1)) {
        const qsizetype end = table.indexOf(u'}', at);
        if (end < 0)
            break;
        elements += int(QStringView(table).mid(at, end - at).count(u',')) + 1;
    }
    return elements;
}

Result<QString> readText(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QString();
    if (!f.open(QIODevice::ReadOnly))
        return Error::store(
            RuntimeState::tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
    return QString::fromUtf8(f.readAll());
}

Result<void> removeFile(const QString &path)
{
    QFile f(path);
    if (f.exists() && !f.remove())
        return Error::store(
            RuntimeState::tr("Cannot remove %1: %2").arg(f.fileName(), f.errorString()));
    return {};
}

// The inodes of every network namespace that still exists as far as this host can see.
QSet<quint64> liveNetworkNamespaces()
{
    QSet<quint64> live;
    const auto add = [&live](const QString &path) {
        struct stat st {};
        if (::stat(QFile::encodeName(path).constData(), &st) == 0)
            live.insert(quint64(st.st_ino));
    };
    const QDir named(u"/run/netns"_s);
    for (const QString &n : named.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot))
        add(named.filePath(n));
    // Bind mounts elsewhere (other tools keep theirs under /var/run/docker/netns and the like).
    QFile mounts(u"/proc/self/mountinfo"_s);
    if (mounts.open(QIODevice::ReadOnly)) {
        static const QRegularExpression nsfs(u"net:\\[(\\d+)\\]"_s);
        for (const QByteArray &line : mounts.readAll().split('\n')) {
            if (!line.contains(" nsfs "))
                continue;
            const auto m = nsfs.match(QString::fromUtf8(line));
            if (m.hasMatch())
                live.insert(m.captured(1).toULongLong());
        }
    }
    const QDir proc(u"/proc"_s);
    static const QRegularExpression netLink(u"^net:\\[(\\d+)\\]$"_s);
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (pid.isEmpty() || !pid.at(0).isDigit())
            continue;
        // Every thread: a thread may have entered a namespace its process did not.
        const QDir tasks(proc.filePath(pid) + u"/task"_s);
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            add(tasks.filePath(tid) + u"/ns/net"_s);
        // Descriptors that keep a namespace alive without anybody in it.
        const QDir fds(proc.filePath(pid) + u"/fd"_s);
        for (const QString &fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
            const auto m = netLink.match(QFile::symLinkTarget(fds.filePath(fd)).section(u'/', -1));
            if (m.hasMatch())
                live.insert(m.captured(1).toULongLong());
        }
    }
    return live;
}

quint64 netnsInode()
{
    struct stat st {};
    if (::stat("/proc/thread-self/ns/net", &st) == 0)
        return quint64(st.st_ino);
    return 0;
}

QJsonObject filterToJson(const engine::DynamicFilter &d)
{
    QJsonObject o{{u"guid"_s, d.filter.guid.toString(QUuid::WithBraces)},
                  {u"source"_s, d.filter.source.toString()},
                  {u"destination"_s, d.filter.destination.toString()},
                  {u"protocol"_s, int(d.filter.protocol.number())},
                  {u"sourcePort"_s, int(d.filter.sourcePort)},
                  {u"destinationPort"_s, int(d.filter.destinationPort)},
                  {u"mirrored"_s, d.filter.mirrored},
                  {u"action"_s, FilterAction::typeName(d.action)},
                  {u"label"_s, d.label}};
    if (d.action == FilterAction::Type::Negotiate) {
        o.insert(u"inpass"_s, d.negotiation.inboundPassThrough);
        o.insert(u"soft"_s, d.negotiation.allowUnsecured);
        o.insert(u"ipsecProtocol"_s, int(d.negotiation.ipsecProtocol));
        if (d.negotiation.reqid)
            o.insert(u"reqid"_s, qint64(d.negotiation.reqid));
        if (!d.mmPolicy.isEmpty())
            o.insert(u"mmPolicy"_s, d.mmPolicy);
        if (!d.qmPolicy.isEmpty())
            o.insert(u"qmPolicy"_s, d.qmPolicy);
        QJsonArray auth;
        for (const AuthMethod &a : d.authMethods) // the keys go to keysFile
            auth.append(QJsonObject{{u"kind"_s, int(a.kind)}, {u"data"_s, a.masked().data}});
        if (!auth.isEmpty())
            o.insert(u"auth"_s, auth);
    }
    return o;
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
    d.negotiation.inboundPassThrough = o.value(u"inpass"_s).toBool();
    d.negotiation.allowUnsecured = o.value(u"soft"_s).toBool();
    d.negotiation.ipsecProtocol = o.value(u"ipsecProtocol"_s).toInt(50) == 51 ? 51 : 50;
    const qint64 reqid = o.value(u"reqid"_s).toInteger(0);
    if (reqid < 0 || reqid > 0xffffffffLL)
        return std::nullopt;
    d.negotiation.reqid = quint32(reqid);
    d.mmPolicy = o.value(u"mmPolicy"_s).toString();
    d.qmPolicy = o.value(u"qmPolicy"_s).toString();
    for (const QJsonValue &v : o.value(u"auth"_s).toArray()) {
        const int kind = v.toObject().value(u"kind"_s).toInt(-1);
        if (kind < int(AuthMethod::Kind::Kerberos) || kind > int(AuthMethod::Kind::Certificate))
            return std::nullopt;
        d.authMethods << AuthMethod{AuthMethod::Kind(kind),
                                    v.toObject().value(u"data"_s).toString()};
    }
    return d;
}

} // namespace

QJsonObject RuntimeState::ikeToJson(const engine::DynamicIke &ike)
{
    QJsonArray mm;
    for (const auto &p : ike.mmPolicies)
        mm.append(QJsonObject{{u"name"_s, p.name},
                              {u"methods"_s, MainModeMethod::listToString(p.methods)},
                              {u"lifetimeMinutes"_s, p.lifetimeMinutes},
                              {u"softSaExpirationSeconds"_s, p.softSaExpirationSeconds},
                              {u"qmPerMm"_s, p.qmPerMm},
                              {u"default"_s, p.isDefault}});
    QJsonArray qm;
    for (const auto &p : ike.qmPolicies) {
        QStringList methods;
        for (const SecurityMethod &m : p.methods)
            methods << m.toString();
        qm.append(QJsonObject{{u"name"_s, p.name},
                              {u"methods"_s, methods.join(u' ')},
                              {u"soft"_s, p.soft},
                              {u"inpass"_s, p.inPass},
                              {u"pfsGroup"_s, engine::DynamicQmPolicy::pfsName(p.pfs)},
                              {u"default"_s, p.isDefault}});
    }
    const engine::DynamicConfig &c = ike.config;
    const QJsonObject config{{u"ikelogging"_s, c.ikeLogging},
                             {u"strongcrlcheck"_s, c.strongCrlCheck},
                             {u"ipsecdiagnostics"_s, c.ipsecDiagnostics},
                             {u"ipsecexempt"_s, c.ipsecExempt},
                             {u"ipsecloginterval"_s, c.ipsecLogInterval},
                             {u"bootmode"_s, c.bootMode},
                             {u"bootexemptions"_s, c.bootExemptions}};
    return QJsonObject{
        {u"version"_s, 1}, {u"mmPolicies"_s, mm}, {u"qmPolicies"_s, qm}, {u"config"_s, config}};
}

std::optional<engine::DynamicIke> RuntimeState::ikeFromJson(const QJsonObject &o)
{
    engine::DynamicIke ike;
    for (const QJsonValue &v : o.value(u"mmPolicies"_s).toArray()) {
        const QJsonObject p = v.toObject();
        engine::DynamicMmPolicy mm;
        mm.name = p.value(u"name"_s).toString();
        auto methods = MainModeMethod::parseList(p.value(u"methods"_s).toString());
        if (mm.name.isEmpty() || !methods)
            return std::nullopt;
        mm.methods = *methods;
        mm.lifetimeMinutes = p.value(u"lifetimeMinutes"_s).toInt(480);
        mm.softSaExpirationSeconds = p.value(u"softSaExpirationSeconds"_s).toInt();
        mm.qmPerMm = p.value(u"qmPerMm"_s).toInt();
        mm.isDefault = p.value(u"default"_s).toBool();
        ike.mmPolicies << mm;
    }
    for (const QJsonValue &v : o.value(u"qmPolicies"_s).toArray()) {
        const QJsonObject p = v.toObject();
        engine::DynamicQmPolicy qm;
        qm.name = p.value(u"name"_s).toString();
        if (qm.name.isEmpty())
            return std::nullopt;
        for (const QString &w : p.value(u"methods"_s).toString().split(u' ', Qt::SkipEmptyParts)) {
            auto m = SecurityMethod::parse(w);
            if (!m)
                return std::nullopt;
            qm.methods << *m;
        }
        qm.soft = p.value(u"soft"_s).toBool();
        qm.inPass = p.value(u"inpass"_s).toBool();
        auto pfs = engine::DynamicQmPolicy::parsePfs(p.value(u"pfsGroup"_s).toString());
        if (!pfs)
            return std::nullopt;
        qm.pfs = *pfs;
        qm.isDefault = p.value(u"default"_s).toBool();
        ike.qmPolicies << qm;
    }
    const QJsonObject c = o.value(u"config"_s).toObject();
    engine::DynamicConfig &config = ike.config;
    config.ikeLogging = c.value(u"ikelogging"_s).toInt(config.ikeLogging);
    config.strongCrlCheck = c.value(u"strongcrlcheck"_s).toInt(config.strongCrlCheck);
    config.ipsecDiagnostics = c.value(u"ipsecdiagnostics"_s).toInt(config.ipsecDiagnostics);
    config.ipsecExempt = c.value(u"ipsecexempt"_s).toInt(config.ipsecExempt);
    config.ipsecLogInterval = c.value(u"ipsecloginterval"_s).toInt(config.ipsecLogInterval);
    config.bootMode = c.value(u"bootmode"_s).toString(config.bootMode);
    config.bootExemptions = c.value(u"bootexemptions"_s).toString();
    return ike;
}

namespace {

// One kernel entry as a short hex string (thousands are written during an emergency, so the
// format is compact): dir, action, family, prefixes, protocol, ports and masks, priority, then
// the two 16-byte addresses.
QString entryToText(const kernel::SpdEntry &e)
{
    const auto &s = e.selector;
    QByteArray b;
    b.reserve(56);
    const auto u8 = [&b](quint8 v) {
        b.append(char(v));
    };
    const auto u16 = [&b](quint16 v) {
        b.append(char(v >> 8)).append(char(v & 0xff));
    };
    u8(quint8(e.direction));
    u8(quint8(e.action));
    u8(quint8(s.family));
    u8(s.sourcePrefix);
    u8(s.destinationPrefix);
    u8(s.protocol);
    u16(s.sourcePort);
    u16(s.sourcePortMask);
    u16(s.destinationPort);
    u16(s.destinationPortMask);
    u16(quint16(e.priority >> 16));
    u16(quint16(e.priority & 0xffff));
    b.append(reinterpret_cast<const char *>(s.source.data()), 16);
    b.append(reinterpret_cast<const char *>(s.destination.data()), 16);
    // Negotiate entries: 6 bytes per template (protocol, optional, reqid), so that a reassign
    // after an emergency never brings them back as plain allow entries.
    for (const kernel::SpdTemplate &t : e.templates) {
        u8(t.protocol);
        u8(t.optional ? 1 : 0);
        u16(quint16(t.reqid >> 16));
        u16(quint16(t.reqid & 0xffff));
    }
    return QString::fromLatin1(b.toHex());
}

std::optional<kernel::SpdEntry> entryFromText(const QString &text)
{
    const QByteArray b = QByteArray::fromHex(text.toLatin1());
    if (b.size() < 50 || (b.size() - 50) % 6 != 0)
        return std::nullopt;
    const auto u8 = [&b](int i) {
        return quint8(b.at(i));
    };
    const auto u16 = [&](int i) {
        return quint16(u8(i) << 8 | u8(i + 1));
    };
    if (u8(0) > 2 || u8(1) > 1 || (u8(2) != 4 && u8(2) != 6))
        return std::nullopt;
    kernel::SpdEntry e;
    e.direction = kernel::SpdEntry::Direction(u8(0));
    e.action = kernel::SpdEntry::Action(u8(1));
    auto &s = e.selector;
    s.family = kernel::SpdSelector::Family(u8(2));
    s.sourcePrefix = u8(3);
    s.destinationPrefix = u8(4);
    s.protocol = u8(5);
    s.sourcePort = u16(6);
    s.sourcePortMask = u16(8);
    s.destinationPort = u16(10);
    s.destinationPortMask = u16(12);
    e.priority = quint32(u16(14)) << 16 | u16(16);
    std::copy(b.cbegin() + 18, b.cbegin() + 34, s.source.begin());
    std::copy(b.cbegin() + 34, b.cbegin() + 50, s.destination.begin());
    for (int at = 50; at + 6 <= b.size(); at += 6) {
        if ((u8(at) != 50 && u8(at) != 51) || u8(at + 1) > 1
            || e.action != kernel::SpdEntry::Action::Allow)
            return std::nullopt;
        e.templates << kernel::SpdTemplate{u8(at), quint32(u16(at + 2)) << 16 | u16(at + 4),
                                           u8(at + 1) == 1};
    }
    return e;
}

} // namespace

QString RuntimeState::baseDirectory()
{
    const QString base = qEnvironmentVariable("IPSEC_CONSOLE_RUNTIME_DIR");
    return base.isEmpty() ? u"/run/ipsec-console"_s : base;
}

RuntimeState::RuntimeState(const QString &netnsName)
{
    const QString base = baseDirectory();
    const QString ns = netnsName.isEmpty() ? u"default"_s : netnsName;
    m_dir = base + u'/' + ns + u'-' + QString::number(netnsInode());
}

QStringList RuntimeState::removeStale()
{
    const QDir base(baseDirectory());
    static const QRegularExpression pattern(u"^.+-(\\d+)$"_s);
    QStringList candidates;
    for (const QString &name : base.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks))
        if (pattern.match(name).hasMatch())
            candidates << name;
    // Only the current namespace's folder (the usual case): no need to walk every task in /proc.
    const QString current = u"-"_s + QString::number(netnsInode());
    if (std::all_of(candidates.cbegin(), candidates.cend(),
                    [&current](const QString &name) { return name.endsWith(current); }))
        return {};
    QSet<quint64> live = liveNetworkNamespaces();
    live.insert(netnsInode()); // never the current one, whatever /proc shows
    QStringList removed;
    for (const QString &name : std::as_const(candidates)) {
        const quint64 inode = pattern.match(name).captured(1).toULongLong();
        if (inode == 0 || live.contains(inode))
            continue;
        QDir folder(base.filePath(name));
        // Only what this project writes there: a folder with anything else stays.
        const QStringList inside =
            folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        const bool ours = std::all_of(inside.cbegin(), inside.cend(), [&](const QString &f) {
            return QFileInfo(folder.filePath(f)).isFile()
                   && !QFileInfo(folder.filePath(f)).isSymLink()
                   && (f.endsWith(u".json"_s) || f.endsWith(u".nft"_s) || f.endsWith(u".rec"_s)
                       || f == u"lock"_s || f.startsWith(u'.'));
        });
        if (ours && folder.removeRecursively())
            removed << folder.path();
    }
    return removed;
}

Result<void> RuntimeState::makeDirectory() const
{
    // 0755 whatever the umask: every local user may read the runtime state (the console shows
    // it), nobody else may change it.
    if (auto ok = SafeFile::makeDirectory(m_dir, 0755); !ok)
        return ok.error();
    // A folder left writable by others by an earlier version: it is ours, tighten it.
    struct stat st {};
    const QByteArray name = QFile::encodeName(m_dir);
    if (::lstat(name.constData(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid()
        && (st.st_mode & 022) != 0)
        (void)::chmod(name.constData(), 0755);
    return {};
}

Result<void> RuntimeState::writeJson(const QString &file, const QByteArray &json)
{
    if (auto ok = makeDirectory(); !ok)
        return ok;
    // Checked, flushed and renamed over the old file only when complete: a full /run keeps
    // the old dynamic filters and says so.
    return SafeFile::write(m_dir + u'/' + file, json, SafeFile::Access::Readable);
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
            return Error::store(
                tr("%1 is damaged; remove it to clear the dynamic filters.").arg(f.fileName()));
        out << *d;
    }
    restoreKeys(out);
    return out;
}

QHash<QString, QStringList> RuntimeState::readKeys() const
{
    QHash<QString, QStringList> keys;
    QFile f(m_dir + u'/' + keysFile);
    if (!f.open(QIODevice::ReadOnly))
        return keys; // none, or not root: the keys stay masked
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object().value(u"keys"_s).toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        QStringList list;
        for (const QJsonValue &v : it.value().toArray())
            list << v.toString();
        keys.insert(it.key(), list);
    }
    return keys;
}

void RuntimeState::restoreKeys(QList<engine::DynamicFilter> &filters) const
{
    if (std::none_of(filters.cbegin(), filters.cend(), [](const engine::DynamicFilter &d) {
            return std::any_of(d.authMethods.cbegin(), d.authMethods.cend(),
                               [](const AuthMethod &a) { return a.isMasked(); });
        }))
        return;
    const QHash<QString, QStringList> keys = readKeys();
    for (engine::DynamicFilter &d : filters) {
        const QStringList mine = keys.value(d.filter.guid.toString(QUuid::WithBraces));
        qsizetype next = 0;
        for (AuthMethod &a : d.authMethods)
            if (a.isSecret() && next < mine.size())
                a.data = mine[next++];
    }
}

Result<void> RuntimeState::setDynamicFilters(const QList<engine::DynamicFilter> &filters)
{
    QJsonArray arr;
    // The keys of these filters, and those of the filters an emergency unassign keeps for
    // `reassign` (its record holds them masked, like dynamic.json).
    QJsonObject keys;
    const auto keep = [&keys](const engine::DynamicFilter &d) {
        QJsonArray mine;
        for (const AuthMethod &a : d.authMethods)
            if (a.isSecret() && !a.isMasked())
                mine.append(a.data);
        if (!mine.isEmpty())
            keys.insert(d.filter.guid.toString(QUuid::WithBraces), mine);
    };
    for (const auto &d : filters) {
        arr.append(filterToJson(d));
        keep(d);
    }
    const QString keysPath = m_dir + u'/' + keysFile;
    // Nothing to clear (an emergency unassign with no dynamic filters): no write, no flush.
    if (filters.isEmpty() && !QFileInfo::exists(keysPath)) {
        if (auto current = dynamicFilters(); current && current->isEmpty())
            return {};
    }
    if (auto record = emergencyRecord(); record && record.value())
        for (const auto &d : record.value()->dynamicFilters)
            keep(d);
    if (!keys.isEmpty()) {
        if (auto ok = makeDirectory(); !ok)
            return ok;
        if (auto ok = SafeFile::write(
                keysPath, QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"keys"_s, keys}}).toJson(),
                SafeFile::Access::OwnerOnly);
            !ok)
            return ok;
    } else if (QFile::exists(keysPath) && !QFile::remove(keysPath)) {
        return Error::store(tr("Cannot remove %1").arg(keysPath));
    }
    return writeJson(dynamicFile,
                     QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"filters"_s, arr}}).toJson());
}

Result<engine::DynamicIke> RuntimeState::dynamicIke() const
{
    QFile f(m_dir + u'/' + ikeFile);
    if (!f.exists())
        return engine::DynamicIke{};
    if (!f.open(QIODevice::ReadOnly))
        return Error::store(tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
    auto ike = ikeFromJson(QJsonDocument::fromJson(f.readAll()).object());
    if (!ike)
        return Error::store(
            tr("%1 is damaged; remove it to clear the dynamic main mode and quick mode policies.")
                .arg(f.fileName()));
    return *ike;
}

Result<void> RuntimeState::setDynamicIke(const engine::DynamicIke &ike)
{
    return writeJson(ikeFile, QJsonDocument(ikeToJson(ike)).toJson());
}

bool RuntimeState::ikeExemption() const
{
    QFile f(m_dir + u'/' + settingsFile);
    if (!f.open(QIODevice::ReadOnly))
        return true;
    return QJsonDocument::fromJson(f.readAll()).object().value(u"ikeExemption"_s).toBool(true);
}

Result<void> RuntimeState::setIkeExemption(bool exempt)
{
    if (exempt == ikeExemption())
        return {};
    return writeJson(
        settingsFile,
        QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"ikeExemption"_s, exempt}}).toJson());
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
    restoreKeys(r.dynamicFilters);
    for (const QJsonValue &v : o.value(u"entries"_s).toArray()) {
        auto e = entryFromText(v.toString());
        if (!e)
            return Error::store(tr("%1 is damaged.").arg(f.fileName()));
        r.entries << *e;
    }
    const QJsonValue table = o.value(u"nftTable"_s);
    if (table.toString() == u"record"_s) {
        r.nftTableFile = m_dir + u'/' + emergencyRecordTableFile;
        r.nftElements = o.value(u"nftElements"_s).toInt();
        if (!QFileInfo::exists(r.nftTableFile))
            return Error::store(tr("%1 is damaged.").arg(r.nftTableFile));
    } else if (table.toBool()) {
        // An earlier version's record: the table as nft text.
        r.nftTableFile = m_dir + u'/' + emergencyTableFile;
        r.nftTableIsText = true;
        auto text = readText(r.nftTableFile);
        if (!text)
            return text.error();
        if (text->isEmpty())
            return Error::store(tr("%1 is damaged.").arg(r.nftTableFile));
        r.nftElements = textElementCount(text.value());
    }
    return std::optional<EmergencyRecord>(r);
}

Result<void> RuntimeState::setEmergencyRecord(const EmergencyRecord &record)
{
    QJsonArray entries;
    for (const auto &e : record.entries)
        entries.append(entryToText(e));
    QJsonArray dynamic;
    for (const auto &d : record.dynamicFilters)
        dynamic.append(filterToJson(d));
    QJsonObject o{{u"version"_s, 1},
                  {u"assignedPolicy"_s, record.assignedPolicy},
                  {u"when"_s, record.when.toUTC().toString(Qt::ISODate)},
                  {u"entries"_s, entries},
                  {u"dynamicFilters"_s, dynamic}};
    // An earlier version reads "nftTable": true as a text table; the backend's record is a
    // string it does not take for one.
    if (record.hasNftTable()) {
        o.insert(u"nftTable"_s, record.nftTableIsText ? QJsonValue(true) : QJsonValue(u"record"_s));
        o.insert(u"nftElements"_s, record.nftElements);
    } else {
        o.insert(u"nftTable"_s, false);
    }
    // The table first: the record names it only once it is complete.
    const QString textFile = m_dir + u'/' + emergencyTableFile;
    const QString recordFile = m_dir + u'/' + emergencyRecordTableFile;
    const QString tableFile = record.nftTableIsText ? textFile : recordFile;
    if (record.hasNftTable() && record.nftTableFile != tableFile) {
        // Moved within the folder: complete, with the file's own mode. Elsewhere: copied.
        if (::rename(QFile::encodeName(record.nftTableFile).constData(),
                     QFile::encodeName(tableFile).constData())
            != 0) {
            QFile source(record.nftTableFile);
            if (!source.open(QIODevice::ReadOnly))
                return Error::store(
                    tr("Cannot read %1: %2").arg(source.fileName(), source.errorString()));
            if (auto ok = makeDirectory(); !ok)
                return ok;
            if (auto ok = SafeFile::write(tableFile, source.readAll(), SafeFile::Access::Readable);
                !ok)
                return ok;
        }
    }
    if (auto ok = writeJson(emergencyFile, QJsonDocument(o).toJson()); !ok)
        return ok;
    if (!record.hasNftTable() || record.nftTableIsText)
        (void)removeFile(recordFile);
    if (!record.hasNftTable() || !record.nftTableIsText)
        (void)removeFile(textFile);
    return {};
}

Result<void> RuntimeState::clearEmergencyRecord()
{
    if (auto ok = removeFile(m_dir + u'/' + emergencyFile); !ok)
        return ok;
    if (auto ok = removeFile(m_dir + u'/' + emergencyRecordTableFile); !ok)
        return ok;
    return removeFile(m_dir + u'/' + emergencyTableFile);
}

QString RuntimeState::nftRecordFile() const
{
    return m_dir + u'/' + appliedTableFile;
}

bool RuntimeState::takeNftTable(EmergencyRecord &record) const
{
    record.nftTableFile.clear();
    record.nftTableIsText = false;
    record.nftElements = 0;
    if (const auto applied = kernel::NftBackend::recordSummary(nftRecordFile())) {
        if (!applied->table)
            return false;
        record.nftTableFile = nftRecordFile();
        record.nftElements = applied->elements;
        return true;
    }
    // Enforced by an earlier version, which kept the table's text too.
    const QString legacy = m_dir + u'/' + enforcedTableFile;
    auto text = readText(legacy);
    if (!text || text->isEmpty())
        return false;
    record.nftTableFile = legacy;
    record.nftTableIsText = true;
    record.nftElements = textElementCount(text.value());
    return true;
}

Result<void> RuntimeState::keepLegacyNftTable(const EmergencyRecord &record)
{
    if (!record.hasNftTable() || !record.nftTableIsText)
        return {};
    auto text = readText(record.nftTableFile);
    if (!text)
        return text.error();
    return SafeFile::write(m_dir + u'/' + enforcedTableFile, text->toUtf8(),
                           SafeFile::Access::Readable);
}

void RuntimeState::dropLegacyNftTable() const
{
    const QString legacy = m_dir + u'/' + enforcedTableFile;
    if (QFileInfo::exists(legacy))
        (void)removeFile(legacy);
}

} // namespace ipsec
