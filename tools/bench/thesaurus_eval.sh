#!/bin/bash
# Indexes corpus/ with the Release build into a temporary folder, starts jil-searchd on a free
# port and runs thesaurus_eval.py against it (issue 7, item 6). BUILD=<dir> to use another build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
WORK=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BUILD/indexer/jil-indexer" index --db "$WORK/db" --store "$WORK/store" --quiet "$ROOT/corpus" >&2
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BUILD/searchd/jil-searchd" --db "$WORK/db" --store "$WORK/store" --web "$ROOT/web" \
  --listen 127.0.0.1 --port "$PORT" --anonymous-rate 100000 --anonymous-burst 1000000 \
  >"$WORK/searchd.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do grep -q listening "$WORK/searchd.log" && break; sleep 0.1; done
python3 "$ROOT/tools/bench/thesaurus_eval.py" --port "$PORT" "$@"
