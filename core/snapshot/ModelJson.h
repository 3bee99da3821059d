#pragma once

#include "model/PolicyDatabase.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ipsec::json {

// JSON views of the model, stable key names (camelCase), used by `show --json` and exports.
QJsonObject filter(const Filter &f);
QJsonObject filterList(const FilterList &l);
QJsonObject filterAction(const FilterAction &a);
QJsonObject rule(const Rule &r, const PolicyDatabase &db);
QJsonObject policy(const Policy &p, const PolicyDatabase &db); // with its rules
QJsonArray policies(const PolicyDatabase &db);
// A policy's main-mode methods and key exchange settings ("mainModeMethods", "keyExchange"),
// each only when not Windows' defaults; the one writer for `show --json` and snapshots.
void insertKeyExchange(QJsonObject &o, const Policy &p);
// The filters of the assigned policy's active rules, each with rule and action names.
QJsonArray assignedFilters(const PolicyDatabase &db);
// Everything in the store.
QJsonObject database(const PolicyDatabase &db);

} // namespace ipsec::json
