#include "client/AgentInterface.h"

#include "client/AgentProtocol.h"

namespace ipsec {

AgentInterface::AgentInterface(const QDBusConnection &connection, QObject *parent)
    : QDBusAbstractInterface(AgentProtocol::service(), AgentProtocol::path(),
                             AgentProtocol::Interface, connection, parent)
{
}

} // namespace ipsec
