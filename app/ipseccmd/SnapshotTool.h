#pragma once

#include "Cli.h"

#include "service/PolicyClient.h"

#include <functional>
#include <memory>

// `ipseccmd snapshot export|import|diff`: snapshots of the policy state as files.
class SnapshotTool {
    Q_DECLARE_TR_FUNCTIONS(SnapshotTool)
public:
    // How the tool reaches the policy operations (read-only for export and diff).
    using ClientFactory =
        std::function<ipsec::Result<std::unique_ptr<ipsec::PolicyClient>>(bool readOnly)>;

    SnapshotTool(CliOptions options, CliIo io, QString program, ClientFactory openClient);
    // args: the words after "snapshot".
    int run(const QStringList &args);

private:
    int exportSnapshot(QStringList args);
    int importSnapshot(QStringList args);
    int diff(QStringList args);
    void usage(const QString &command);
    int fail(const ipsec::Error &e);
    ipsec::Result<QByteArray> readFile(const QString &path);

    CliOptions m_options;
    CliIo m_io;
    QString m_program;
    ClientFactory m_openClient;
};
