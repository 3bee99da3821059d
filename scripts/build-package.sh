#!/usr/bin/env bash
# Builds the Debian package dist/ipsec-console_VERSION_ARCH.deb with dpkg-buildpackage.
#   ./scripts/build-package.sh                   a Release build of its own in build-deb/
#   ./scripts/build-package.sh --from-build DIR  package DIR, a build configured with
#                                                -DCMAKE_INSTALL_PREFIX=/usr and
#                                                -DIPSEC_SYSTEMD_UNIT_DIR=/lib/systemd/system
# Installs what is missing to build it (apt, needs sudo or root). Then:
#   sudo apt install ./dist/ipsec-console_*.deb
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
from_build=
while [ $# -gt 0 ]; do
    case $1 in
        --from-build) from_build=$(cd "$2" && pwd); shift 2 ;;
        -h | --help) sed -n '2,7s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "build-package.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
if [ -n "$from_build" ]; then
    prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$from_build/CMakeCache.txt" 2>/dev/null)
    if [ "$prefix" != /usr ]; then
        echo "build-package.sh: $from_build is not configured with -DCMAKE_INSTALL_PREFIX=/usr" \
             "(it has '${prefix:-no CMakeCache.txt}'); the unit and the D-Bus files name the" \
             "programs' installed path." >&2
        exit 2
    fi
    unitdir=$(sed -n 's/^IPSEC_SYSTEMD_UNIT_DIR:[A-Z]*=//p' "$from_build/CMakeCache.txt")
    if [ "$unitdir" != /lib/systemd/system ]; then
        echo "build-package.sh: $from_build is not configured with" \
             "-DIPSEC_SYSTEMD_UNIT_DIR=/lib/systemd/system (it has '${unitdir:-none}');" \
             "Debian 12's debhelper enables only units found there." >&2
        exit 2
    fi
fi
ipsec_install_dependencies "${IPSEC_PACKAGE_PACKAGES[@]}"
cd "$IPSEC_ROOT" || exit 2
mkdir -p dist
rm -f dist/ipsec-console_*
export IPSEC_DIST="$IPSEC_ROOT/dist" IPSEC_FROM_BUILD="$from_build"
# -b: binary only; unsigned; the .changes and .buildinfo go to dist/ beside the .deb.
base=ipsec-console_$(dpkg-parsechangelog -S Version)_$(dpkg-architecture -q DEB_HOST_ARCH)
dpkg-buildpackage -b -us -uc -j"$(nproc)" \
    --buildinfo-option=-u"$IPSEC_DIST" --buildinfo-file="$IPSEC_DIST/$base.buildinfo" \
    --changes-option=-u"$IPSEC_DIST" --changes-file="$IPSEC_DIST/$base.changes"
deb=$(ls dist/ipsec-console_*.deb)
echo "Built $deb ($(du -k "$deb" | cut -f1) KiB)."
