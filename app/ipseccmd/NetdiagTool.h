#pragma once

#include "Cli.h"

namespace ipsec {
struct PolicyDatabase;
struct KernelView;
class PolicyClient;
} // namespace ipsec

// netdiag /test:ipsec [/debug]: the IP Security test of the Windows Support Tools.
class NetdiagTool {
    Q_DECLARE_TR_FUNCTIONS(NetdiagTool)
public:
    NetdiagTool(CliOptions options, CliIo io);
    int run(const QStringList &args);

private:
    void printUsage();
    void printFilters(ipsec::PolicyClient &service, const ipsec::PolicyDatabase &db,
                      const QString &storePath);
    // The nftables table's size and per-filter packet counters, most first.
    void printTable(const ipsec::KernelView &view, const QString &indent);
    void printHits(const ipsec::KernelView &view, const QString &indent);

    CliOptions m_options;
    CliIo m_io;
};
