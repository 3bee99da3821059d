#!/usr/bin/env bash
# Fuzzes the parsers for a bounded time: builds every tests/fuzz/fuzz_<name>.cpp as a libFuzzer
# binary with Debian's clang (address and undefined-behaviour sanitizers) in its own build
# folder, then runs each for SECONDS (default 60) on a working copy of its seed corpus.
#   scripts/fuzz.sh [SECONDS]
# A crash or timeout is saved under $IPSEC_FUZZ_BUILD/artifacts/<name>/ and fails the script:
# fix it, then copy the file into tests/fuzz/regressions/<name>/ (the normal test suite replays
# that folder with g++, see tests/fuzz/CMakeLists.txt).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [SECONDS]   (seconds per target, default 60)" >&2
    exit 2
fi
ipsec_install_dependencies "${IPSEC_FUZZ_PACKAGES[@]}"

fuzz_build=${IPSEC_FUZZ_BUILD:-$IPSEC_ROOT/build-fuzz}
sanitize="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S "$IPSEC_ROOT" -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DIPSEC_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="$sanitize -fno-omit-frame-pointer" >/dev/null

names=()
for source in "$IPSEC_ROOT"/tests/fuzz/fuzz_*.cpp; do
    name=$(basename "$source" .cpp)
    names+=("${name#fuzz_}")
done
cmake --build "$fuzz_build" -j "$(nproc)" --target "${names[@]/#/fuzz_}"

status=0
summary=()
for name in "${names[@]}"; do
    corpus="$fuzz_build/corpus/$name"
    artifacts="$fuzz_build/artifacts/$name/"
    mkdir -p "$corpus" "$artifacts"
    log="$fuzz_build/fuzz_$name.log"
    echo "== fuzz_$name for ${seconds}s (log: $log)"
    set +e
    # Seeds and earlier regressions are read; new inputs go to the working corpus only.
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$fuzz_build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$artifacts" "$corpus" \
        "$IPSEC_ROOT/tests/fuzz/corpus/$name" "$IPSEC_ROOT/tests/fuzz/regressions/$name" \
        >"$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    found=$(find "$artifacts" -type f | wc -l)
    summary+=("fuzz_$name: ${runs:-?} executions in ${seconds}s, exit $rc, $found artifact(s) in $artifacts")
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        status=1
        tail -n 40 "$log"
    fi
done
printf '%s\n' "${summary[@]}"
exit $status
