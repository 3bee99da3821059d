#!/usr/bin/env bash
# help_man_pages: every program's --help is exactly its help page, the installed manual pages
# are generated from the same pages, and man(1) renders them without warnings, showing every
# option, exit code and file of the page.
# usage: check-man-pages.sh MANGEN IPSECCMD_DIR POLICYD CONSOLE MAN_DIR
set -uo pipefail
mangen=$1 clidir=$2 policyd=$3 console=$4 mandir=$5
export LC_ALL=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

same_as_page() { # PAGE COMMAND...
    local page=$1
    shift
    if ! diff -u <("$mangen" --text "$page") <("$@" 2>/dev/null) >/tmp/help-diff.$$; then
        fail "'$*' differs from the help page $page:"
        head -40 /tmp/help-diff.$$
    fi
    rm -f /tmp/help-diff.$$
}
same_as_page ipseccmd "$clidir/ipseccmd" --help
same_as_page ipseccmd "$clidir/IPSeccmd.exe" -?
same_as_page netsh "$clidir/netsh" --help
same_as_page netsh "$clidir/ipseccmd" netsh /?
same_as_page netdiag "$clidir/netdiag" /?
same_as_page ipsec-policyd "$policyd" --help
same_as_page ipsec-console "$console" --help

pages=(ipseccmd.1 netsh.1 netdiag.1 ipsec-console.1 ipsec-policyd.8)
for file in "${pages[@]}"; do
    page=${file%.*}
    [ -f "$mandir/$file" ] || { fail "$mandir/$file is missing"; continue; }
    # Everything but the .TH line (date and version) is the page as the program has it now.
    if ! diff <("$mangen" --man "$page" | grep -v '^\.TH ') <(grep -v '^\.TH ' "$mandir/$file") >/dev/null; then
        fail "$mandir/$file is not the current help page $page"
    fi
done
for alias in ipsecpol.1 Ipsecpol.1 ipsecpol.exe.1 IPSeccmd.exe.1 ipseccmd.exe.1; do
    grep -qx '.so man1/ipseccmd.1' "$mandir/$alias" 2>/dev/null || fail "$alias does not point to ipseccmd.1"
done

if ! command -v man >/dev/null; then
    echo "note: man(1) is not installed (apt install man-db); the pages were not rendered"
    exit $((failures > 0))
fi
for file in "${pages[@]}"; do
    page=${file%.*}
    rendered=$(MANWIDTH=100 man --warnings -E UTF-8 -l "$mandir/$file" 2>/tmp/man-warn.$$ | col -b | sed 's/\xe2\x88\x92/-/g; s/\xe2\x80\x90/-/g')
    if [ -s /tmp/man-warn.$$ ]; then
        fail "man warns about $file:"
        cat /tmp/man-warn.$$
    fi
    rm -f /tmp/man-warn.$$
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS EXAMPLES; do
        grep -q "^$section" <<<"$rendered" || fail "$file has no $section section"
    done
    while IFS= read -r term; do
        grep -qF -- "$term" <<<"$rendered" || fail "$file does not show \"$term\""
    done < <("$mangen" --terms "$page")
done
[ "$failures" -eq 0 ] && echo "help_man_pages: ${#pages[@]} pages, --help and man agree"
exit $((failures > 0))
