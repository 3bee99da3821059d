#pragma once

// Test helper: real UDP datagrams and TCP connections between network namespaces, to check
// what the kernel actually lets through. Sockets are created inside their namespace (see
// NetnsFixture::socketIn) and driven from the calling thread; every wait is bounded.

#include <QHostAddress>
#include <QList>
#include <QString>

class NetnsFixture;

// Two namespaces joined by a veth pair: A plays the remote hosts, B "this host" (where
// ipseccmd runs with --netns B).
struct VethPair {
    QString a;
    QString b;

    // A: 10.77.0.1, 10.77.0.11, fd77::1, fd77::11 on "va"; B: 10.77.0.2, fd77::2 on "vb".
    static const QHostAddress &a4();
    static const QHostAddress &a4second();
    static const QHostAddress &a6();
    static const QHostAddress &a6second();
    static const QHostAddress &b4();
    static const QHostAddress &b6();

    // Creates both namespaces with the fixture (which deletes them); false and *error on failure.
    static bool create(NetnsFixture &fixture, VethPair *pair, QString *error);
};

// One datagram or connection. A link-local IPv6 address needs its interface index (in its own
// namespace) as a numeric scope id, e.g. "fe80::a%2"; the sender uses its source's scope.
struct Flow {
    enum class Proto { Udp, Tcp };

    Proto proto = Proto::Udp;
    QString fromNs;
    QHostAddress source;
    quint16 sourcePort = 0; // 0: an ephemeral port
    QString toNs;
    QHostAddress destination;
    quint16 destinationPort = 0;

    static Flow udp(const QString &fromNs, const QHostAddress &source, quint16 sourcePort,
                    const QString &toNs, const QHostAddress &destination, quint16 destinationPort);
    static Flow tcp(const QString &fromNs, const QHostAddress &source, quint16 sourcePort,
                    const QString &toNs, const QHostAddress &destination, quint16 destinationPort);
    QString toString() const; // "udp 10.77.0.1:4242 -> 10.77.0.2:1434"
};

class TrafficProbe {
public:
    // Starts every flow at once (a UDP datagram, or a TCP connect to a listener), then waits up to
    // waitMs for them. A UDP flow is delivered when its datagram reached the receiver, a TCP flow
    // when the connection was established (SYN in, SYN-ACK back). Returns one flag per flow; the
    // wait ends early once every flow is delivered. Never more than waitMs (+ socket set-up).
    static QList<bool> run(const QList<Flow> &flows, int waitMs = 300);
    static bool delivered(const Flow &flow, int waitMs = 300)
    {
        return run({flow}, waitMs).first();
    }

    // Repeats run() (attempts x waitMs at most) until every flow is delivered: for link set-up
    // (neighbour discovery) before the real checks. True when they all got through.
    static bool waitUntilDelivered(const QList<Flow> &flows, int attempts = 15, int waitMs = 300);

    // "udp 10.77.0.1:1 -> 10.77.0.2:1434: delivered" lines for the flows whose result differs
    // from `expected`; empty when all match.
    static QStringList mismatches(const QList<Flow> &flows, const QList<bool> &got,
                                  const QList<bool> &expected);

    // run() and mismatches() in one, where a flow expected through but lost is tried twice more
    // (a lost first packet is no verdict); a flow expected dropped is never retried.
    static QStringList mismatchesWithRetries(const QList<Flow> &flows, const QList<bool> &expected);
};
