#include "ConfirmationRecord.h"

#include "service/RuntimeLock.h"
#include "service/RuntimeState.h"
#include "util/SafeFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace ipsec;

namespace {

// Whether pid is a running ipseccmd (this very program): never signal a recycled pid.
bool isWaitingProgram(qint64 pid)
{
    if (pid <= 0)
        return false;
    const QString exe = QFileInfo(u"/proc/%1/exe"_s.arg(pid)).symLinkTarget();
    return !exe.isEmpty() && exe == QFileInfo(u"/proc/self/exe"_s).symLinkTarget();
}

} // namespace

ConfirmationRecord::ConfirmationRecord(const QString &netns)
    : m_netns(netns)
    , m_path(RuntimeState(netns).directory() + u"/pending-confirmation.json"_s)
{
}

Result<void> ConfirmationRecord::write(const Content &c)
{
    if (auto ok = RuntimeState(m_netns).makeDirectory(); !ok)
        return ok;
    QJsonObject o{{u"pid"_s, c.pid},
                  {u"deadline"_s, c.deadline.toString(Qt::ISODateWithMs)},
                  {u"description"_s, c.description}};
    if (c.kept) {
        o.insert(u"kept"_s, *c.kept);
        o.insert(u"message"_s, c.message);
    }
    return SafeFile::write(m_path, QJsonDocument(o).toJson(), SafeFile::Access::Readable);
}

Result<void> ConfirmationRecord::writeWaiting(qint64 pid, const PendingConfirmation &pending)
{
    auto lock = RuntimeLock::acquire(RuntimeState(m_netns).directory());
    if (!lock)
        return lock.error();
    return write({pid, pending.deadline, pending.description, std::nullopt, {}});
}

Result<void> ConfirmationRecord::writeOutcome(qint64 pid, bool kept, const QString &message)
{
    // Read, check and write as one step beside other ipseccmd processes.
    auto lock = RuntimeLock::acquire(RuntimeState(m_netns).directory());
    if (!lock)
        return lock.error();
    Content c = read().value_or(Content{});
    if (c.pid != pid)
        return {}; // another ipseccmd waits now: its record stays
    c.kept = kept;
    c.message = message;
    return write(c);
}

std::optional<ConfirmationRecord::Content> ConfirmationRecord::read() const
{
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.isEmpty())
        return std::nullopt;
    Content c;
    c.pid = o.value(u"pid"_s).toInteger();
    c.deadline = QDateTime::fromString(o.value(u"deadline"_s).toString(), Qt::ISODateWithMs);
    c.description = o.value(u"description"_s).toString();
    if (o.contains(u"kept"_s)) {
        c.kept = o.value(u"kept"_s).toBool();
        c.message = o.value(u"message"_s).toString();
    }
    return c;
}

void ConfirmationRecord::remove()
{
    QFile::remove(m_path);
}

Result<ServiceReport> ConfirmationRecord::confirmWaiting(int timeoutMs)
{
    const auto nothing = [] {
        return Error::notFound(tr("No change is waiting for confirmation in this network "
                                  "namespace."));
    };
    const auto record = read();
    if (!record)
        return nothing();
    if (record->kept || !isWaitingProgram(record->pid)) {
        remove(); // an answered or abandoned record
        return nothing();
    }
    if (::kill(pid_t(record->pid), SIGUSR1) != 0)
        return Error::permission(
            tr("Cannot signal the waiting ipseccmd (process %1).").arg(record->pid));
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        const auto now = read();
        if (now && now->pid == record->pid && now->kept) {
            remove();
            if (!*now->kept)
                return Error::conflict(tr("Too late: %1").arg(now->message));
            ServiceReport report;
            report.messages << now->message;
            return report;
        }
        if (!now || now->pid != record->pid || !isWaitingProgram(record->pid))
            return Error::conflict(
                tr("The waiting ipseccmd (process %1) ended without an answer.").arg(record->pid));
        QThread::msleep(50);
    }
    return Error::conflict(
        tr("The waiting ipseccmd (process %1) did not answer in time.").arg(record->pid));
}
