#!/usr/bin/env bash
# Searchd under load and over it (RELIABILITY.md T-L1..T-L4) with Debian's wrk, on an index built
# by tools/bench/run.sh. Prints one JSON line per measurement and a summary; asserts nothing.
#
#   WORK=/tmp/jil-bench bash tools/bench/load.sh            # all four phases
#   PHASES="l1 l2" SOAK_SECONDS=120 bash tools/bench/load.sh
#
# T-L1  fixed rate per query class (one word, several words, phrase, filtered with facets,
#       Arabic, Chinese): one connection, wrk's delay() ~ RATE req/s, L1_SECONDS each.
# T-L2  closed loop, mixed queries, -c 2, 8, 32, L2_SECONDS each; knee = best rps with p99 <= 20 ms.
# T-L3  soak at half the knee (SOAK_SECONDS, 600 by default) while jil-indexer commits into a copy
#       of the index every 10 s; RSS and open fds of searchd sampled every 30 s.
# T-L4  overload at a fixed offered rate (tools/bench/overload.py, open loop): 0.5x the knee for
#       10 s, 2x the knee for OVER_SECONDS (60), 0.5x for 60 s; status counts, p50/p99 of the
#       200s and of the shed 503s, recovery time. KNEE_RPS=N (e.g. the saturation rate when no
#       run meets p99 <= 20 ms) is used instead of T-L2's knee when l2 is not in PHASES.
# wrk and overload.py are one client address with many connections: searchd runs with
# --max-connections-per-client 4096 here (its default, 32, would refuse them), and with the
# anonymous API rate limit lifted (it would answer 429 to one address): this measures searchd.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/jil-bench}
BUILD=${BUILD:-$ROOT/build/release}
DB=${DB:-$WORK/db}
OUT=${OUT:-$WORK/load}
PHASES=${PHASES:-"l1 l2 l3 l4"}
THREADS=${THREADS:-2}
RATE=${RATE:-20}
L1_SECONDS=${L1_SECONDS:-30}
L2_SECONDS=${L2_SECONDS:-20}
SOAK_SECONDS=${SOAK_SECONDS:-600}
OVER_SECONDS=${OVER_SECONDS:-60}
QUERIES=${QUERIES:-$WORK/corpus/queries.tsv}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "load.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }

SEARCHD_PID=""
INDEXER_LOOP=""
cleanup() {
  [ -n "$INDEXER_LOOP" ] && kill "$INDEXER_LOOP" 2>/dev/null || true
  [ -n "$SEARCHD_PID" ] && kill -TERM "$SEARCHD_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

start_searchd() {  # $1: database
  "$BUILD/searchd/jil-searchd" --db "$1" --store "$WORK/store" --web "$ROOT/web" \
    --listen 127.0.0.1 --port 0 --threads "$THREADS" --max-connections-per-client 4096 \
    --anonymous-rate 100000 --anonymous-burst 1000000 \
    >"$OUT/searchd.out" 2>"$OUT/searchd.err" &
  SEARCHD_PID=$!
  for _ in $(seq 100); do
    PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$OUT/searchd.out")
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "load.sh: searchd did not start" >&2; cat "$OUT/searchd.err" >&2; exit 1
}
stop_searchd() { kill -TERM "$SEARCHD_PID"; wait "$SEARCHD_PID" || true; SEARCHD_PID=""; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$SEARCHD_PID/status"; }
fds() { ls "/proc/$SEARCHD_PID/fd" | wc -l; }
# wrk prints its own summary then our JSON line: keep the JSON line.
run_wrk() {  # label connections seconds script
  local json
  json=$(wrk -t1 -c"$2" -d"$3s" --timeout 10s -s "$4" "http://127.0.0.1:$PORT" | grep '^{')
  echo "{\"run\": \"$1\", \"connections\": $2, ${json#\{}" | tee -a "$OUT/results.jsonl"
}
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }

: >"$OUT/results.jsonl"
DELAY=$((1000 / RATE))
python3 "$ROOT/tools/bench/load_lua.py" "$QUERIES" "$OUT"
python3 "$ROOT/tools/bench/load_lua.py" "$QUERIES" "$OUT" "$DELAY"
start_searchd "$DB"
echo "searchd pid $SEARCHD_PID port $PORT rss_kb $(rss_kb) fds $(fds); machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run_wrk warmup 2 5 "$OUT/mixed.lua" >/dev/null

if [[ " $PHASES " == *" l1 "* ]]; then
  echo "== T-L1: ~$RATE req/s per class, 1 connection, ${L1_SECONDS}s each"
  for cls in one_word several_words phrase filtered_facets arabic chinese; do
    run_wrk "l1_$cls" 1 "$L1_SECONDS" "$OUT/${cls}_d$DELAY.lua"
  done
fi

KNEE_RPS=${KNEE_RPS:-0}
KNEE_CONNS=2
if [[ " $PHASES " == *" l2 "* || ( " $PHASES " == *" l3 "* && "$KNEE_RPS" == 0 ) ]]; then
  echo "== T-L2: closed loop, mixed queries, ${L2_SECONDS}s each"
  for conns in 1 2 8 32; do
    line=$(run_wrk "l2_c$conns" "$conns" "$L2_SECONDS" "$OUT/mixed.lua")
    rps=$(field "$line" rps); p99=$(field "$line" p99_ms)
    if python3 -c "import sys; sys.exit(0 if $p99 <= 20 and $rps > $KNEE_RPS else 1)"; then
      KNEE_RPS=$rps; KNEE_CONNS=$conns
    fi
  done
  echo "knee: $KNEE_RPS req/s at $KNEE_CONNS connections (p99 <= 20 ms); searchd rss_kb $(rss_kb)"
fi

if [[ " $PHASES " == *" l3 "* ]]; then
  echo "== T-L3: soak ${SOAK_SECONDS}s at half the knee while jil-indexer commits every 10 s"
  stop_searchd
  rm -rf "$OUT/soak-db" "$OUT/soak-store" "$OUT/soak-docs"
  cp -r "$DB" "$OUT/soak-db"
  mkdir -p "$OUT/soak-docs/en"
  start_searchd "$OUT/soak-db"
  ( n=0
    while true; do  # one new or changed document per commit
      n=$((n + 1))
      printf 'Soak document %d about judicial integrity and the code of conduct.\n' "$n" \
        >"$OUT/soak-docs/en/soak-$((n % 20)).txt"
      printf '{"id": "soak-%d", "title": "Soak document %d", "language": "en", "type": "guidance", "organisation": "ijin", "country": "", "region": "global", "year": 2024, "topics": ["judicial-ethics"]}\n' \
        "$((n % 20))" "$((n % 20))" >"$OUT/soak-docs/en/soak-$((n % 20)).txt.json"
      "$BUILD/indexer/jil-indexer" index --db "$OUT/soak-db" --store "$OUT/soak-store" \
        "$OUT/soak-docs" >>"$OUT/soak-indexer.log" 2>&1 || echo "indexer failed" >>"$OUT/soak-indexer.log"
      sleep 10
    done ) &
  INDEXER_LOOP=$!
  # Two connections at a fixed pace: 2 * 1000 / delay = half the knee.
  half=$(python3 -c "print(max(1, $KNEE_RPS / 2))")
  soak_delay=$(python3 -c "print(max(1, int(2 * 1000 / $half)))")
  python3 "$ROOT/tools/bench/load_lua.py" "$QUERIES" "$OUT" "$soak_delay"
  ( for _ in $(seq $((SOAK_SECONDS / 30))); do
      sleep 30; echo "soak sample: t=$((SECONDS))s rss_kb=$(rss_kb) fds=$(fds)"
    done ) &
  sampler=$!
  echo "soak sample: t=0s rss_kb=$(rss_kb) fds=$(fds)"
  run_wrk "l3_soak" 2 "$SOAK_SECONDS" "$OUT/mixed_d$soak_delay.lua"
  wait "$sampler" 2>/dev/null || true
  kill "$INDEXER_LOOP" 2>/dev/null || true; wait "$INDEXER_LOOP" 2>/dev/null || true; INDEXER_LOOP=""
  echo "indexer runs: $(grep -c 'documents in the index' "$OUT/soak-indexer.log"), failures: $(grep -c 'indexer failed' "$OUT/soak-indexer.log" || true)"
  stop_searchd
  start_searchd "$DB"
fi

if [[ " $PHASES " == *" l4 "* ]]; then
  echo "== T-L4: 2x the knee ($KNEE_RPS req/s) for ${OVER_SECONDS}s between runs at 0.5x"
  python3 "$ROOT/tools/bench/overload.py" "$PORT" "$QUERIES" --knee "$KNEE_RPS" \
    --over-seconds "$OVER_SECONDS" | tee "$OUT/overload.txt"
  tail -1 "$OUT/overload.txt" >>"$OUT/results.jsonl"
  echo "after overload: rss_kb $(rss_kb) fds $(fds); $(curl -s "http://127.0.0.1:$PORT/metrics" |
    grep -E '^jil_requests' | tr '\n' ' ')"
fi
echo "results: $OUT/results.jsonl"
