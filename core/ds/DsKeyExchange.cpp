// DsModel: a policy's key exchange settings <-> its ipsecISAKMPPolicy blob ([MS-GPIPSEC]
// 2.2.1.2): Master-PFS-Required, QM-Limit, MM-Lifetime and the 64-byte security methods.

#include "ds/DsModel.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace ipsec::ds {

namespace {

constexpr quint32 Group2048 = 0x10000001; // Windows' "DH2048", IKE's group 14

std::optional<MainModeMethod> methodOf(const IsakmpMethod &m)
{
    MainModeMethod out;
    if (m.encryption == 1)
        out.cipher = MainModeMethod::Cipher::Des;
    else if (m.encryption == 2 || m.encryption == 3)
        out.cipher = MainModeMethod::Cipher::TripleDes;
    else
        return std::nullopt;
    if (m.hash == 1)
        out.hash = MainModeMethod::Hash::Md5;
    else if (m.hash == 2)
        out.hash = MainModeMethod::Hash::Sha1;
    else
        return std::nullopt;
    if (m.oakleyGroup == 1 || m.oakleyGroup == 2)
        out.dhGroup = int(m.oakleyGroup);
    else if (m.oakleyGroup == Group2048)
        out.dhGroup = 3;
    else
        return std::nullopt;
    return out;
}

QList<MainModeMethod> methodsOf(const IsakmpBlob &ike)
{
    QList<MainModeMethod> out;
    for (const IsakmpMethod &m : ike.methods)
        if (const auto method = methodOf(m))
            out << *method;
    return out;
}

} // namespace

void DsModel::keyExchangeFromIsakmp(const IsakmpBlob &ike, Policy &policy)
{
    const QList<MainModeMethod> methods = methodsOf(ike);
    policy.mainModeMethods =
        methods == MainModeMethod::windowsDefaults() ? QList<MainModeMethod>{} : methods;
    // MM-Lifetime 0 means 28,800 s; Windows' own defaults say it in the methods instead.
    quint32 lifetime = ike.mmLifetimeSeconds;
    if (lifetime == 0 && !ike.methods.isEmpty())
        lifetime = ike.methods.first().lifetimeSeconds;
    if (lifetime == 0)
        lifetime = Policy::DefaultMainModeLifetimeSeconds;
    policy.mainModeLifetimeSeconds = int(qBound<quint32>(
        Policy::MinMainModeLifetimeSeconds, lifetime, Policy::MaxMainModeLifetimeSeconds));
    policy.quickModesPerMainMode =
        int(qMin<quint32>(ike.qmLimit, Policy::MaxQuickModesPerMainMode));
    policy.mainModePfs = ike.masterPfsRequired == 1;
    if (policy.mainModePfs)
        policy.quickModesPerMainMode = 1;
}

Result<IsakmpBlob> DsModel::isakmpWithKeyExchange(const IsakmpBlob &base, const Policy &policy)
{
    Policy before = policy;
    keyExchangeFromIsakmp(base, before);
    const QList<MainModeMethod> asked = policy.mainModeMethods == MainModeMethod::windowsDefaults()
                                            ? QList<MainModeMethod>{}
                                            : policy.mainModeMethods;
    if (before.mainModeMethods == asked
        && before.mainModeLifetimeSeconds == policy.mainModeLifetimeSeconds
        && before.quickModesPerMainMode == policy.quickModesPerMainMode
        && before.mainModePfs == policy.mainModePfs)
        return base; // as it was, byte for byte (Windows' stray bytes included)

    IsakmpBlob out = base;
    const quint32 lifetime = quint32(policy.mainModeLifetimeSeconds);
    const quint32 limit = quint32(policy.quickModesPerMainMode);
    out.masterPfsRequired = policy.mainModePfs ? 1 : 0;
    out.qmLimit = limit;
    out.mmLifetimeSeconds = lifetime;
    const QList<MainModeMethod> wanted = policy.mainModeMethods.isEmpty()
                                             ? MainModeMethod::windowsDefaults()
                                             : policy.mainModeMethods;
    if (wanted != methodsOf(base)) {
        out.methods.clear();
        for (const MainModeMethod &m : wanted) {
            // A method the blob already has keeps its bytes.
            const auto same = std::find_if(base.methods.cbegin(), base.methods.cend(),
                                           [&](const IsakmpMethod &b) { return methodOf(b) == m; });
            IsakmpMethod b;
            if (same != base.methods.cend()) {
                b = *same;
            } else {
                switch (m.cipher) {
                case MainModeMethod::Cipher::Des:
                    b.encryption = 1;
                    break;
                case MainModeMethod::Cipher::TripleDes:
                    b.encryption = 3;
                    break;
                default:
                    return Error::usage(
                        tr("The main mode method %1 of policy \"%2\" cannot be stored in the "
                           "directory: its ISAKMP policy knows DES and 3DES only.")
                            .arg(m.toString(), policy.name));
                }
                b.hash = m.hash == MainModeMethod::Hash::Md5 ? 1 : 2;
                b.oakleyGroup = m.dhGroup == 3 ? Group2048 : quint32(m.dhGroup);
            }
            out.methods.append(b);
        }
    }
    for (IsakmpMethod &m : out.methods) {
        m.lifetimeSeconds = lifetime;
        m.qmLimit = limit;
    }
    return out;
}

} // namespace ipsec::ds
