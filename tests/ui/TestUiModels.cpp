// Every item model of the console passes QAbstractItemModelTester on a store holding the
// Windows examples plus policies made by ipseccmd, and shows what the store holds.

#include "UiTestSupport.h"

#include "models/FilterActionsTableModel.h"
#include "models/FilterListsTableModel.h"
#include "models/FiltersTableModel.h"
#include "models/ModelRoles.h"
#include "models/PoliciesTableModel.h"
#include "models/PolicyTreeModel.h"
#include "service/PolicyService.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

class TestUiModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void policyTree();
    void treeSurvivesReload();
    void policiesTable();
    void filterListsAndFilters();
    void filterActions();
    void rawValueSorts();

private:
    PolicyDatabase m_db;
    QTemporaryDir m_dir;
};

void TestUiModels::initTestCase()
{
    const QString store = UiTestSupport::seededStore(m_dir);
    QVERIFY(!store.isEmpty());
    PolicyService::Options o;
    o.storePath = store;
    o.enforcement = PolicyService::Enforcement::Off;
    auto service = PolicyService::open(o);
    QVERIFY2(service, service ? "" : qPrintable(service.error().message));
    auto db = service.value()->load();
    QVERIFY(db);
    m_db = db.value();
    QCOMPARE(m_db.policies.size(), 5); // 3 Windows examples + 2
}

void TestUiModels::policyTree()
{
    PolicyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(m_db);
    QCOMPARE(model.rowCount(), 5);
    QModelIndex web;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data().toString() == u"Web Server"_s)
            web = model.index(row, 0);
    QVERIFY(web.isValid());
    QCOMPARE(model.objectAt(web).kind, ObjectRef::Kind::Policy);
    // Default response rule + "Allow HTTP".
    QCOMPARE(model.rowCount(web), 2);
    QModelIndex rule;
    for (int row = 0; row < model.rowCount(web); ++row)
        if (model.index(row, 0, web).data().toString() == u"Allow HTTP"_s)
            rule = model.index(row, 0, web);
    QVERIFY(rule.isValid());
    QCOMPARE(model.rowCount(rule), 2); // filter list, filter action
    const QModelIndex list = model.index(0, 0, rule);
    QCOMPARE(model.objectAt(list).kind, ObjectRef::Kind::FilterList);
    QCOMPARE(model.rowCount(list), 2);
    QVERIFY(model.index(0, 0, list).data().toString().contains(u"80"_s));
    QCOMPARE(model.objectAt(model.index(1, 0, list)).filterIndex, 1);
    QCOMPARE(model.parent(model.index(1, 0, list)), list);
    QCOMPARE(model.rowCount(model.index(0, 1, rule)), 0); // children only in column 0
    QCOMPARE(model.objectAt(model.index(1, 0, rule)).kind, ObjectRef::Kind::FilterAction);
}

void TestUiModels::treeSurvivesReload()
{
    PolicyTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(m_db);
    const QString key = model.index(0, 0).data(KeyRole).toString();
    PolicyDatabase smaller = m_db;
    smaller.policies.removeLast();
    model.setDatabase(smaller);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, 0).data(KeyRole).toString(), key);
    model.setDatabase({});
    QCOMPARE(model.rowCount(), 0);
    model.setDatabase(m_db);
    QCOMPARE(model.rowCount(), 5);
}

void TestUiModels::policiesTable()
{
    PoliciesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(m_db);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(PoliciesTableModel::ColumnCount));
    QCOMPARE(model.headerData(PoliciesTableModel::AssignedColumn, Qt::Horizontal).toString(),
             u"Policy Assigned"_s);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names << model.index(row, PoliciesTableModel::NameColumn).data().toString();
        QCOMPARE(model.index(row, PoliciesTableModel::AssignedColumn).data(RawValueRole).toBool(),
                 false);
        QVERIFY(model.index(row, 0).data(IdRole).toLongLong() > 0);
    }
    QVERIFY(names.contains(u"Client (Respond Only)"_s));
    QVERIFY(names.contains(u"Block UDP 1434 Filter"_s));
}

void TestUiModels::filterListsAndFilters()
{
    FilterListsTableModel lists;
    QAbstractItemModelTester listsTester(&lists,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    lists.setDatabase(m_db);
    QCOMPARE(lists.rowCount(), int(m_db.filterLists.size()));

    FiltersTableModel filters;
    QAbstractItemModelTester tester(&filters,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const FilterList *http = nullptr;
    for (const FilterList &l : std::as_const(m_db.filterLists))
        if (l.filters.size() == 2)
            http = &l;
    QVERIFY(http);
    filters.setFilterList(m_db, http->id);
    QCOMPARE(filters.rowCount(), 2);
    QCOMPARE(filters.index(0, FiltersTableModel::DestinationPortColumn).data().toString(), u"80"_s);
    QCOMPARE(filters.index(0, FiltersTableModel::ProtocolColumn).data().toString(), u"TCP"_s);
    QCOMPARE(filters.index(0, FiltersTableModel::MirroredColumn).data(RawValueRole).toBool(), true);
    QCOMPARE(filters.index(1, FiltersTableModel::SourceColumn).data().toString(), u"10.1.0.0/16"_s);
    QCOMPARE(filters.index(1, FiltersTableModel::SourcePortColumn).data().toString(), u"Any"_s);
    filters.setFilterList(m_db, -1);
    QCOMPARE(filters.rowCount(), 0);
}

void TestUiModels::filterActions()
{
    FilterActionsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDatabase(m_db);
    QCOMPARE(model.rowCount(), int(m_db.filterActions.size()));
    QStringList types;
    for (int row = 0; row < model.rowCount(); ++row)
        types << model.index(row, FilterActionsTableModel::TypeColumn).data().toString();
    QVERIFY(types.contains(u"Block"_s));
    QVERIFY(types.contains(u"Negotiate security"_s));
}

void TestUiModels::rawValueSorts()
{
    FiltersTableModel model;
    QList<Filter> list;
    for (quint16 port : {443, 80, 8080}) {
        Filter f;
        f.protocol = Protocol::tcp();
        f.destinationPort = port;
        list << f;
    }
    model.setFilters(list);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(RawValueRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(FiltersTableModel::DestinationPortColumn);
    QCOMPARE(proxy.index(0, FiltersTableModel::DestinationPortColumn).data().toString(), u"80"_s);
    QCOMPARE(proxy.index(2, FiltersTableModel::DestinationPortColumn).data().toString(), u"8080"_s);
}

QTEST_MAIN(TestUiModels)
#include "TestUiModels.moc"
