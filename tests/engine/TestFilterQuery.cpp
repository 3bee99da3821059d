// Search by meaning: ports, port ranges, protocols, addresses and subnets find the filters an
// administrator means; words stay a name search.

#include "engine/FilterQuery.h"
#include "model/PolicyDatabase.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ipsec;
using ipsec::engine::FilterQuery;

namespace {

Filter filter(const QString &source, const QString &destination, Protocol protocol,
              quint16 destinationPort, quint16 sourcePort = 0)
{
    Filter f;
    f.source = Address::parse(source).value();
    f.destination = Address::parse(destination).value();
    f.protocol = protocol;
    f.destinationPort = destinationPort;
    f.sourcePort = sourcePort;
    return f;
}

} // namespace

Q_DECLARE_METATYPE(ipsec::Filter)

class TestFilterQuery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
    void wordsAreANameSearch();
    void findsPerList();
};

void TestFilterQuery::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<bool>("expected");
    const Filter smb = filter(u"any"_s, u"me"_s, Protocol::tcp(), 445);
    const Filter slammer = filter(u"any"_s, u"me"_s, Protocol::udp(), 1434);
    const Filter netbios = filter(u"any"_s, u"me"_s, Protocol::udp(), 137);
    const Filter subnet = filter(u"10.20.0.0/16"_s, u"me"_s, Protocol::tcp(), 80);
    const Filter host = filter(u"me"_s, u"10.20.0.5"_s, Protocol::any(), 0);
    const Filter allTraffic = filter(u"any"_s, u"me"_s, Protocol::any(), 0);
    const Filter fromPort = filter(u"any"_s, u"me"_s, Protocol::udp(), 0, 53);

    QTest::newRow("port") << u"445"_s << smb << true;
    QTest::newRow("other port") << u"445"_s << slammer << false;
    QTest::newRow("any port is no hit") << u"445"_s << allTraffic << false;
    QTest::newRow("source port") << u"53"_s << fromPort << true;
    QTest::newRow("range") << u"135-139"_s << netbios << true;
    QTest::newRow("range outside") << u"135-139"_s << smb << false;
    QTest::newRow("protocol and port") << u"udp 1434"_s << slammer << true;
    QTest::newRow("wrong protocol") << u"tcp 1434"_s << slammer << false;
    QTest::newRow("protocol alone") << u"UDP"_s << slammer << true;
    QTest::newRow("address in subnet") << u"10.20.0.5"_s << subnet << true;
    QTest::newRow("address of host") << u"10.20.0.5"_s << host << true;
    QTest::newRow("address elsewhere") << u"10.21.0.5"_s << subnet << false;
    QTest::newRow("address not in any") << u"10.20.0.5"_s << allTraffic << false;
    QTest::newRow("subnet holds host") << u"10.20.0.0/24"_s << host << true;
    QTest::newRow("subnet overlaps") << u"10.0.0.0/8"_s << subnet << true;
    QTest::newRow("subnet apart") << u"192.168.0.0/16"_s << subnet << false;
    QTest::newRow("address and port") << u"10.20.1.1 80"_s << subnet << true;
    QTest::newRow("address and wrong port") << u"10.20.1.1 81"_s << subnet << false;
}

void TestFilterQuery::matches()
{
    QFETCH(QString, query);
    QFETCH(Filter, filter);
    QFETCH(bool, expected);
    const FilterQuery q = FilterQuery::parse(query);
    QVERIFY(q.hasCriteria());
    QCOMPARE(q.matches(filter), expected);
}

void TestFilterQuery::wordsAreANameSearch()
{
    const FilterQuery q = FilterQuery::parse(u"Worm ports"_s);
    QVERIFY(!q.hasCriteria());
    QVERIFY(q.matchesText(u"Block worm ports now"_s));
    QVERIFY(!q.matches(filter(u"any"_s, u"me"_s, Protocol::tcp(), 445)));
    // A number is also matched in names.
    const FilterQuery port = FilterQuery::parse(u"1434"_s);
    QVERIFY(port.matchesText(u"Block UDP 1434 Filter"_s));
    QVERIFY(FilterQuery::parse(u"  "_s).isEmpty());
}

void TestFilterQuery::findsPerList()
{
    PolicyDatabase db;
    FilterList a;
    a.id = 7;
    a.filters << filter(u"any"_s, u"me"_s, Protocol::tcp(), 80)
              << filter(u"any"_s, u"me"_s, Protocol::tcp(), 445)
              << filter(u"any"_s, u"me"_s, Protocol::udp(), 445);
    FilterList b;
    b.id = 9;
    b.filters << filter(u"any"_s, u"me"_s, Protocol::tcp(), 25);
    db.filterLists << a << b;
    const auto hits = FilterQuery::parse(u"445"_s).find(db);
    QVERIFY(hits.containsList(7));
    QVERIFY(!hits.containsList(9));
    QVERIFY(hits.contains(7, 1));
    QVERIFY(hits.contains(7, 2));
    QVERIFY(!hits.contains(7, 0));
    QCOMPARE(FilterQuery::parse(u"tcp 445"_s).find(db).filters.value(7), QList<int>{1});
}

QTEST_APPLESS_MAIN(TestFilterQuery)
#include "TestFilterQuery.moc"
