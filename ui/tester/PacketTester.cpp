#include "tester/PacketTester.h"

#include "ServiceWorker.h"
#include "service/PolicyClient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

namespace {

QSpinBox *makePortSpin(const QString &objectName, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, 65535);
    return spin;
}

QString portText(quint16 port)
{
    return port ? QString::number(port) : PacketTester::tr("any port");
}

} // namespace

PacketTester::PacketTester(PolicyClient &service, QWidget *parent, ServiceWorker *worker)
    : QWidget(parent)
    , m_service(service)
    , m_worker(worker)
    , m_source(new QLineEdit(this))
    , m_destination(new QLineEdit(this))
    , m_protocol(new QComboBox(this))
    , m_sourcePort(makePortSpin(u"sourcePortSpin"_s, this))
    , m_destinationPort(makePortSpin(u"destinationPortSpin"_s, this))
    , m_direction(new QComboBox(this))
    , m_evaluate(new QPushButton(tr("&Test Packet"), this))
    , m_verdict(new QLabel(this))
    , m_details(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"packetTester"_s);
    m_source->setObjectName(u"sourceEdit"_s);
    m_source->setPlaceholderText(tr("e.g. 192.0.2.7"));
    m_destination->setObjectName(u"destinationEdit"_s);
    m_destination->setPlaceholderText(tr("e.g. 192.0.2.1"));
    m_protocol->setObjectName(u"protocolCombo"_s);
    m_protocol->setEditable(true); // any protocol number may be typed
    m_protocol->addItems({u"TCP"_s, u"UDP"_s, u"ICMP"_s, u"RAW"_s});
    m_direction->setObjectName(u"directionCombo"_s);
    m_direction->addItem(tr("Inbound"), int(engine::Direction::Inbound));
    m_direction->addItem(tr("Outbound"), int(engine::Direction::Outbound));
    m_evaluate->setObjectName(u"evaluateButton"_s);
    m_verdict->setObjectName(u"verdictLabel"_s);
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_verdict->setFont(big);
    m_details->setObjectName(u"verdictDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(u"testerError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Source address:"), m_source);
    form->addRow(tr("Source &port:"), m_sourcePort);
    form->addRow(tr("&Destination address:"), m_destination);
    form->addRow(tr("Destination p&ort:"), m_destinationPort);
    form->addRow(tr("P&rotocol:"), m_protocol);
    form->addRow(tr("D&irection:"), m_direction);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_evaluate, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    layout->addWidget(m_verdict);
    layout->addWidget(m_details);
    layout->addStretch();

    // Tab follows the form, not the order the widgets were made in.
    const QList<QWidget *> order{m_source,   m_sourcePort, m_destination, m_destinationPort,
                                 m_protocol, m_direction,  m_evaluate};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    connect(m_evaluate, &QPushButton::clicked, this, &PacketTester::evaluate);
    connect(m_source, &QLineEdit::returnPressed, this, &PacketTester::evaluate);
    connect(m_destination, &QLineEdit::returnPressed, this, &PacketTester::evaluate);
    connect(m_protocol, &QComboBox::currentTextChanged, this, &PacketTester::updatePorts);
    connect(&m_service, &PolicyClient::changed, this, [this] {
        if (m_shown)
            evaluate();
    });
    updatePorts();
}

void PacketTester::setLocalAddresses(const QList<QHostAddress> &addresses)
{
    m_localAddresses = addresses;
}

void PacketTester::updatePorts()
{
    const auto protocol = Protocol::parse(m_protocol->currentText().trimmed());
    const bool ports = protocol && protocol->hasPorts();
    m_sourcePort->setEnabled(ports);
    m_destinationPort->setEnabled(ports);
}

Result<engine::Packet> PacketTester::packet() const
{
    engine::Packet p;
    p.source = QHostAddress(m_source->text().trimmed());
    if (p.source.isNull())
        return Error::usage(tr("The source \"%1\" is not an IP address.").arg(m_source->text()));
    p.destination = QHostAddress(m_destination->text().trimmed());
    if (p.destination.isNull()) {
        return Error::usage(
            tr("The destination \"%1\" is not an IP address.").arg(m_destination->text()));
    }
    if (p.source.protocol() != p.destination.protocol())
        return Error::usage(tr("The source and destination mix IPv4 and IPv6."));
    const auto protocol = Protocol::parse(m_protocol->currentText().trimmed());
    if (!protocol)
        return protocol.error();
    p.protocol = protocol->number();
    if (protocol->hasPorts()) {
        p.sourcePort = quint16(m_sourcePort->value());
        p.destinationPort = quint16(m_destinationPort->value());
    }
    p.direction = engine::Direction(m_direction->currentData().toInt());
    return p;
}

engine::Verdict PacketTester::evaluate()
{
    const auto p = packet();
    if (!p) {
        showError(p.error().message);
        return {};
    }
    if (!m_worker || !m_worker->runsOffThread()) {
        const Outcome outcome = decide(m_service, p.value(), m_localAddresses);
        showOutcome(outcome);
        return outcome.verdict ? outcome.verdict.value() : engine::Verdict{};
    }
    // Reading the store and the dynamic filters (and resolving names) may take as long as the
    // agent does: off the GUI thread, the button waits.
    m_evaluate->setEnabled(false);
    m_verdict->setText(tr("Testing…"));
    PolicyClient *client = &m_service;
    const engine::Packet packet = p.value();
    const QList<QHostAddress> local = m_localAddresses;
    m_worker->run(
        tr("Testing the packet…"), this,
        [client, packet, local] { return decide(*client, packet, local); },
        [this](const Outcome &outcome) {
            m_evaluate->setEnabled(true);
            showOutcome(outcome);
        });
    return {};
}

PacketTester::Outcome PacketTester::decide(PolicyClient &service, const engine::Packet &packet,
                                           const QList<QHostAddress> &localAddresses)
{
    const auto db = service.load();
    if (!db)
        return {db.error(), {}};
    const auto dynamicFilters = service.dynamicFilters();
    if (!dynamicFilters)
        return {dynamicFilters.error(), {}};
    engine::ExpansionContext context;
    context.localAddresses = localAddresses.isEmpty() ? engine::localAddresses() : localAddresses;
    context.resolve = [](const QString &name) {
        return QHostInfo::fromName(name).addresses();
    };
    const auto policy = engine::EffectivePolicy::build(db.value(), dynamicFilters.value(), context);
    return {engine::Evaluator(policy).evaluate(packet), policy.warnings()};
}

void PacketTester::showOutcome(const Outcome &outcome)
{
    if (!outcome.verdict)
        showError(outcome.verdict.error().message);
    else
        showVerdict(outcome.verdict.value(), outcome.warnings);
}

void PacketTester::showError(const QString &error)
{
    m_shown = false;
    m_error->setText(error);
    m_verdict->clear();
    m_details->clear();
}

void PacketTester::showVerdict(const engine::Verdict &verdict, const QStringList &warnings)
{
    m_shown = true;
    m_error->setText(warnings.join(u'\n'));
    m_verdict->setText(engine::Verdict::kindName(verdict.kind));
    QStringList lines{verdict.explanation()};
    if (verdict.matched() && !verdict.ikeExemption) {
        const engine::DirectionalFilter &f = verdict.directionalFilter;
        lines << tr("Filter: %1 %2 (%3) → %4 (%5), protocol %6")
                     .arg(engine::directionName(f.direction), f.source.toString(),
                          portText(f.sourcePort), f.destination.toString(),
                          portText(f.destinationPort), f.protocol.name());
        if (verdict.origin == engine::Origin::Dynamic) {
            lines << tr("Dynamic filter: %1").arg(verdict.label);
        } else {
            lines << tr("Rule: %1").arg(verdict.ruleName);
            lines << tr("Policy: %1").arg(verdict.policyName);
        }
    }
    m_details->setText(lines.join(u'\n'));
}

} // namespace ipsec::ui
