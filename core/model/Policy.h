#pragma once

#include "model/MainModeMethod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QUuid>

namespace ipsec {

// An IPsec policy. Its rules live in PolicyDatabase::rules (Rule::policyId).
struct Policy {
    Q_DECLARE_TR_FUNCTIONS(ipsec::Policy)
public:
    static constexpr int DefaultPollingMinutes = 180;

    qint64 id = 0;
    QUuid guid;
    QString name;
    QString description;
    int pollingIntervalMinutes = DefaultPollingMinutes;
    bool assigned = false;
    QDateTime lastModified; // UTC
    // Main-mode (IKE) offers in order (netsh mmsecmethods, ipseccmd -1s); empty: Windows'
    // defaults (MainModeMethod::windowsDefaults()).
    QList<MainModeMethod> mainModeMethods;

    QStringList validate() const;
    friend bool operator==(const Policy &, const Policy &) = default;
};

// Names: visible, trimmed, at most this long. Shared by every named object.
inline constexpr int MaxNameLength = 255;
QString validateName(const QString &name, const char *what);

} // namespace ipsec
