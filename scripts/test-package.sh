#!/usr/bin/env bash
# The package test (root, as CI runs it; slow, so not part of run-tests.sh):
# builds dist/ipsec-console_*.deb, runs lintian and appstreamcli on it, installs it with apt
# into this machine, checks what it installed, then removes it (its kernel entries in a test
# namespace must go, a foreign XFRM entry there must stay) and purges it (nothing of it may be
# left). The machine ends as it was: the package not installed, the test namespace gone.
#   ./scripts/test-package.sh [--deb FILE | --from-build DIR]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
set +e # every check reports; the result is the number of failed checks
start=$(date +%s)
deb=''
build_args=()
while [ $# -gt 0 ]; do
    case $1 in
        --deb) deb=$(realpath "$2"); shift 2 ;;
        --from-build) build_args=(--from-build "$2"); shift 2 ;;
        *) echo "test-package.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ "$(id -u)" -ne 0 ]; then
    echo "test-package.sh: run as root (it installs and removes the package)" >&2
    exit 2
fi
if dpkg-query -W -f='${Status}' ipsec-console 2>/dev/null | grep -q 'install ok\|config-files'; then
    echo "test-package.sh: ipsec-console is installed on this machine; remove it first" >&2
    exit 2
fi
# Removing the package takes the project's entries away in every namespace; refuse where a
# from-source installation has some in the machine's own namespace.
if ip -o xfrm policy list 2>/dev/null | grep -Eq 'priority ([1-9][0-9]{3}|[1-5][0-9]{4}|60[0-9]{3}) '; then
    echo "test-package.sh: the machine's own namespace holds XFRM entries in this project's" \
         "priority band (1000-60999); run 'ipseccmd emergency-unassign' or test elsewhere" >&2
    exit 2
fi
ipsec_install_dependencies "${IPSEC_PACKAGE_PACKAGES[@]}"
cd "$IPSEC_ROOT" || exit 2

failures=0
notes=()
pass() { echo "  ok    $*"; }
fail() { echo "  FAIL  $*"; failures=$((failures + 1)); }
note() { echo "  note  $*"; notes+=("$*"); }
check() { # DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@" >/tmp/ipsec-pkg-check.$$ 2>&1; then
        pass "$what"
    else
        fail "$what"
        sed 's/^/        /' /tmp/ipsec-pkg-check.$$ | head -20
    fi
}

ns=ipsecpkg$$
work=$(mktemp -d)
root_before=$(ip xfrm policy list 2>/dev/null; ip xfrm state list 2>/dev/null)
cleanup() {
    if dpkg-query -W -f='${Status}' ipsec-console 2>/dev/null | grep -q 'install ok\|config-files'; then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ipsec-console >/dev/null 2>&1
    fi
    ip netns del "$ns" 2>/dev/null
    rm -rf "$work" /tmp/ipsec-pkg-check.$$
}
trap cleanup EXIT

echo "== build"
if [ -z "$deb" ]; then
    ./scripts/build-package.sh "${build_args[@]}" || { echo "FAIL: the package does not build"; exit 1; }
    deb=$(realpath dist/ipsec-console_*.deb)
fi
echo "  $deb: $(du -k "$deb" | cut -f1) KiB"

echo "== lintian"
changes=$(ls "$(dirname "$deb")"/ipsec-console_*.changes 2>/dev/null | head -1)
lintian --info --display-info "${changes:-$deb}" >"$work/lintian.txt" 2>&1
for level in E W I; do
    echo "  $level: $(grep -c "^$level: " "$work/lintian.txt")"
done
grep '^[EWI]: ' "$work/lintian.txt" | cut -d' ' -f1,3 | sort | uniq -c | sed 's/^/    /'
if grep -q '^[EW]: ' "$work/lintian.txt"; then
    fail "lintian reports errors or warnings:"
    grep '^[EW]: ' "$work/lintian.txt" | sed 's/^/        /'
else
    pass "lintian: no errors, no warnings"
fi

echo "== install: apt install $deb"
check "apt installs the package" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb"
dpkg-query -L ipsec-console >"$work/files.txt"

echo "== what it installed"
for program in ipsec-console ipseccmd ipsecpol netsh netdiag IPSeccmd.exe ipseccmd.exe \
    ipsecpol.exe Ipsecpol netsh.exe netdiag.exe; do
    check "$program on PATH" test "$(command -v "$program")" = "/usr/bin/$program"
done
check "ipsec-policyd in /usr/sbin" test -x /usr/sbin/ipsec-policyd
check "ipseccmd --version" sh -c 'ipseccmd --version | grep -qx "ipseccmd (IPsec Policy Console) [0-9.]*"'
check "ipsec-policyd --version" sh -c 'ipsec-policyd --version | grep -q "^ipsec-policyd [0-9]"'
# Start-up (docs/design-nftables.md): the directory's LDAP code is a module loaded on first use,
# libnftables is loaded on the first listing; the package still depends on both libraries.
depends=$(dpkg-deb -f "$deb" Depends)
echo "  Depends: $depends"
check "Depends names libldap (from the LDAP module)" sh -c "echo '$depends' | grep -q 'libldap-2.5-0'"
check "Depends names libnftables1 (loaded with dlopen)" sh -c "echo '$depends' | grep -q 'libnftables1'"
check "the LDAP module is installed" sh -c 'test -f /usr/lib/*/ipsec-console/ipsec-console-ldap.so'
for program in /usr/bin/ipseccmd /usr/bin/ipsec-console /usr/sbin/ipsec-policyd; do
    check "$program links neither libldap nor libnftables" sh -c "! ldd $program | grep -E 'libldap|liblber|libnftables'"
done
check "a directory command loads the installed module" sh -c \
    'IPSEC_CONSOLE_STORE=$0/ds.db IPSEC_CONSOLE_DIRECTORY=ldap://127.0.0.1:1 ipseccmd --no-agent -w DS -p X -x 2>&1; test $? -eq 4' "$work"
check "... and reaches libldap (not a module error)" sh -c \
    'IPSEC_CONSOLE_STORE=$0/ds.db IPSEC_CONSOLE_DIRECTORY=ldap://127.0.0.1:1 ipseccmd --no-agent -w DS -p X -x 2>&1 | grep -q "cannot be reached"' "$work"
check "ipsec-console --help without a display" sh -c 'env -u DISPLAY ipsec-console --help | grep -q "^Usage: ipsec-console"'
for page in ipseccmd ipsecpol netsh netdiag IPSeccmd.exe netsh.exe ipsec-console "8 ipsec-policyd"; do
    # shellcheck disable=SC2086
    check "man -w $page" man -w $page
done
check "man ipsecpol shows ipseccmd's page" sh -c 'MANWIDTH=80 man ipsecpol 2>/dev/null | grep -q "emergency-unassign"'
check "man ipseccmd has the article's EXAMPLES" sh -c 'MANWIDTH=200 man ipseccmd 2>/dev/null | col -b | grep -q "Block UDP 1434 Filter"'
completions=/usr/share/bash-completion/completions
check "bash completion for ipseccmd and netsh" test -f $completions/ipseccmd -a -L $completions/netsh
check "bash-completion loads it for netsh" bash -c \
    "source /usr/share/bash-completion/bash_completion; _completion_loader netsh; complete -p netsh | grep -q _ipsec_netsh"
check "D-Bus bus policy parses" xmllint --noout --nonet /usr/share/dbus-1/system.d/io.github.ipsecconsole.PolicyAgent1.conf
check "polkit actions parse" xmllint --noout --nonet /usr/share/polkit-1/actions/io.github.ipsecconsole.policy
check "D-Bus activation file" grep -q '^SystemdService=ipsec-policyd.service' \
    /usr/share/dbus-1/system-services/io.github.ipsecconsole.PolicyAgent1.service
check "AppStream metainfo validates" appstreamcli validate --no-net /usr/share/metainfo/io.github.ipsecconsole.console.metainfo.xml
check "desktop file and icon" test -f /usr/share/applications/ipsec-console.desktop -a \
    -f /usr/share/icons/hicolor/scalable/apps/ipsec-console.svg
check "policyd.conf is a conffile" sh -c "dpkg-query -W -f='\${Conffiles}' ipsec-console | grep -q /etc/ipsec-console/policyd.conf"
unit=/lib/systemd/system/ipsec-policyd.service
check "the unit is installed" test -f $unit
check "the unit is enabled" test -L /etc/systemd/system/multi-user.target.wants/ipsec-policyd.service
if command -v systemd-analyze >/dev/null; then
    if systemd-analyze verify "$unit" >"$work/verify.txt" 2>&1; then
        pass "systemd-analyze verify $unit"
    elif [ ! -d /run/systemd/system ] && ! grep -q 'ipsec-policyd.service:' "$work/verify.txt"; then
        note "systemd-analyze verify could not run without systemd ($(head -1 "$work/verify.txt"))"
    else
        fail "systemd-analyze verify $unit"
        sed 's/^/        /' "$work/verify.txt"
    fi
else
    note "systemd-analyze is not installed: the unit was not verified"
fi
if [ -d /run/systemd/system ]; then
    check "the agent runs" systemctl is-active --quiet ipsec-policyd
else
    note "systemd does not run here (a container): the agent was enabled but not started"
fi

echo "== removal takes the package's kernel entries away, and only those"
# The namespace needs an address: "me" is the host's addresses.
ip netns add "$ns" && ip -n "$ns" link set lo up
ip -n "$ns" link add v0 type veth peer name v1 && ip -n "$ns" addr add 10.99.0.2/24 dev v0
ip -n "$ns" link set v0 up && ip -n "$ns" link set v1 up
ip -n "$ns" xfrm policy add src 10.99.0.1/32 dst 10.99.0.2/32 proto tcp dport 7 dir out priority 100 action block
ipseccmd --no-agent --netns "$ns" --store "$work/policy.db" -w REG -p "Block UDP 1434 Filter" \
    -r "Block Inbound UDP 1434 Rule" -f '*=0:1434:UDP' -n BLOCK -x >/dev/null
ipseccmd --no-agent --netns "$ns" --store "$work/policy.db" -f '[*=0:445:TCP]' >/dev/null
# The package's entries: its XFRM policies (negotiate, IKE exemption, or the xfrm backend) plus its
# nftables table (block and permit, issue 11), counted as one.
owned() {
    local x t=0
    x=$(ip -o -n "$ns" xfrm policy list | grep -Ec 'priority ([1-9][0-9]{3}|[1-5][0-9]{4}|60[0-9]{3}) ')
    ip netns exec "$ns" nft list table inet ipsec_console >/dev/null 2>&1 && t=1
    echo $((x + t))
}
foreign() { ip -o -n "$ns" xfrm policy list | grep -c 'dport 7 .*priority 100 '; }
echo "  before removal: $(owned) entries of the package, $(foreign) foreign"
check "the package's entries are in the test namespace" test "$(owned)" -gt 0
# Only the test's own namespace besides the machine's (other tests may run beside this one).
check "apt removes the package" env DEBIAN_FRONTEND=noninteractive IPSEC_CONSOLE_REMOVE_NETNS="$ns" \
    apt-get remove -y -qq ipsec-console
echo "  after removal: $(owned) entries of the package, $(foreign) foreign"
check "no entry of the package is left" test "$(owned)" -eq 0
check "the foreign entry survived" test "$(foreign)" -eq 1
check "the programs are gone" test ! -e /usr/bin/ipseccmd -a ! -e /usr/sbin/ipsec-policyd
check "the configuration is kept until purge" test -f /etc/ipsec-console/policyd.conf

echo "== purge leaves nothing"
check "apt purges the package" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ipsec-console
left=()
while IFS= read -r path; do
    # Folders (also /lib, a link to one) are shared; one is left over only when it is empty
    # and no other package has it.
    if [ -d "$path" ]; then
        if ! dpkg -S "$path" >/dev/null 2>&1 && [ -z "$(ls -A "$path" 2>/dev/null)" ]; then
            left+=("$path/ (an empty folder of the package)")
        fi
    elif [ -e "$path" ] || [ -L "$path" ]; then
        left+=("$path")
    fi
done <"$work/files.txt"
for path in /etc/ipsec-console /var/lib/ipsec-console /run/ipsec-console \
    /etc/systemd/system/multi-user.target.wants/ipsec-policyd.service \
    /etc/systemd/system/dbus-io.github.ipsecconsole.PolicyAgent1.service; do
    [ -e "$path" ] || [ -L "$path" ] && left+=("$path")
done
if [ ${#left[@]} -eq 0 ]; then
    pass "nothing of the package is left ($(wc -l <"$work/files.txt") paths checked)"
else
    fail "left after purge: ${left[*]}"
fi
check "dpkg no longer knows the package" sh -c '! dpkg-query -W -f="\${Status}" ipsec-console 2>/dev/null | grep -q installed'
check "the foreign entry still survives" test "$(foreign)" -eq 1
ip netns del "$ns"
root_after=$(ip xfrm policy list 2>/dev/null; ip xfrm state list 2>/dev/null)
check "the machine's own namespace is as before" test "$root_before" = "$root_after"

echo "== result"
for n in "${notes[@]}"; do echo "  note: $n"; done
echo "  $(du -k "$deb" | cut -f1) KiB package; $failures failed check(s); $(($(date +%s) - start)) s"
exit $((failures > 0))
