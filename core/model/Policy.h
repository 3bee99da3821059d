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
    // Key exchange settings (the snap-in's "Key Exchange Settings", netsh mmlifetime= qmpermm=
    // mmpfs=, ipseccmd -1k/-1p, MS-GPIPSEC ipsecISAKMPData): a new main mode (authenticated
    // again, new keys) after this many seconds or after this many quick modes (0: no limit);
    // master key PFS means one quick mode per main mode. README "Negotiation" has the mapping
    // onto charon.
    static constexpr int DefaultMainModeLifetimeSeconds = 28800; // 480 minutes
    static constexpr int MinMainModeLifetimeSeconds = 60;
    static constexpr int MaxMainModeLifetimeSeconds = 60000000; // netsh's 1,000,000 minutes
    static constexpr int MaxQuickModesPerMainMode = 1000000;
    int mainModeLifetimeSeconds = DefaultMainModeLifetimeSeconds;
    int quickModesPerMainMode = 0;
    bool mainModePfs = false;

    // The key exchange settings are Windows' defaults (nothing to store or write out).
    bool hasDefaultKeyExchange() const;

    QStringList validate() const;
    friend bool operator==(const Policy &, const Policy &) = default;
};

// Names: visible, trimmed, at most this long. Shared by every named object.
inline constexpr int MaxNameLength = 255;
QString validateName(const QString &name, const char *what);

} // namespace ipsec

Q_DECLARE_TYPEINFO(ipsec::Policy, Q_RELOCATABLE_TYPE);
