#include "EnforcementWatch.h"

using namespace Qt::StringLiterals;

EnforcementWatch::EnforcementWatch(QObject *parent)
    : QObject(parent)
    , m_addresses(this) // children: moveToThread() takes them along
    , m_spd(this)
    , m_nft(this)
    , m_servers(this)
{
    connect(&m_addresses, &ipsec::kernel::NetlinkWatcher::changed, this,
            [this](const QStringList &reasons) {
                Q_EMIT enforcementNeeded(
                    tr("Addresses or routes changed (%1)").arg(reasons.join(u", "_s)));
            });
    connect(&m_servers, &ipsec::kernel::ServerConfigWatcher::changed, this,
            [this](const QString &what) {
                Q_EMIT enforcementNeeded(tr("Servers of this computer changed (%1)").arg(what));
            });
    connect(&m_nft, &ipsec::kernel::NetlinkWatcher::changed, this,
            [this](const QStringList &reasons) {
                Q_EMIT enforcementNeeded(
                    tr("The nftables table changed (%1)").arg(reasons.join(u", "_s)));
            });
    connect(&m_spd, &ipsec::kernel::NetlinkWatcher::changed, this,
            [this](const QStringList &reasons) {
                Q_EMIT enforcementNeeded(
                    tr("The kernel's IPsec policy changed (%1)").arg(reasons.join(u", "_s)));
            });
}

QStringList EnforcementWatch::start()
{
    QStringList problems;
    if (auto ok = m_addresses.start(); !ok)
        problems << tr("Address changes are not followed: %1").arg(ok.error().message);
    if (auto ok = m_spd.start(); !ok)
        problems << tr("Changes of the kernel's IPsec policy by other programs are not "
                       "repaired: %1")
                        .arg(ok.error().message);
    if (auto ok = m_nft.start(); !ok)
        problems << tr("Changes of the nftables table by other programs are not repaired: %1")
                        .arg(ok.error().message);
    if (const QString problem = m_servers.start(); !problem.isEmpty())
        problems << problem;
    return problems;
}
