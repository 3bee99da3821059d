// Several writers and watchers on one store: another process (store_writer_helper) and other
// connections of this one.

#include "StoreTestSupport.h"

#include "store/PolicyStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace storetest;

namespace {

const QString helperPath = QStringLiteral(STORE_WRITER_HELPER);

// Adds the filter list "<tag> <i>" as one write.
Result<void> addList(PolicyStore &store, const QString &tag, int i)
{
    return store.write([&](StoreWriter &w) {
        FilterList list;
        list.name = u"%1 %2"_s.arg(tag).arg(i);
        list.filters << filter(u"me"_s, u"192.168.%1.%2"_s.arg(i / 250).arg(i % 250 + 1));
        return w.insertFilterList(list);
    });
}

// Files of this process that were deleted while it kept them open (say, a -wal removed under
// a live connection).
QStringList deletedOpenFiles()
{
    QStringList out;
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QString target = QFileInfo(fds.filePath(fd)).symLinkTarget();
        if (target.endsWith(u" (deleted)"_s))
            out << target;
    }
    return out;
}

int countWithPrefix(const PolicyDatabase &db, const QString &prefix)
{
    int n = 0;
    for (const FilterList &l : db.filterLists)
        n += l.name.startsWith(prefix) ? 1 : 0;
    return n;
}

} // namespace

class TestStoreConcurrency : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_next = 0;

    std::unique_ptr<PolicyStore> openNew(QString *path = nullptr)
    {
        const QString p = m_dir.filePath(u"s%1/policy.db"_s.arg(++m_next));
        if (path)
            *path = p;
        auto store = PolicyStore::open(p);
        if (!store)
            qFatal("cannot open %s: %s", qPrintable(p), qPrintable(store.error().message));
        return std::move(store).value();
    }

    // Starts the helper and waits until it has the store open.
    bool startHelper(QProcess &helper, const QString &path, int count, const QString &tag,
                     int pauseMs = 0)
    {
        helper.start(helperPath, {path, QString::number(count), tag, QString::number(pauseMs)});
        if (!helper.waitForStarted(10000))
            return false;
        while (!helper.canReadLine()) {
            if (!helper.waitForReadyRead(10000))
                return false;
        }
        return helper.readLine().trimmed() == "ready";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(helperPath).isExecutable(), qPrintable(helperPath));
    }

    void twoProcessesWriteAtTheSameTime()
    {
        constexpr int Count = 150;
        QString path;
        auto store = openNew(&path);
        const qint64 before = store->revision().value();

        QProcess helper;
        // Short pauses let the two writers take turns (without them SQLite's busy back-off lets
        // one finish first); either way every write must succeed.
        QVERIFY(startHelper(helper, path, Count, u"helper"_s, 1));
        for (int i = 0; i < Count; ++i) {
            auto ok = addList(*store, u"test"_s, i);
            QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
            QThread::msleep(1);
        }
        QVERIFY(helper.waitForFinished(60000));
        QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
        const QByteArray errors = helper.readAllStandardError();
        QVERIFY2(helper.exitCode() == 0, errors.constData());
        QVERIFY2(errors.isEmpty(), errors.constData());

        auto db = store->load();
        QVERIFY(db);
        QCOMPARE(countWithPrefix(*db, u"helper "_s), Count);
        QCOMPARE(countWithPrefix(*db, u"test "_s), Count);
        QCOMPARE(db->revision, before + 2 * Count);
        QCOMPARE(db->filterCount(), 2 + 2 * Count);

        // Informative: how much the two writers actually overlapped.
        int switches = 0;
        for (qsizetype i = 1; i < db->filterLists.size(); ++i)
            switches += db->filterLists.at(i).name.at(0) != db->filterLists.at(i - 1).name.at(0);
        qInfo("writers alternated %d times", switches);
    }

    // Opening a second connection to a store this process already has open must not drop the
    // first one's POSIX locks (closing any descriptor of a file drops all of a process's fcntl
    // locks on it): else the next writer of another process takes the file for unused, folds
    // the write-ahead log in and deletes it under the first connection, whose later commits
    // then go to a deleted file.
    void secondOpenKeepsLocks()
    {
        QString path;
        auto first = openNew(&path);
        QVERIFY(addList(*first, u"first"_s, 0));
        for (const auto mode :
             {PolicyStore::OpenMode::ReadOnly, PolicyStore::OpenMode::ReadWrite}) {
            auto second = PolicyStore::open(path, mode);
            QVERIFY2(second, second ? "" : qPrintable(second.error().message));
        }

        QProcess helper;
        QVERIFY(startHelper(helper, path, 3, u"other"_s));
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitCode(), 0);
        const QByteArray done = helper.readAllStandardOutput().trimmed();
        QVERIFY2(done.startsWith("done "), done.constData());
        const qint64 helperRevision = done.mid(5).toLongLong();

        qInfo("revision here %lld, written by the other process %lld",
              first->revision() ? first->revision().value() : -1, helperRevision);
        QCOMPARE(deletedOpenFiles(), QStringList());
        QCOMPARE(first->revision().value(), helperRevision);
        QVERIFY(addList(*first, u"first"_s, 1));
        // What this connection committed is in the file another process reads.
        QProcess reader;
        QVERIFY(startHelper(reader, path, 0, u"none"_s));
        QVERIFY(reader.waitForFinished(30000));
        QCOMPARE(reader.readAllStandardOutput().trimmed(),
                 "done " + QByteArray::number(helperRevision + 1));
        QCOMPARE(countWithPrefix(first->load().value(), u"other "_s), 3);
    }

    // Services of one thread share one store object per file (whatever the file is called);
    // another thread (Qt SQL connections are per thread) or another mode gets its own.
    void sharedStoreIsOneObject()
    {
        QString path;
        openNew(&path);
        auto a = PolicyStore::shared(path);
        QVERIFY2(a, a ? "" : qPrintable(a.error().message));
        const QString otherName = QFileInfo(path).absolutePath() + u"/../"_s
                                  + QFileInfo(QFileInfo(path).absolutePath()).fileName()
                                  + u"/policy.db"_s;
        auto b = PolicyStore::shared(otherName);
        QVERIFY(b);
        QCOMPARE(b.value().get(), a.value().get());
        auto readOnly = PolicyStore::shared(path, PolicyStore::OpenMode::ReadOnly);
        QVERIFY(readOnly);
        QVERIFY(readOnly.value().get() != a.value().get());

        PolicyStore *inThread = nullptr;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto s = PolicyStore::shared(path);
            inThread = s ? s.value().get() : nullptr;
            if (s)
                (void)addList(*s.value(), u"thread"_s, 0);
        }));
        thread->start();
        QVERIFY(thread->wait(30000));
        QVERIFY(inThread != nullptr);
        QVERIFY(inThread != a.value().get());

        // Closed with its last user: a new one is opened next time.
        PolicyStore *const old = a.value().get();
        QVERIFY(addList(*old, u"shared"_s, 0));
        a = Error::usage({});
        b = Error::usage({});
        auto again = PolicyStore::shared(path);
        QVERIFY(again);
        QCOMPARE(countWithPrefix(again.value()->load().value(), u"shared "_s), 1);
        QCOMPARE(countWithPrefix(again.value()->load().value(), u"thread "_s), 1);
        QCOMPARE(deletedOpenFiles(), QStringList());
    }

    void watcherSeesAnotherProcess()
    {
        QString path;
        auto store = openNew(&path);
        store->setWatchInterval(20);
        QSignalSpy spy(store.get(), &PolicyStore::changed);
        const qint64 before = store->revision().value();

        QProcess helper;
        QVERIFY(startHelper(helper, path, 3, u"other"_s));
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty() && spy.last().at(0).toLongLong() == before + 3,
                                 5000);
        QCOMPARE(countWithPrefix(store->load().value(), u"other "_s), 3);
    }

    void watcherSeesAnotherConnection()
    {
        QString path;
        auto writer = openNew(&path);
        auto watcher = PolicyStore::open(path, PolicyStore::OpenMode::ReadOnly);
        QVERIFY2(watcher, watcher ? "" : qPrintable(watcher.error().message));
        watcher.value()->setWatchInterval(10);
        QSignalSpy spy(watcher.value().get(), &PolicyStore::changed);
        QVERIFY(addList(*writer, u"x"_s, 1));
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
        QCOMPARE(spy.first().at(0).toLongLong(), writer->revision().value());

        // Switched off: no more news.
        watcher.value()->setWatchInterval(0);
        QVERIFY(addList(*writer, u"x"_s, 2));
        QTest::qWait(100);
        QCOMPARE(spy.size(), 1);
    }

    void ownWritesAreReportedOnce()
    {
        auto store = openNew();
        store->setWatchInterval(10);
        QSignalSpy spy(store.get(), &PolicyStore::changed);
        QVERIFY(addList(*store, u"own"_s, 1));
        QCOMPARE(spy.size(), 1);
        QTest::qWait(100);
        QCOMPARE(spy.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreConcurrency)
#include "TestStoreConcurrency.moc"
