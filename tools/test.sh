#!/usr/bin/env bash
# The second README command: installs what is missing, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer (warnings are errors), and runs every test: unit, golden,
# integration (real jil-indexer and jil-searchd on 127.0.0.1), browser (Debian's chromium via
# playwright-core) and the format check. Ends with ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh test
# -O1 -g1 (line tables only) instead of RelWithDebInfo's -O2 -g: the sanitizer build is most of
# CI's time, and these flags halve it (searchd's http_session.cc: 140 s -> 76 s of CPU) while
# ASan keeps file:line stack traces; -O1 is also what the ASan documentation recommends.
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DJIL_SANITIZE=ON -DJIL_WERROR=ON >/dev/null
cmake --build build/asan
if [ -f tests/browser/package-lock.json ]; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
# new_delete_type_mismatch=0: Debian's libxapian 1.4.22 frees an object of its own through a base
# pointer with a smaller size inside Xapian::Database::check (jil-indexer check, durability tests);
# the report points into libxapian only, and every other ASan check stays on.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:new_delete_type_mismatch=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
cd build/asan
ctest --output-on-failure -j2 --timeout 600
