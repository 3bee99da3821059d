#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QString>

#include <sys/types.h>

namespace ipsec {

// How every program of the project writes a file (issue 12, items 5, 6, 7, 11).
//
// * The new content goes to a temporary file beside the old one; every write, the flush to
//   disk (fsync) and the close are checked, and only then is it renamed over the old file. On
//   any failure (a full disk, say) the old file stays as it was and the error names the file
//   and the reason: Store, which the command-line tools exit with as 4.
// * The file gets exactly the permissions asked for, whatever the umask or the old file had.
// * A symbolic link in the file's place that belongs to another user is refused (Permission,
//   exit 7), so that root never writes where a user's link points. The caller's own links are
//   followed.
class SafeFile {
    Q_DECLARE_TR_FUNCTIONS(ipsec::SafeFile)
public:
    enum class Access {
        OwnerOnly, // 0600: exports and anything that may hold a preshared key
        Readable,  // 0644: runtime state that every local user may read
    };

    static Result<void> write(const QString &path, const QByteArray &data, Access access);

    // The file a write of path would replace: path itself, or where the caller's own symbolic
    // links lead. Refuses (Permission) a link owned by another user.
    static Result<QString> target(const QString &path);

    // Creates the folder and its missing parents, each with exactly `mode` whatever the umask
    // (existing ones are left as they are). Refuses (Permission) a symbolic link owned by
    // another user (not root) in the way.
    static Result<void> makeDirectory(const QString &path, mode_t mode);
};

} // namespace ipsec
