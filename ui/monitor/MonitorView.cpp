#include "monitor/MonitorView.h"

#include "ServiceWorker.h"
#include "service/PolicyClient.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

enum class EntryState { InForce, Extra, Missing, Foreign };

QString endText(const QHostAddress &address, quint8 prefix)
{
    if (prefix == 0)
        return MonitorView::tr("any");
    const int full = address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
    return prefix == full ? address.toString() : u"%1/%2"_s.arg(address.toString()).arg(prefix);
}

QString portsText(const kernel::SpdSelector &s)
{
    if (s.protocol == Protocol::Icmp || s.protocol == Protocol::Icmpv6) {
        if (!s.sourcePortMask && !s.destinationPortMask)
            return {};
        return MonitorView::tr("type %1 code %2").arg(s.sourcePort).arg(s.destinationPort);
    }
    if (!s.sourcePortMask && !s.destinationPortMask)
        return {};
    const auto port = [](quint16 p, quint16 mask) -> QString {
        return mask ? QString::number(p) : MonitorView::tr("any");
    };
    return MonitorView::tr("%1 → %2").arg(port(s.sourcePort, s.sourcePortMask),
                                          port(s.destinationPort, s.destinationPortMask));
}

QString lastUseText(quint64 useTime)
{
    if (useTime == 0)
        return MonitorView::tr("never");
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(useTime)).toLocalTime(),
                              QLocale::ShortFormat);
}

QString stateText(EntryState state)
{
    switch (state) {
    case EntryState::InForce:
        return MonitorView::tr("in force");
    case EntryState::Extra:
        return MonitorView::tr("extra (not in the policy)");
    case EntryState::Missing:
        return MonitorView::tr("missing (not in the kernel)");
    case EntryState::Foreign:
        break;
    }
    return MonitorView::tr("foreign");
}

QTableWidget *makeTable(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

MonitorView::MonitorView(PolicyClient &service, QWidget *parent, ServiceWorker *worker)
    : QWidget(parent)
    , m_service(service)
    , m_worker(worker)
    , m_timer(new QTimer(this))
    , m_stack(new QStackedWidget(this))
    , m_reason(new QLabel(this))
    , m_drift(new QLabel(this))
{
    setObjectName(u"monitorView"_s);
    m_timer->setObjectName(u"monitorRefreshTimer"_s);
    m_timer->setInterval(RefreshIntervalMs);
    m_stack->setObjectName(u"monitorStack"_s);
    m_reason->setObjectName(u"monitorReason"_s);
    m_reason->setWordWrap(true);
    m_reason->setAlignment(Qt::AlignCenter);
    m_drift->setObjectName(u"driftLabel"_s);
    m_drift->setWordWrap(true);
    m_entries =
        makeTable(u"kernelEntriesTable"_s,
                  {tr("State"), tr("Direction"), tr("Source"), tr("Destination"), tr("Protocol"),
                   tr("Ports"), tr("Action"), tr("Priority"), tr("Last Use")},
                  this);
    m_counters = makeTable(u"dropCountersTable"_s, {tr("Counter"), tr("Value")}, this);
    m_ikeStatus = new QLabel(this);
    m_ikeStatus->setObjectName(u"ikeStatusLabel"_s);
    m_ikeStatus->setWordWrap(true);
    m_sas = makeTable(u"ikeSasTable"_s,
                      {tr("Mode"), tr("Connection"), tr("Peer"), tr("State"), tr("Algorithms"),
                       tr("Lifetime"), tr("Details")},
                      this);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins({});
    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->addWidget(m_entries);
    // SAs and counters share the lower half as tabs: three stacked tables would not leave the
    // policy views half of a 1024x700 window.
    auto *ike = new QWidget(content);
    auto *ikeLayout = new QVBoxLayout(ike);
    ikeLayout->setContentsMargins({});
    ikeLayout->addWidget(m_ikeStatus);
    ikeLayout->addWidget(m_sas, 1);
    auto *lower = new QTabWidget(content);
    lower->setObjectName(u"monitorTabs"_s);
    lower->setDocumentMode(true);
    lower->addTab(ike, tr("IKE and IPsec SAs"));
    lower->addTab(m_counters, tr("Counters"));
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    contentLayout->addWidget(m_drift);
    contentLayout->addWidget(splitter, 1);
    m_stack->addWidget(m_reason);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(m_timer, &QTimer::timeout, this, &MonitorView::refresh);
    connect(&m_service, &PolicyClient::changed, this, &MonitorView::refresh);
    if (!m_worker)
        refresh(); // in the window, the first show reads
}

void MonitorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer->start();
}

void MonitorView::hideEvent(QHideEvent *event)
{
    // Nobody looks: no netlink dumps every two seconds.
    m_timer->stop();
    QWidget::hideEvent(event);
}

void MonitorView::showReason(const QString &reason)
{
    m_reason->setText(reason);
    m_stack->setCurrentWidget(m_reason);
}

void MonitorView::refresh()
{
    if (!m_service.isEnforcing()) {
        showReason(tr("Nothing to show: the console keeps the policy in the store only and does "
                      "not enforce it, because changing or reading the kernel's IPsec policy "
                      "needs root."));
        return;
    }
    if (!m_worker) {
        display(m_service.kernelView());
        return;
    }
    if (m_reading || !isVisible())
        return; // nobody looks: no reads piling up behind a busy agent
    m_reading = true;
    if (m_stack->currentWidget() == m_reason)
        showReason(tr("Reading what the kernel enforces…"));
    PolicyClient *client = &m_service;
    m_worker->run(
        tr("Reading the kernel…"), this, [client] { return client->kernelView(); },
        [this](const Result<KernelView> &view) {
            m_reading = false;
            display(view);
        });
}

void MonitorView::display(const Result<KernelView> &view)
{
    if (!view) {
        showReason(tr("The kernel's IPsec policy cannot be read: %1").arg(view.error().message));
        return;
    }
    fill(view.value());
    m_stack->setCurrentIndex(1);
}

void MonitorView::fill(const KernelView &view)
{
    QList<std::pair<const kernel::SpdEntry *, EntryState>> rows;
    for (const auto &e : view.owned)
        rows.append({&e, view.extra.contains(e) ? EntryState::Extra : EntryState::InForce});
    for (const auto &e : view.missing)
        rows.append({&e, EntryState::Missing});
    for (const auto &e : view.foreign)
        rows.append({&e, EntryState::Foreign});

    // Rebuilt each time: a few hundred rows at most, and the selection is kept by row.
    const int selected = m_entries->currentRow();
    m_entries->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const kernel::SpdEntry &e = *rows.at(row).first;
        const EntryState state = rows.at(row).second;
        const kernel::SpdSelector &s = e.selector;
        const QStringList cells{stateText(state),
                                kernel::SpdEntry::directionName(e.direction),
                                endText(s.sourceAddress(), s.sourcePrefix),
                                endText(s.destinationAddress(), s.destinationPrefix),
                                s.protocol ? kernel::SpdEntry::protocolName(s.protocol) : tr("any"),
                                portsText(s),
                                kernel::SpdEntry::actionName(e.action),
                                QString::number(e.priority),
                                state == EntryState::Missing ? QString() : lastUseText(e.useTime)};
        const bool drift = state == EntryState::Extra || state == EntryState::Missing;
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(e.toIpCommand());
            if (drift)
                item->setBackground(QColor(255, 224, 178));
            else if (state == EntryState::Foreign)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_entries->setItem(row, c, item);
        }
    }
    if (selected >= 0 && selected < rows.size())
        m_entries->selectRow(selected);

    QString drift = view.inSync() ? tr("The kernel enforces exactly what the policy asks for.")
                                  : tr("The kernel differs from the policy: %1 missing, %2 extra "
                                       "entries (highlighted).")
                                        .arg(view.missing.size() + view.nftMissing.size())
                                        .arg(view.extra.size() + view.nftExtra.size());
    if (view.backend == u"nft"_s)
        drift += u' '
                 + tr("Block and permit: nftables table inet ipsec_console (%1 rules, %2 set "
                      "elements); this list shows the XFRM part.")
                       .arg(view.nftRules)
                       .arg(view.nftElements);
    for (const QString &line : view.nftMissing + view.nftExtra)
        drift += u'\n' + line;
    m_drift->setText(drift);

    // The kernel's counters, then the table's per-filter hits ("which filter dropped how many").
    m_counters->setRowCount(int(view.counters.size() + view.nftHits.size()));
    int row = 0;
    for (const auto &[name, value] : view.counters) {
        m_counters->setItem(row, 0, new QTableWidgetItem(name));
        auto *valueItem = new QTableWidgetItem(QLocale().toString(value));
        valueItem->setData(Qt::UserRole, value);
        m_counters->setItem(row, 1, valueItem);
        ++row;
    }
    for (const QString &hit : view.nftHits) {
        const QStringList parts = hit.split(u'\t');
        const quint64 value = parts.value(0).toULongLong();
        auto *nameItem =
            new QTableWidgetItem(tr("nftables %1 (%2)").arg(parts.value(1), parts.value(2)));
        m_counters->setItem(row, 0, nameItem);
        auto *valueItem = new QTableWidgetItem(QLocale().toString(value));
        valueItem->setData(Qt::UserRole, value);
        m_counters->setItem(row, 1, valueItem);
        ++row;
    }
    if (view.counters.empty() && view.nftHits.isEmpty()) {
        m_counters->setRowCount(1);
        m_counters->setItem(0, 0,
                            new QTableWidgetItem(tr("(/proc/net/xfrm_stat is not "
                                                    "available)")));
    }
    fillSas(view);
}

void MonitorView::fillSas(const KernelView &view)
{
    const vici::IkeView &ike = view.ike;
    if (!ike.available) {
        m_ikeStatus->setText(tr("Negotiation is unavailable: %1. Traffic that requires security "
                                "is dropped (never passed in clear text) until the IKE daemon "
                                "runs.")
                                 .arg(ike.reason));
        m_sas->setRowCount(0);
        return;
    }
    int children = 0;
    for (const auto &i : ike.sas)
        children += int(i.children.size());
    m_ikeStatus->setText(tr("IKE daemon (strongSwan charon): %1 main mode and %2 quick mode "
                            "security association(s).")
                             .arg(ike.sas.size())
                             .arg(children));
    const auto seconds = [](qint64 s) {
        return s < 0 ? QString() : tr("%1 s").arg(s);
    };
    QList<QStringList> rows;
    for (const vici::IkeSaInfo &i : ike.sas) {
        rows << QStringList{tr("Main mode (IKEv%1)").arg(i.version),
                            i.own ? i.name : tr("%1 (foreign)").arg(i.name),
                            i.remoteHost,
                            i.state,
                            QStringList{i.encryption, i.integrity, i.dhGroup}.join(u' ').trimmed(),
                            i.rekeySeconds < 0 ? QString()
                                               : tr("rekey in %1").arg(seconds(i.rekeySeconds)),
                            tr("%1 ↔ %2, established %3 ago")
                                .arg(i.localId, i.remoteId, seconds(i.establishedSeconds))};
        for (const vici::ChildSaInfo &c : i.children)
            rows << QStringList{
                tr("Quick mode (%1)").arg(c.protocol),
                c.name,
                i.remoteHost,
                c.state,
                QStringList{c.encryption, c.integrity}.join(u' ').trimmed(),
                c.lifetimeSeconds < 0 ? QString()
                                      : tr("expires in %1").arg(seconds(c.lifetimeSeconds)),
                tr("SPI %1/%2, %3 = %4").arg(c.spiIn, c.spiOut, c.localTs, c.remoteTs)};
    }
    m_sas->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r)
        for (int c = 0; c < rows.at(r).size(); ++c)
            m_sas->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
}

} // namespace ipsec::ui
