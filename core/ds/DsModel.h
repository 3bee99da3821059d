#pragma once

// The directory's IPsec objects <-> the project's model. Reading decodes every blob (refusing
// the whole set when one object or reference is bad: nothing is applied from a policy that did
// not decode) and resolves the ipsec...Reference links; writing turns one policy of a
// PolicyDatabase into the objects that hold it in the directory.

#include "ds/DsObject.h"
#include "ds/GpipsecBlob.h"
#include "model/PolicyDatabase.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QHash>

namespace ipsec::ds {

struct DirectoryContents {
    PolicyDatabase database;              // ids numbered from 1 in directory order; guids = ipsecID
    QHash<QUuid, IsakmpBlob> ikeSettings; // main-mode settings, by policy guid
    // Polling interval in seconds as the directory has it, by policy guid (the model keeps
    // minutes).
    QHash<QUuid, quint32> pollingSeconds;
    int versionObjects = 0; // Version Information Objects seen (not part of any policy)
    // What the model does not hold but writing a policy back needs, so that objects keep their
    // names: the ISAKMP object's ipsecID by policy guid (its blob's instance GUID differs in
    // Windows' defaults), and the default response rule's negotiation policy by rule guid.
    QHash<QUuid, QUuid> isakmpIds;
    QHash<QUuid, QUuid> defaultResponseActions;
};

class DsModel {
    Q_DECLARE_TR_FUNCTIONS(ipsec::ds::DsModel)
public:
    static Result<DirectoryContents> read(const QList<DsObject> &objects);

    // The objects that store policy `policyId` of `db` (with its rules, filter lists, filter
    // actions and an ISAKMP policy: `ike`, or Windows' default main-mode methods) under
    // baseDn. Objects without a guid get a new one. Refused when the policy uses what the
    // directory cannot hold (IPv6 tunnel endpoints given as names, for example).
    static Result<QList<DsObject>> write(const PolicyDatabase &db, qint64 policyId,
                                         const QString &baseDn, const IsakmpBlob *ike = nullptr);

    // Every object that holds `db` in the directory: each policy with its ISAKMP policy and
    // rules, and every filter list and filter action (also those no rule uses), shared objects
    // once with all their owners. `previous` (what read() returned for the objects `db` was
    // made from) keeps ISAKMP settings, polling seconds and object names of what exists.
    // The same db and previous give the same objects, so two results can be compared to find
    // what changed.
    static Result<QList<DsObject>> writeAll(const PolicyDatabase &db, const QString &baseDn,
                                            const DirectoryContents *previous);

    // Windows' main-mode defaults (3DES/SHA-1/group 2, 3DES/MD5/group 2, DES/SHA-1/group 1,
    // DES/MD5/group 1; 28,800 s), with zeros where the specification asks for them.
    static IsakmpBlob defaultIkeSettings(const QUuid &instance);

    // A policy's key exchange settings (main-mode methods, lifetime, quick modes per main
    // mode, master key PFS) from its ISAKMP blob (DsKeyExchange.cpp). Methods equal to
    // Windows' defaults are stored as none (the defaults).
    static void keyExchangeFromIsakmp(const IsakmpBlob &ike, Policy &policy);
    // `base` carrying the policy's key exchange settings. Unchanged (byte for byte) when it
    // already says what the policy says; methods it has are kept as they are. Refused for
    // what the blob cannot hold (AES: MS-GPIPSEC knows DES and 3DES only).
    static Result<IsakmpBlob> isakmpWithKeyExchange(const IsakmpBlob &base, const Policy &policy);
};

} // namespace ipsec::ds
