#pragma once

#include "service/PolicyClient.h"

#include <QUndoCommand>

#include <functional>

namespace ipsec::ui {

class ServiceWorker;

// One undoable change through the service: redo and undo are each one service operation (create
// ↔ delete, update new ↔ old). The change is made before the command is pushed, so the first
// redo() that QUndoStack::push() calls does nothing.
class ServiceCommand : public QUndoCommand {
public:
    using Operation = std::function<Result<ServiceReport>()>;
    using ErrorSink = std::function<void(const QString &)>;

    ServiceCommand(const QString &text, Operation redo, Operation undo, ErrorSink onError);

    // Undo and redo run through WORKER (off the GUI thread with the agent).
    void setWorker(ServiceWorker *worker) { m_worker = worker; }

    void redo() override;
    void undo() override;

private:
    void run(const Operation &operation);

    Operation m_redo;
    Operation m_undo;
    ErrorSink m_onError;
    ServiceWorker *m_worker = nullptr;
    bool m_done = true;
};

} // namespace ipsec::ui
