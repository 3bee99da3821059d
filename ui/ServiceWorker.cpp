#include "ServiceWorker.h"

#include "service/PolicyClient.h"

#include <QPointer>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

ServiceWorker::ServiceWorker(PolicyClient &client, QObject *parent)
    : QObject(parent)
    // D-Bus calls (QDBusConnection::call) may be made from any thread.
    , m_offThread(client.backend() == PolicyClient::Backend::Agent)
    , m_pool(new QThreadPool(this))
{
    setObjectName(u"serviceWorker"_s);
    m_pool->setMaxThreadCount(1); // one job at a time, in order
    m_pool->setExpiryTimeout(-1);
}

ServiceWorker::~ServiceWorker()
{
    // A job still waiting for a hanging agent must not outlive the window: its continuation is
    // dropped (QPointer), the thread ends when the call times out.
    m_pool->clear();
    if (m_pending > 0)
        m_pool->setParent(nullptr); // left behind, not waited for: the window closes now
}

void ServiceWorker::post(const QString &what, Job job)
{
    if (!m_offThread) {
        job()();
        return;
    }
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true, what);
    QPointer<ServiceWorker> self(this);
    m_pool->start([self, job = std::move(job)] {
        Continuation then = job();
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, then] {
                if (self)
                    self->finished(then);
            },
            Qt::QueuedConnection);
    });
}

void ServiceWorker::finished(const Continuation &then)
{
    if (then)
        then();
    if (--m_pending == 0)
        Q_EMIT busyChanged(false, {});
}

} // namespace ipsec::ui
