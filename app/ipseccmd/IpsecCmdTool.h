#pragma once

#include "Cli.h"

#include "model/PolicyDatabase.h"
#include "service/PolicyService.h"

// The ipseccmd / ipsecpol personality: static mode, query mode (show), dynamic mode.
class IpsecCmdTool {
    Q_DECLARE_TR_FUNCTIONS(IpsecCmdTool)
public:
    IpsecCmdTool(CliOptions options, CliIo io, QString program);
    int run(const QStringList &args);

private:
    void printUsage();
    int show(const QStringList &what);
    void showPolicies(const ipsec::PolicyDatabase &db);
    void showFilters(const ipsec::PolicyDatabase &db);
    ipsec::PolicyService::Options serviceOptions(bool readOnly) const;
    ipsec::Result<std::unique_ptr<ipsec::PolicyService>> openService(bool readOnly);
    ipsec::Result<std::unique_ptr<ipsec::PolicyClient>> openClient(bool readOnly);
    int report(const ipsec::Result<ipsec::ServiceReport> &r);
    void showDynamic(ipsec::PolicyClient &service);
    void showKernel(ipsec::PolicyClient &service, bool counters);
    int fail(const ipsec::Error &e);

    CliOptions m_options;
    CliIo m_io;
    QString m_program;
};
