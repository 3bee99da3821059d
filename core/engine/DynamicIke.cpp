#include "engine/DynamicIke.h"

using namespace Qt::StringLiterals;

namespace ipsec::engine {

namespace {

template <typename T>
const T *byName(const QList<T> &list, const QString &name)
{
    for (const T &p : list)
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    return nullptr;
}

template <typename T>
const T *firstDefault(const QList<T> &list)
{
    for (const T &p : list)
        if (p.isDefault)
            return &p;
    return nullptr;
}

} // namespace

QList<SecurityMethod> DynamicQmPolicy::offers() const
{
    if (!methods.isEmpty())
        return methods;
    SecurityMethod sha;
    SecurityMethod md5;
    md5.espHash = SecurityMethod::Hash::Md5;
    return {sha, md5};
}

std::optional<DynamicQmPolicy::Pfs> DynamicQmPolicy::parsePfs(const QString &word)
{
    const QString w = word.toUpper();
    if (w == u"NOPFS"_s)
        return Pfs::None;
    if (w == u"GRP1"_s)
        return Pfs::Group1;
    if (w == u"GRP2"_s)
        return Pfs::Group2;
    if (w == u"GRP3"_s)
        return Pfs::Group3;
    if (w == u"GRPMM"_s)
        return Pfs::MainMode;
    return std::nullopt;
}

QString DynamicQmPolicy::pfsName(Pfs p)
{
    switch (p) {
    case Pfs::None:
        break;
    case Pfs::Group1:
        return u"GRP1"_s;
    case Pfs::Group2:
        return u"GRP2"_s;
    case Pfs::Group3:
        return u"GRP3"_s;
    case Pfs::MainMode:
        return u"GRPMM"_s;
    }
    return u"NOPFS"_s;
}

const DynamicMmPolicy *DynamicIke::mmPolicy(const QString &name) const
{
    return byName(mmPolicies, name);
}

const DynamicQmPolicy *DynamicIke::qmPolicy(const QString &name) const
{
    return byName(qmPolicies, name);
}

const DynamicMmPolicy *DynamicIke::defaultMmPolicy() const
{
    return firstDefault(mmPolicies);
}

const DynamicQmPolicy *DynamicIke::defaultQmPolicy() const
{
    return firstDefault(qmPolicies);
}

} // namespace ipsec::engine
