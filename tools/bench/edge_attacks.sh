#!/usr/bin/env bash
# The long HTTP-edge attacks of RELIABILITY.md against a real jil-searchd over corpus/: the
# slowhttptest runs of R6 (slow headers, slow body, slow read; T-H5) with a probe, then
# edge_attacks.py (chunk-extension and trailer floods, T-H4; pipelining flood, T-H8; connection
# flood, T-H7). Prints figures, asserts nothing. Needs a built build/dev (or BUILD=dir) and, for
# the slowhttptest part, `apt-get install slowhttptest` (tools/setup.sh bench installs it).
#   bash tools/bench/edge_attacks.sh            # SLOW_SECONDS=120 CONNECTIONS=20000 by default
# PER_CLIENT=N runs searchd with --max-connections-per-client N (e.g. 4096: the attack's 1,000
# connections then stand for 1,000 addresses, and slowhttptest's own availability check, made
# from the attacker's address, is not refused by the per-client cap); FLOODS=0 skips
# edge_attacks.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${BUILD:-build/dev}"
work="$(mktemp -d /tmp/jil-edge-XXXXXX)"
slow_seconds="${SLOW_SECONDS:-120}"
searchd_pid=
cleanup() {
  [ -n "$searchd_pid" ] && kill "$searchd_pid" 2>/dev/null && wait "$searchd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$build/indexer/jil-indexer" index --db "$work/db" --store "$work/store" --quiet corpus >/dev/null
# A connection cap above the attacks' connection count is not wanted: the defaults (2,048 in
# all, 32 per client address) hold; the probe comes from 127.0.0.2, another client.
ulimit -n 65536 2>/dev/null || true
# The anonymous API rate limit is lifted so that the probe measures the edge, not the limiter.
"$build/searchd/jil-searchd" --db "$work/db" --store "$work/store" --web web --port 0 \
  --threads 2 --anonymous-rate 100000 --anonymous-burst 1000000 \
  --max-connections-per-client "${PER_CLIENT:-32}" \
  >"$work/searchd.out" 2>"$work/searchd.err" &
searchd_pid=$!
for _ in $(seq 100); do grep -q listening "$work/searchd.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/searchd.out")"
echo "jil-searchd pid $searchd_pid on port $port"

if command -v slowhttptest >/dev/null; then
  for mode in "-H" "-B" "-X -k 1 -n 30 -w 1 -y 2"; do
    python3 - "$port" "$slow_seconds" <<'PY' &
import http.client, sys, time
port, seconds = int(sys.argv[1]), int(sys.argv[2])
ok = failed = 0; worst = 0.0; end = time.monotonic() + seconds
while time.monotonic() < end:
    start = time.monotonic()
    for target in ("/healthz", "/api/v1/search?q=judge&size=1"):
        try:  # from 127.0.0.2: another client than the attacker (searchd caps each address)
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5,
                                           source_address=("127.0.0.2", 0))
            c.request("GET", target); r = c.getresponse(); r.read(); c.close()
            ok += r.status == 200; failed += r.status != 200
        except Exception:
            failed += 1
    worst = max(worst, time.monotonic() - start); time.sleep(1)
print(f"  probe (healthz + 1 search/s from 127.0.0.2): ok {ok}, failed {failed}, "
      f"{100 * ok / max(1, ok + failed):.1f} % OK, worst {worst * 1000:.0f} ms", flush=True)
PY
    probe=$!
    echo "slowhttptest $mode -c 1000 -r 200 -i 10 -l $slow_seconds"
    # shellcheck disable=SC2086
    slowhttptest $mode -c 1000 -r 200 -i 10 -l "$slow_seconds" -u "http://127.0.0.1:$port/" \
      -o "$work/slow" 2>&1 | grep -E "service available|exit status|pending|connected|closed" | tail -5 || true
    echo "  searchd: $(curl -s --interface 127.0.0.2 "http://127.0.0.1:$port/metrics" 2>/dev/null |
      grep -E '^jil_(connections_refused|responses_cut|requests_shed)' | tr '\n' ' ')" || true
    wait "$probe"
  done
else
  echo "slowhttptest is not installed: skipping T-H5 (apt-get install slowhttptest)"
fi

if [ "${FLOODS:-1}" != 0 ]; then
  python3 tools/bench/edge_attacks.py "$port" "$searchd_pid" --connections "${CONNECTIONS:-20000}"
fi
