#include "model/Policy.h"

using namespace Qt::StringLiterals;

namespace ipsec {

QString validateName(const QString &name, const char *what)
{
    const QString kind = QCoreApplication::translate("ipsec::Names", what);
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("ipsec::Names", "The %1 name is empty.").arg(kind);
    if (name != name.trimmed())
        return QCoreApplication::translate("ipsec::Names",
                                           "The %1 name \"%2\" begins or ends with white space.")
            .arg(kind, name);
    if (name.size() > MaxNameLength)
        return QCoreApplication::translate("ipsec::Names",
                                           "The %1 name is longer than %2 characters.")
            .arg(kind)
            .arg(MaxNameLength);
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return QCoreApplication::translate("ipsec::Names",
                                               "The %1 name \"%2\" contains a control character.")
                .arg(kind, name);
    }
    return {};
}

QStringList Policy::validate() const
{
    QStringList problems;
    if (const QString p = validateName(name, QT_TRANSLATE_NOOP("ipsec::Names", "policy"));
        !p.isEmpty())
        problems << p;
    if (pollingIntervalMinutes < 1 || pollingIntervalMinutes > 43200)
        problems << tr("The polling interval %1 is out of range (1-43200 minutes).")
                        .arg(pollingIntervalMinutes);
    if (mainModeLifetimeSeconds < MinMainModeLifetimeSeconds
        || mainModeLifetimeSeconds > MaxMainModeLifetimeSeconds)
        problems << tr("The main mode lifetime of %1 seconds is out of range (%2-%3 seconds, "
                       "1-1000000 minutes).")
                        .arg(mainModeLifetimeSeconds)
                        .arg(MinMainModeLifetimeSeconds)
                        .arg(MaxMainModeLifetimeSeconds);
    if (quickModesPerMainMode < 0 || quickModesPerMainMode > MaxQuickModesPerMainMode)
        problems << tr("The number of quick modes per main mode %1 is out of range (0-%2, 0 = "
                       "no limit).")
                        .arg(quickModesPerMainMode)
                        .arg(MaxQuickModesPerMainMode);
    else if (mainModePfs && quickModesPerMainMode != 1)
        problems << tr("With master key perfect forward secrecy every quick mode needs a new "
                       "main mode: the number of quick modes per main mode must be 1, not %1.")
                        .arg(quickModesPerMainMode);
    return problems;
}

bool Policy::hasDefaultKeyExchange() const
{
    return mainModeMethods.isEmpty() && mainModeLifetimeSeconds == DefaultMainModeLifetimeSeconds
           && quickModesPerMainMode == 0 && !mainModePfs;
}

} // namespace ipsec
