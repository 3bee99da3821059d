#pragma once

// A small, blocking VICI client over charon's Unix socket. Every call is bounded by the
// timeout; it is meant for a worker thread (the agent) or a command-line tool, never the GUI
// thread. One request at a time; events of the streamed commands (list-sas, list-conns) are
// collected until the command's response.

#include "vici/ViciPacket.h"

#include <QString>

namespace ipsec::vici {

class Client {
    Q_DECLARE_TR_FUNCTIONS(ipsec::vici::Client)
public:
    static constexpr const char *DefaultSocket = "/run/charon.vici";
    // --vici PATH, else $IPSEC_CONSOLE_VICI, else /run/charon.vici.
    static QString socketPath(const QString &option = {});

    explicit Client(QString path, int timeoutMs = 5000);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    Result<void> connect();
    bool isConnected() const { return m_fd >= 0; }
    void close();
    const QString &path() const { return m_path; }

    // One command. A CMD_UNKNOWN answer, a broken connection or a timeout is an error (code
    // Kernel: the IKE daemon is part of the kernel side here). Reconnects once if the socket
    // was closed by the daemon (charon restarted).
    Result<Message> call(const QByteArray &command, const Message &arguments = {});
    // A streamed command: registers `event`, sends the command, returns the events received
    // before the response plus the response, unregisters.
    struct Streamed {
        QList<Message> events;
        Message response;
    };
    Result<Streamed> callStreamed(const QByteArray &command, const QByteArray &event,
                                  const Message &arguments = {});

    // "success" = "yes" in a response, else the daemon's "errmsg" as an error.
    static Result<void> checkSuccess(const QByteArray &command, const Message &response);

private:
    Result<void> send(const Packet &packet);
    Result<Packet> receive();
    Result<Message> callOnce(const QByteArray &command, const Message &arguments);
    Error failure(const QString &what) const;

    QString m_path;
    int m_timeoutMs;
    int m_fd = -1;
    FrameReader m_reader;
};

} // namespace ipsec::vici
