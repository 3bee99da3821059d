#pragma once

// Test/benchmark helper: throw-away network namespaces, so that nothing ever touches the SPD
// of the machine's own (root) namespace. Uses `ip` (tests only, never in product code).

#include <QString>
#include <QStringList>

#include <functional>

class NetnsFixture {
public:
    NetnsFixture();
    ~NetnsFixture(); // deletes every namespace it created
    NetnsFixture(const NetnsFixture &) = delete;
    NetnsFixture &operator=(const NetnsFixture &) = delete;

    static bool isRoot();
    // Deletes namespaces "ipsec-*-<pid>" and "ipsec-*-<pid>-<n>" (the fixtures' and the tests'
    // own, e.g. ipsec-test-<pid>-1, ipsec-netshcli-<pid>) left behind by runs whose process is
    // gone. Namespaces of live processes and any other name stay.
    static void removeStale();

    // Creates "ipsec-test-<pid>-<n>" with loopback up; empty on failure (see lastError()).
    QString create();
    void removeAll();

    // Runs `ip ARGS`; false (and lastError()) unless it exits 0. `input` goes to stdin.
    bool ip(const QStringList &args, const QByteArray &input = {});
    QString ipOutput(const QStringList &args);
    const QString &lastError() const { return m_lastError; }

    // `ip -netns NS xfrm policy list`, one line per policy, sorted: for comparing states.
    QStringList policies(const QString &ns);
    // `nft -s list table inet ipsec_console` in NS (no counters), one "nft: " line per line of
    // the listing; empty when the table does not exist. The block/permit half of the state.
    QStringList nftTable(const QString &ns);
    // policies() + nftTable(): everything the project can hold in the kernel, for comparing
    // states before and after.
    QStringList kernelState(const QString &ns) { return policies(ns) + nftTable(ns); }
    // How many block verdicts of the project NS enforces, whichever backend holds them: XFRM
    // block entries in the project's priority band (1000-60999) plus, in its nftables table, the
    // elements of every set a drop rule looks up (a drop rule without a set counts one). -1
    // when the kernel cannot be read. Read with `ip` and `nft` (the reference tools).
    static int enforcedBlocks(const QString &ns);

    // Runs fn on a thread that entered the namespace (setns is per thread). Sockets created
    // there stay in that namespace when used from other threads.
    static bool runIn(const QString &ns, const std::function<void()> &fn);
    // A socket(domain, type, 0) created inside the namespace, or -1.
    static int socketIn(const QString &ns, int domain, int type);

private:
    QStringList m_created;
    QString m_lastError;
};
