#pragma once

#include <QDBusAbstractInterface>

namespace ipsec {

// The agent's object as QtDBus sees it. Only its signals are used: QDBusAbstractInterface relays
// a D-Bus signal to the Qt signal of the same name, so AgentClient can connect to them
// pointer-to-member (QDBusConnection::connect only knows SLOT() strings).
class AgentInterface : public QDBusAbstractInterface {
    Q_OBJECT
public:
    explicit AgentInterface(const QDBusConnection &connection, QObject *parent = nullptr);

Q_SIGNALS:
    void Changed(qlonglong revision);
    void DynamicFiltersChanged();
    void ConfirmationPending(qlonglong deadlineMsecsUtc, const QString &description);
    void ConfirmationEnded(bool kept, const QString &message);
};

} // namespace ipsec
