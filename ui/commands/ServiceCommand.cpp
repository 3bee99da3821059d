#include "ServiceCommand.h"

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
    const auto result = operation();
    if (!result) {
        // The store moved on (another program, or an id that changed): this step cannot be
        // replayed any more. Tell the user and let the stack drop it.
        setObsolete(true);
        if (m_onError)
            m_onError(result.error().message);
    }
}

} // namespace ipsec::ui
