#pragma once

#include "Cli.h"

#include "model/PolicyDatabase.h"
#include "service/PolicyClient.h"

// The ipseccmd / ipsecpol personality: static mode, query mode (show), dynamic mode.
class IpsecCmdTool {
    Q_DECLARE_TR_FUNCTIONS(IpsecCmdTool)
public:
    IpsecCmdTool(CliOptions options, CliIo io, QString program);
    int run(const QStringList &args);
    // Fetches the domain's policy now: `refresh`, or the Windows spellings (the program name
    // gpupdate or secedit) with their switches, checked.
    int refresh(const QStringList &args);

private:
    void printUsage();
    int show(const QStringList &what);
    // names policies|filterlists|filteractions|rules: one name a line (shell completion).
    int names(const QStringList &kinds);
    void showPolicies(const ipsec::PolicyDatabase &db);
    void showFilters(const ipsec::PolicyDatabase &db);
    ipsec::Result<std::unique_ptr<ipsec::PolicyClient>> openClient(bool readOnly);
    int report(const ipsec::Result<ipsec::ServiceReport> &r);
    // --confirm-within, --force and $SSH_CONNECTION, for every change.
    ipsec::ChangeOptions changeOptions() const;
    // Reports a change; with --confirm-within, waits for it to be kept or rolled back.
    int finishChange(ipsec::PolicyClient &service, const ipsec::Result<ipsec::ServiceReport> &r);
    int confirm();
    void showDynamic(ipsec::PolicyClient &service);
    void showSas(); // the IKE daemon's SAs over VICI (issue 14)
    void showKernel(ipsec::PolicyClient &service, bool counters);
    int fail(const ipsec::Error &e);

    CliOptions m_options;
    CliIo m_io;
    QString m_program;
};
