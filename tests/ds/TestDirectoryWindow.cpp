// The console's "IP Security Policies on Active Directory" view (issue 15), on the real main
// window against the Samba DC in its namespace: the window opens without waiting for the
// directory (it reads on its worker thread), lists the domain's three default policies, and
// creates, assigns (in the Default Domain Policy), un-assigns and deletes a policy through the
// same editor and service layer as the local store.

#include "ds/SambaDc.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "ObjectEditor.h"
#include "PolicyBrowser.h"
#include "Settings.h"
#include "directory/DirectoryWindow.h"
#include "ds/DirectoryStore.h"
#include "service/PolicyService.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace ipsec;
using namespace ipsec::ui;

namespace {
const QByteArray AssignmentDn = "CN=IPSEC,CN=Windows,CN=Microsoft,CN=Machine,"
                                "CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,"
                                "CN=System,DC=corp,DC=test";
}

class TestDirectoryWindow : public QObject {
    Q_OBJECT

private:
    SambaDc m_dc;
    QTemporaryDir m_tmp;
    QString m_password;
    std::unique_ptr<PolicyService> m_local;
    std::unique_ptr<MainWindow> m_window;
    QPointer<DirectoryWindow> m_directory;

    QModelIndex find(const QString &name) const
    {
        const QAbstractItemModel *model = m_directory->browser()->view()->model();
        const auto hits = model->match(model->index(0, 0), Qt::DisplayRole, name, 1,
                                       Qt::MatchExactly | Qt::MatchRecursive);
        return hits.isEmpty() ? QModelIndex() : hits.first();
    }

    QString status() const
    {
        auto *label = m_directory->findChild<QLabel *>(u"directoryStatus"_s);
        return label ? label->text() : QString();
    }

    QByteArray assignment()
    {
        return m_dc.ldapTool(u"ldapsearch"_s,
                             {u"-LLL"_s, u"-b"_s, QString::fromLatin1(AssignmentDn), u"-s"_s,
                              u"base"_s, u"ipsecName"_s});
    }

    void trigger(const char *action)
    {
        auto *a = m_directory->findChild<QAction *>(QLatin1StringView{action});
        QVERIFY2(a, action);
        QVERIFY2(a->isEnabled(), action);
        a->trigger();
    }

private slots:
    void initTestCase()
    {
        const QString why = SambaDc::unavailableReason();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_tmp.filePath(u"config"_s));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_tmp.filePath(u"config"_s));
        QCoreApplication::setOrganizationName(u"ipsec-console-test"_s);
        QVERIFY2(m_dc.start(), qPrintable(m_dc.lastError()));
        m_password = m_tmp.filePath(u"bind.password"_s);
        QFile f(m_password);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(SambaDc::AdminPassword);
        f.close();

        PolicyService::Options o;
        o.storePath = m_tmp.filePath(u"local.db"_s);
        o.enforcement = PolicyService::Enforcement::Off;
        auto local = PolicyService::open(o);
        QVERIFY2(local, local ? "" : qPrintable(local.error().message));
        m_local = std::move(local.value());
        m_window = std::make_unique<MainWindow>(*m_local);
        // The connection is made in the DC's namespace (the directory is only reachable there).
        m_window->setDirectoryClientFactory([this]() -> Result<std::unique_ptr<PolicyClient>> {
            ds::DirectoryOptions d;
            d.url = QLatin1StringView(SambaDc::Url);
            d.bindDn = QLatin1StringView(SambaDc::AdminDn);
            d.bindPasswordFile = m_password;
            auto store = std::make_shared<ds::DirectoryStore>(ds::DirectoryStore::Options{d, {}});
            Result<void> bound = Error::store(u"not run"_s);
            NetnsFixture::runIn(m_dc.netns(), [&] { bound = store->connectNow(); });
            if (!bound)
                return bound.error();
            auto service = PolicyService::openOn(store, {});
            if (!service)
                return service.error();
            return std::unique_ptr<PolicyClient>(std::move(service.value()));
        });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset(); // closes the directory window with it
        m_local.reset();
    }

    void opensWithoutWaitingAndListsTheDomainsPolicies()
    {
        auto *open = m_window->findChild<QAction *>(u"directoryViewAction"_s);
        QVERIFY(open);
        open->trigger();
        m_directory = m_window->findChild<DirectoryWindow *>(u"directoryWindow"_s);
        QVERIFY(m_directory);
        QVERIFY(m_directory->windowTitle().contains(u"IP Security Policies on Active Directory"_s));
        // The read runs on the worker thread: nothing is shown before the event loop runs.
        QVERIFY(!find(u"Secure Server (Require Security)"_s).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(find(u"Secure Server (Require Security)"_s).isValid(), 20000);
        QVERIFY(find(u"Client (Respond Only)"_s).isValid());
        QVERIFY(find(u"Server (Request Security)"_s).isValid());
        QVERIFY2(status().contains(u"the GPO assigns none"_s), qPrintable(status()));
    }

    void createsAssignsAndDeletesAPolicy()
    {
        QVERIFY(m_directory);
        Policy p;
        p.name = u"Domain Block SQL"_s;
        p.description = u"Made in the console"_s;
        QVERIFY(m_directory->editor()->createPolicy(p));
        QTRY_VERIFY_WITH_TIMEOUT(find(p.name).isValid(), 20000);
        QVERIFY(m_dc.dumpIpsecObjects().contains("Domain Block SQL"));

        m_directory->browser()->view()->setCurrentIndex(find(p.name));
        QTRY_VERIFY(m_directory->currentObject().kind == ObjectRef::Kind::Policy);
        trigger("directoryAssignAction");
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"assigned in the GPO: Domain Block SQL"_s),
                                 20000);
        QVERIFY(assignment().contains("ipsecName: Domain Block SQL"));

        trigger("directoryUnassignAction");
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"the GPO assigns none"_s), 20000);
        QVERIFY(!assignment().contains("Domain Block SQL"));

        trigger("directoryAssignAction");
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"assigned in the GPO"_s), 20000);
        m_directory->browser()->view()->setCurrentIndex(find(p.name));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        trigger("directoryDeleteAction");
        QTRY_VERIFY_WITH_TIMEOUT(!find(p.name).isValid(), 20000);
        QVERIFY(!m_dc.dumpIpsecObjects().contains("Domain Block SQL"));
        QVERIFY(!assignment().contains("Domain Block SQL")); // deleted with its assignment
        QVERIFY(m_directory->problem().isEmpty());
    }
};

QTEST_MAIN(TestDirectoryWindow)
#include "TestDirectoryWindow.moc"
