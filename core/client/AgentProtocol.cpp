#include "client/AgentProtocol.h"

#include "service/RuntimeState.h"

#include <QDBusError>
#include <QDBusMessage>

using namespace Qt::StringLiterals;

namespace ipsec {

namespace {

struct ErrorNameEntry {
    ErrorCode code;
    const char *suffix;
};

constexpr ErrorNameEntry ErrorNames[] = {
    {ErrorCode::Usage, "Usage"},   {ErrorCode::NotFound, "NotFound"},
    {ErrorCode::Store, "Store"},   {ErrorCode::Conflict, "Conflict"},
    {ErrorCode::Kernel, "Kernel"}, {ErrorCode::Permission, "Permission"},
};

QString errorPrefix()
{
    return AgentProtocol::interface() + u".Error."_s;
}

} // namespace

QString AgentProtocol::errorName(ErrorCode code)
{
    for (const auto &e : ErrorNames) {
        if (e.code == code)
            return errorPrefix() + QLatin1StringView(e.suffix);
    }
    return errorPrefix() + u"Usage"_s;
}

QString AgentProtocol::notAuthorizedErrorName()
{
    return errorPrefix() + u"NotAuthorized"_s;
}

Error AgentProtocol::toError(const QDBusError &error)
{
    const QString name = error.name();
    if (name == notAuthorizedErrorName())
        return Error::permission(error.message());
    for (const auto &e : ErrorNames) {
        if (name == errorPrefix() + QLatin1StringView(e.suffix))
            return {e.code, error.message()};
    }
    // Not the agent's own error: the bus or QtDBus refused the call, or the agent is gone.
    if (error.type() == QDBusError::AccessDenied)
        return Error::permission(
            tr("The D-Bus policy refused the call to the policy agent: %1").arg(error.message()));
    return Error::kernel(
        tr("The policy agent could not be reached (%1): %2").arg(name, error.message()));
}

Error AgentProtocol::toError(const QDBusMessage &errorReply)
{
    return toError(QDBusError(errorReply));
}

QVariantMap AgentProtocol::toMap(const ChangeOptions &options, bool dryRun)
{
    QVariantMap map;
    if (options.confirmWithinSeconds > 0)
        map.insert(u"confirmWithin"_s, QVariant::fromValue(uint(options.confirmWithinSeconds)));
    if (options.force)
        map.insert(u"force"_s, true);
    if (!options.sshConnection.isEmpty())
        map.insert(u"sshConnection"_s, options.sshConnection);
    if (dryRun)
        map.insert(u"dryRun"_s, true);
    return map;
}

QString AgentProtocol::peerSocketPath()
{
    return RuntimeState::baseDirectory() + u"/policyd.socket"_s;
}

Result<AgentProtocol::CallOptions> AgentProtocol::fromMap(const QVariantMap &map)
{
    CallOptions o;
    const auto wrongType = [](const QString &key, const char *type) {
        return Error::usage(
            tr("Option \"%1\" must be of D-Bus type %2.").arg(key, QLatin1StringView(type)));
    };
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const QString &key = it.key();
        const QMetaType type = it.value().metaType();
        if (key == u"confirmWithin"_s) {
            if (type.id() != QMetaType::UInt)
                return wrongType(key, "u");
            const uint seconds = it.value().toUInt();
            if (seconds > 24 * 3600)
                return Error::usage(tr("A confirmation deadline of %1 seconds is longer than a "
                                       "day.")
                                        .arg(seconds));
            o.change.confirmWithinSeconds = int(seconds);
        } else if (key == u"force"_s || key == u"dryRun"_s || key == u"lineByLine"_s) {
            if (type.id() != QMetaType::Bool)
                return wrongType(key, "b");
            (key == u"force"_s    ? o.change.force
             : key == u"dryRun"_s ? o.dryRun
                                  : o.lineByLine) = it.value().toBool();
        } else if (key == u"sshConnection"_s) {
            if (type.id() != QMetaType::QString)
                return wrongType(key, "s");
            const QString value = it.value().toString();
            if (value.size() > 200)
                return Error::usage(tr("Option \"sshConnection\" is too long."));
            o.change.sshConnection = value;
        } else {
            return Error::usage(tr("Unknown option \"%1\"; known: confirmWithin, force, "
                                   "sshConnection, dryRun, lineByLine.")
                                    .arg(key.left(100)));
        }
    }
    return o;
}

} // namespace ipsec
