#pragma once

// Test helper: the LDIF fixtures of tests/data/ds as directory objects.

#include "ds/DsObject.h"
#include "ds/Ldif.h"

ipsec::ds::DsObject dsObjectFromLdif(const LdifEntry &entry);
// tests/data/ds/provisioned-ipsec.ldif (IPSEC_SOURCE_DIR), or empty with *error.
QList<ipsec::ds::DsObject> provisionedObjects(QString *error);
QList<LdifEntry> provisionedEntries(QString *error);

class SambaDc;
// In the DC: OU=Corp/OU=Workstations, the computer WS17 there, and a GPO whose IPSEC object
// assigns policyDn, linked to OU=Workstations with the given link options.
bool addIpsecGpo(SambaDc &dc, const QString &policyDn);
bool linkIpsecGpo(SambaDc &dc, int linkOptions);
