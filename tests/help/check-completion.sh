#!/usr/bin/env bash
# bash_completion: the completion of ipseccmd, netsh and netdiag offers commands, flags, show
# keywords, netsh tags and values, and the store's policy, rule, filter list and filter action
# names (read with `ipseccmd names`).
# usage: check-completion.sh COMPLETION_FILE IPSECCMD_DIR
set -uo pipefail
completion=$1 clidir=$2
if [ ! -f /usr/share/bash-completion/bash_completion ]; then
    echo "note: bash-completion is not installed (apt install bash-completion); not checked"
    exit 0
fi
store_dir=$(mktemp -d)
trap 'rm -rf "$store_dir"' EXIT
export PATH="$clidir:$PATH" IPSEC_CONSOLE_STORE="$store_dir/policy.db" LC_ALL=C.UTF-8 LANGUAGE=
# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion
# shellcheck disable=SC1090
source "$completion"
failures=0

# complete_line LINE: COMPREPLY for the cursor at the end of LINE, one a line.
complete_line()
{
    local line=$1 func
    COMP_LINE=$line
    COMP_POINT=${#line}
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *' ' ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    func=$(complete -p "${COMP_WORDS[0]}" | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
    "$func" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}"
}

expect() # LINE WANTED...: every WANTED is among the completions of LINE
{
    local line=$1 got
    shift
    got=$(complete_line "$line")
    for wanted in "$@"; do
        if ! grep -qxF -- "$wanted" <<<"$got"; then
            echo "FAIL: '$line<TAB>' does not offer '$wanted'; it offers:"
            sed 's/^/    /' <<<"$got"
            failures=$((failures + 1))
        fi
    done
}

expect "ipseccmd " show netsh snapshot emergency-unassign names batch
expect "ipseccmd batch --a" --atomic
expect "ipseccmd -" -w -p -f -n -x --store --netns --dry-run --confirm-within
expect "ipseccmd -w " REG
expect "ipseccmd -w REG -p " "Client (Respond Only)" "Secure Server (Require Security)"
expect "ipseccmd -w REG -p Ser" "Server (Request Security)"
expect "ipseccmd show " filters policies auth stats sas all
expect "ipseccmd snapshot " export import diff
expect "ipseccmd snapshot export --policy Cli" "Client (Respond Only)"
expect "ipseccmd netsh ipsec st" static
expect "ipsecpol -" -w -p
expect "netsh " ipsec
expect "netsh ipsec " static dynamic
expect "netsh ipsec static add " policy filterlist filter filteraction rule
expect "netsh ipsec static add filter prot" protocol=
expect "netsh ipsec static add filter protocol=U" protocol=UDP
expect "netsh ipsec static add filter filterlist=All" 'filterlist="All ICMP Traffic"' 'filterlist="All IP Traffic"'
expect "netsh ipsec static add rule filteraction=Perm" filteraction=Permit
expect "netsh ipsec static set policy name=Cli" 'name="Client (Respond Only)"'
expect "netsh ipsec dynamic add rule actioninbound=b" actioninbound=block
expect "netdiag /t" /test:ipsec
[ "$failures" -eq 0 ] && echo "bash_completion: every expected completion offered"
exit $((failures > 0))
