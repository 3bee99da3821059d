#include "MainWindow.h"

#include "service/PolicyService.h"

#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTableWidget>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

MainWindow::MainWindow(PolicyService &service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_policies(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("IP Security Policies on Local Computer"));
    m_policies->setObjectName(u"policiesTable"_s);
    m_policies->setColumnCount(4);
    m_policies->setHorizontalHeaderLabels(
        {tr("Name"), tr("Description"), tr("Policy Assigned"), tr("Last Modified")});
    m_policies->horizontalHeader()->setStretchLastSection(true);
    m_policies->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_policies->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_policies->verticalHeader()->hide();
    setCentralWidget(m_policies);
    m_status->setObjectName(u"assignmentStatus"_s);
    statusBar()->addWidget(m_status, 1);
    resize(900, 500);

    connect(&m_service, &PolicyService::changed, this, &MainWindow::reload);
    m_service.setWatchInterval(1000);
    reload();
}

void MainWindow::reload()
{
    auto db = m_service.load();
    if (!db) {
        m_status->setText(db.error().message);
        return;
    }
    m_policies->setRowCount(int(db->policies.size()));
    int row = 0;
    for (const Policy &p : db->policies) {
        const QStringList cells{p.name, p.description, p.assigned ? tr("Yes") : tr("No"),
                                QLocale().toString(p.lastModified.toLocalTime(), QLocale::ShortFormat)};
        for (int c = 0; c < cells.size(); ++c)
            m_policies->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        ++row;
    }
    const Policy *assigned = db->assignedPolicy();
    QString text = assigned ? tr("Assigned policy: %1").arg(assigned->name)
                            : tr("No policy is assigned.");
    if (!m_service.isEnforcing())
        text += u' ' + tr("Changes are stored but not enforced: changing the kernel's policy "
                          "needs root.");
    m_status->setText(text);
}

} // namespace ipsec::ui
