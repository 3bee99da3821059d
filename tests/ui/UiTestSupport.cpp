#include "UiTestSupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace UiTestSupport {

Run ipseccmd(const QString &store, const QStringList &args, const QString &netns,
             const QProcessEnvironment &extraEnv)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"IPSEC_CONSOLE_STORE"_s);
    env.remove(u"IPSEC_CONSOLE_NETNS"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    env.insert(u"IPSEC_CONSOLE_TEST_GUARD"_s, u"1"_s);
    const QStringList keys = extraEnv.keys();
    for (const QString &key : keys)
        env.insert(key, extraEnv.value(key));
    p.setProcessEnvironment(env);
    QStringList full = args;
    full << u"--store"_s << store;
    if (!netns.isEmpty())
        full << u"--netns"_s << netns;
    p.start(QStringLiteral(IPSECCMD_PATH), full);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString seededStore(const QTemporaryDir &dir)
{
    const QString store = dir.filePath(u"policy.db"_s);
    const QList<QStringList> commands{
        {u"-w"_s, u"REG"_s, u"-p"_s, u"Block UDP 1434 Filter"_s, u"-r"_s,
         u"Block Inbound UDP 1434 Rule"_s, u"-f"_s, u"*=0:1434:UDP"_s, u"-n"_s, u"BLOCK"_s},
        {u"-w"_s, u"REG"_s, u"-p"_s, u"Web Server"_s, u"-r"_s, u"Allow HTTP"_s, u"-f"_s,
         u"*+0:80:TCP"_s, u"-f"_s, u"10.1.0.0/255.255.0.0=0:443:TCP"_s, u"-n"_s, u"PASS"_s},
    };
    for (const QStringList &args : commands) {
        const Run r = ipseccmd(store, args);
        if (r.code != 0) {
            qWarning("ipseccmd failed (%d): %s", r.code, qPrintable(r.err));
            return {};
        }
    }
    return store;
}

void isolateSettings(const QTemporaryDir &dir)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"config"_s));
    QCoreApplication::setOrganizationName(u"ipsec-console-test"_s);
    QCoreApplication::setApplicationName(u"ui-test"_s);
}

} // namespace UiTestSupport
