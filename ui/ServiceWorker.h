#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QThreadPool;

namespace ipsec {
class PolicyClient;
}

namespace ipsec::ui {

// Keeps service calls off the GUI thread, so the window paints and Emergency Unassign stays
// usable while the policy agent works, waits for polkit, or hangs. A job runs on the worker
// thread and returns what to do afterwards on the GUI thread. Jobs run one at a time, in order.
// In-process (the service's SQLite connection belongs to the GUI thread, and nothing waits on
// another process) a job runs at once on the calling thread.
class ServiceWorker : public QObject {
    Q_OBJECT
public:
    using Continuation = std::function<void()>;
    using Job = std::function<Continuation()>;

    ServiceWorker(PolicyClient &client, QObject *parent = nullptr);
    ~ServiceWorker() override;

    bool runsOffThread() const { return m_offThread; }
    // Tests: run jobs on the worker thread even in-process (only for thread-safe clients).
    void setRunsOffThread(bool offThread) { m_offThread = offThread; }
    void post(const QString &what, Job job);
    // JOB runs like post()'s; THEN gets its result on the GUI thread, unless CONTEXT is gone.
    template <typename Work, typename Then>
    void run(const QString &what, QObject *context, Work job, Then then)
    {
        QPointer<QObject> guard(context);
        post(what, [job = std::move(job), then = std::move(then), guard]() -> Continuation {
            auto result = job();
            return [then, guard, result = std::move(result)] {
                if (guard)
                    then(result);
            };
        });
    }
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    // what: the job's description while busy, empty when idle.
    void busyChanged(bool busy, const QString &what);

private:
    void finished(const Continuation &then);

    bool m_offThread = false;
    int m_pending = 0;
    QThreadPool *m_pool = nullptr;
};

} // namespace ipsec::ui
