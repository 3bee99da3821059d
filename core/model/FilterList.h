#pragma once

#include "model/Filter.h"

#include <QList>

namespace ipsec {

// A named, shared list of filters ("IP filter list").
struct FilterList {
    Q_DECLARE_TR_FUNCTIONS(ipsec::FilterList)
public:
    qint64 id = 0;
    QUuid guid;
    QString name;
    QString description;
    // Created implicitly for one rule by the command line; removed with its last rule.
    bool implicit = false;
    QList<Filter> filters;

    QStringList validate() const;
    friend bool operator==(const FilterList &, const FilterList &) = default;
};

} // namespace ipsec

Q_DECLARE_TYPEINFO(ipsec::FilterList, Q_RELOCATABLE_TYPE);
