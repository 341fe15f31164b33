#!/usr/bin/env bash
# The first README command: installs what is missing, builds (Release), indexes corpus/ into
# var/ and serves the library on http://127.0.0.1:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh build
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIL_TESTS=OFF >/dev/null
cmake --build build/release
status=0
build/release/indexer/jil-indexer index --db var/index --store var/store corpus || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
exec build/release/searchd/jil-searchd --db var/index --store var/store --web web \
  --listen 127.0.0.1 --port "${PORT:-8080}"
