#!/bin/bash
# JIL benchmark in one command: corpus -> jil-indexer -> xapian-compact -> jil-searchd -> queries,
# printed as one table next to the peers' figures (/work/shared/bench-peers/RESULTS.md).
#
#   bash tools/bench/run.sh                       # N=20000 docs under WORK=/tmp/jil-bench
#   N=2000 WORK=/tmp/jb bash tools/bench/run.sh
#
# Environment (defaults): N (20000) SEED (42) JOBS (2, generator processes) WORK (/tmp/jil-bench)
#   BUILD (<repo>/build/release) REBUILD (0; 1 = run cmake --build even if the programs exist)
#   REGEN (0; 1 = regenerate the corpus even if WORK holds one made from the same inputs)
#   CONNS ("2 4", concurrent client counts) CONC_SECONDS (10) PASSES (1, timed query passes)
#   THREADS (2, searchd worker threads) INDEX_ARGS (extra jil-indexer words, e.g. "--batch 2000")
#   WRK_CONNS ("1 2 8", wrk connection counts for the HTTP runs) WRK_SECONDS (10 per run)
#   PEERS (1: also index the corpus with omindex and serve it with Omega's CGI behind lighttpd,
#   measured in the same run with the same wrk runs; 0 to skip; needs xapian-omega and lighttpd;
#   and, with SPHINX=1, index it with Sphinx and query Sphinx's searchd over SphinxQL)
#   SPHINX (1: with PEERS=1, measure Sphinx 2.2 (Debian's sphinxsearch: its programs are
#   /usr/bin/indexer and /usr/bin/searchd, found on PATH and checked to be Sphinx's) when it is
#   installed, with python3-pymysql for the queries; 0 to skip) SPHINX_PASSES (3: timed passes
#   over the queries, a query's latency is its median, the peers' method)
#   SKIP_QUERIES (0; 1 = indexing only: no searchd, query_bench, wrk or Omega runs)
#   NO_CACHE_RUNS (1: after the wrk runs, restart searchd with --no-cache and run them again, so
#   the figures show both the result cache and the work of every request; 0 to skip)
#   CPU_REQUESTS (300: requests of the CPU-per-request runs, cpu_per_request.py, uncached searchd
#   and Omega)
# Writes under WORK: corpus/ (+ gen.json), db/, store/, db-compact/, *.log, *.time,
# query_1.json, query_cN.json, sphinx/ + sphinx_*.{time,log,json}, and results.json (all
# figures + a machine description).
# searchd binds 127.0.0.1 on a free port and is stopped by its PID (also on error); so do
# lighttpd (Omega) and Sphinx's searchd, whose files all stay under WORK/omega and WORK/sphinx.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
N=${N:-20000}
SEED=${SEED:-42}
JOBS=${JOBS:-2}
WORK=${WORK:-/tmp/jil-bench}
BUILD=${BUILD:-$ROOT/build/release}
REBUILD=${REBUILD:-0}
REGEN=${REGEN:-0}
CONNS=${CONNS:-2 4}
CONC_SECONDS=${CONC_SECONDS:-10}
WRK_CONNS=${WRK_CONNS:-1 2 8}
WRK_SECONDS=${WRK_SECONDS:-10}
PEERS=${PEERS:-1}
SPHINX=${SPHINX:-1}
SPHINX_PASSES=${SPHINX_PASSES:-3}
PASSES=${PASSES:-1}
SKIP_QUERIES=${SKIP_QUERIES:-0}
NO_CACHE_RUNS=${NO_CACHE_RUNS:-1}
CPU_REQUESTS=${CPU_REQUESTS:-300}
THREADS=${THREADS:-2}
INDEX_ARGS=${INDEX_ARGS:-}
PY=/usr/bin/python3   # Debian's python (the word lists' python3-jieba is Debian's)
INDEXER=$BUILD/indexer/jil-indexer
SEARCHD=$BUILD/searchd/jil-searchd
CORPUS=$WORK/corpus
DB=$WORK/db
STORE=$WORK/store
DBC=$WORK/db-compact
METRICS=$WORK/run.tsv
SEARCHD_PID=
SPHINX_PID=      # Sphinx's searchd (not JIL's)
LIGHTTPD_PID=

log() { echo "== $(date +%T) $*" >&2; }
die() { echo "run.sh: $*" >&2; exit 1; }
metric() { printf '%s\t%s\n' "$1" "$2" >> "$METRICS"; }

stop_pid() {  # PID NAME: SIGTERM, up to 10 s, then SIGKILL; returns the exit status
  local pid=$1 name=$2
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not stop on SIGTERM within 10 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  local rc=0
  wait "$pid" 2>/dev/null || rc=$?
  return "$rc"
}
stop_searchd() {
  [ -n "$SEARCHD_PID" ] || return 0
  local pid=$SEARCHD_PID
  SEARCHD_PID=
  stop_pid "$pid" searchd
}
stop_sphinx() {
  [ -n "$SPHINX_PID" ] || return 0
  local pid=$SPHINX_PID
  SPHINX_PID=
  stop_pid "$pid" "Sphinx's searchd"
}
cleanup() {
  stop_searchd || true
  stop_sphinx || true
  if [ -n "$LIGHTTPD_PID" ]; then kill "$LIGHTTPD_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# --- 0. packages the bench needs (the build's own dependencies are the project's setup) ---
need_pkgs() {
  local p missing=()
  for p in "$@"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}
need_pkgs python3 wamerican hunspell-fr hunspell-es hunspell-ru hunspell-ar python3-jieba \
  xapian-tools time procps coreutils wrk
[ "$PEERS" = 1 ] && need_pkgs xapian-omega lighttpd
if [ "$PEERS" = 1 ] && [ "$SPHINX" = 1 ]; then
  need_pkgs sphinxsearch python3-pymysql || log "could not install sphinxsearch python3-pymysql; Sphinx will be skipped"
fi

mkdir -p "$WORK"
: > "$METRICS"
rm -f "$WORK"/query_*.json "$WORK/results.json" "$WORK/index.time"

# --- 1. build the release tree if the programs are missing ---
NEED_SEARCHD=$([ "$SKIP_QUERIES" = 1 ] && echo 0 || echo 1)
if [ ! -x "$INDEXER" ] || { [ "$NEED_SEARCHD" = 1 ] && [ ! -x "$SEARCHD" ]; } || [ "$REBUILD" = 1 ]; then
  log "building $BUILD (Release)"
  need_pkgs cmake g++ make pkg-config
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$WORK/cmake.log" 2>&1 \
    || { tail -20 "$WORK/cmake.log" >&2; die "cmake configure failed (install the project's build dependencies first; see the README); log: $WORK/cmake.log"; }
  cmake --build "$BUILD" -j2 --target jil-indexer jil-searchd >> "$WORK/cmake.log" 2>&1 \
    || cmake --build "$BUILD" -j2 >> "$WORK/cmake.log" 2>&1 \
    || { tail -30 "$WORK/cmake.log" >&2; die "build failed; log: $WORK/cmake.log"; }
fi
[ -x "$INDEXER" ] || die "no $INDEXER after the build"
[ "$NEED_SEARCHD" = 0 ] || [ -x "$SEARCHD" ] || die "no $SEARCHD after the build"

# --- 2. corpus (reused when N, SEED, the generator and the sample library are unchanged) ---
gen_key=$( { echo "n=$N seed=$SEED"; cat "$HERE/gen_corpus.py" "$HERE/corpus_inputs.py" "$HERE/gen_queries.py" "$HERE/lexicon.py";
             find "$ROOT/corpus" -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 -r cat; } \
           | sha256sum | cut -d' ' -f1)
if [ "$REGEN" != 1 ] && [ -s "$WORK/gen.json" ] && [ -f "$CORPUS/queries.tsv" ] \
   && [ "$(cat "$WORK/gen.key" 2>/dev/null)" = "$gen_key" ]; then
  log "corpus: reusing $CORPUS (same N, seed and inputs; REGEN=1 to remake it)"
else
  log "corpus: generating $N docs into $CORPUS"
  rm -f "$WORK/gen.key" "$WORK/gen.json"
  "$PY" "$HERE/gen_corpus.py" --n "$N" --seed "$SEED" --jobs "$JOBS" --out "$CORPUS" --force > "$WORK/gen.json.tmp"
  mv "$WORK/gen.json.tmp" "$WORK/gen.json"
  echo "$gen_key" > "$WORK/gen.key"
fi

# --- 3. index (wall time and peak RSS from /usr/bin/time -v) ---
log "index: $INDEXER index --db $DB --store $STORE $CORPUS"
rm -rf "$DB" "$STORE" "$DBC"
sync
metric loadavg_before_index "$(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
# shellcheck disable=SC2086  # INDEX_ARGS is a list of words
/usr/bin/time -v -o "$WORK/index.time" "$INDEXER" index --db "$DB" --store "$STORE" $INDEX_ARGS "$CORPUS" \
  > "$WORK/index.log" 2>&1 || rc=$?
metric index_exit "$rc"
tail -3 "$WORK/index.log" >&2
if [ "$rc" -ne 0 ]; then
  xapian-delve "$DB" > /dev/null 2>&1 || die "jil-indexer exited with $rc and left no database; log: $WORK/index.log"
  log "WARNING: jil-indexer exited with $rc (some files failed?); going on with the database it left"
fi
metric db_bytes "$(du -sb "$DB" | cut -f1)"
[ -d "$STORE" ] && metric store_bytes "$(du -sb "$STORE" | cut -f1)"
delve_docs=$(xapian-delve "$DB" 2>/dev/null | sed -n 's/^number of documents = *//p' | head -1 || true)
[ -n "$delve_docs" ] && metric db_doccount "$delve_docs"

# --- 4. compact a copy ---
log "compact: xapian-compact $DB $DBC"
start=$(date +%s.%N)
if xapian-compact "$DB" "$DBC" > "$WORK/compact.log" 2>&1; then
  metric compact_seconds "$(echo "$start $(date +%s.%N)" | awk '{printf "%.2f", $2 - $1}')"
  metric compact_bytes "$(du -sb "$DBC" | cut -f1)"
else
  log "xapian-compact failed (see $WORK/compact.log); no compacted figure"
  metric compact_error "$(tail -1 "$WORK/compact.log" | tr '\t' ' ')"
fi

# --- 5. searchd on a free port, queries, stop ---
qrc=0
if [ "$SKIP_QUERIES" != 1 ]; then
start_searchd() {  # extra searchd words (e.g. --no-cache); sets SEARCHD_PID and PORT
  log "searchd: starting on 127.0.0.1, free port $*"
  "$SEARCHD" --db "$DB" --store "$STORE" --web "$ROOT/web" --listen 127.0.0.1 --port 0 --threads "$THREADS" \
    --anonymous-rate 100000 --anonymous-burst 1000000 "$@" \
    > "$WORK/searchd.out" 2> "$WORK/searchd.err" &
  SEARCHD_PID=$!
  PORT=
  for _ in $(seq 1 600); do
    PORT=$(sed -n 's#.*jil-searchd listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*#\1#p' "$WORK/searchd.out" | head -1)
    [ -n "$PORT" ] && break
    kill -0 "$SEARCHD_PID" 2>/dev/null || { cat "$WORK/searchd.err" >&2; die "searchd exited before it listened"; }
    sleep 0.1
  done
  [ -n "$PORT" ] || die "searchd printed no 'listening on' line within 60 s"
}
# query_bench.py's figures stand beside the peers', which cache nothing: its searchd runs every
# query (its 2- and 4-connection runs repeat the 1,200 queries, which the cache would answer).
start_searchd --no-cache
metric port "$PORT"
metric searchd_rss_start_kb "$(ps -o rss= -p "$SEARCHD_PID" | tr -d ' ')"

log "queries: 1 client ($PASSES pass(es))"
"$PY" "$HERE/query_bench.py" --port "$PORT" --queries "$CORPUS/queries.tsv" --passes "$PASSES" \
  --json "$WORK/query_1.json" || qrc=$?
metric query_exit "$qrc"
for c in $CONNS; do
  log "queries: $c connections for $CONC_SECONDS s"
  "$PY" "$HERE/query_bench.py" --port "$PORT" --queries "$CORPUS/queries.tsv" --connections "$c" \
    --seconds "$CONC_SECONDS" --json "$WORK/query_c$c.json" || qrc=$?
done
# wrk over HTTP: the JSON API and the HTML page, facets and snippets on, at WRK_CONNS connections.
wrk_runs() {  # KIND PORT [LABEL]: writes WORK/wrk_LABEL_cN.json (LABEL defaults to KIND)
  local kind=$1 port=$2 label=${3:-$1} c
  "$PY" "$HERE/wrk_script.py" "$CORPUS/queries.tsv" "$kind" "$WORK/wrk_$kind.lua"
  for c in $WRK_CONNS; do
    log "wrk: $label, $c connection(s), $WRK_SECONDS s"
    wrk -t"$([ "$c" -gt 1 ] && echo 2 || echo 1)" -c"$c" -d"${WRK_SECONDS}s" \
      -s "$WORK/wrk_$kind.lua" "http://127.0.0.1:$port" > "$WORK/wrk_${label}_c$c.out" 2>&1 || true
    grep '^{' "$WORK/wrk_${label}_c$c.out" | tail -1 > "$WORK/wrk_${label}_c$c.json" || true
  done
}
# CPU ms per request from /proc (holds on a busy machine, where requests/s measure the others).
cpu_runs() {  # KIND PORT PID: writes WORK/cpu_KIND.json
  log "cpu per request: $1, $CPU_REQUESTS requests"
  "$PY" "$HERE/cpu_per_request.py" --port "$2" --pid "$3" --queries "$CORPUS/queries.tsv" \
    --kind "$1" --count "$CPU_REQUESTS" > "$WORK/cpu_$1.json" || true
}
stop_searchd || true
# searchd as served, its result cache on: it answers a repeated request of the same index
# version (the wrk scripts cycle through the 1,200 queries, so after the first pass all of
# them); the same runs again with --no-cache show what every request costs when it is computed.
start_searchd
wrk_runs api "$PORT"
wrk_runs html "$PORT"
metric searchd_rss_end_kb "$(ps -o rss= -p "$SEARCHD_PID" | tr -d ' ')"
log "searchd: stopping (SIGTERM to $SEARCHD_PID)"
src=0
stop_searchd || src=$?
metric searchd_exit "$src"
if [ "$NO_CACHE_RUNS" = 1 ]; then
  start_searchd --no-cache
  wrk_runs api "$PORT" api_nocache
  wrk_runs html "$PORT" html_nocache
  wrk_runs api-meta "$PORT" api_meta_nocache  # fields= with metadata only: no snippets made
  cpu_runs api "$PORT" "$SEARCHD_PID"
  cpu_runs html "$PORT" "$SEARCHD_PID"
  metric searchd_nocache_rss_end_kb "$(ps -o rss= -p "$SEARCHD_PID" | tr -d ' ')"
  stop_searchd || src=$?
fi
# The search alone, in process, one thread, uncached (jil-search-bench): steadier than wrk for
# comparing two builds; the full result and a metadata-only fields= list.
SEARCH_BENCH=$BUILD/tools/bench/jil-search-bench
# Not part of the default build: built (or brought up to date) here every time, since a stale
# one refuses an index of newer analysis rules.
cmake --build "$BUILD" -j2 --target jil-search-bench >> "$WORK/cmake.log" 2>&1 || true
if [ -x "$SEARCH_BENCH" ]; then
  log "search alone: jil-search-bench, 3 rounds each, full results and metadata only"
  sbs=0
  "$SEARCH_BENCH" "$DB" "$CORPUS/queries.tsv" 3 > "$WORK/search_bench.jsonl" 2> "$WORK/search_bench.err" || sbs=$?
  "$SEARCH_BENCH" "$DB" "$CORPUS/queries.tsv" 3 --metadata-only > "$WORK/search_bench_meta.jsonl" \
    2>> "$WORK/search_bench.err" || sbs=$?
  [ "$sbs" = 0 ] || log "jil-search-bench failed (exit $sbs): $(tail -n 1 "$WORK/search_bench.err")"
fi
fi

# --- 6. the peers, on the same corpus in the same run: omindex, then Omega's CGI under wrk ---
if [ "$PEERS" = 1 ] && command -v omindex > /dev/null && command -v lighttpd > /dev/null; then
  OMEGA=$WORK/omega
  rm -rf "$WORK/xapian_omega" "$WORK/xapian_omega_compact" "$OMEGA"
  mkdir -p "$OMEGA/log" "$OMEGA/cdb"
  log "peers: omindex over $CORPUS"
  sync
  metric loadavg_before_omindex "$(cut -d' ' -f1-3 /proc/loadavg)"
  XAPIAN_CJK_NGRAM=1 /usr/bin/time -v -o "$WORK/omindex.time" omindex --db "$WORK/xapian_omega" \
    --url / -M json:ignore -M tsv:ignore --overwrite "$CORPUS" > "$WORK/omindex.log" 2>&1 || true
  metric omindex_db_bytes "$(du -sb "$WORK/xapian_omega" | cut -f1)"
  xapian-compact "$WORK/xapian_omega" "$WORK/xapian_omega_compact" > /dev/null 2>&1 &&
    metric omindex_compact_bytes "$(du -sb "$WORK/xapian_omega_compact" | cut -f1)"
  sed "s#/tmp/peers#$WORK#g" /work/shared/bench-peers/omega.conf > "$OMEGA/omega.conf" 2>/dev/null ||
    printf 'database_dir %s\ntemplate_dir /usr/share/xapian-omega/templates\nlog_dir %s/log\ncdb_dir %s/cdb\n' \
      "$WORK" "$OMEGA" "$OMEGA" > "$OMEGA/omega.conf"
  OMEGA_PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$OMEGA/lighttpd.conf" <<CONF
server.modules = ("mod_cgi", "mod_setenv", "mod_alias")
server.bind = "127.0.0.1"
server.port = $OMEGA_PORT
server.document-root = "$OMEGA"
server.pid-file = "$OMEGA/lighttpd.pid"
server.errorlog = "$OMEGA/log/lighttpd-error.log"
server.max-connections = 64
alias.url = ("/cgi-bin/omega" => "/usr/lib/cgi-bin/omega/omega")
cgi.assign = ("" => "")
setenv.add-environment = ("OMEGA_CONFIG_FILE" => "$OMEGA/omega.conf", "XAPIAN_CJK_NGRAM" => "1")
CONF
  if [ "$SKIP_QUERIES" != 1 ]; then
    lighttpd -f "$OMEGA/lighttpd.conf"
    sleep 1
    LIGHTTPD_PID=$(cat "$OMEGA/lighttpd.pid" 2>/dev/null || true)
    wrk_runs omega "$OMEGA_PORT"
    [ -n "$LIGHTTPD_PID" ] && cpu_runs omega "$OMEGA_PORT" "$LIGHTTPD_PID"
    if [ -n "$LIGHTTPD_PID" ]; then kill "$LIGHTTPD_PID" 2>/dev/null || true; fi
    LIGHTTPD_PID=
  fi
else
  log "peers: skipped (PEERS=$PEERS; omindex and lighttpd are needed)"
fi

# --- 7. Sphinx on the same corpus: xmlpipe2 feed, indexer, searchd, SphinxQL queries ---
# Debian names Sphinx's programs indexer and searchd, as JIL's are jil-indexer and jil-searchd:
# they are used only through SPHINX_INDEXER and SPHINX_SEARCHD, found here and checked to print
# Sphinx's banner (INDEXER and SEARCHD above are JIL's, by full path under BUILD).
sphinx_prog() {  # NAME: prints the path of Sphinx's NAME on PATH, or fails
  local path banner
  path=$(command -v "$1" 2>/dev/null) || return 1
  banner=$("$path" --help 2>&1 < /dev/null || true)
  [[ $banner == Sphinx\ * ]] || return 1
  echo "$path"
}
SPHINX_INDEXER=''
SPHINX_SEARCHD=''
if [ "$PEERS" = 1 ] && [ "$SPHINX" = 1 ] && SPHINX_INDEXER=$(sphinx_prog indexer) \
   && SPHINX_SEARCHD=$(sphinx_prog searchd); then
  SPH=$WORK/sphinx
  rm -rf "$SPH"
  rm -f "$WORK"/sphinx_*
  mkdir -p "$SPH/data" "$SPH/log"
  log "sphinx: xmlpipe2 feed from $CORPUS ($SPHINX_INDEXER, $SPHINX_SEARCHD)"
  /usr/bin/time -v -o "$WORK/sphinx_feed.time" "$PY" "$HERE/sphinx_feed.py" "$CORPUS" "$SPH/feed.xml" \
    --ids "$SPH/ids.tsv" > "$WORK/sphinx_feed.json"
  SPHINX_PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  sed -e "s#@FEED@#$SPH/feed.xml#g" -e "s#@DATA@#$SPH/data/corpus#g" -e "s#@DIR@#$SPH#g" \
    -e "s#@SQL_PORT@#$SPHINX_PORT#g" "$HERE/sphinx.conf.in" > "$SPH/sphinx.conf"
  log "sphinx: $SPHINX_INDEXER --config $SPH/sphinx.conf corpus"
  sync
  metric loadavg_before_sphinx "$(cut -d' ' -f1-3 /proc/loadavg)"
  rc=0
  /usr/bin/time -v -o "$WORK/sphinx_index.time" "$SPHINX_INDEXER" --config "$SPH/sphinx.conf" corpus \
    > "$WORK/sphinx_index.log" 2>&1 || rc=$?
  metric sphinx_index_exit "$rc"
  grep -E '^total [0-9]+ docs' "$WORK/sphinx_index.log" >&2 || true
  metric sphinx_index_bytes "$(du -sb "$SPH/data" | cut -f1)"
  sphinx_docs=$(sed -n 's/^total \([0-9][0-9]*\) docs.*/\1/p' "$WORK/sphinx_index.log" | head -1)
  [ -n "$sphinx_docs" ] && metric sphinx_index_docs "$sphinx_docs"
  if [ "$rc" -ne 0 ]; then
    tail -5 "$WORK/sphinx_index.log" >&2
    log "WARNING: Sphinx's indexer exited with $rc (log: $WORK/sphinx_index.log); no Sphinx queries"
  elif [ "$SKIP_QUERIES" = 1 ]; then
    :
  elif ! "$PY" -c 'import pymysql' 2> /dev/null; then
    log "sphinx: queries skipped (python3-pymysql is not installed)"
  else
    log "sphinx: starting $SPHINX_SEARCHD on 127.0.0.1:$SPHINX_PORT"
    "$SPHINX_SEARCHD" --config "$SPH/sphinx.conf" --nodetach > "$WORK/sphinx_searchd.out" 2>&1 &
    SPHINX_PID=$!
    for _ in $(seq 1 600); do
      grep -q 'accepting connections' "$SPH/log/searchd.log" 2> /dev/null && break
      kill -0 "$SPHINX_PID" 2>/dev/null || { cat "$WORK/sphinx_searchd.out" >&2; die "Sphinx's searchd exited before it accepted connections"; }
      sleep 0.1
    done
    grep -q 'accepting connections' "$SPH/log/searchd.log" || die "Sphinx's searchd did not accept connections within 60 s"
    metric sphinx_searchd_rss_start_kb "$(ps -o rss= -p "$SPHINX_PID" | tr -d ' ')"
    sqrc=0
    log "sphinx queries: 1 client ($SPHINX_PASSES passes, median)"
    "$PY" "$HERE/query_bench.py" --sphinx "127.0.0.1:$SPHINX_PORT" --queries "$CORPUS/queries.tsv" \
      --passes "$SPHINX_PASSES" --json "$WORK/sphinx_query_1.json" || sqrc=$?
    # Processes, not threads, as the peers' clients: with threads the Python client's lock held
    # Sphinx's short queries back (2 clients: 25-50 % fewer queries/s in a trial).
    for c in $CONNS; do
      log "sphinx queries: $c connections (processes) for $CONC_SECONDS s"
      "$PY" "$HERE/query_bench.py" --sphinx "127.0.0.1:$SPHINX_PORT" --queries "$CORPUS/queries.tsv" \
        --connections "$c" --seconds "$CONC_SECONDS" --processes --json "$WORK/sphinx_query_c$c.json" || sqrc=$?
    done
    metric sphinx_query_exit "$sqrc"
    [ "$sqrc" -eq 0 ] || log "WARNING: some Sphinx queries failed (see $WORK/sphinx_query_*.json)"
    metric sphinx_searchd_rss_end_kb "$(ps -o rss= -p "$SPHINX_PID" | tr -d ' ')"
    log "sphinx: stopping searchd (SIGTERM to $SPHINX_PID)"
    src=0
    stop_sphinx || src=$?
    metric sphinx_searchd_exit "$src"
  fi
else
  log "sphinx: skipped (PEERS=$PEERS SPHINX=$SPHINX; Sphinx's indexer and searchd are needed: Debian's sphinxsearch)"
fi

# --- 8. report ---
"$PY" "$HERE/report.py" --work "$WORK" --conns "$CONNS" --wrk-conns "$WRK_CONNS"
[ "$qrc" -eq 0 ] || die "some queries failed (see $WORK/query_*.json)"
