#include "util/LocalComputer.h"

#include <QHostAddress>
#include <QHostInfo>

using namespace Qt::StringLiterals;

namespace ipsec {

bool isLocalComputer(const QString &name)
{
    QString n = name;
    while (n.startsWith(u'\\'))
        n.remove(0, 1);
    n = n.trimmed();
    if (n.isEmpty() || n == u"."_s || n.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (QHostAddress address(n); !address.isNull())
        return address.isLoopback();
    const QString host = QHostInfo::localHostName();
    if (n.compare(host, Qt::CaseInsensitive) == 0)
        return true;
    const QString hostShort = host.section(u'.', 0, 0);
    if (!n.contains(u'.'))
        return n.compare(hostShort, Qt::CaseInsensitive) == 0;
    const QString domain = QHostInfo::localDomainName();
    return !domain.isEmpty() && n.compare(hostShort + u'.' + domain, Qt::CaseInsensitive) == 0;
}

} // namespace ipsec
