#!/usr/bin/env python3
"""Query latency and throughput of jil-searchd's JSON API over HTTP keep-alive (stdlib only).

  query_bench.py --port PORT --queries OUT/queries.tsv [--warmup 200] [--passes 1] [--json FILE]
  query_bench.py --port PORT --queries ... --connections 2 [--seconds 10]

One client (default): one keep-alive connection (http.client); an untimed warm-up of --warmup
queries, then every query of the file once per pass (GET /api/v1/search?q=&lang=&size=10, body
read in full). A query's latency is its median over the passes (the peers' method with
--passes 3). Prints count, errors, zero-hit queries, p50/p90/p99/max/mean latency in ms and QPS
(queries / wall time of the timed passes), overall, per language and per kind of query
(one word, several words, quoted phrase); QPS per group is 1000 / mean latency, as the peers'
figure. Latencies include the Python client and the loopback
round trip; "floor" is the same round trip for --floor-path (default /healthz), for reference.

--connections N: N threads, each with its own keep-alive connection, cycle through the queries
(from different offsets) for --seconds; prints requests/s and latency percentiles. The clients
share the machine's cores with searchd (as in the peers' runs).

--sphinx HOST:PORT: the same measurements against Sphinx's searchd over SphinxQL (the MySQL
protocol, python3-pymysql), as the peers measured it: per query
  SELECT id FROM corpus WHERE MATCH('...') LIMIT 10 OPTION ranker=proximity_bm25
(--sphinx-index names the index). The query text is lower-cased (so no word reads as an
operator: MAYBE, NEAR, SENTENCE, PARAGRAPH, ZONE), quoted phrases stay phrases, every other
character of Sphinx's query syntax is backslash-escaped, and the MATCH string is escaped again
for the SQL literal (backslash and single quote). Zero hits and match totals come from an
untimed pass with SHOW META after the timed ones; the floor is SHOW STATUS LIKE 'uptime'.
A query that searchd rejects counts as an error (status 400), a lost connection as status 0.

--processes: with --connections N, N processes instead of threads (no shared interpreter lock
on the client side; the peers' throughput clients were processes).

queries.tsv: "lang<TAB>query" per line (the peers' "lang<TAB>kind<TAB>query" is read too).
Exit status 0 when every request got HTTP 200 (or, with --sphinx, every query succeeded), 1
otherwise.
"""
import argparse
import http.client
import json
import multiprocessing
import statistics
import sys
import threading
import time
import urllib.parse

LANGS = ["ar", "en", "es", "fr", "ru", "zh"]


def load_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[-1]:
                out.append((parts[0], parts[-1]))
    return out


def kind_of(q):
    if '"' in q:
        return "phrase"
    return "multi" if " " in q.strip() else "one"


def pct(xs, p):
    """Nearest-rank percentile (as the peers' query_bench.py)."""
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]


def summarize(lat_ms, seconds=None, errors=0, zero=None, totals=None):
    if not lat_ms:
        return {"count": 0, "errors": errors}
    res = {"count": len(lat_ms), "errors": errors,
           "p50_ms": round(pct(lat_ms, 50), 3), "p90_ms": round(pct(lat_ms, 90), 3),
           "p99_ms": round(pct(lat_ms, 99), 3), "max_ms": round(max(lat_ms), 3),
           "mean_ms": round(statistics.mean(lat_ms), 3)}
    if zero is not None:
        res["zero_hits"] = zero
    if totals:
        res["median_total"] = statistics.median(totals)
    # sequential client: 1 / mean latency (the peers' QPS); concurrent: requests / wall time
    res["qps"] = round(len(lat_ms) / seconds if seconds else 1000.0 / statistics.mean(lat_ms), 1)
    return res


def with_one_reconnect(client, call, transient):
    """call() on client's connection (made if there is none); after a `transient` error, once more
    on a fresh connection (counted in client.reconnects). Returns call()'s (status, body), or
    (0, b"") when the second try fails too."""
    for attempt in (0, 1):
        try:
            if client.conn is None:
                client._connect()
            return call()
        except transient:
            client.conn = None
            if attempt == 0:
                client.reconnects += 1
    return 0, b""


class Client:
    """One keep-alive connection; reconnects once if the server closed it between requests."""

    def __init__(self, host, port, timeout, path, size):
        self.host, self.port, self.timeout, self.path, self.size = host, port, timeout, path, size
        self.conn = None
        self.reconnects = 0

    def _connect(self):
        if self.conn:
            self.conn.close()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def get(self, target):
        """Returns (status, body bytes); status 0 on a connection error."""
        def request():
            self.conn.request("GET", target, headers={"Accept": "application/json"})
            resp = self.conn.getresponse()
            body = resp.read()
            if resp.will_close:
                self.conn.close()
                self.conn = None
            return resp.status, body
        return with_one_reconnect(self, request, (http.client.HTTPException, OSError))

    def search_target(self, lang, q):
        query = urllib.parse.urlencode({"q": q, "lang": lang, "size": self.size}, quote_via=urllib.parse.quote)
        return f"{self.path}?{query}"


def total_of(body):
    """Number of matches from a search response; None if it cannot be read."""
    try:
        obj = json.loads(body)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    t = obj.get("total")
    if isinstance(t, dict):
        t = t.get("value", t.get("estimated"))
    if isinstance(t, (int, float)):
        return int(t)
    results = obj.get("results")
    return len(results) if isinstance(results, list) else None


# Characters of Sphinx 2.2's extended query syntax (sphinxapi's EscapeString list and a few more
# that are harmless to escape); '"' is handled apart, as the phrase operator.
SPHINX_SPECIAL = set('\\()|-!@~&/^$=<>*?%:[]')


def sphinx_escape_words(text):
    return "".join("\\" + ch if ch in SPHINX_SPECIAL else ch for ch in text)


def sphinx_match(q):
    """A queries.tsv query as a Sphinx MATCH expression: words AND-ed, "..." kept as phrases."""
    parts = q.lower().split('"')
    if len(parts) % 2 == 0:  # unbalanced quote: the last one is a plain character
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    out = []
    for i, part in enumerate(parts):
        esc = sphinx_escape_words(part)
        if i % 2 and esc.strip():
            out.append(f'"{esc.strip()}"')
        elif esc.strip():
            out.append(esc.strip())
    return " ".join(out)


def sql_string(s):
    """A SphinxQL single-quoted literal."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


class SphinxClient:
    """One SphinxQL connection (pymysql) with Client's interface: targets are SQL statements."""

    def __init__(self, host, port, timeout, index, size):
        import pymysql  # python3-pymysql; only this mode needs it
        self.pymysql = pymysql
        self.host, self.port, self.timeout, self.index, self.size = host, port, timeout, index, size
        self.conn = None
        self.reconnects = 0

    def _connect(self):
        if self.conn:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - a broken connection may fail to close
                pass
        self.conn = self.pymysql.connect(host=self.host, port=self.port, user="", charset="utf8mb4",
                                         autocommit=True, connect_timeout=self.timeout,
                                         read_timeout=self.timeout, write_timeout=self.timeout)

    def get(self, sql):
        """Returns (status, rows): 200 and the rows, 400 and the message if searchd rejected
        the statement, 0 on a connection error."""
        err = self.pymysql.err

        def execute():
            try:
                with self.conn.cursor() as cur:
                    cur.execute(sql)
                    return 200, cur.fetchall()
            except (err.ProgrammingError, err.InternalError, err.DataError, err.NotSupportedError) as e:
                return 400, str(e).encode()
        return with_one_reconnect(self, execute, (err.OperationalError, err.InterfaceError, OSError))

    def search_target(self, lang, q):
        return (f"SELECT id FROM {self.index} WHERE MATCH({sql_string(sphinx_match(q))}) "
                f"LIMIT {self.size} OPTION ranker=proximity_bm25")

    def totals(self, targets):
        """total_found of each statement (SHOW META after it), untimed; None where it failed."""
        out = []
        for tgt in targets:
            st, _ = self.get(tgt)
            meta_st, rows = self.get("SHOW META") if st == 200 else (0, ())
            meta = dict(rows) if meta_st == 200 else {}
            out.append(int(meta["total_found"]) if str(meta.get("total_found", "")).isdigit() else None)
        return out


def make_client(a):
    if a.sphinx:
        host, _, port = a.sphinx.rpartition(":")
        return SphinxClient(host or "127.0.0.1", int(port), a.timeout, a.sphinx_index, a.size)
    return Client(a.host, a.port, a.timeout, a.path, a.size)


def floor_rtt(client, path, n=200):
    lat = []
    for _ in range(n):
        t0 = time.perf_counter()
        status, _ = client.get(path)
        lat.append((time.perf_counter() - t0) * 1000.0)
        if status == 0:
            return None
    return {"path": path, "p50_ms": round(pct(lat, 50), 3), "p99_ms": round(pct(lat, 99), 3)}


def one_client(a, queries):
    c = make_client(a)
    targets = [c.search_target(l, q) for l, q in queries]
    first_error = None
    for i in range(min(a.warmup, len(targets)) if a.warmup else 0):
        c.get(targets[i % len(targets)])
    per = [[] for _ in targets]
    status = [200] * len(targets)
    bodies = [b""] * len(targets)
    down = 0
    t_start = time.perf_counter()
    for _ in range(a.passes):
        for i, tgt in enumerate(targets):
            t0 = time.perf_counter()
            st, body = c.get(tgt)
            per[i].append((time.perf_counter() - t0) * 1000.0)
            if st != 200:
                status[i] = st
                if first_error is None:
                    first_error = f"HTTP {st} for {tgt}: {body[:200]!r}"
            bodies[i] = body
            down = down + 1 if st == 0 else 0
            if down >= 20:
                sys.exit(f"query_bench: 20 connection failures in a row (last: {tgt}); is searchd up?")
    wall = time.perf_counter() - t_start
    lat = [statistics.median(x) for x in per]
    if hasattr(c, "totals"):  # Sphinx: SHOW META, untimed
        totals = c.totals(targets)
        totals = [t if s == 200 else None for s, t in zip(status, totals)]
    else:
        totals = [total_of(b) if s == 200 else None for s, b in zip(status, bodies)]
    ok = [i for i, s in enumerate(status) if s == 200]
    unreadable = sum(1 for i in ok if totals[i] is None)

    def group(idx, seconds=None):
        return summarize([lat[i] for i in idx], seconds,
                         errors=sum(1 for i in idx if status[i] != 200),
                         zero=sum(1 for i in idx if totals[i] == 0),
                         totals=[totals[i] for i in idx if totals[i] is not None])
    everything = list(range(len(targets)))
    res = {"mode": "1 client", "passes": a.passes, "warmup": a.warmup, **group(everything),
           "qps_wall": round(len(targets) * a.passes / wall, 1), "wall_s": round(wall, 2),
           "unreadable_totals": unreadable, "reconnects": c.reconnects}
    res["per_lang"] = {l: group([i for i in everything if queries[i][0] == l])
                       for l in sorted({q[0] for q in queries})}
    res["per_kind"] = {k: group([i for i in everything if kind_of(queries[i][1]) == k])
                       for k in ("one", "multi", "phrase")}
    if a.floor_path:
        res["floor"] = floor_rtt(c, a.floor_path)
    if first_error:
        res["first_error"] = first_error
    return res


def client_worker(a, queries, k, n, barrier, out):
    """One closed-loop client of many_clients (a thread or a process); puts (latencies, errors)."""
    c = make_client(a)
    targets = [c.search_target(l, q) for l, q in queries]
    off = k * len(targets) // n
    for i in range(max(1, a.warmup // n)):
        c.get(targets[(off + i) % len(targets)])
    mine, errs, i = [], 0, off
    barrier.wait()
    stop = time.perf_counter() + a.seconds
    while time.perf_counter() < stop:
        t0 = time.perf_counter()
        st, _ = c.get(targets[i % len(targets)])
        mine.append((time.perf_counter() - t0) * 1000.0)
        errs += st != 200
        i += 1
    out.put((mine, errs))


def many_clients(a, queries):
    n = a.connections
    if a.processes:
        ctx = multiprocessing.get_context("fork")
        barrier, out = ctx.Barrier(n + 1), ctx.Queue()
        workers = [ctx.Process(target=client_worker, args=(a, queries, k, n, barrier, out)) for k in range(n)]
    else:
        import queue
        barrier, out = threading.Barrier(n + 1), queue.Queue()
        workers = [threading.Thread(target=client_worker, args=(a, queries, k, n, barrier, out))
                   for k in range(n)]
    for w in workers:
        w.start()
    barrier.wait()  # all warmed up
    t0 = time.perf_counter()
    lat, errors = [], 0
    for _ in workers:
        mine, errs = out.get()
        lat.extend(mine)
        errors += errs
    wall = time.perf_counter() - t0
    for w in workers:
        w.join()
    res = {"mode": f"{n} connections", "connections": n, "seconds": round(wall, 2),
           "clients": "processes" if a.processes else "threads",
           **summarize(lat, wall, errors=errors)}
    return res


def print_table(res):
    if res["mode"] != "1 client":
        print(f"{res['mode']}: {res['count']} requests in {res['seconds']} s = {res.get('qps', 0)} req/s, "
              f"errors {res['errors']}, p50 {res.get('p50_ms')} ms, p90 {res.get('p90_ms')} ms, "
              f"p99 {res.get('p99_ms')} ms, max {res.get('max_ms')} ms")
        return
    cols = ["count", "errors", "zero_hits", "p50_ms", "p90_ms", "p99_ms", "max_ms", "mean_ms", "qps"]
    print(f"1 client, keep-alive, {res['passes']} timed pass(es) after {res['warmup']} warm-up queries; "
          f"wall {res['wall_s']} s = {res['qps_wall']} queries/s; qps column = 1000 / mean_ms")
    print(f"{'':8}" + "".join(f"{c:>10}" for c in cols))
    rows = [("all", res)] + list(res["per_lang"].items()) + list(res["per_kind"].items())
    for name, r in rows:
        print(f"{name:8}" + "".join(f"{r.get(c, ''):>10}" for c in cols))
    if res.get("floor"):
        f = res["floor"]
        what = f['path'] if f['path'].upper().startswith("SHOW") else f"GET {f['path']}"
        print(f"round-trip floor ({what}): p50 {f['p50_ms']} ms, p99 {f['p99_ms']} ms")
    if res.get("unreadable_totals"):
        print(f"warning: {res['unreadable_totals']} responses had no readable 'total'")
    if res.get("first_error"):
        print(f"first error: {res['first_error']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, help="jil-searchd's port (required without --sphinx)")
    ap.add_argument("--sphinx", metavar="HOST:PORT", help="measure Sphinx's searchd over SphinxQL instead")
    ap.add_argument("--sphinx-index", default="corpus", help="Sphinx index name (default corpus)")
    ap.add_argument("--processes", action="store_true", help="--connections N as processes, not threads")
    ap.add_argument("--queries", required=True, help="queries.tsv (lang TAB query)")
    ap.add_argument("--path", default="/api/v1/search", help="search route (default /api/v1/search)")
    ap.add_argument("--size", type=int, default=10, help="results per query (default 10)")
    ap.add_argument("--warmup", type=int, default=200, help="untimed queries first (default 200)")
    ap.add_argument("--passes", type=int, default=1, help="timed passes over all queries (default 1)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N queries (default all)")
    ap.add_argument("--connections", type=int, default=1, help="concurrent clients (threads)")
    ap.add_argument("--seconds", type=float, default=10.0, help="duration with --connections > 1")
    ap.add_argument("--timeout", type=float, default=30.0, help="per-request socket timeout, s")
    ap.add_argument("--floor-path", default=None,
                    help="round-trip reference: a path (default /healthz), with --sphinx a statement "
                         "(default SHOW STATUS LIKE 'uptime'); '' to skip")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()
    if not a.sphinx and a.port is None:
        ap.error("--port or --sphinx is required")
    if a.floor_path is None:
        a.floor_path = "SHOW STATUS LIKE 'uptime'" if a.sphinx else "/healthz"
    queries = load_queries(a.queries)
    if a.limit:
        queries = queries[: a.limit]
    if not queries:
        sys.exit(f"query_bench: no queries in {a.queries}")
    res = one_client(a, queries) if a.connections <= 1 else many_clients(a, queries)
    res["queries_file"] = a.queries
    res["server"] = f"sphinx {a.sphinx} index {a.sphinx_index}" if a.sphinx else f"jil-searchd {a.host}:{a.port}"
    print_table(res)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(res, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0 if res.get("errors", 0) == 0 and res.get("count", 0) > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
