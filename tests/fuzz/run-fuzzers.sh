#!/bin/sh
# Builds the fuzz preset and runs every libFuzzer target of tests/fuzz in turn, one core.
#   tests/fuzz/run-fuzzers.sh --ci                 20 s per target (what CI runs)
#   tests/fuzz/run-fuzzers.sh SECONDS [NAME...]    SECONDS per target (the README's long run)
# New inputs go to build-fuzz/corpus/<name>/ (kept between runs), never into the repository.
# A crash, leak, timeout or sanitizer report fails the run; the input is saved as
# build-fuzz/findings/<name>/crash-* (or leak-*, timeout-*): fix the bug, then add the input to
# tests/fuzz/corpus/<name>/ so that the ordinary test suite replays it. Prints the executions
# per target at the end.
set -eu
cd "$(dirname "$0")/../.."
case "${1-}" in
  --ci) seconds=20 ;;
  '' | *[!0-9]*) echo "usage: $0 --ci | SECONDS [NAME...]" >&2; exit 64 ;;
  *) seconds=$1 ;;
esac
shift
names=${*:-$(ls tests/fuzz/corpus)}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

out=build-fuzz
# The settings and part-file targets write a file per input: on a disk that flushes rewritten
# files (ext4) they run 7 times slower than in memory.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
status=0
summary=""
total=0
for name in $names; do
  mkdir -p "$out/corpus/$name" "$out/findings/$name" "$out/logs"
  log="$out/logs/$name.log"
  # Qt is not instrumented: the same suppressions as the asan test preset.
  if LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" \
     UBSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/ubsan.supp:print_stacktrace=1" \
     "$out/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=16384 -dict=tests/fuzz/kie.dict -print_final_stats=1 \
       -artifact_prefix="$out/findings/$name/" "$out/corpus/$name" "tests/fuzz/corpus/$name" \
       >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $out/findings/$name/)"
    status=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  runs=${runs:-0}
  total=$((total + runs))
  summary="$summary$(printf '%-18s %12s executions  %s' "$name" "$runs" "$result")
"
done
printf '%s' "$summary"
printf '%-18s %12s executions in %s s per target\n' total "$total" "$seconds"
exit $status
