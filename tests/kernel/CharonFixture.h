#pragma once

// Test helper: one real strongSwan charon in a network namespace of the test, with its own
// /run (a tmpfs in its own mount namespace), its own configuration, VICI socket and log in a
// folder of the test. Stopped (and waited for) when the object goes.

#include "vici/ViciClient.h"

#include <QProcess>
#include <QString>

#include <memory>

class CharonFixture {
public:
    static QString program() { return QStringLiteral("/usr/lib/ipsec/charon"); }
    static bool installed();

    // `folder` holds NAME.conf, NAME.vici and NAME.log.
    CharonFixture(QString folder, QString name);
    ~CharonFixture();
    CharonFixture(const CharonFixture &) = delete;
    CharonFixture &operator=(const CharonFixture &) = delete;

    // Starts charon in `ns` and waits (up to 10 s) until it answers "version" on its socket.
    bool start(const QString &ns);
    void stop();  // SIGTERM, then SIGKILL after 5 s
    void crash(); // SIGKILL: the socket file stays behind, as after a crash
    bool running() const;

    QString socketPath() const;
    QString logPath() const;
    QByteArray log() const;

    // Over VICI (empty on any error).
    QList<QByteArray> connections() const;
    QList<ipsec::vici::Message> sas() const;   // list-sas events, one per IKE SA
    QList<ipsec::vici::Message> conns() const; // list-conns events, one per connection
    // load-conn / load-cert / load-key / load-shared; the error message or empty.
    QString call(const QByteArray &command, const ipsec::vici::Message &arguments) const;

private:
    QString m_folder;
    QString m_name;
    QString m_ns;
    std::unique_ptr<QProcess> m_process;
};
