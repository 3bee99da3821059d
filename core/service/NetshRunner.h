#pragma once

#include "service/NetshDynamicRules.h"
#include "service/PolicyClient.h"
#include "syntax/Netsh.h"

#include <QHash>
#include <QSet>

namespace ipsec {

class StoreWriter;

// Applies parsed `netsh ipsec` commands: static ones to one open store transaction, dynamic
// ones to a working copy of the dynamic filter list. PolicyService::executeNetsh enforces the
// result before the store commits, so a whole script is all or nothing. `show` and
// `exportpolicy` are read-only and handled by the front end; they pass through here untouched.
class NetshRunner {
    Q_DECLARE_TR_FUNCTIONS(ipsec::NetshRunner)
public:
    // onDirectory: the writer is the directory's (set store location=domain opened it).
    NetshRunner(StoreWriter &writer, QList<engine::DynamicFilter> &dynamicFilters,
                engine::DynamicIke &dynamicIke, ServiceReport &report, bool onDirectory = false);
    Result<void> run(const syntax::NetshCommand &command);
    bool dynamicChanged() const { return m_dynamic.changed(); }
    bool dynamicIkeChanged() const { return m_dynamic.ikeChanged(); }

private:
    Result<void> runStatic(const syntax::NetshCommand &c);
    Result<void> applyMainModeMethods(const syntax::NetshCommand &c, Policy &p);
    Result<void> addPolicy(const syntax::NetshCommand &c);
    Result<void> setPolicy(const syntax::NetshCommand &c);
    Result<void> deletePolicy(const syntax::NetshCommand &c);
    Result<void> addFilterList(const syntax::NetshCommand &c);
    Result<void> setFilterList(const syntax::NetshCommand &c);
    Result<void> deleteFilterList(const syntax::NetshCommand &c);
    Result<void> addFilter(const syntax::NetshCommand &c);
    Result<void> deleteFilter(const syntax::NetshCommand &c);
    Result<void> addFilterAction(const syntax::NetshCommand &c);
    Result<void> setFilterAction(const syntax::NetshCommand &c);
    Result<void> deleteFilterAction(const syntax::NetshCommand &c);
    Result<void> addRule(const syntax::NetshCommand &c);
    Result<void> setRule(const syntax::NetshCommand &c);
    Result<void> deleteRule(const syntax::NetshCommand &c);
    Result<void> setDefaultRule(const syntax::NetshCommand &c);
    Result<void> deleteAll();

    Result<Policy> findPolicy(const syntax::NetshCommand &c, const std::optional<QString> &name);
    Result<FilterList> findFilterList(const syntax::NetshCommand &c);
    Result<FilterAction> findFilterAction(const syntax::NetshCommand &c);
    Result<Rule> findRule(const Policy &policy, const syntax::NetshCommand &c);
    Result<void> applyFilterAction(FilterAction &a, const syntax::NetshCommand &c);
    void noteUnmodelled(const syntax::NetshCommand &c);

    StoreWriter &w;
    bool m_onDirectory = false;
    ServiceReport &report;
    NetshDynamicRules m_dynamic;

    // Filter lists that `add filter` lines fill, so that a script of thousands of them does not
    // reload (and compare against) the whole list on every line. Valid while only `add filter`
    // lines follow each other; any other command, and any failing line, forgets it.
    struct ListCache {
        qint64 id = 0;
        QString name;
        QSet<QString> traffic; // trafficKey() of every filter of the list
    };
    QHash<QString, ListCache> m_lists; // by name, case-folded
    static QString trafficKey(const Filter &f);
};

} // namespace ipsec
