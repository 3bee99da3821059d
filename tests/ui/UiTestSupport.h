#pragma once

// Helpers shared by the console's GUI tests: a throw-away store seeded through the real
// ipseccmd, and a private settings location so tests never read or write the user's.

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace UiTestSupport {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

// Runs ipseccmd with ARGS plus --store STORE (and --netns NS when given).
Run ipseccmd(const QString &store, const QStringList &args, const QString &netns = {},
             const QProcessEnvironment &extraEnv = {});
// The Windows examples plus two policies created by ipseccmd; empty string on failure.
QString seededStore(const QTemporaryDir &dir);
// Points QSettings at DIR, so window state stays inside the test.
void isolateSettings(const QTemporaryDir &dir);

} // namespace UiTestSupport
