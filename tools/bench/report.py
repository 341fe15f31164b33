#!/usr/bin/env python3
"""Turns a run.sh work folder into one table next to the peers' figures, and WORK/results.json.

  report.py --work /tmp/jil-bench [--conns "2 4"]

Reads WORK/gen.json (generator summary), WORK/index.time (/usr/bin/time -v), WORK/run.tsv
(sizes, exit codes, searchd RSS written by run.sh), WORK/query_1.json and WORK/query_cN.json
(query_bench.py). The peers' figures are those of /work/shared/bench-peers/RESULTS.md (20,000
docs, 207.2 MB of text, same machine kind); "JIL/peer" is JIL's figure divided by the peer's.
When run.sh measured peers in the same run, their columns come first: omindex (WORK/omindex.time,
omindex_* in run.tsv) and Sphinx (WORK/sphinx_index.time, sphinx_feed.time, sphinx_feed.json,
sphinx_query_1.json, sphinx_query_cN.json, sphinx_* in run.tsv).
"""
import argparse
import datetime
import json
import statistics
import os
import platform
import re
import subprocess
import sys

# /work/shared/bench-peers/RESULTS.md, Summary and sections 1-3 (2026-11-23, 2 vCPU, Debian 12)
PEERS_SOURCE = "/work/shared/bench-peers/RESULTS.md"
PEERS_CORPUS = {"docs": 20000, "text_bytes": 207249778}
PEERS = {
    "omindex": {"label": "omindex+Xapian", "docs_per_s": 82, "text_mb_per_s": 0.85, "index_ratio": 4.39,
                "compact_ratio": 2.64, "index_peak_rss_mb": 1870, "p50_ms": 0.191, "p90_ms": 0.303,
                "p99_ms": 0.446, "qps_1": 5230, "qps_2": 11233,
                "note": "queries in process (python3-xapian), no HTTP"},
    "sphinx": {"label": "Sphinx", "docs_per_s": 1228, "text_mb_per_s": 12.7, "index_ratio": 0.49,
               "index_peak_rss_mb": 618, "p50_ms": 0.568, "p90_ms": 1.576, "p99_ms": 5.125,
               "qps_1": 1143, "qps_2": 2329, "qps_4": 2227,
               "note": "SphinxQL over loopback (pymysql), RTT floor 0.36 ms"},
    "pg": {"label": "PostgreSQL", "docs_per_s": 412, "text_mb_per_s": 4.3, "index_ratio": 0.49,
           "p50_ms": 1.615, "p90_ms": 21.354, "p99_ms": 48.003, "qps_1": 178, "qps_2": 325,
           "note": "GIN only in the ratio (2.37 with the table); psycopg2 over loopback"},
    "omega_http": {"label": "omega CGI HTTP", "p50_ms": 8.2, "p99_ms": 36.2, "qps_1": 115,
                   "qps_2": 244, "qps_4": 273,
                   "note": "lighttpd + omega CGI, wrk; 1 client 110-120 req/s (midpoint), p50 7.9-8.4 ms"},
}
PEER_ORDER = ["omindex", "sphinx", "pg", "omega_http"]
LOWER_IS_BETTER = {"index_ratio", "compact_ratio", "index_peak_rss_mb", "p50_ms", "p90_ms", "p99_ms"}


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def read_json_lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip().startswith("{")]
    except (OSError, ValueError):
        return []


def read_metrics(path):
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("\t")
                out[k] = v
    except OSError:
        pass
    return out


def read_time_v(path):
    """Wall seconds, user, sys, peak RSS (KB) from /usr/bin/time -v output."""
    res = {}
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return res
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):
            secs = secs * 60 + float(part)
        res["wall_s"] = secs
    for key, pat in (("user_s", r"User time \(seconds\): ([0-9.]+)"),
                     ("sys_s", r"System time \(seconds\): ([0-9.]+)"),
                     ("peak_rss_kb", r"Maximum resident set size \(kbytes\): ([0-9]+)"),
                     ("cpu_percent", r"Percent of CPU this job got: ([0-9]+)%")):
        m = re.search(pat, text)
        if m:
            res[key] = float(m.group(1))
    return res


def run_text(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine():
    info = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "nproc": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/meminfo") as f:
            info["mem_total_kb"] = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    except (OSError, AttributeError):
        pass
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            info["cpu_model"] = m.group(1).strip() if m else ""
    except OSError:
        pass
    try:
        with open("/etc/debian_version") as f:
            info["debian"] = f.read().strip()
    except OSError:
        pass
    info["affinity_cpus"] = len(os.sched_getaffinity(0))
    info["loadavg_at_report"] = open("/proc/loadavg").read().split()[:3]
    xv = run_text(["dpkg-query", "-W", "-f=${Version}", "libxapian30"])
    info["xapian"] = xv or run_text(["xapian-compact", "--version"])
    info["icu"] = run_text(["dpkg-query", "-W", "-f=${Version}", "libicu72"])
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    info["jil_commit"] = run_text(["git", "-C", root, "rev-parse", "--short", "HEAD"]) or "none"
    info["jil_dirty"] = bool(run_text(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"]))
    return info


def fmt(v, nd=2):
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.{nd}f}" if abs(v) >= 1 else f"{v:.{max(nd, 3)}f}"


def cpu_ms_per_doc(tv, docs):
    if not docs or tv.get("user_s") is None:
        return None
    return (tv.get("user_s", 0) + tv.get("sys_s", 0)) * 1000 / docs


def live_omindex(w, met, docs, text_bytes):
    """omindex's indexing figures of this run, in the table's keys; None if it did not run."""
    tv = read_time_v(os.path.join(w, "omindex.time"))
    wall = tv.get("wall_s")
    if not wall:
        return None
    db = int(met["omindex_db_bytes"]) if met.get("omindex_db_bytes") else None
    comp = int(met["omindex_compact_bytes"]) if met.get("omindex_compact_bytes") else None
    return {"docs_per_s": docs / wall if docs else None,
            "text_mb_per_s": text_bytes / 1e6 / wall if text_bytes else None,
            "index_ratio": db / text_bytes if db and text_bytes else None,
            "compact_ratio": comp / text_bytes if comp and text_bytes else None,
            "index_peak_rss_mb": tv["peak_rss_kb"] / 1024 if tv.get("peak_rss_kb") else None,
            "index_cpu_ms_per_doc": cpu_ms_per_doc(tv, docs)}


def live_sphinx(w, met, docs, text_bytes, conns):
    """Sphinx's figures of this run, in the table's keys, and the raw ones; (None, None) if absent."""
    tv = read_time_v(os.path.join(w, "sphinx_index.time"))
    wall = tv.get("wall_s")
    if not wall:
        return None, None
    feed_tv = read_time_v(os.path.join(w, "sphinx_feed.time"))
    feed = read_json(os.path.join(w, "sphinx_feed.json")) or {}
    q1 = read_json(os.path.join(w, "sphinx_query_1.json")) or {}
    index_bytes = int(met["sphinx_index_bytes"]) if met.get("sphinx_index_bytes") else None
    fig = {"docs_per_s": docs / wall if docs else None,
           "text_mb_per_s": text_bytes / 1e6 / wall if text_bytes else None,
           "index_ratio": index_bytes / text_bytes if index_bytes and text_bytes else None,
           "index_peak_rss_mb": tv["peak_rss_kb"] / 1024 if tv.get("peak_rss_kb") else None,
           "index_cpu_ms_per_doc": cpu_ms_per_doc(tv, docs),
           "p50_ms": q1.get("p50_ms"), "p90_ms": q1.get("p90_ms"), "p99_ms": q1.get("p99_ms"),
           "qps_1": q1.get("qps")}
    conc = {}
    for c in conns:
        r = read_json(os.path.join(w, f"sphinx_query_c{c}.json"))
        if r:
            conc[str(c)] = r
            fig[f"qps_{c}"] = r.get("qps")
    searchd = {k: int(met[m]) if met.get(m, "").lstrip("-").isdigit() else None
               for k, m in (("rss_start_kb", "sphinx_searchd_rss_start_kb"),
                            ("rss_end_kb", "sphinx_searchd_rss_end_kb"),
                            ("exit_after_sigterm", "sphinx_searchd_exit"))}
    raw = {"program": "Sphinx 2.2 indexer + searchd (Debian sphinxsearch), xmlpipe2, plain index, "
                      "no morphology, CJK unigrams; SphinxQL over loopback (pymysql)",
           "index": {"wall_s": wall, "user_s": tv.get("user_s"), "sys_s": tv.get("sys_s"),
                     "cpu_percent": tv.get("cpu_percent"), "peak_rss_kb": tv.get("peak_rss_kb"),
                     "exit": int(met.get("sphinx_index_exit", -1)), "index_bytes": index_bytes,
                     "docs_indexed": int(met["sphinx_index_docs"]) if met.get("sphinx_index_docs") else None,
                     "loadavg_before": met.get("loadavg_before_sphinx")},
           "feed": {**feed, "wall_s": feed_tv.get("wall_s"), "user_s": feed_tv.get("user_s"),
                    "sys_s": feed_tv.get("sys_s"), "peak_rss_kb": feed_tv.get("peak_rss_kb")},
           "searchd": searchd, "query_exit": int(met["sphinx_query_exit"])
           if met.get("sphinx_query_exit", "").isdigit() else None,
           "query_1_client": q1, "query_concurrent": conc,
           "figures": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in fig.items()}}
    if feed_tv.get("wall_s") and docs:
        raw["docs_per_s_with_feed"] = round(docs / (wall + feed_tv["wall_s"]), 1)
    return fig, raw


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--conns", default="2 4")
    ap.add_argument("--wrk-conns", default="1 2 8")
    a = ap.parse_args()
    w = a.work
    gen = read_json(os.path.join(w, "gen.json")) or {}
    met = read_metrics(os.path.join(w, "run.tsv"))
    tv = read_time_v(os.path.join(w, "index.time"))
    q1 = read_json(os.path.join(w, "query_1.json")) or {}
    conc = {}
    for c in a.conns.split():
        r = read_json(os.path.join(w, f"query_c{c}.json"))
        if r:
            conc[int(c)] = r

    docs = gen.get("docs")
    text_bytes = gen.get("text_bytes")
    wall = tv.get("wall_s")
    db_bytes = int(met["db_bytes"]) if met.get("db_bytes") else None
    compact_bytes = int(met["compact_bytes"]) if met.get("compact_bytes") else None
    store_bytes = int(met["store_bytes"]) if met.get("store_bytes") else None
    jil = {
        "docs_per_s": docs / wall if docs and wall else None,
        "text_mb_per_s": text_bytes / 1e6 / wall if text_bytes and wall else None,
        "index_ratio": db_bytes / text_bytes if db_bytes and text_bytes else None,
        "compact_ratio": compact_bytes / text_bytes if compact_bytes and text_bytes else None,
        "index_peak_rss_mb": tv["peak_rss_kb"] / 1024 if tv.get("peak_rss_kb") else None,
        # CPU (user + system, the extractor children included) per document: steadier than
        # docs/s on a shared machine.
        "index_cpu_ms_per_doc": (tv.get("user_s", 0) + tv.get("sys_s", 0)) * 1000 / docs
        if docs and tv.get("user_s") is not None else None,
        "p50_ms": q1.get("p50_ms"), "p90_ms": q1.get("p90_ms"), "p99_ms": q1.get("p99_ms"),
        "qps_1": q1.get("qps"),
    }
    for c, r in conc.items():
        jil[f"qps_{c}"] = r.get("qps")

    rows = [("index docs/s", "docs_per_s"), ("index MB/s (text)", "text_mb_per_s"),
            ("index size / text", "index_ratio"), ("compacted / text", "compact_ratio"),
            ("indexer peak RSS MB", "index_peak_rss_mb"),
            ("index CPU ms/doc", "index_cpu_ms_per_doc"), ("query p50 ms", "p50_ms"),
            ("query p90 ms", "p90_ms"), ("query p99 ms", "p99_ms"), ("QPS 1 client", "qps_1")]
    rows += [(f"QPS {c} clients", f"qps_{c}") for c in sorted(conc)]
    # Columns: the peers measured in this run first, then the published figures.
    omindex_here = live_omindex(w, met, docs, text_bytes)
    sphinx_here, sphinx_raw = live_sphinx(w, met, docs, text_bytes, sorted(conc))
    columns = []
    if omindex_here:
        columns.append(("omindex_this_run", "omindex (this run)", omindex_here))
    if sphinx_here:
        columns.append(("sphinx_this_run", "Sphinx (this run)", sphinx_here))
    live_cols = len(columns)
    columns += [(p, PEERS[p]["label"] + (" (pub.)" if live_cols else ""), PEERS[p]) for p in PEER_ORDER]
    ratios = {}
    head = ["figure", "JIL"] + [label for _, label, _ in columns]
    table = []
    for label, key in rows:
        cells = [label, fmt(jil.get(key))]
        for p, _, figures in columns:
            pv = figures.get(key)
            if pv is None:
                cells.append("—")
                continue
            cell = fmt(pv)
            if jil.get(key) is not None and pv:
                r = jil[key] / pv
                ratios.setdefault(p, {})[key] = round(r, 3)
                cell += f" (×{r:.2f})"
            cells.append(cell)
        table.append(cells)

    widths = [max(len(r[i]) for r in [head] + table) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(c.ljust(wd) for c, wd in zip(cells, widths)) + " |"  # noqa: E731
    print()
    print(f"JIL benchmark: {docs or '?'} docs, {fmt((text_bytes or 0) / 1e6, 1)} MB text "
          + ("(\"this run\": the same corpus, measured in this run; " if live_cols else "(")
          + f"published peers: {PEERS_CORPUS['docs']:,} docs, {PEERS_CORPUS['text_bytes'] / 1e6:.1f} MB)")
    print(line(head))
    print("| " + " | ".join("-" * wd for wd in widths) + " |")
    for cells in table:
        print(line(cells))
    print("(×r) = JIL ÷ peer: above 1 is better for docs/s, MB/s and QPS; below 1 is better for size, "
          "RSS and latency.")
    print("JIL latencies: Python http.client over loopback keep-alive, full JSON body with snippets; "
          "peers: " + "; ".join(f"{PEERS[p]['label']}: {PEERS[p]['note']}" for p in PEER_ORDER) + ".")
    if q1:
        fl = q1.get("floor") or {}
        print(f"JIL queries: {q1.get('count')} ({q1.get('passes')} pass), errors {q1.get('errors')}, "
              f"zero-hit {q1.get('zero_hits')}, median total {q1.get('median_total')}, "
              f"max {q1.get('max_ms')} ms" + (f", HTTP round-trip floor p50 {fl.get('p50_ms')} ms" if fl else ""))
        print("  per language p50/p99 ms: " + ", ".join(
            f"{l} {r.get('p50_ms')}/{r.get('p99_ms')}" for l, r in sorted(q1.get("per_lang", {}).items())))
    if sphinx_raw:
        si, sf, sq = sphinx_raw["index"], sphinx_raw["feed"], sphinx_raw["query_1_client"]
        print(f"Sphinx (this run): indexer wall {fmt(si['wall_s'])} s, user {fmt(si['user_s'])} s, "
              f"sys {fmt(si['sys_s'])} s, {si['docs_indexed']} docs, index {fmt((si['index_bytes'] or 0) / 1e6, 1)} MB; "
              f"xmlpipe2 feed built beforehand by sphinx_feed.py in {fmt(sf.get('wall_s'))} s "
              f"(docs/s with it {sphinx_raw.get('docs_per_s_with_feed', '—')}); load average before "
              f"{si['loadavg_before']}")
        if sq:
            fl = sq.get("floor") or {}
            sd = sphinx_raw["searchd"]
            print(f"  SphinxQL queries: {sq.get('count')} ({sq.get('passes')} passes, median), errors "
                  f"{sq.get('errors')}, zero-hit {sq.get('zero_hits')}, median total {sq.get('median_total')}"
                  + (f", round-trip floor (SHOW STATUS) p50 {fl.get('p50_ms')} ms" if fl else "")
                  + f"; searchd RSS {fmt((sd.get('rss_end_kb') or 0) / 1024, 1)} MB after the queries")
            print("  per language p50/p99 ms: " + ", ".join(
                f"{l} {r.get('p50_ms')}/{r.get('p99_ms')}" for l, r in sorted(sq.get("per_lang", {}).items())))
            print("  Sphinx answers ids only (no HTTP, no facets, no snippets, no stemming): its latency is "
                  "a lower bound for a search service, JIL's includes all of those.")
        if si["exit"] != 0:
            print(f"WARNING: Sphinx's indexer exited with {si['exit']}; see {os.path.join(w, 'sphinx_index.log')}")
        if si.get("docs_indexed") and docs and si["docs_indexed"] != docs:
            print(f"WARNING: Sphinx indexed {si['docs_indexed']} documents, the corpus has {docs}")
    if compact_bytes is None and met.get("compact_error"):
        print(f"xapian-compact failed: {met['compact_error']}")
    if store_bytes:
        print(f"store (originals): {fmt(store_bytes / 1e6, 1)} MB; indexer wall {fmt(wall)} s, "
              f"user {fmt(tv.get('user_s'))} s, sys {fmt(tv.get('sys_s'))} s")
    if met.get("index_exit", "0") != "0":
        print(f"WARNING: jil-indexer exited with {met['index_exit']}; see {os.path.join(w, 'index.log')}")
    if met.get("db_doccount") and docs and int(met["db_doccount"]) != docs:
        print(f"WARNING: the index holds {met['db_doccount']} documents, the corpus {docs}")
    if docs and docs != PEERS_CORPUS["docs"]:
        print(f"NOTE: N={docs}, the peers ran 20,000 docs: throughput compares, sizes and latencies only roughly.")

    # Measured in this run: wrk over HTTP for JIL (API, HTML) and Omega's CGI, and omindex.
    live = {}
    for kind in ("api", "html", "api_nocache", "html_nocache", "api_meta_nocache", "omega"):
        for c in a.wrk_conns.split():
            figure = read_json(os.path.join(w, f"wrk_{kind}_c{c}.json"))
            if figure:
                live.setdefault(kind, {})[c] = figure
    for kind in ("api", "html", "omega"):
        figure = read_json(os.path.join(w, f"cpu_{kind}.json"))
        if figure:
            live.setdefault("cpu_per_request", {})[kind] = figure
    for kind, name in (("full", "search_bench.jsonl"), ("metadata_only", "search_bench_meta.jsonl")):
        rounds = read_json_lines(os.path.join(w, name))[1:]  # the first round warms the caches
        if rounds:
            live.setdefault("search_alone", {})[kind] = {
                "rounds": len(rounds),
                "cpu_ms_per_search": statistics.median(r["cpu_ms_per_search"] for r in rounds),
                "p50_ms": statistics.median(r["p50_ms"] for r in rounds),
                "p99_ms": statistics.median(r["p99_ms"] for r in rounds)}
    omindex_time = read_time_v(os.path.join(w, "omindex.time"))
    if omindex_time.get("wall_s"):
        live["omindex"] = {"wall_s": omindex_time["wall_s"], "peak_rss_kb": omindex_time.get("peak_rss_kb"),
                           "docs_per_s": round(docs / omindex_time["wall_s"], 1) if docs else None,
                           "cpu_ms_per_doc": round((omindex_time.get("user_s", 0)
                                                    + omindex_time.get("sys_s", 0)) * 1000 / docs, 2)
                           if docs else None,
                           "loadavg_before": met.get("loadavg_before_omindex"),
                           "db_bytes": int(met["omindex_db_bytes"]) if met.get("omindex_db_bytes") else None,
                           "compact_bytes": int(met["omindex_compact_bytes"])
                           if met.get("omindex_compact_bytes") else None}
    if live:
        print()
        print("Measured in this run (wrk; requests/s, p50/p99/p99.9 ms as wrk gives them, with its\n"
              "coordinated-omission correction [each request's own p99], errors):")
        for c in a.wrk_conns.split():
            cells = []
            for kind, label in (("api", "JIL API"), ("html", "JIL HTML"),
                                ("api_nocache", "JIL API no cache"),
                                ("html_nocache", "JIL HTML no cache"),
                                ("api_meta_nocache", "JIL API metadata fields no cache"),
                                ("omega", "Omega CGI")):
                f = live.get(kind, {}).get(c)
                if f:
                    own = f" [{f['own_p99_ms']:.2f}]" if "own_p99_ms" in f else ""
                    cells.append(f"{label} {f['rps']:.0f} req/s {f['p50_ms']:.2f}/{f['p99_ms']:.2f}/"
                                 f"{f['p999_ms']:.2f} ms{own} err {f['errors']}")
            omega = live.get("omega", {}).get(c)
            ratio = ""
            for kind, label in (("api", "JIL API"), ("api_nocache", "JIL API no cache"),
                                ("html_nocache", "JIL HTML no cache"),
                                ("api_meta_nocache", "JIL API metadata fields no cache")):
                jil_run = live.get(kind, {}).get(c)
                if omega and jil_run and omega["rps"]:
                    ratio += f"; {label} ÷ Omega {jil_run['rps'] / omega['rps']:.2f}×"
            print(f"  {c} connection(s):\n    " + "\n    ".join(cells) + ratio)
        cpu = live.get("cpu_per_request", {})
        if cpu:
            print("  server CPU per request (one connection, %s requests; JIL uncached): " % (
                next(iter(cpu.values()))["requests"]) + "; ".join(
                f"{k} {v['cpu_ms_per_request']:.2f} ms ({v['rps_per_idle_core']} req/s per idle core)"
                for k, v in cpu.items())
                + (f"; Omega ÷ JIL API {cpu['omega']['cpu_ms_per_request'] / cpu['api']['cpu_ms_per_request']:.2f}×"
                   if "omega" in cpu and "api" in cpu and cpu["api"]["cpu_ms_per_request"] else ""))
        alone = live.get("search_alone", {})
        if alone:
            print("  search alone (jil-search-bench: one thread, no HTTP, uncached; median of the "
                  "rounds after the first): " + "; ".join(
                      f"{k.replace('_', ' ')} {v['cpu_ms_per_search']:.2f} ms CPU per search, "
                      f"p50/p99 {v['p50_ms']:.2f}/{v['p99_ms']:.2f} ms" for k, v in alone.items()))
        if "omindex" in live:
            o = live["omindex"]
            print(f"  omindex: {o['docs_per_s']} docs/s ({o['wall_s']} s), peak RSS "
                  f"{(o['peak_rss_kb'] or 0) / 1024:.0f} MB; index {(o['db_bytes'] or 0) / 1e6:.1f} MB, "
                  f"compacted {(o['compact_bytes'] or 0) / 1e6:.1f} MB"
                  + (f"; JIL ÷ omindex docs/s {jil['docs_per_s'] / o['docs_per_s']:.2f}×"
                     if jil.get("docs_per_s") and o.get("docs_per_s") else "")
                  + (f"; CPU ms/doc JIL {jil['index_cpu_ms_per_doc']:.2f}, omindex "
                     f"{o['cpu_ms_per_doc']:.2f} (omindex ÷ JIL {o['cpu_ms_per_doc'] / jil['index_cpu_ms_per_doc']:.2f}×)"
                     if jil.get("index_cpu_ms_per_doc") and o.get("cpu_ms_per_doc") else "")
                  + f"; load average before JIL {met.get('loadavg_before_index')}, before omindex "
                    f"{met.get('loadavg_before_omindex')}")

    if sphinx_raw:
        live["sphinx"] = sphinx_raw
    results = {
        "machine": machine(),
        "measured_here": live,
        "corpus": gen,
        "index": {"wall_s": wall, "user_s": tv.get("user_s"), "sys_s": tv.get("sys_s"),
                  "cpu_percent": tv.get("cpu_percent"), "peak_rss_kb": tv.get("peak_rss_kb"),
                  "exit": int(met.get("index_exit", -1)), "db_bytes": db_bytes, "store_bytes": store_bytes,
                  "db_doccount": int(met["db_doccount"]) if met.get("db_doccount") else None,
                  "compact_bytes": compact_bytes,
                  "compact_seconds": float(met["compact_seconds"]) if met.get("compact_seconds") else None,
                  "compact_error": met.get("compact_error")},
        "searchd": {k: int(met[m]) if met.get(m, "").isdigit() else None
                    for k, m in (("rss_start_kb", "searchd_rss_start_kb"), ("rss_end_kb", "searchd_rss_end_kb"),
                                 ("nocache_rss_end_kb", "searchd_nocache_rss_end_kb"),
                                 ("exit_after_sigterm", "searchd_exit"))},
        "loadavg_before_index": met.get("loadavg_before_index"),
        "query_1_client": q1,
        "query_concurrent": {str(c): r for c, r in sorted(conc.items())},
        "jil": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in jil.items()},
        "peers": {"source": PEERS_SOURCE, "corpus": PEERS_CORPUS, "figures": PEERS},
        "ratios_jil_over_peer": ratios,
    }
    with open(os.path.join(w, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"figures written to {os.path.join(w, 'results.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
