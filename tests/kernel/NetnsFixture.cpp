#include "NetnsFixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QString prefixFor(qint64 pid)
{
    return u"ipsec-test-%1-"_s.arg(pid);
}

} // namespace

NetnsFixture::NetnsFixture() = default;

NetnsFixture::~NetnsFixture()
{
    removeAll();
}

bool NetnsFixture::isRoot()
{
    return ::geteuid() == 0;
}

void NetnsFixture::removeStale()
{
    // ipsec-test-<pid>-<n> (create()), ipsec-<what>-<pid> (tests that name their own).
    static const QRegularExpression re(
        u"^ipsec-[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*?-(\\d+)(-\\d+)?$"_s);
    const QStringList names = QDir(u"/run/netns"_s).entryList(QDir::Files | QDir::System);
    for (const QString &name : names) {
        const auto m = re.match(name);
        if (!m.hasMatch())
            continue;
        const qint64 pid = m.captured(1).toLongLong();
        if (pid <= 1 || pid == ::getpid() || ::kill(pid_t(pid), 0) == 0 || errno == EPERM)
            continue; // ours or still running
        QProcess::execute(u"ip"_s, {u"netns"_s, u"del"_s, name});
    }
}

bool NetnsFixture::ip(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(u"ip"_s, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_lastError = u"ip %1: %2"_s.arg(
            args.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

QString NetnsFixture::ipOutput(const QStringList &args)
{
    QProcess p;
    p.start(u"ip"_s, args);
    p.waitForFinished(60000);
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

QString NetnsFixture::create()
{
    // One counter per process: several fixtures of one test (a DC's, the member's) never
    // pick the same name.
    static std::atomic<int> counter{0};
    const QString name = prefixFor(::getpid()) + QString::number(++counter);
    if (!ip({u"netns"_s, u"add"_s, name}))
        return {};
    m_created.append(name);
    if (!ip({u"-netns"_s, name, u"link"_s, u"set"_s, u"lo"_s, u"up"_s}))
        return {};
    return name;
}

void NetnsFixture::removeAll()
{
    for (const QString &name : std::as_const(m_created))
        QProcess::execute(u"ip"_s, {u"netns"_s, u"del"_s, name});
    m_created.clear();
}

QStringList NetnsFixture::policies(const QString &ns)
{
    const QString text = ipOutput({u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"list"_s});
    QStringList out;
    for (const QString &line : text.split(u'\n')) {
        if (line.trimmed().isEmpty())
            continue;
        if (!line.startsWith(u' ') && !line.startsWith(u'\t'))
            out.append(line.simplified());
        else if (!out.isEmpty())
            out.last() += u' ' + line.simplified();
    }
    out.sort();
    return out;
}

QStringList NetnsFixture::nftTable(const QString &ns)
{
    QProcess p;
    p.start(u"ip"_s, {u"netns"_s, u"exec"_s, ns, u"nft"_s, u"-s"_s, u"list"_s, u"table"_s,
                      u"inet"_s, u"ipsec_console"_s});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    QStringList out;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n'))
        if (!line.trimmed().isEmpty())
            out << u"nft: "_s + line.trimmed();
    return out;
}

int NetnsFixture::enforcedBlocks(const QString &ns)
{
    QProcess ip;
    ip.start(u"ip"_s, {u"-netns"_s, ns, u"xfrm"_s, u"policy"_s, u"list"_s});
    if (!ip.waitForFinished(30000) || ip.exitCode() != 0)
        return -1;
    int count = 0;
    static const QRegularExpression priority(u"priority (\\d+)"_s);
    QString entry;
    const auto countEntry = [&] {
        const auto m = priority.match(entry);
        const int value = m.hasMatch() ? m.captured(1).toInt() : -1;
        if (value >= 1000 && value <= 60999 && entry.contains(u"action block"_s))
            ++count;
        entry.clear();
    };
    for (const QString &line : QString::fromUtf8(ip.readAllStandardOutput()).split(u'\n')) {
        if (!line.startsWith(u' ') && !line.startsWith(u'\t'))
            countEntry();
        entry += u' ' + line;
    }
    countEntry();

    QProcess nft;
    nft.start(u"ip"_s, {u"netns"_s, u"exec"_s, ns, u"nft"_s, u"-j"_s, u"list"_s, u"table"_s,
                        u"inet"_s, u"ipsec_console"_s});
    if (!nft.waitForFinished(30000))
        return -1;
    if (nft.exitCode() != 0)
        return count; // no table
    QHash<QString, int> setSizes;
    QList<QJsonObject> rules;
    const QJsonArray items =
        QJsonDocument::fromJson(nft.readAllStandardOutput()).object()[u"nftables"_s].toArray();
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        if (o.contains(u"set"_s)) {
            const QJsonObject set = o[u"set"_s].toObject();
            setSizes.insert(set[u"name"_s].toString(), int(set[u"elem"_s].toArray().size()));
        } else if (o.contains(u"rule"_s)) {
            rules << o[u"rule"_s].toObject();
        }
    }
    for (const QJsonObject &rule : std::as_const(rules)) {
        bool drop = false;
        QString set;
        for (const QJsonValue &e : rule[u"expr"_s].toArray()) {
            const QJsonObject expr = e.toObject();
            drop = drop || expr.contains(u"drop"_s);
            const QJsonValue right = expr[u"match"_s].toObject()[u"right"_s];
            if (right.isString() && right.toString().startsWith(u'@'))
                set = right.toString().mid(1);
        }
        if (drop)
            count += set.isEmpty() ? 1 : setSizes.value(set);
    }
    return count;
}

bool NetnsFixture::runIn(const QString &ns, const std::function<void()> &fn)
{
    bool entered = false;
    std::thread t([&] {
        const QByteArray path = "/run/netns/" + ns.toLocal8Bit();
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        entered = ::setns(fd, CLONE_NEWNET) == 0;
        ::close(fd);
        if (entered)
            fn();
    });
    t.join();
    return entered;
}

int NetnsFixture::socketIn(const QString &ns, int domain, int type)
{
    int fd = -1;
    runIn(ns, [&] { fd = ::socket(domain, type | SOCK_CLOEXEC, 0); });
    return fd;
}
