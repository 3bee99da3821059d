#include "ServiceCommand.h"

#include "ServiceWorker.h"

namespace ipsec::ui {

ServiceCommand::ServiceCommand(const QString &text, Operation redo, Operation undo,
                               ErrorSink onError)
    : QUndoCommand(text)
    , m_redo(std::move(redo))
    , m_undo(std::move(undo))
    , m_onError(std::move(onError))
{
}

void ServiceCommand::redo()
{
    if (m_done)
        return; // pushed after the change was made
    run(m_redo);
    m_done = true;
}

void ServiceCommand::undo()
{
    run(m_undo);
    m_done = false;
}

void ServiceCommand::run(const Operation &operation)
{
    const auto failed = [this](const Result<ServiceReport> &result) {
        if (result)
            return;
        // The store moved on (another program, or an id that changed): this step cannot be
        // replayed any more. Tell the user and let the stack drop it.
        setObsolete(true);
        if (m_onError)
            m_onError(result.error().message);
    };
    if (!m_worker) {
        failed(operation());
        return;
    }
    // The command may be gone when the answer comes (the stack was cleared): only the error
    // sink, copied, is used then.
    const ErrorSink onError = m_onError;
    const bool inline_ = !m_worker->runsOffThread();
    m_worker->post(text(),
                   [this, operation, onError, inline_, failed]() -> ServiceWorker::Continuation {
                       const auto result = operation();
                       return [this, result, onError, inline_, failed] {
                           if (inline_)
                               failed(result);
                           else if (!result && onError)
                               onError(result.error().message);
                       };
                   });
}

} // namespace ipsec::ui
