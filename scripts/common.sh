# Shared by the quick-start scripts: install what is missing, configure and build.
# shellcheck shell=bash
set -euo pipefail

IPSEC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IPSEC_BUILD=${IPSEC_BUILD:-$IPSEC_ROOT/build}

# Debian 12 packages needed to build, test and run.
IPSEC_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6svg6 libgl-dev
    libnl-3-dev libnl-xfrm-3-dev libnl-route-3-dev libnftables-dev libnftnl-dev libmnl-dev libdbus-1-dev libicu-dev
    libldap-dev
    qt6-translations-l10n
    iproute2 dbus dbus-daemon dbus-bin util-linux
    man-db bash-completion
)

# scripts/build-package.sh and scripts/test-package.sh need these too (Debian packaging and the
# package's checks).
IPSEC_PACKAGE_PACKAGES=(
    debhelper dpkg-dev fakeroot lintian man-db bash-completion libxml2-utils appstream
)

# Only the tests need these: tests/ds starts a Samba Active Directory DC in a namespace and
# reads it with the OpenLDAP tools (issue 15); tests/kernel runs one strongSwan charon per
# namespace (issue 14); the tests and benches of the nftables backend (issue 11) use `nft` as
# the reference (listing the table, loading foreign and reference rulesets; the product never
# runs it) and iperf3 for throughput in tests/bench. scripts/run-tests.sh installs them.
IPSEC_TEST_PACKAGES=(samba samba-ad-provision ldap-utils
    strongswan-charon strongswan-swanctl strongswan-pki nftables iperf3)

# Only scripts/fuzz.sh needs these (libFuzzer and the sanitizers of Debian's clang).
IPSEC_FUZZ_PACKAGES=(clang libclang-rt-14-dev)

ipsec_install_dependencies() {
    local missing=()
    local wanted=("${IPSEC_PACKAGES[@]}" "$@")
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ipsec_build() {
    local type=${1:-RelWithDebInfo}
    shift || true
    cmake -S "$IPSEC_ROOT" -B "$IPSEC_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
    cmake --build "$IPSEC_BUILD" -j "$(nproc)"
}
