#!/usr/bin/env bash
# Builds the libFuzzer target over jil-searchd's request path (tests/fuzz, RELIABILITY.md T-H10)
# with clang-14, AddressSanitizer and UndefinedBehaviorSanitizer in build/fuzz, and runs it for
# SECONDS (default 600) on a copy of the seed corpus, one job. New inputs stay in
# build/fuzz/corpus; a finding is written to build/fuzz/findings/ and the script exits non-zero.
#   bash tools/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"

bash tools/setup.sh fuzz
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 -DJIL_FUZZ=ON -DJIL_TESTS=OFF >/dev/null
nice cmake --build build/fuzz --target request_path_fuzzer -j2

mkdir -p build/fuzz/corpus build/fuzz/findings
cp -n tests/fuzz/corpus/request_path/* build/fuzz/corpus/ 2>/dev/null || true
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:new_delete_type_mismatch=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
# -timeout=1: an input answered in more than a second is a finding (T-H11's bound).
nice build/fuzz/tests/fuzz/request_path_fuzzer build/fuzz/corpus \
  -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=20000 \
  -artifact_prefix=build/fuzz/findings/ -print_final_stats=1
