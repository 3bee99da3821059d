#include "kernel/ServerConfigWatcher.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace ipsec::kernel {

ServerConfigWatcher::ServerConfigWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(this)
{
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ServerConfigWatcher::check);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ServerConfigWatcher::check);
}

void ServerConfigWatcher::watchPaths()
{
    QStringList paths;
    const QFileInfo resolv(SystemServers::resolvConfPath());
    paths << resolv.absoluteFilePath() << resolv.absolutePath();
    if (resolv.isSymLink()) // /etc/resolv.conf -> /run/systemd/resolve/stub-resolv.conf
        paths << QFileInfo(resolv.canonicalFilePath()).absolutePath();
    paths << u"/run/systemd/resolve"_s << SystemServers::leaseLocations();
    QStringList wanted;
    for (const QString &p : std::as_const(paths))
        if (QFileInfo::exists(p) && !wanted.contains(p))
            wanted << p;
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    QStringList missing;
    for (const QString &p : std::as_const(wanted))
        if (!watched.contains(p))
            missing << p;
    if (!missing.isEmpty())
        m_watcher.addPaths(missing); // a replaced file is watched again
}

QString ServerConfigWatcher::start()
{
    m_dns = SystemServers::find(Address::ServerType::Dns);
    m_dhcp = SystemServers::find(Address::ServerType::Dhcp);
    watchPaths();
    if (m_watcher.files().isEmpty() && m_watcher.directories().isEmpty())
        return tr("Changes of the DNS and DHCP servers are not followed: %1 cannot be watched.")
            .arg(SystemServers::resolvConfPath());
    return {};
}

void ServerConfigWatcher::check()
{
    watchPaths();
    const auto dns = SystemServers::find(Address::ServerType::Dns);
    const auto dhcp = SystemServers::find(Address::ServerType::Dhcp);
    QStringList what;
    if (dns.addresses != m_dns.addresses)
        what << tr("DNS servers");
    if (dhcp.addresses != m_dhcp.addresses)
        what << tr("DHCP server");
    m_dns = dns;
    m_dhcp = dhcp;
    if (!what.isEmpty())
        Q_EMIT changed(what.join(u", "_s));
}

} // namespace ipsec::kernel
