#!/usr/bin/env bash
# Every Swift test under the address sanitizer, then under the thread sanitizer, each in
# its own build folder (.build-asan, .build-tsan). Tests that run the built actorgraph
# binary run the sanitized binary, so its reports count too: every process writes them
# to files in the build folder, and any such file fails the run. Graphviz's own leaks are
# suppressed (scripts/checks/lsan.supp says why).
#
# Leaks are checked in every actorgraph process the tests start, not in the test runner
# itself (asan-actorgraphPackageTests.xctest.options): XCTest never frees its test cases,
# and the Swift runtime reaches them through weak-reference side tables whose tagged
# pointers LeakSanitizer cannot follow, so the whole test tree looks leaked at exit.
# The libraries' own code is leak-checked by the fuzzer (make fuzz).
set -uo pipefail
cd "$(dirname "$0")/../.."
SWIFT=${SWIFT:-swift}
for sanitizer in ${SANITIZERS:-address thread}; do
    case $sanitizer in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitize: unknown sanitizer $sanitizer"; exit 2 ;;
    esac
    mkdir -p "$scratch"
    rm -f "$scratch"/report.*
    reports="$PWD/$scratch/report"
    start=$(date +%s)
    # The sanitizers replace malloc; tcmalloc beside them would hold memory that
    # LeakSanitizer does not scan (Package.swift leaves it out with this set).
    ACTORGRAPH_SYSTEM_MALLOC=1 \
    ASAN_OPTIONS="log_path=$reports:include_if_exists=$PWD/scripts/checks/asan-%b.options${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    LSAN_OPTIONS="suppressions=$PWD/scripts/checks/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    TSAN_OPTIONS="log_path=$reports${TSAN_OPTIONS:+:$TSAN_OPTIONS}" \
        "$SWIFT" test --disable-swift-testing --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 | tee "$scratch/test.log"
    status=${PIPESTATUS[0]}
    summary=$(grep -oE 'Executed [0-9]+ tests?, with [0-9]+ failures?' "$scratch/test.log" | tail -1)
    echo "sanitize: $sanitizer sanitizer: ${summary:-no test summary}, $(( $(date +%s) - start )) s, exit status $status"
    if compgen -G "$scratch/report.*" >/dev/null; then
        echo "sanitize: the $sanitizer sanitizer reported problems:"
        cat "$scratch"/report.*
        exit 1
    fi
    [ "$status" -eq 0 ] || exit "$status"
done
