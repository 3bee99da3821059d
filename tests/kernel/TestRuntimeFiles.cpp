// Issue 12, items 5, 6, 7, 11 and 15: the files the programs write, with the real ipseccmd as
// separate processes — exports readable by their owner only, no writing through another user's
// symbolic link, a full /run that keeps the old dynamic filters and says so, explicit modes
// whatever the umask, and runtime folders of namespaces that are gone cleaned away.
//
// IPSEC_TEST_IPSECCMD runs another ipseccmd (an older build, for the figures before a fix).

#include "kernel/NetnsFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString programDir()
{
    const QString other = qEnvironmentVariable("IPSEC_TEST_IPSECCMD");
    return other.isEmpty() ? QStringLiteral(IPSECCMD_DIR) : QFileInfo(other).absolutePath();
}

QString ipseccmdPath()
{
    const QString other = qEnvironmentVariable("IPSEC_TEST_IPSECCMD");
    return other.isEmpty() ? programDir() + u"/ipseccmd"_s : other;
}

struct Run {
    int code = -1;
    QString out;
    QString err;
    QString describe() const { return u"exit %1\n%2\n%3"_s.arg(code).arg(out, err); }
};

// The permission bits of a file or folder (not following a link).
int modeOf(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

quint64 inodeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return quint64(st.st_ino);
}

} // namespace

class TestRuntimeFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportsAreOwnerOnly();
    void foreignSymlinkRefused();
    void fullRuntimeKeepsOldState();
    void umaskZeroModes();
    void staleRuntimeFoldersRemoved();
    void staleNamespacesRemoved();

private:
    QProcessEnvironment environment(const QString &runtimeDir) const;
    // program ARGS... with --no-agent --store --netns added (netsh takes them after).
    Run run(const QStringList &args, const QString &program = u"ipseccmd"_s,
            const QString &runtimeDir = {});
    Run shell(const QStringList &command, const QProcessEnvironment &env);

    NetnsFixture m_ns;
    QString m_netns;
    QTemporaryDir m_dir;
    QString m_rootBefore;
};

void TestRuntimeFiles::initTestCase()
{
    if (!NetnsFixture::isRoot())
        QSKIP("Needs root (network namespaces, XFRM, other users, mounts).");
    NetnsFixture::removeStale();
    m_rootBefore = m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s});
    m_netns = m_ns.create();
    QVERIFY2(!m_netns.isEmpty(), qPrintable(m_ns.lastError()));
    QVERIFY(m_dir.isValid());
    qInfo("ipseccmd: %s", qPrintable(ipseccmdPath()));
}

void TestRuntimeFiles::cleanupTestCase()
{
    m_ns.removeAll();
    if (NetnsFixture::isRoot())
        QCOMPARE(m_ns.ipOutput({u"xfrm"_s, u"policy"_s, u"list"_s}), m_rootBefore);
}

QProcessEnvironment TestRuntimeFiles::environment(const QString &runtimeDir) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"LANGUAGE"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_RUNTIME_DIR"_s,
               runtimeDir.isEmpty() ? m_dir.filePath(u"run"_s) : runtimeDir);
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    return env;
}

Run TestRuntimeFiles::run(const QStringList &args, const QString &program,
                          const QString &runtimeDir)
{
    const QStringList common{u"--no-agent"_s, u"--store"_s, m_dir.filePath(u"policy.db"_s),
                             u"--netns"_s, m_netns};
    QProcess p;
    p.setProcessEnvironment(environment(runtimeDir));
    p.setWorkingDirectory(m_dir.path());
    if (program == u"ipseccmd"_s)
        p.start(ipseccmdPath(), common + args);
    else
        p.start(programDir() + u'/' + program, args + common);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run TestRuntimeFiles::shell(const QStringList &command, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    p.start(command.first(), command.mid(1));
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// Item 6: exports may hold preshared keys; they are created 0600 and the tool says so.
void TestRuntimeFiles::exportsAreOwnerOnly()
{
    const QString json = m_dir.filePath(u"snap.json"_s);
    Run r = run({u"snapshot"_s, u"export"_s, json});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(modeOf(json), 0600);
    QVERIFY2(r.err.contains(u"readable by its owner only"_s), qPrintable(r.describe()));

    // An older export that others could read becomes private too.
    const QString netsh = m_dir.filePath(u"old.netsh"_s);
    QFile old(netsh);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old\n");
    old.close();
    QVERIFY(QFile::setPermissions(netsh, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                             | QFile::ReadOther));
    r = run({u"snapshot"_s, u"export"_s, u"--format"_s, u"netsh"_s, netsh});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(modeOf(netsh), 0600);

    r = run({u"ipsec"_s, u"static"_s, u"exportpolicy"_s, u"file=backup"_s}, u"netsh"_s);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(modeOf(m_dir.filePath(u"backup.ipsec"_s)), 0600);
    QVERIFY2(r.out.contains(u"readable by its owner only"_s), qPrintable(r.describe()));
}

// Item 7: root does not write where another user's symbolic link points; its own links are
// followed.
void TestRuntimeFiles::foreignSymlinkRefused()
{
    // A sticky folder everybody may write to, like /tmp.
    QTemporaryDir sticky(QDir::tempPath() + u"/ipsec-sticky-XXXXXX"_s);
    QVERIFY(sticky.isValid());
    QVERIFY(::chmod(QFile::encodeName(sticky.path()).constData(), 01777) == 0);
    const QString secret = m_dir.filePath(u"secret"_s);
    QFile s(secret);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write("root's secret\n");
    s.close();

    const QString link = sticky.filePath(u"report.json"_s);
    const QString netshLink = sticky.filePath(u"report.ipsec"_s);
    for (const QString &l : {link, netshLink}) {
        const Run ln = shell({u"setpriv"_s, u"--reuid=65534"_s, u"--regid=65534"_s,
                              u"--clear-groups"_s, u"ln"_s, u"-s"_s, secret, l},
                             QProcessEnvironment::systemEnvironment());
        QVERIFY2(ln.code == 0, qPrintable(ln.describe()));
    }

    Run r = run({u"snapshot"_s, u"export"_s, link});
    QVERIFY2(r.code == 7, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"symbolic link"_s) && r.err.contains(u"uid 65534"_s),
             qPrintable(r.describe()));
    r = run({u"ipsec"_s, u"static"_s, u"exportpolicy"_s, u"file="_s + netshLink}, u"netsh"_s);
    QVERIFY2(r.code == 7, qPrintable(r.describe()));
    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(QFileInfo(netshLink).isSymLink());
    QFile check(secret);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray("root's secret\n"));

    // A link of root's own leads to where root meant.
    const QString target = m_dir.filePath(u"mine-target.json"_s);
    const QString own = sticky.filePath(u"mine.json"_s);
    QVERIFY(QFile::link(target, own));
    r = run({u"snapshot"_s, u"export"_s, own});
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QVERIFY(QFileInfo(own).isSymLink());
    QVERIFY(QFileInfo(target).size() > 0);
    QCOMPARE(modeOf(target), 0600);
}

// Item 5: a full runtime file system. The dynamic filter that cannot be recorded is refused
// (exit 4, the reason said), the recorded ones stay, the kernel is not changed.
void TestRuntimeFiles::fullRuntimeKeepsOldState()
{
    const QString runtime = m_dir.filePath(u"full"_s);
    QVERIFY(QDir().mkpath(runtime));
    QProcessEnvironment env = environment(runtime);
    env.insert(u"CMD"_s, ipseccmdPath());
    env.insert(u"NS"_s, m_netns);
    env.insert(u"STORE"_s, m_dir.filePath(u"full.db"_s));
    env.insert(u"RUN"_s, runtime);
    // A private mount namespace: the small tmpfs is seen by this script only.
    const QString script = uR"(
mount -t tmpfs -o size=64k,mode=0755 tmpfs "$RUN" || exit 90
"$CMD" --no-agent --netns "$NS" --store "$STORE" -f '[*=192.0.2.1:5002:TCP]' >/dev/null || exit 91
dd if=/dev/zero of="$RUN/filler" bs=1k count=1000 2>/dev/null
"$CMD" --no-agent --netns "$NS" --store "$STORE" -f '[*=192.0.2.1:6002:TCP]'
echo "exit=$?"
cat "$RUN"/*/dynamic.json
)"_s;
    const Run r = shell(
        {u"unshare"_s, u"-m"_s, u"--propagation"_s, u"private"_s, u"sh"_s, u"-c"_s, script}, env);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    const QString kernel = m_ns.kernelState(m_netns).join(u'\n');
    qInfo("%s", qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"exit=4"_s), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"No space left on device"_s), qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"\"destinationPort\": 5002"_s), qPrintable(r.describe()));
    // An XFRM entry or an element of the nftables table (issue 11).
    QVERIFY2(kernel.contains(u"dport 5002 "_s) || kernel.contains(u" . 5002"_s),
             qPrintable(kernel));
    QVERIFY2(!kernel.contains(u"dport 6002 "_s) && !kernel.contains(u" . 6002"_s),
             qPrintable(kernel));
    // Clean up the namespace for the tests that follow (a fresh runtime folder).
    const Run clear = run({u"-u"_s}, u"ipseccmd"_s, runtime);
    Q_UNUSED(clear);
    m_ns.ip({u"-netns"_s, m_netns, u"xfrm"_s, u"policy"_s, u"flush"_s});
    m_ns.ip({u"netns"_s, u"exec"_s, m_netns, u"nft"_s, u"delete"_s, u"table"_s, u"inet"_s,
             u"ipsec_console"_s});
}

// Item 11: with umask 000 the store's folders are 0700, the store 0600, the runtime folders
// 0755 with files 0644 and the lock 0600.
void TestRuntimeFiles::umaskZeroModes()
{
    const QString base = m_dir.filePath(u"umask"_s);
    const QString store = base + u"/data/ipsec-console/policy.db"_s;
    const QString runtime = base + u"/run/ipsec-console"_s;
    QVERIFY(QDir().mkpath(base));
    QProcessEnvironment env = environment(runtime);
    env.insert(u"CMD"_s, ipseccmdPath());
    env.insert(u"NS"_s, m_netns);
    env.insert(u"STORE"_s, store);
    const Run r = shell(
        {u"sh"_s, u"-c"_s,
         uR"(umask 000; exec "$CMD" --no-agent --netns "$NS" --store "$STORE" -f '[*=192.0.2.1:7002:TCP]')"_s},
        env);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QCOMPARE(modeOf(base + u"/data"_s), 0700);
    QCOMPARE(modeOf(base + u"/data/ipsec-console"_s), 0700);
    QCOMPARE(modeOf(store), 0600);
    QCOMPARE(modeOf(base + u"/run"_s), 0755);
    QCOMPARE(modeOf(runtime), 0755);
    const QStringList folders = QDir(runtime).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(folders.size(), 1);
    const QString folder = runtime + u'/' + folders.first();
    QCOMPARE(modeOf(folder), 0755);
    QCOMPARE(modeOf(folder + u"/dynamic.json"_s), 0644);
    QCOMPARE(modeOf(folder + u"/lock"_s), 0600);
    const Run clear = run({u"-u"_s}, u"ipseccmd"_s, runtime);
    QVERIFY2(clear.code == 0, qPrintable(clear.describe()));
}

// Item 15: runtime folders of namespaces that are gone are removed when a program starts;
// everything else stays.
void TestRuntimeFiles::staleRuntimeFoldersRemoved()
{
    const QString base = m_dir.filePath(u"stale"_s);
    const quint64 live = inodeOf(u"/run/netns/"_s + m_netns);
    QVERIFY(live != 0);
    const QString gone = m_ns.create();
    QVERIFY(!gone.isEmpty());
    const quint64 goneInode = inodeOf(u"/run/netns/"_s + gone);
    QVERIFY(m_ns.ip({u"netns"_s, u"del"_s, gone}));
    const quint64 own = inodeOf(u"/proc/self/ns/net"_s);

    const auto make = [&](const QString &name, const QStringList &files = {u"dynamic.json"_s}) {
        QDir().mkpath(base + u'/' + name);
        for (const QString &f : files) {
            QFile file(base + u'/' + name + u'/' + f);
            if (file.open(QIODevice::WriteOnly))
                file.write("{}\n");
        }
    };
    const QString liveFolder = u"%1-%2"_s.arg(m_netns).arg(live);
    const QString goneFolder = u"%1-%2"_s.arg(gone).arg(goneInode);
    const QString ownFolder = u"default-%1"_s.arg(own);
    make(liveFolder);
    make(goneFolder, {u"dynamic.json"_s, u"emergency.json"_s, u"lock"_s, u"enforced-table.nft"_s,
                      u"emergency-table.nft"_s});
    make(ownFolder);
    make(u"old-999999999"_s);
    make(u"notes"_s);
    make(u"x-12ab"_s);
    make(u"foreign-999999998"_s, {u"photo.png"_s});
    QVERIFY(QDir().mkpath(base + u"/nested-999999996/sub"_s));
    QVERIFY(QFile::link(base + u"/notes"_s, base + u"/link-999999997"_s));

    const Run r = run({u"show"_s, u"all"_s}, u"ipseccmd"_s, base);
    QVERIFY2(r.code == 0, qPrintable(r.describe()));
    QStringList left = QDir(base).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    left.sort();
    QStringList expected{liveFolder,
                         ownFolder,
                         u"notes"_s,
                         u"x-12ab"_s,
                         u"foreign-999999998"_s,
                         u"nested-999999996"_s,
                         u"link-999999997"_s};
    expected.sort();
    // The namespace the command itself ran in has a folder now too (or had one already).
    left.removeAll(liveFolder);
    expected.removeAll(liveFolder);
    QCOMPARE(left, expected);
    QVERIFY(QFileInfo(base + u'/' + liveFolder).isDir());
}

// The test fixtures' namespaces of runs that crashed (ipsec-<what>-<pid>[-<n>], the pid gone)
// are removed at the start of the next run; those of live processes and other names stay.
void TestRuntimeFiles::staleNamespacesRemoved()
{
    QProcess probe; // its pid is a dead one afterwards
    probe.start(u"true"_s, {});
    const qint64 deadPid = qint64(probe.waitForStarted() ? probe.processId() : 0);
    QVERIFY(probe.waitForFinished());
    QVERIFY(deadPid > 1 && ::kill(pid_t(deadPid), 0) != 0);
    const QStringList stale{u"ipsec-netshcli-%1"_s.arg(deadPid), u"ipsec-test-%1-7"_s.arg(deadPid)};
    const QStringList kept{u"ipsec-live-%1"_s.arg(::getpid()), u"ipsec-keep-me"_s,
                           u"other-%1"_s.arg(deadPid)};
    for (const QString &ns : stale + kept)
        QVERIFY2(m_ns.ip({u"netns"_s, u"add"_s, ns}), qPrintable(m_ns.lastError()));
    NetnsFixture::removeStale();
    const QStringList left = QDir(u"/run/netns"_s).entryList(QDir::Files | QDir::System);
    for (const QString &ns : kept)
        (void)m_ns.ip({u"netns"_s, u"del"_s, ns});
    for (const QString &ns : stale)
        QVERIFY2(!left.contains(ns), qPrintable(ns));
    for (const QString &ns : kept)
        QVERIFY2(left.contains(ns), qPrintable(ns));
}

QTEST_GUILESS_MAIN(TestRuntimeFiles)
#include "TestRuntimeFiles.moc"
