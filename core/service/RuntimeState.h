#pragma once

#include "engine/DynamicIke.h"
#include "engine/EffectivePolicy.h"
#include "kernel/SpdEntry.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace ipsec {

// Volatile state of one network namespace, under /run (tmpfs): the dynamic filters (gone at
// reboot, as the article says) and what an emergency unassign took away. The folder is
// /run/ipsec-console/<namespace name or "default">-<netns inode>; $IPSEC_CONSOLE_RUNTIME_DIR
// replaces /run/ipsec-console (tests).
class RuntimeState {
    Q_DECLARE_TR_FUNCTIONS(ipsec::RuntimeState)
public:
    // What an emergency unassign removed, so that `reassign` can put it back.
    struct EmergencyRecord {
        QString assignedPolicy;                      // name; empty when none was assigned
        QList<kernel::SpdEntry> entries;             // the project's kernel entries at that moment
        QList<engine::DynamicFilter> dynamicFilters; // the dynamic filters then in force
        QDateTime when;
        // The project's nftables table then in force, as nft text ("table inet ipsec_console
        // { … }"); empty when there was none. Kept in a file of its own beside the record.
        QString nftTable;
        // XFRM entries plus the table's set elements: what the user hears was removed.
        int removedCount() const;
    };

    explicit RuntimeState(const QString &netnsName);

    // The folder that holds one folder per namespace ($IPSEC_CONSOLE_RUNTIME_DIR or
    // /run/ipsec-console).
    static QString baseDirectory();
    // Removes the folders "<name>-<inode>" of namespaces that no longer exist: no
    // /run/netns/* entry, no process or thread in it, no bind mount of it, no descriptor of it
    // open anywhere. Anything else in the base folder stays. Returns the folders removed.
    static QStringList removeStale();

    QString directory() const { return m_dir; }

    Result<QList<engine::DynamicFilter>> dynamicFilters() const;
    Result<void> setDynamicFilters(const QList<engine::DynamicFilter> &filters);

    // Dynamic main-mode and quick-mode policies and `netsh ipsec dynamic set config`.
    Result<engine::DynamicIke> dynamicIke() const;
    Result<void> setDynamicIke(const engine::DynamicIke &ike);
    // Their JSON form (ike.json, and the agent's DynamicIke call).
    static QJsonObject ikeToJson(const engine::DynamicIke &ike);
    static std::optional<engine::DynamicIke> ikeFromJson(const QJsonObject &o);

    // Whether IKE (UDP 500/4500) is exempt from the filters; remembered per namespace so that
    // every later command enforces the same way. Default: exempt.
    bool ikeExemption() const;
    Result<void> setIkeExemption(bool exempt);

    Result<std::optional<EmergencyRecord>> emergencyRecord() const;
    // tableFromEnforced: record.nftTable was just read from enforcedNftTable() under the runtime
    // lock; that file becomes the record's table by a rename (no second write of 10,000
    // elements on the emergency's path).
    Result<void> setEmergencyRecord(const EmergencyRecord &record, bool tableFromEnforced = false);
    Result<void> clearEmergencyRecord();

    // The nftables table this project last enforced in the namespace, as nft text (the plan's
    // table). Every enforcement on the nftables backend keeps it up to date, so that an
    // emergency unassign can record the table without reading 10,000 elements back from the
    // kernel before deleting it. Empty: no table (setting it empty removes the file).
    Result<QString> enforcedNftTable() const;
    bool hasEnforcedNftTable() const;
    Result<void> setEnforcedNftTable(const QString &text);

    // Creates the folder (0755, whatever the umask).
    Result<void> makeDirectory() const;

private:
    Result<void> writeJson(const QString &file, const QByteArray &json);
    // Preshared keys of dynamic rules live in a root-only file beside dynamic.json.
    QHash<QString, QStringList> readKeys() const;
    void restoreKeys(QList<engine::DynamicFilter> &filters) const;
    QString m_dir;
};

} // namespace ipsec
