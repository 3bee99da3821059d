#include "model/FilterList.h"
#include "model/Policy.h"

namespace ipsec {

QStringList FilterList::validate() const
{
    QStringList problems;
    if (const QString p = validateName(name, QT_TRANSLATE_NOOP("ipsec::Names", "filter list"));
        !p.isEmpty())
        problems << p;
    for (qsizetype i = 0; i < filters.size(); ++i) {
        for (const QString &p : filters.at(i).validate())
            problems << tr("Filter %1: %2").arg(i + 1).arg(p);
    }
    return problems;
}

} // namespace ipsec
