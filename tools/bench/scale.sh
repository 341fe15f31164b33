#!/usr/bin/env bash
# Scale curve (issue 8 item 3): tools/bench/run.sh at each corpus size, then a table and an SVG
# plot of indexing rate, query p50/p99 and memory against corpus size. Asserts nothing.
#
#   SIZES="2000 5000 10000" bash tools/bench/scale.sh        # quick
#   SIZES="20000 100000 200000" bash tools/bench/scale.sh    # the issue's curve (hours at 200k)
#
# Each size runs in its own WORK folder under SCALE_DIR (/tmp/jil-scale/N), reusing a corpus
# generated earlier with the same inputs. Other run.sh variables (JOBS, THREADS, ...) pass through.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIZES=${SIZES:-"20000 100000 200000"}
SCALE_DIR=${SCALE_DIR:-/tmp/jil-scale}
mkdir -p "$SCALE_DIR"
for n in $SIZES; do
  echo "== scale: N=$n" >&2
  N=$n WORK="$SCALE_DIR/$n" CONNS=${CONNS:-"2"} bash "$ROOT/tools/bench/run.sh" \
    >"$SCALE_DIR/run-$n.log" 2>&1 || { echo "scale: run.sh failed at N=$n, see $SCALE_DIR/run-$n.log" >&2; exit 1; }
done
# shellcheck disable=SC2086
python3 "$ROOT/tools/bench/scale_report.py" "$SCALE_DIR" $SIZES
