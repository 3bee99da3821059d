#pragma once

// The D-Bus wire form of the model and report types, typed (structs, not a{sv} bags), so that a
// call with the wrong types never reaches the agent's code: QtDBus refuses it by signature.

#include "engine/EffectivePolicy.h"
#include "kernel/SpdEntry.h"
#include "model/PolicyDatabase.h"
#include "service/PolicyClient.h"

#include <QDBusArgument>
#include <QMetaType>

namespace ipsec {

// Registers every type below with QtDBus; call before the first D-Bus call (idempotent).
void registerDBusTypes();

// What the last reads could not turn into valid values (bad addresses, enums out of range), and
// forgets them. The agent refuses a call when this is not empty.
QStringList takeUnmarshalProblems();

QDBusArgument &operator<<(QDBusArgument &a, const Policy &v);
const QDBusArgument &operator>>(const QDBusArgument &a, Policy &v);
QDBusArgument &operator<<(QDBusArgument &a, const AuthMethod &v);
const QDBusArgument &operator>>(const QDBusArgument &a, AuthMethod &v);
QDBusArgument &operator<<(QDBusArgument &a, const Rule &v);
const QDBusArgument &operator>>(const QDBusArgument &a, Rule &v);
QDBusArgument &operator<<(QDBusArgument &a, const Filter &v);
const QDBusArgument &operator>>(const QDBusArgument &a, Filter &v);
QDBusArgument &operator<<(QDBusArgument &a, const FilterList &v);
const QDBusArgument &operator>>(const QDBusArgument &a, FilterList &v);
QDBusArgument &operator<<(QDBusArgument &a, const SecurityMethod &v);
const QDBusArgument &operator>>(const QDBusArgument &a, SecurityMethod &v);
QDBusArgument &operator<<(QDBusArgument &a, const FilterAction &v);
const QDBusArgument &operator>>(const QDBusArgument &a, FilterAction &v);
QDBusArgument &operator<<(QDBusArgument &a, const PolicyDatabase &v);
const QDBusArgument &operator>>(const QDBusArgument &a, PolicyDatabase &v);
QDBusArgument &operator<<(QDBusArgument &a, const ServiceReport &v);
const QDBusArgument &operator>>(const QDBusArgument &a, ServiceReport &v);
QDBusArgument &operator<<(QDBusArgument &a, const KernelView &v);
const QDBusArgument &operator>>(const QDBusArgument &a, KernelView &v);

namespace engine {
QDBusArgument &operator<<(QDBusArgument &a, const DynamicFilter &v);
const QDBusArgument &operator>>(const QDBusArgument &a, DynamicFilter &v);
} // namespace engine

namespace kernel {
QDBusArgument &operator<<(QDBusArgument &a, const SpdEntry &v);
const QDBusArgument &operator>>(const QDBusArgument &a, SpdEntry &v);
} // namespace kernel

} // namespace ipsec

Q_DECLARE_METATYPE(ipsec::Policy)
Q_DECLARE_METATYPE(ipsec::Rule)
Q_DECLARE_METATYPE(ipsec::AuthMethod)
Q_DECLARE_METATYPE(ipsec::Filter)
Q_DECLARE_METATYPE(ipsec::SecurityMethod)
Q_DECLARE_METATYPE(ipsec::FilterList)
Q_DECLARE_METATYPE(ipsec::FilterAction)
Q_DECLARE_METATYPE(ipsec::PolicyDatabase)
Q_DECLARE_METATYPE(ipsec::ServiceReport)
Q_DECLARE_METATYPE(ipsec::KernelView)
Q_DECLARE_METATYPE(ipsec::engine::DynamicFilter)
Q_DECLARE_METATYPE(ipsec::kernel::SpdEntry)
