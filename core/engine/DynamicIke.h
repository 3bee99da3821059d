#pragma once

// The IKE side of the dynamic (volatile) store, as `netsh ipsec dynamic` keeps it on Windows
// 2003: main-mode policies (IKE offers, lifetimes), quick-mode policies (IPsec offers, PFS,
// fallback) and the driver settings of `set config`. Dynamic rules name them (mmpolicy=,
// qmpolicy=); like the dynamic filters they live under /run and are gone at reboot and when the
// agent restarts (RuntimeState).

#include "model/MainModeMethod.h"
#include "model/SecurityMethod.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace ipsec::engine {

struct DynamicMmPolicy {
    QString name;
    QList<MainModeMethod> methods = MainModeMethod::windowsDefaults();
    int lifetimeMinutes = 480;       // mmlifetime (Windows' default 480 minutes)
    int softSaExpirationSeconds = 0; // softsaexpirationtime; 0 = none
    int qmPerMm = 0;                 // qmpermm; 0 = no limit
    bool isDefault = false;          // default=yes: used by rules that name none
    friend bool operator==(const DynamicMmPolicy &, const DynamicMmPolicy &) = default;
};

struct DynamicQmPolicy {
    Q_DECLARE_TR_FUNCTIONS(ipsec::engine::DynamicQmPolicy)
public:
    // pfsgroup=: GRP1 (768 bits), GRP2 (1024), GRP3 (2048), GRPMM (the main mode's group),
    // NOPFS.
    enum class Pfs : quint8 { None, Group1, Group2, Group3, MainMode };
    QString name;
    QList<SecurityMethod> methods; // qmsecmethods; empty: ESP[3DES,SHA1] ESP[3DES,MD5]
    bool soft = false;             // fall back to clear
    bool inPass = false;           // accept clear text in, answer secured
    Pfs pfs = Pfs::None;
    bool isDefault = false;
    QList<SecurityMethod> offers() const;                    // methods, or Windows' default pair
    static std::optional<Pfs> parsePfs(const QString &word); // any case
    static QString pfsName(Pfs p);                           // "GRP2", "NOPFS"
    friend bool operator==(const DynamicQmPolicy &, const DynamicQmPolicy &) = default;
};

// `netsh ipsec dynamic set config property=... value=...` (README "Dynamic settings").
struct DynamicConfig {
    int ikeLogging = 0;       // 0 off, 1 on: charon's IKE log level (VICI)
    int strongCrlCheck = 1;   // 0 none, 1 fail on revoked, 2 fail on any CRL error
    int ipsecDiagnostics = 0; // 0-7: noted only
    int ipsecExempt = 3;      // 0-3: only 3 (IKE exempt) is what the kernel does here
    int ipsecLogInterval = 3600;
    QString bootMode = QStringLiteral("stateful");
    QString bootExemptions; // text as given
    friend bool operator==(const DynamicConfig &, const DynamicConfig &) = default;
};

struct DynamicIke {
    QList<DynamicMmPolicy> mmPolicies;
    QList<DynamicQmPolicy> qmPolicies;
    DynamicConfig config;

    const DynamicMmPolicy *mmPolicy(const QString &name) const; // case-insensitive
    const DynamicQmPolicy *qmPolicy(const QString &name) const;
    const DynamicMmPolicy *defaultMmPolicy() const;
    const DynamicQmPolicy *defaultQmPolicy() const;
    bool isEmpty() const { return mmPolicies.isEmpty() && qmPolicies.isEmpty(); }
    friend bool operator==(const DynamicIke &, const DynamicIke &) = default;
};

} // namespace ipsec::engine
