#pragma once

// The directory as a policy store: the IPsec objects of an Active Directory domain, edited
// through the same StoreWriter operations (and so the same service layer and editing rules) as
// the local store. A change reads the directory, runs on the model in memory (MemoryStoreWriter),
// and writes only the objects whose content changed ([MS-GPIPSEC] 2.2.1: new objects first,
// then references, deletions last); objects nobody changed keep their bytes. "Assigned" means
// assigned in one GPO (default: the Default Domain Policy), as the snap-in opened from that
// GPO shows it; deleting a policy removes every GPO's assignment of it first.

#include "ds/DirectoryOptions.h"
#include "ds/DsModel.h"
#include "store/AbstractPolicyStore.h"

#include <QCoreApplication>

#include <memory>

namespace ipsec::ds {

class LdapDirectory;

class DirectoryStore final : public AbstractPolicyStore {
    Q_OBJECT
public:
    static constexpr QLatin1StringView DefaultGpo{"Default Domain Policy"};

    struct Options {
        DirectoryOptions connection; // as DirectoryOptions::resolve returned it
        QString gpo; // display name, {GUID} or DN; empty: connection.gpo, else DefaultGpo
    };

    explicit DirectoryStore(Options options, QObject *parent = nullptr);
    ~DirectoryStore() override;

    // Connects and binds now (later calls use this connection, also its network namespace).
    Result<void> connectNow();

    Kind kind() const override { return Kind::Directory; }
    // ldap://HOST/<domain DN> once connected, the URL before.
    QString path() const override;
    bool isReadOnly() const override { return false; }
    Result<qint64> revision() const override { return m_revision; }
    Result<PolicyDatabase> load() const override;
    Result<void> write(const std::function<Result<void>(StoreWriter &)> &fn) override;
    void setWatchInterval(int) override {}

    // The GPO assignments go to (after the first load or write): its DN and display name.
    QString gpoDn() const { return m_gpoDn; }
    QString gpoName() const { return m_gpoName; }

private:
    struct State {
        QList<DsObject> objects;
        DirectoryContents contents;
        QString assignedDn; // the policy the GPO assigns
    };
    Result<LdapDirectory *> directory() const;
    Result<State> read() const;
    Result<void> apply(const State &state, const PolicyDatabase &after);
    // Ids stay the same from one read to the next (the directory has none; read() numbers in
    // directory order): objects keep the id they were first given, by guid.
    void renumber(PolicyDatabase &db) const;
    void remember(const PolicyDatabase &db) const;

    Options m_options;
    mutable std::unique_ptr<LdapDirectory> m_dir;
    mutable QString m_gpoDn;
    mutable QString m_gpoName;
    mutable QString m_gpoProblem;
    struct Ids {
        QHash<QUuid, qint64> byGuid;
        qint64 last = 0;
        qint64 take(const QUuid &guid);
    };
    mutable Ids m_policyIds, m_ruleIds, m_listIds, m_actionIds, m_filterIds;
    qint64 m_revision = 0;
    bool m_writing = false;
};

} // namespace ipsec::ds
