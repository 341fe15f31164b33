#!/usr/bin/env bash
# The first README command: installs what is missing, builds (Release), indexes corpus/ into
# var/ and serves the library on http://127.0.0.1:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh build
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DJIL_TESTS=OFF >/dev/null
cmake --build build/release
INDEXER=build/release/indexer/jil-indexer
status=0
"$INDEXER" index --db var/index --store var/store corpus || status=$?
if [ "$status" -eq 5 ]; then
  # var/index was made by an older JIL (schema or analyzer version): rebuild it from the store,
  # which keeps every uploaded original, keeping the old index's removal records for harvesters,
  # then index corpus/ again (unchanged files are skipped).
  echo "serve.sh: rebuilding var/index for this version of JIL from var/store" >&2
  rm -rf var/index-rebuild
  "$INDEXER" rebuild --index var/index-rebuild --store var/store --removals-from var/index
  rm -rf var/index && mv var/index-rebuild var/index
  status=0
  "$INDEXER" index --db var/index --store var/store corpus || status=$?
fi
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then exit "$status"; fi
exec build/release/searchd/jil-searchd --db var/index --store var/store --web web \
  --listen 127.0.0.1 --port "${PORT:-8080}"
