#!/usr/bin/env bash
# Quick start 2: install what is missing (apt), build with warnings as errors, run every test.
# Extra arguments go to ctest (e.g. -R store).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ipsec_install_dependencies "${IPSEC_TEST_PACKAGES[@]}"
ipsec_build RelWithDebInfo -DIPSEC_WERROR=ON
cd "$IPSEC_BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"
