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
        // The project's nftables table then in force: a file with the nftables backend's record
        // of it (NftBackend::readRecord), or with nft text ("table inet ipsec_console { … }")
        // in a record written by an earlier version. Empty: there was none. Reading the record
        // names the file beside it; setEmergencyRecord() moves any other file there.
        QString nftTableFile;
        bool nftTableIsText = false;
        int nftElements = 0;
        bool hasNftTable() const { return !nftTableFile.isEmpty(); }
        // XFRM entries plus the table's set elements: what the user hears was removed.
        int removedCount() const { return int(entries.size()) + nftElements; }
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
    // Writes the record; a table file elsewhere (the backend's record, see takeNftTable()) is
    // moved beside it by a rename (no second write of 10,000 elements on the emergency's path).
    Result<void> setEmergencyRecord(const EmergencyRecord &record);
    Result<void> clearEmergencyRecord();

    // The nftables backend's record of the table it applied last (NftBackend::Options::
    // recordFile): every enforcement keeps it up to date, so that an emergency unassign records
    // the table without reading 10,000 elements back from the kernel before deleting it. A dot
    // file: removeStale() removes folders holding only the project's files.
    QString nftRecordFile() const;
    // Fills record.nftTable* with the table last enforced (call under the runtime lock): the
    // backend's record, else the text an earlier version kept (enforced-table.nft). False: no
    // table.
    bool takeNftTable(EmergencyRecord &record) const;
    // After reassign restored a text table of an earlier version's record: that text is the table
    // of record again, as an earlier version kept it (the backend has no record of it).
    Result<void> keepLegacyNftTable(const EmergencyRecord &record);
    // An enforcement recorded its table: a text copy an earlier version kept goes.
    void dropLegacyNftTable() const;

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
