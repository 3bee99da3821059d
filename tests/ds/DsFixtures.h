#pragma once

// Test helper: the LDIF fixtures of tests/data/ds as directory objects.

#include "ds/DsObject.h"
#include "ds/Ldif.h"

ipsec::ds::DsObject dsObjectFromLdif(const LdifEntry &entry);
// tests/data/ds/provisioned-ipsec.ldif (IPSEC_SOURCE_DIR), or empty with *error.
QList<ipsec::ds::DsObject> provisionedObjects(QString *error);
QList<LdifEntry> provisionedEntries(QString *error);
