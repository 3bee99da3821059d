// A second process for the store tests: opens a store and commits COUNT changes, each one
// write() that adds a filter list named "<TAG> <i>" with one filter, pausing PAUSE_MS (default
// 0) after each.
//
//   store_writer_helper STORE COUNT TAG [PAUSE_MS]
//
// Prints "ready" once the store is open, then "done <revision>"; exits 1 on any error.

#include "store/PolicyStore.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace ipsec;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() != 4 && args.size() != 5) {
        err << "usage: store_writer_helper STORE COUNT TAG [PAUSE_MS]\n";
        return 2;
    }
    const int pauseMs = args.size() == 5 ? args.at(4).toInt() : 0;
    bool countOk = false;
    const int count = args.at(2).toInt(&countOk);
    const QString tag = args.at(3);
    if (!countOk || count < 0) {
        err << "bad COUNT\n";
        return 2;
    }

    auto store = PolicyStore::open(args.at(1));
    if (!store) {
        err << store.error().message << '\n';
        return 1;
    }
    out << "ready" << Qt::endl;

    for (int i = 0; i < count; ++i) {
        auto ok = store.value()->write([&](StoreWriter &w) -> Result<void> {
            FilterList list;
            list.name = u"%1 %2"_s.arg(tag).arg(i);
            Filter f;
            f.source = Address::me();
            f.destination = Address::host(QHostAddress(quint32(0x0a000000 + i)));
            f.protocol = Protocol::tcp();
            f.destinationPort = 443;
            list.filters << f;
            return w.insertFilterList(list);
        });
        if (!ok) {
            err << "write " << i << ": " << ok.error().message << '\n';
            return 1;
        }
        if (pauseMs > 0)
            QThread::msleep(pauseMs);
    }
    auto revision = store.value()->revision();
    out << "done " << (revision ? revision.value() : -1) << Qt::endl;
    return 0;
}
