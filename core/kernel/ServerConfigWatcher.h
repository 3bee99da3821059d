#pragma once

#include "kernel/SystemServers.h"

#include <QFileSystemWatcher>
#include <QObject>

namespace ipsec::kernel {

// The files behind netsh's DNS and DHCP server types (resolv.conf, DHCP leases; see
// SystemServers): when what they say changes, changed() names the server type. Default routes
// (GATEWAY) are rtnetlink's business (AddressWatcher). Files that are replaced (written beside
// and renamed, as resolvconf and DHCP clients do) are followed through their folder.
class ServerConfigWatcher final : public QObject {
    Q_OBJECT
public:
    explicit ServerConfigWatcher(QObject *parent = nullptr);
    // Watches the files and folders; the folders that cannot be watched, as a sentence (the
    // agent works on without them), or an empty string.
    QString start();

Q_SIGNALS:
    void changed(const QString &why);

private:
    void check();
    void watchPaths();

    QFileSystemWatcher m_watcher;
    SystemServers::Found m_dns;
    SystemServers::Found m_dhcp;
};

} // namespace ipsec::kernel
