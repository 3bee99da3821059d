#include "SambaDc.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Runs a program to completion; false (and *error) unless it exits 0.
bool run(const QString &program, const QStringList &args, int timeoutMs, QString *error,
         QByteArray *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        *error = u"%1 did not start: %2"_s.arg(program, p.errorString());
        return false;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        *error = u"%1 did not finish within %2 s"_s.arg(program).arg(timeoutMs / 1000);
        return false;
    }
    const QByteArray out = p.readAll();
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"%1 %2 failed (exit %3): %4"_s.arg(program, args.value(0))
                     .arg(p.exitCode())
                     .arg(QString::fromLocal8Bit(out.right(2000)));
        return false;
    }
    return true;
}

QString sambaVersion()
{
    QProcess p;
    p.start(u"samba"_s, {u"--version"_s});
    if (!p.waitForFinished(10000))
        return {};
    QString v = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
    v.replace(QRegularExpression(u"[^A-Za-z0-9.+-]+"_s), u"-"_s);
    return v;
}

QString cacheRoot()
{
    const QString explicitRoot = qEnvironmentVariable("IPSEC_SAMBA_DC_CACHE");
    if (!explicitRoot.isEmpty())
        return explicitRoot;
    const QString build = qEnvironmentVariable("IPSEC_BUILD_DIR");
    if (!build.isEmpty())
        return build + u"/samba-dc-cache"_s;
    return QDir::tempPath() + u"/ipsec-samba-dc-cache"_s;
}

bool writeFile(const QString &path, const QByteArray &data, QFileDevice::Permissions perms)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.setPermissions(perms);
    return f.write(data) == data.size() && f.flush();
}

} // namespace

QString SambaDc::ipsecContainerDn()
{
    return u"CN=IP Security,CN=System,"_s + QLatin1StringView(BaseDn);
}

QStringList SambaDc::stableIpsecAttributes()
{
    return {u"objectClass"_s,
            u"cn"_s,
            u"name"_s,
            u"description"_s,
            u"ipsecName"_s,
            u"ipsecID"_s,
            u"ipsecDataType"_s,
            u"ipsecData"_s,
            u"ipsecOwnersReference"_s,
            u"ipsecNFAReference"_s,
            u"ipsecISAKMPReference"_s,
            u"ipsecFilterReference"_s,
            u"ipsecNegotiationPolicyReference"_s,
            u"iPSECNegotiationPolicyType"_s,
            u"iPSECNegotiationPolicyAction"_s};
}

SambaDc::SambaDc() = default;

SambaDc::~SambaDc()
{
    stop();
}

QString SambaDc::unavailableReason()
{
    if (!NetnsFixture::isRoot())
        return u"The Samba DC tests need root (network and mount namespaces); run as root."_s;
    for (const QString &tool : {u"samba"_s, u"samba-tool"_s, u"ldapsearch"_s, u"ldapmodify"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty()
            && QStandardPaths::findExecutable(tool, {u"/usr/sbin"_s, u"/sbin"_s}).isEmpty())
            return u"%1 is not installed (scripts/common.sh installs samba and ldap-utils)"_s.arg(
                tool);
    }
    return {};
}

bool SambaDc::ensureProvisioned(QString *cacheDir)
{
    const QString version = sambaVersion();
    if (version.isEmpty()) {
        m_lastError = u"samba --version gave no answer"_s;
        return false;
    }
    const QString root = cacheRoot();
    if (!QDir().mkpath(root)) {
        m_lastError = u"cannot create %1"_s.arg(root);
        return false;
    }
    *cacheDir = root + u"/corp.test-"_s + version;
    // Tests of one run may start DCs in parallel: only one provisions.
    QLockFile lock(root + u"/provision.lock"_s);
    lock.setStaleLockTime(0);
    if (!lock.tryLock(15 * 60 * 1000)) {
        m_lastError = u"cannot lock %1/provision.lock"_s.arg(root);
        return false;
    }
    if (QFile::exists(*cacheDir + u"/private/sam.ldb"_s))
        return true;
    const QString work = *cacheDir + u".tmp"_s;
    QDir(work).removeRecursively();
    QElapsedTimer timer;
    timer.start();
    QString error;
    const bool ok =
        run(u"samba-tool"_s,
            {u"domain"_s, u"provision"_s, u"--targetdir="_s + work,
             u"--realm="_s + QLatin1StringView(Realm), u"--domain="_s + QLatin1StringView(Domain),
             u"--server-role=dc"_s, u"--dns-backend=NONE"_s, u"--host-name=DC1"_s,
             u"--adminpass="_s + QLatin1StringView(AdminPassword)},
            10 * 60 * 1000, &error);
    if (!ok) {
        m_lastError = u"provisioning failed: "_s + error;
        QDir(work).removeRecursively();
        return false;
    }
    m_provisionMs = timer.elapsed();
    if (!QDir().rename(work, *cacheDir)) {
        m_lastError = u"cannot rename %1 to %2"_s.arg(work, *cacheDir);
        return false;
    }
    return true;
}

bool SambaDc::writeConfig(const QString &dc)
{
    // Written from scratch (the provisioned smb.conf names the cache's folder): only LDAP, no
    // TLS (generating its key took 20 s), simple binds allowed, everything inside the folder.
    const QString conf = QStringLiteral("[global]\n"
                                        "\tnetbios name = DC1\n"
                                        "\trealm = %1\n"
                                        "\tworkgroup = %2\n"
                                        "\tserver role = active directory domain controller\n"
                                        "\tserver services = ldap\n"
                                        "\tldap server require strong auth = no\n"
                                        "\ttls enabled = no\n"
                                        "\tprivate dir = %3/private\n"
                                        "\tlock directory = %3\n"
                                        "\tstate directory = %3/state\n"
                                        "\tcache directory = %3/cache\n"
                                        "\tbinddns dir = %3/bind-dns\n"
                                        "\tpid directory = %3/run\n"
                                        "\tlog file = %3/log.%m\n"
                                        "\tlogging = file\n"
                                        "\tmax log size = 1000\n")
                             .arg(QLatin1StringView(Realm), QLatin1StringView(Domain), dc);
    QDir().mkpath(dc + u"/run"_s);
    QDir().mkpath(dc + u"/etc"_s);
    return writeFile(dc + u"/etc/smb.conf"_s, conf.toUtf8(),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner)
           && writeFile(dc + u"/admin.password"_s, QByteArray(AdminPassword),
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

bool SambaDc::start()
{
    const QString why = unavailableReason();
    if (!why.isEmpty()) {
        m_lastError = why;
        return false;
    }
    QString cache;
    if (!ensureProvisioned(&cache))
        return false;

    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/ipsec-samba-dc-XXXXXX"_s);
    if (!m_dir->isValid()) {
        m_lastError = u"cannot create a temporary folder"_s;
        return false;
    }
    const QString dc = m_dir->path() + u"/dc"_s;
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!run(u"cp"_s, {u"-a"_s, u"--reflink=auto"_s, cache, dc}, 120000, &error)) {
        m_lastError = error;
        return false;
    }
    m_copyMs = timer.elapsed();
    if (!writeConfig(dc)) {
        m_lastError = u"cannot write the DC's configuration in %1"_s.arg(dc);
        return false;
    }

    NetnsFixture::removeStale();
    m_netns = m_netnsFixture.create();
    if (m_netns.isEmpty()) {
        m_lastError = m_netnsFixture.lastError();
        return false;
    }

    timer.restart();
    m_samba = std::make_unique<QProcess>();
    m_samba->setProcessChannelMode(QProcess::MergedChannels);
    m_samba->setStandardOutputFile(dc + u"/samba.out"_s);
    const QByteArray nsPath = QFile::encodeName(u"/run/netns/"_s + m_netns);
    // In the child, before exec: enter the test namespace, take a private mount namespace and
    // give samba its own /run (its sockets and pid files never meet the machine's).
    m_samba->setChildProcessModifier([nsPath]() {
        const int fd = ::open(nsPath.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::setns(fd, CLONE_NEWNET) != 0)
            ::_exit(126);
        ::close(fd);
        if (::unshare(CLONE_NEWNS) != 0
            || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
            || ::mount("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
            ::_exit(126);
    });
    m_samba->start(u"samba"_s, {u"-i"_s, u"-M"_s, u"single"_s, u"-s"_s, dc + u"/etc/smb.conf"_s,
                                u"--debuglevel=1"_s});
    if (!m_samba->waitForStarted(10000)) {
        m_lastError = u"samba did not start: "_s + m_samba->errorString();
        return false;
    }
    if (!waitForLdap(120000))
        return false;
    m_startMs = timer.elapsed();
    return true;
}

bool SambaDc::isRunning() const
{
    return m_samba && m_samba->state() == QProcess::Running;
}

bool SambaDc::waitForLdap(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (!isRunning()) {
            QFile out(folder() + u"/dc/samba.out"_s);
            out.open(QIODevice::ReadOnly);
            m_lastError = u"samba exited (%1): %2"_s.arg(m_samba->exitCode())
                              .arg(QString::fromLocal8Bit(out.readAll().right(2000)));
            return false;
        }
        int exitCode = -1;
        ldapTool(u"ldapsearch"_s, {u"-b"_s, QString(), u"-s"_s, u"base"_s, u"namingContexts"_s},
                 &exitCode);
        if (exitCode == 0)
            return true;
        QThread::msleep(200);
    }
    m_lastError = u"the DC's LDAP did not answer within %1 s"_s.arg(timeoutMs / 1000);
    return false;
}

void SambaDc::stop()
{
    if (m_samba) {
        if (m_samba->state() != QProcess::NotRunning) {
            m_samba->terminate();
            if (!m_samba->waitForFinished(15000)) {
                m_samba->kill();
                m_samba->waitForFinished(5000);
            }
        }
        m_samba.reset();
    }
    m_netnsFixture.removeAll();
    m_netns.clear();
    m_dir.reset();
}

QByteArray SambaDc::ldapTool(const QString &tool, const QStringList &args, int *exitCode,
                             const QByteArray &input)
{
    if (exitCode)
        *exitCode = -1;
    if (m_netns.isEmpty() || !m_dir)
        return {};
    QProcess p;
    QStringList all{u"netns"_s,
                    u"exec"_s,
                    m_netns,
                    tool,
                    u"-x"_s,
                    u"-H"_s,
                    QLatin1StringView(Url),
                    u"-D"_s,
                    QLatin1StringView(AdminDn),
                    u"-y"_s,
                    folder() + u"/dc/admin.password"_s};
    all += args;
    p.start(u"ip"_s, all);
    if (!p.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        return {};
    }
    if (exitCode && p.exitStatus() == QProcess::NormalExit)
        *exitCode = p.exitCode();
    return p.readAllStandardOutput();
}

QByteArray SambaDc::dumpIpsecObjects()
{
    QStringList args{u"-LLL"_s,          u"-o"_s, u"ldif-wrap=no"_s, u"-b"_s,
                     ipsecContainerDn(), u"-s"_s, u"one"_s,          u"(objectClass=*)"_s};
    args += stableIpsecAttributes();
    int exitCode = -1;
    const QByteArray out = ldapTool(u"ldapsearch"_s, args, &exitCode);
    if (exitCode != 0)
        return {};
    // Records sorted by DN, attributes by name (values keep the directory's order).
    QList<QByteArray> records = out.trimmed().split('\n');
    QList<QList<QByteArray>> entries;
    for (const QByteArray &line : records) {
        if (line.isEmpty()) {
            continue;
        }
        if (line.startsWith("dn:"))
            entries.append({line});
        else if (!entries.isEmpty())
            entries.last().append(line);
    }
    for (auto &e : entries) {
        std::stable_sort(e.begin() + 1, e.end(), [](const QByteArray &a, const QByteArray &b) {
            return a.left(a.indexOf(':')).toLower() < b.left(b.indexOf(':')).toLower();
        });
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.first() < b.first(); });
    QByteArray result;
    for (const auto &e : entries) {
        for (const QByteArray &line : e)
            result += line + '\n';
        result += '\n';
    }
    return result;
}
