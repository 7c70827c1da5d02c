#!/usr/bin/env bash
# Every Swift test under the address sanitizer, then under the thread sanitizer, each in
# its own build folder (.build-asan, .build-tsan). Tests that run the built actorgraph
# binary run the sanitized binary, so its reports count too: every process writes them
# to files in the build folder, and any such file fails the run.
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
    ACTORGRAPH_SANITIZER=$sanitizer \
    ASAN_OPTIONS="log_path=$reports${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
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
