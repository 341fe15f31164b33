#!/usr/bin/env python3
"""CPU time a server spends per request, from /proc: a figure that holds on a busy machine,
where wall-clock requests/s mostly measure the other processes.

  cpu_per_request.py --port P --pid PID --queries QUERIES.tsv --kind api|api-lang|html|omega [--count N]

Sends the first N queries of the list (wrk_script.py's paths) one after another on one
keep-alive connection and prints one JSON line: requests, errors, the server's CPU ms per
request (user + system of PID and of its reaped children, so Omega's CGI processes count under
lighttpd) and what that makes on one idle core (1000 / ms requests/s).
"""
import argparse
import http.client
import json
import os

from wrk_script import path_for

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # after the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based)
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / TICKS


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--kind", required=True)
    ap.add_argument("--count", type=int, default=300)
    a = ap.parse_args()
    paths = []
    with open(a.queries, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                paths.append(path_for(a.kind, parts[0], parts[-1]))
    paths = paths[:a.count]
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    errors = 0
    before = cpu_seconds(a.pid)
    for p in paths:
        conn.request("GET", p)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            errors += 1
        if response.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    spent = cpu_seconds(a.pid) - before
    ms = spent * 1000 / len(paths)
    print(json.dumps({"kind": a.kind, "requests": len(paths), "errors": errors,
                      "cpu_ms_per_request": round(ms, 2),
                      "rps_per_idle_core": round(1000 / ms, 1) if ms else None}))


if __name__ == "__main__":
    main()
