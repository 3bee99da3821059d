#pragma once

// Follows charon's life from the outside (issue 14): holds an idle VICI connection and notices
// when charon closes it (stopped, crashed, restarted); while charon is away it connects again
// with a growing pause (100 ms … 2 s) and at once when the socket's folder changes. Every new
// connection is reported, so the agent can load the project's connections and secrets again:
// a restarted charon has none of them.

#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QSocketNotifier;
class QTimer;

namespace ipsec::vici {

class DaemonWatch : public QObject {
    Q_OBJECT
public:
    explicit DaemonWatch(QString socketPath, QObject *parent = nullptr);
    ~DaemonWatch() override;

    // Starts watching in the calling thread; the first connection (charon already running) is
    // reported as well.
    void start();
    bool isConnected() const { return m_fd >= 0; }
    const QString &socketPath() const { return m_path; }

    static constexpr int FirstRetryMs = 100;
    static constexpr int LongestRetryMs = 2000;

Q_SIGNALS:
    // charon answers on the socket (again): its connections should be loaded.
    void connected();
    // charon closed the connection; `why` is a sentence.
    void lost(const QString &why);

private:
    void tryConnect();
    void onReadable();
    void drop();

    QString m_path;
    int m_fd = -1;
    int m_retryMs = FirstRetryMs;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_retry = nullptr;
    QFileSystemWatcher *m_folder = nullptr;
};

} // namespace ipsec::vici
