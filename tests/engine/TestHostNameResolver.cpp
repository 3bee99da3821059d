// HostNameResolver: a DNS lookup that hangs (an unreachable server) costs at most the timeout, once
// per name; answers are cached (success longer than failure).

#include "engine/HostNameResolver.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using ipsec::engine::HostNameResolver;

class TestHostNameResolver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hangingLookupTimesOut();
    void answersCached();
    void realLookup();
};

void TestHostNameResolver::hangingLookupTimesOut()
{
    // Default options: 2 s timeout. The lookup hangs for 4 s, as with an unreachable server.
    std::atomic_int lookups = 0;
    HostNameResolver resolver({}, [&](const QString &) {
        ++lookups;
        std::this_thread::sleep_for(4s);
        return QList<QHostAddress>{QHostAddress(u"192.0.2.1"_s)};
    });
    QElapsedTimer t;
    t.start();
    QVERIFY(resolver.resolve(u"slow.example"_s).isEmpty());
    const qint64 first = t.elapsed();
    QVERIFY2(first >= 1900 && first < 2600, qPrintable(QString::number(first)));
    // The same name again while the lookup still hangs: no second wait, no second lookup.
    t.restart();
    QVERIFY(resolver.resolve(u"slow.example"_s).isEmpty());
    QVERIFY2(t.elapsed() < 100, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(lookups.load(), 1);
    // When the lookup ends, its answer is cached.
    QTest::qWait(2500);
    t.restart();
    QCOMPARE(resolver.resolve(u"slow.example"_s),
             QList<QHostAddress>{QHostAddress(u"192.0.2.1"_s)});
    QVERIFY(t.elapsed() < 100);
    QCOMPARE(lookups.load(), 1);
}

void TestHostNameResolver::answersCached()
{
    std::atomic_int lookups = 0;
    HostNameResolver::Options o;
    o.successTtl = 400ms;
    o.failureTtl = 150ms;
    HostNameResolver resolver(o, [&](const QString &name) {
        ++lookups;
        return name == u"good.example"_s ? QList<QHostAddress>{QHostAddress(u"192.0.2.7"_s)}
                                         : QList<QHostAddress>{};
    });
    QCOMPARE(resolver.resolve(u"good.example"_s).size(), 1);
    QCOMPARE(resolver.resolve(u"good.example"_s).size(), 1);
    QCOMPARE(lookups.load(), 1);
    QVERIFY(resolver.resolve(u"bad.example"_s).isEmpty());
    QVERIFY(resolver.resolve(u"bad.example"_s).isEmpty());
    QCOMPARE(lookups.load(), 2);
    QTest::qWait(250); // the failure expired, the success not
    QVERIFY(resolver.resolve(u"bad.example"_s).isEmpty());
    QCOMPARE(resolver.resolve(u"good.example"_s).size(), 1);
    QCOMPARE(lookups.load(), 3);
    QTest::qWait(300);
    QCOMPARE(resolver.resolve(u"good.example"_s).size(), 1);
    QCOMPARE(lookups.load(), 4);
}

void TestHostNameResolver::realLookup()
{
    // The default lookup (getaddrinfo): localhost comes from /etc/hosts.
    const auto addresses = HostNameResolver::shared().resolve(u"localhost"_s);
    QVERIFY(addresses.contains(QHostAddress(QHostAddress::LocalHost))
            || addresses.contains(QHostAddress(QHostAddress::LocalHostIPv6)));
}

QTEST_GUILESS_MAIN(TestHostNameResolver)
#include "TestHostNameResolver.moc"
