#!/usr/bin/env bash
# Quick start 1: install what is missing (apt), build, and start ipsec-console.
# Arguments are passed to the console (e.g. --store PATH, --netns NAME).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ipsec_install_dependencies
ipsec_build RelWithDebInfo
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
    echo "note: no DISPLAY or WAYLAND_DISPLAY is set; the console needs a graphical session" >&2
fi
exec "$IPSEC_BUILD/app/console/ipsec-console" "$@"
