#pragma once

#include "model/PolicyDatabase.h"
#include "syntax/IpsecCmd.h"
#include "util/Result.h"

#include <QObject>

#include <memory>

namespace ipsec {

class PolicyStore;

// What a command did, line by line, for the user.
struct ServiceReport {
    QStringList messages;
    QStringList notices; // things the user should know but that are not errors
};

// The single door to the policy store (and, later, the kernel) for the console, the command-line
// tools and the agent. Business rules of the ipsecpol/ipseccmd model live here.
class PolicyService : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString storePath;    // empty: PolicyStore::resolvePath()
        QString netns;        // empty: the current network namespace
        bool readOnly = false;
    };

    static Result<std::unique_ptr<PolicyService>> open(const Options &options);
    ~PolicyService() override;

    QString storePath() const;
    QString netns() const;
    Result<PolicyDatabase> load() const;
    // Watches for changes of other processes; changed() follows.
    void setWatchInterval(int intervalMs);

    // Static mode of ipsecpol/ipseccmd (-w given): create/modify/assign/unassign/delete, as one
    // transaction.
    Result<ServiceReport> executeStatic(const syntax::IpsecCmdCommand &command);

    // Intent-level operations used by every front end.
    Result<ServiceReport> assignPolicy(const QString &name);
    Result<ServiceReport> unassignPolicy(const QString &name = {}); // empty: whatever is assigned
    Result<ServiceReport> deletePolicy(const QString &name);

Q_SIGNALS:
    void changed(qint64 revision);

private:
    PolicyService(std::unique_ptr<PolicyStore> store, Options options);

    std::unique_ptr<PolicyStore> m_store;
    Options m_options;
};

} // namespace ipsec
