#pragma once

// Shared by the GpipsecCodec source files only.

#include "ds/BlobIo.h"
#include "util/Result.h"

#include <initializer_list>

namespace ipsec::ds {

Error blobError(const QString &object, const BlobReader &reader);
quint32 readHeader(BlobReader &r, const QUuid &type, const char *typeField,
                   const char *lengthField);
void checkPaddedLength(BlobReader &r, quint32 dataLength, const char *lengthField);
void checkEnd(BlobReader &r, const char *lastField);
void checkOneOf(BlobReader &r, quint64 value, std::initializer_list<quint64> allowed,
                const char *field);

} // namespace ipsec::ds
