#include "ds/DirectoryDiscovery.h"

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

#include <arpa/nameser.h>
#include <netinet/in.h>
#include <resolv.h>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

// INI-like text (krb5.conf, sssd.conf, smb.conf): calls f(section, key, value) for each
// `key = value` line; section names and keys lower case, comments (# ;) skipped.
void forEachSetting(const QString &text,
                    const std::function<void(const QString &, const QString &, const QString &)> &f)
{
    QString section;
    for (QString line : text.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        f(section, line.left(eq).trimmed().toLower(), line.mid(eq + 1).trimmed());
    }
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.read(1024 * 1024));
}

// A realm is a DNS domain name here (Active Directory's realm is its DNS name, upper case).
QString checkedRealm(const QString &value)
{
    static const QRegularExpression name(u"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                                         u"(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"_s);
    const QString v = value.trimmed();
    return v.size() <= 253 && name.match(v).hasMatch() ? v.toUpper() : QString();
}

} // namespace

QString DirectoryDiscovery::realmFromKrb5Conf(const QString &text)
{
    QString realm;
    forEachSetting(text, [&](const QString &section, const QString &key, const QString &value) {
        if (realm.isEmpty() && section == u"libdefaults"_s && key == u"default_realm"_s)
            realm = checkedRealm(value);
    });
    return realm;
}

QString DirectoryDiscovery::realmFromSssdConf(const QString &text)
{
    // realmd writes [domain/corp.test] with ad_domain and krb5_realm; the first AD domain wins.
    QString realm;
    forEachSetting(text, [&](const QString &section, const QString &key, const QString &value) {
        if (!realm.isEmpty() || !section.startsWith(u"domain/"_s))
            return;
        if (key == u"krb5_realm"_s || key == u"ad_domain"_s)
            realm = checkedRealm(value);
    });
    return realm;
}

QString DirectoryDiscovery::realmFromSmbConf(const QString &text)
{
    QString realm;
    forEachSetting(text, [&](const QString &section, const QString &key, const QString &value) {
        if (realm.isEmpty() && section == u"global"_s && key == u"realm"_s)
            realm = checkedRealm(value);
    });
    return realm;
}

Result<QString> DirectoryDiscovery::realm(const Sources &sources)
{
    QString krb5 = sources.krb5Conf;
    if (krb5.isEmpty())
        krb5 = qEnvironmentVariable("KRB5_CONFIG").section(u':', 0, 0);
    if (krb5.isEmpty())
        krb5 = u"/etc/krb5.conf"_s;
    // sssd and winbind name the domain the machine joined; krb5.conf's default realm may be
    // set for users' tickets alone, so it comes last.
    if (QString r = realmFromSssdConf(readText(sources.sssdConf)); !r.isEmpty())
        return r;
    if (QString r = realmFromSmbConf(readText(sources.smbConf)); !r.isEmpty())
        return r;
    if (QFile::exists(sources.keytab))
        if (QString r = realmFromKrb5Conf(readText(krb5)); !r.isEmpty())
            return r;
    return Error::notFound(tr("This computer does not seem to be a member of a domain: neither "
                              "%1 nor %2 names a realm, nor %3 with a host keytab %4. Give the "
                              "directory with --directory ldap://HOST or "
                              "IPSEC_CONSOLE_DIRECTORY.")
                               .arg(sources.sssdConf, sources.smbConf, krb5, sources.keytab));
}

QList<SrvRecord> DirectoryDiscovery::ordered(QList<SrvRecord> records)
{
    std::stable_sort(records.begin(), records.end(), [](const SrvRecord &a, const SrvRecord &b) {
        if (a.priority != b.priority)
            return a.priority < b.priority;
        if (a.weight != b.weight)
            return a.weight > b.weight;
        return a.target < b.target;
    });
    return records;
}

Result<QList<SrvRecord>> DirectoryDiscovery::dnsSrv(const QString &name)
{
    const QByteArray query = QUrl::toAce(name);
    if (query.isEmpty())
        return Error::usage(tr("\"%1\" is not a DNS name.").arg(name));
    // res_query on a private state: thread-safe, and reads /etc/resolv.conf of the caller's
    // mount namespace.
    struct __res_state state = {};
    if (res_ninit(&state) != 0)
        return Error::notFound(tr("The DNS resolver cannot be set up (/etc/resolv.conf)."));
    unsigned char answer[8192];
    const int length =
        res_nquery(&state, query.constData(), ns_c_in, ns_t_srv, answer, int(sizeof answer));
    res_nclose(&state);
    if (length < 0)
        return Error::notFound(
            tr("DNS has no SRV record %1 (no domain controller found).").arg(name));
    ns_msg message;
    if (ns_initparse(answer, std::min(length, int(sizeof answer)), &message) != 0)
        return Error::notFound(tr("The DNS answer for %1 cannot be read.").arg(name));
    QList<SrvRecord> records;
    for (int i = 0; i < ns_msg_count(message, ns_s_an); ++i) {
        ns_rr rr;
        if (ns_parserr(&message, ns_s_an, i, &rr) != 0 || ns_rr_type(rr) != ns_t_srv
            || ns_rr_rdlen(rr) < 7)
            continue;
        const unsigned char *data = ns_rr_rdata(rr);
        SrvRecord r;
        r.priority = quint16(ns_get16(data));
        r.weight = quint16(ns_get16(data + 2));
        r.port = quint16(ns_get16(data + 4));
        char target[NS_MAXDNAME];
        if (dn_expand(ns_msg_base(message), ns_msg_end(message), data + 6, target, sizeof target)
            < 0)
            continue;
        r.target = QString::fromLatin1(target);
        if (r.target.isEmpty() || r.target == u"."_s) // "service not available here"
            continue;
        records.append(r);
    }
    if (records.isEmpty())
        return Error::notFound(
            tr("DNS has no SRV record %1 (no domain controller found).").arg(name));
    return ordered(records);
}

Result<QString> DirectoryDiscovery::directoryUrl(const Sources &sources)
{
    auto r = realm(sources);
    if (!r)
        return r.error();
    const QString name = u"_ldap._tcp.dc._msdcs."_s + r->toLower();
    auto records = sources.lookup ? sources.lookup(name) : dnsSrv(name);
    if (!records)
        return Error{records.error().code,
                     records.error().message + u' '
                         + tr("Give the directory with --directory ldap://HOST or "
                              "IPSEC_CONSOLE_DIRECTORY.")};
    const QList<SrvRecord> sorted = ordered(*records);
    if (sorted.isEmpty())
        return Error::notFound(
            tr("DNS has no SRV record %1 (no domain controller found).").arg(name));
    const SrvRecord &first = sorted.first();
    QString host = first.target;
    if (host.endsWith(u'.'))
        host.chop(1);
    return u"ldap://%1:%2"_s.arg(host).arg(first.port);
}

} // namespace ipsec::ds
