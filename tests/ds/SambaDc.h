#pragma once

// Test helper: a real Active Directory domain controller (Samba) for the directory tests.
//
// The domain CORP.TEST is provisioned once per samba version and build folder (about 10 s on an
// idle machine, over a minute on a loaded one) into a cache; every SambaDc copies that cache
// into its own temporary folder, so tests may change their directory freely. The DC runs
// inside a throw-away network namespace (NetnsFixture) with its own mount namespace and /run,
// answers LDAP on 127.0.0.1:389 there, and accepts simple binds without TLS. Tests only: it
// runs samba-tool, samba and the OpenLDAP command-line tools.

#include "kernel/NetnsFixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class SambaDc {
public:
    static constexpr const char *Realm = "CORP.TEST";
    static constexpr const char *Domain = "CORP";
    static constexpr const char *BaseDn = "DC=corp,DC=test";
    static constexpr const char *AdminDn = "CN=Administrator,CN=Users,DC=corp,DC=test";
    static constexpr const char *AdminPassword = "Ipsec-Test-Admin-1";
    static constexpr const char *Url = "ldap://127.0.0.1";
    static QString ipsecContainerDn(); // CN=IP Security,CN=System,DC=corp,DC=test

    SambaDc();
    ~SambaDc(); // stops the DC, deletes its namespace and folder
    SambaDc(const SambaDc &) = delete;
    SambaDc &operator=(const SambaDc &) = delete;

    // Why the DC cannot run here (not root, samba or the LDAP tools missing), or empty.
    static QString unavailableReason();

    // Provisions (or reuses the cached domain), copies it, starts samba in a new namespace and
    // waits until LDAP answers. False with lastError() on failure.
    bool start();
    void stop();
    bool isRunning() const;

    const QString &netns() const { return m_netns; }
    QString folder() const { return m_dir ? m_dir->path() : QString(); }
    const QString &lastError() const { return m_lastError; }

    // Milliseconds: provisioning (0 when the cache was used), copying, starting until LDAP
    // answered.
    qint64 provisionMs() const { return m_provisionMs; }
    qint64 copyMs() const { return m_copyMs; }
    qint64 startMs() const { return m_startMs; }

    // Runs an OpenLDAP tool (ldapsearch, ldapmodify, ldapadd, ldapdelete) inside the namespace,
    // bound as the domain administrator (-x -H Url -D AdminDn -w AdminPassword prepended).
    // Returns its standard output; exitCode gets its exit status (-1 if it did not run).
    QByteArray ldapTool(const QString &tool, const QStringList &args, int *exitCode = nullptr,
                        const QByteArray &input = {});

    // The LDIF (no line wrapping) of the IPsec objects under CN=IP Security with the attributes
    // that do not change from one provisioning to the next, records sorted by DN.
    QByteArray dumpIpsecObjects();
    static QStringList stableIpsecAttributes();

private:
    // The cached provisioned domain for this samba version, provisioned first if missing.
    bool ensureProvisioned(QString *cacheDir);
    bool writeConfig(const QString &cacheDir);
    bool waitForLdap(int timeoutMs);

    NetnsFixture m_netnsFixture;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_samba;
    QString m_netns;
    QString m_lastError;
    qint64 m_provisionMs = 0;
    qint64 m_copyMs = 0;
    qint64 m_startMs = 0;
};
