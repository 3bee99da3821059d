// Transcripts of `ipseccmd snapshot export|import|diff`: the real binary against a temporary
// store (store only: no --netns, and the test guard keeps it off the kernel).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliSnapshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void help();
    void exportFormats();
    void diffAgainstLiveAndFiles();
    void importReplaceRestores();
    void importMergeClashes();
    void errors_data();
    void errors();

private:
    Run run(const QStringList &args, const QByteArray &input = {});
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QByteArray storeBytes() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

Run TestCliSnapshot::run(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s, path(u"run"_s));
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECCMD_DIR) + u"/ipseccmd"_s,
            QStringList(args) << u"--store"_s << path(u"policy.db"_s));
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray TestCliSnapshot::storeBytes() const
{
    QFile f(path(u"policy.db"_s));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestCliSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    // The article's policy, assigned.
    const Run r = run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
                       u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s,
                       u"BLOCK"_s, u"-x"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestCliSnapshot::help()
{
    Run r = run({u"snapshot"_s, u"--help"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(u"ipseccmd snapshot export [FILE|-]"_s));
    r = run({u"snapshot"_s, u"import"_s, u"--help"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(u"--on-clash RULE"_s));
    r = run({u"snapshot"_s, u"diff"_s, u"--help"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(u"Exit status 0 when they are the same, 1 when they"_s));
    r = run({u"snapshot"_s});
    QCOMPARE(r.code, 2);
    r = run({u"--help"_s});
    QVERIFY(r.out.contains(u"snapshot export|import|diff"_s));
}

void TestCliSnapshot::exportFormats()
{
    Run r = run({u"snapshot"_s, u"export"_s, path(u"snap.json"_s)});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.err, u"Wrote %1 (readable by its owner only).\n"_s.arg(path(u"snap.json"_s)));
    QFile f(path(u"snap.json"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(doc[u"format"_s].toString(), u"ipsec-console-snapshot"_s);
    QCOMPARE(doc[u"formatVersion"_s].toInt(), 2);
    QCOMPARE(doc[u"assignedPolicy"_s][u"name"_s].toString(), u"Block UDP 1434 Filter"_s);
    QCOMPARE(doc[u"policies"_s].toArray().size(), 4); // the three examples and the article's

    r = run({u"snapshot"_s, u"export"_s, path(u"report.html"_s)});
    QCOMPARE(r.code, 0);
    QFile html(path(u"report.html"_s));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("<h3>Block UDP 1434 Filter (assigned)</h3>"));

    r = run({u"snapshot"_s, u"export"_s, u"--format"_s, u"netsh"_s, u"--policy"_s,
             u"Block UDP 1434 Filter"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"netsh ipsec static add filter filterlist=\"Block Inbound UDP 1434 "
                            u"Rule\" srcaddr=any dstaddr=me protocol=UDP srcport=0 dstport=1434 "
                            u"mirrored=no"_s),
             qPrintable(r.out));
    QVERIFY(r.out.contains(u"set policy name=\"Block UDP 1434 Filter\" assign=yes\r\n"_s));
    QVERIFY(!r.out.contains(u"Secure Server"_s)); // one policy only

    r = run({u"snapshot"_s, u"export"_s, u"-"_s, u"--format=ipseccmd"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"ipseccmd -w REG -p 'Block UDP 1434 Filter:180' -r 'Block Inbound "
                            u"UDP 1434 Rule' -f '*=0:1434:UDP' -n BLOCK"_s),
             qPrintable(r.out));
}

void TestCliSnapshot::diffAgainstLiveAndFiles()
{
    QCOMPARE(run({u"snapshot"_s, u"export"_s, path(u"before.json"_s)}).code, 0);
    Run r = run({u"snapshot"_s, u"diff"_s, path(u"before.json"_s)});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, u"No differences.\n"_s);

    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-y"_s}).code, 0);
    r = run({u"snapshot"_s, u"diff"_s, path(u"before.json"_s)});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.startsWith(u"~ assignment \"assigned policy\"\n"
                              u"    assignedPolicy: \"Block UDP 1434 Filter\" -> \"(none)\"\n"
                              u"1 difference"_s),
             qPrintable(r.out));

    QCOMPARE(run({u"snapshot"_s, u"export"_s, path(u"after.json"_s)}).code, 0);
    r = run({u"snapshot"_s, u"diff"_s, path(u"before.json"_s), path(u"after.json"_s), u"--json"_s});
    QCOMPARE(r.code, 1);
    const QJsonArray changes = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0][u"object"_s].toString(), u"assignment"_s);
    QCOMPARE(changes[0][u"fields"_s][0][u"after"_s].toString(), u"(none)"_s);
    r = run({u"snapshot"_s, u"diff"_s, path(u"after.json"_s), path(u"after.json"_s)});
    QCOMPARE(r.code, 0);
}

void TestCliSnapshot::importReplaceRestores()
{
    QCOMPARE(run({u"snapshot"_s, u"export"_s, path(u"before.json"_s)}).code, 0);
    // Undo the article's steps: delete the policy.
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-y"_s}).code, 0);
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-o"_s}).code, 0);
    QCOMPARE(run({u"snapshot"_s, u"diff"_s, path(u"before.json"_s)}).code, 1);

    Run r =
        run({u"snapshot"_s, u"import"_s, path(u"before.json"_s), u"--replace"_s, u"--dry-run"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"+ policy \"Block UDP 1434 Filter\""_s), qPrintable(r.out));
    QVERIFY(r.err.contains(u"Dry run: nothing was changed."_s));
    QCOMPARE(run({u"snapshot"_s, u"diff"_s, path(u"before.json"_s)}).code, 1);

    r = run({u"snapshot"_s, u"import"_s, path(u"before.json"_s), u"--replace"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"(replace): 3 change"_s), qPrintable(r.out));
    r = run({u"snapshot"_s, u"diff"_s, path(u"before.json"_s)});
    QCOMPARE(r.code, 0);
    r = run({u"show"_s, u"filters"_s});
    QVERIFY(r.out.contains(u"Assigned policy: Block UDP 1434 Filter"_s));
}

void TestCliSnapshot::importMergeClashes()
{
    QCOMPARE(run({u"snapshot"_s, u"export"_s, path(u"before.json"_s)}).code, 0);
    // The same name made again gets another guid: a clash for a merge.
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-y"_s}).code, 0);
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-o"_s}).code, 0);
    QCOMPARE(run({u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s, u"Other"_s,
                  u"-f"_s, u"0=*:80:TCP"_s, u"-n"_s, u"PASS"_s})
                 .code,
             0);
    const QByteArray before = storeBytes();
    Run r = run({u"snapshot"_s, u"import"_s, path(u"before.json"_s), u"--merge"_s});
    QCOMPARE(r.code, 5);
    QVERIFY2(r.err.contains(u"Policy \"Block UDP 1434 Filter\" exists with another guid."_s),
             qPrintable(r.err));
    QCOMPARE(storeBytes(), before);

    r = run({u"snapshot"_s, u"import"_s, path(u"before.json"_s), u"--merge"_s, u"--on-clash"_s,
             u"rename"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"imported as \"Block UDP 1434 Filter (2)\""_s), qPrintable(r.out));
    r = run({u"show"_s, u"policies"_s});
    QVERIFY(r.out.contains(u"Block UDP 1434 Filter (2)"_s));
}

void TestCliSnapshot::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString f = u"FILE"_s;
    QTest::newRow("bad json") << QStringList{u"snapshot"_s, u"import"_s, f} << QByteArray("{\"a\":")
                              << 2 << u"The snapshot is not valid JSON"_s;
    QTest::newRow("binary") << QStringList{u"snapshot"_s, u"import"_s, f}
                            << QByteArray("\x89PNG\r\n\x1a\n\xff", 9) << 2
                            << u"not valid UTF-8 (byte 0x89 at offset 0)"_s;
    QTest::newRow("missing file") << QStringList{u"snapshot"_s, u"import"_s,
                                                 u"/nonexistent/snap.json"_s}
                                  << QByteArray() << 3 << u"Cannot read /nonexistent/snap.json"_s;
    QTest::newRow("bad clash rule")
        << QStringList{u"snapshot"_s, u"import"_s, f, u"--on-clash"_s, u"maybe"_s}
        << QByteArray("{}") << 2 << u"\"maybe\" is not a clash rule"_s;
    QTest::newRow("both modes") << QStringList{u"snapshot"_s, u"import"_s, f, u"--merge"_s,
                                               u"--replace"_s}
                                << QByteArray("{}") << 2 << u"not both"_s;
    QTest::newRow("unknown option") << QStringList{u"snapshot"_s, u"export"_s, u"--colour"_s}
                                    << QByteArray() << 2 << u"Unknown option \"--colour\""_s;
    QTest::newRow("bad format") << QStringList{u"snapshot"_s, u"export"_s, u"--format"_s, u"xml"_s}
                                << QByteArray() << 2 << u"\"xml\" is not a snapshot format"_s;
    QTest::newRow("no policy") << QStringList{u"snapshot"_s, u"export"_s, u"--policy"_s, u"Nope"_s}
                               << QByteArray() << 3 << u"There is no policy \"Nope\""_s;
    QTest::newRow("diff bad file")
        << QStringList{u"snapshot"_s, u"diff"_s, f} << QByteArray("{\"format\":\"x\"}") << 2
        << u"$.format: not an IPsec Policy Console snapshot"_s;
    QTest::newRow("unknown command") << QStringList{u"snapshot"_s, u"restore"_s} << QByteArray()
                                     << 2 << u"Unknown snapshot command \"restore\""_s;
}

void TestCliSnapshot::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, file);
    QFETCH(int, code);
    QFETCH(QString, message);
    QFile out(path(u"input.json"_s));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(file);
    out.close();
    args.replaceInStrings(u"FILE"_s, path(u"input.json"_s));
    const QByteArray before = storeBytes();
    const Run r = run(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(storeBytes(), before);
}

QTEST_GUILESS_MAIN(TestCliSnapshot)
#include "TestCliSnapshot.moc"
