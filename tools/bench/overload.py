#!/usr/bin/env python3
"""T-L4 (RELIABILITY.md): overload and recovery at a fixed offered rate (open loop), so that the
time to answer a shed request is measured from when it was due, not hidden by a closed loop.

  overload.py PORT QUERIES.tsv --knee RPS [--base-seconds 10] [--over-seconds 60]
              [--after-seconds 60] [--max-connections 1024]

Phases: 0.5x the knee (baseline), 2x the knee (overload), 0.5x again (recovery). Each request is
sent on an idle keep-alive connection (a new one when none is idle, up to --max-connections; the
searchd under test needs --max-connections-per-client at least that). Prints, per phase, the
count of each status, p50/p99 of 200s and p50/p90/p99 of 503/429s (ms, from the moment the
request was due) and how many 503/429s came within 50 ms (T-L4's target),
and the recovery time: the first second after the overload whose 200s' p99 is within 1.5x the
baseline's (+2 ms). Prints one JSON line at the end. Asserts nothing; requests are bounded by
the phases' rates and lengths, all to 127.0.0.1.
"""
import argparse
import asyncio
import json
import statistics
import time
import urllib.parse

IDLE_REUSE_SECONDS = 10  # a keep-alive connection idle longer is closed, not reused
SHED_TARGET_MS = 50  # T-L4: a shed request is answered within this (counted, not asserted)


def load_paths(queries_tsv):
    paths = []
    with open(queries_tsv, encoding="utf-8") as f:
        for line in f:
            lang, _, query = line.rstrip("\n").partition("\t")
            if query:
                paths.append(f"/api/v1/search?q={urllib.parse.quote(query)}&hl={lang}")
    return paths


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Pool:
    def __init__(self, port, limit):
        self.port, self.limit, self.idle, self.open = port, limit, [], 0

    async def get(self):
        while self.idle:
            conn, used = self.idle.pop()
            if time.monotonic() - used < IDLE_REUSE_SECONDS:
                return conn
            self.drop(conn)  # searchd may be closing it (its idle deadline is 15 s)
        if self.open >= self.limit:
            return None
        self.open += 1
        try:
            return await asyncio.open_connection("127.0.0.1", self.port)
        except OSError:
            self.open -= 1
            raise

    def put(self, conn):
        self.idle.append((conn, time.monotonic()))

    def drop(self, conn):
        self.open -= 1
        conn[1].close()


async def one(pool, path, due, results, phase):
    status = None
    try:
        conn = await pool.get()
        if conn is None:
            status = "no-connection"
        else:
            reader, writer = conn
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await asyncio.wait_for(reader.readexactly(length), 30)
            if b"connection: close" in head.lower():
                pool.drop(conn)
            else:
                pool.put(conn)
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
        status = type(error).__name__
        try:
            pool.drop(conn)
        except Exception:
            pass
    results.append((phase, due, status, (time.monotonic() - due) * 1000))


async def run(args):
    paths = load_paths(args.queries)
    pool = Pool(args.port, args.max_connections)
    results, tasks = [], []
    phases = [("baseline", args.knee / 2, args.base_seconds),
              ("overload", args.knee * 2, args.over_seconds),
              ("recovery", args.knee / 2, args.after_seconds)]
    start = time.monotonic()
    offset, index = 0.0, 0
    phase_start = {}
    for name, rate, seconds in phases:
        phase_start[name] = start + offset
        count = int(rate * seconds)
        for n in range(count):
            due = start + offset + n / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(
                one(pool, paths[index % len(paths)], due, results, name)))
            index += 1
        offset += seconds
    await asyncio.gather(*tasks)
    for conn, _ in pool.idle:
        conn[1].close()

    summary = {"knee_rps": args.knee}
    for name, rate, seconds in phases:
        rows = [r for r in results if r[0] == name]
        statuses = {}
        for r in rows:
            statuses[str(r[2])] = statuses.get(str(r[2]), 0) + 1
        ok = [r[3] for r in rows if r[2] == 200]
        shed = [r[3] for r in rows if r[2] in (503, 429)]
        summary[name] = {
            "offered_rps": rate, "seconds": seconds, "statuses": statuses,
            "ok_p50_ms": percentile(ok, 0.5), "ok_p99_ms": percentile(ok, 0.99),
            "shed_p50_ms": percentile(shed, 0.5), "shed_p90_ms": percentile(shed, 0.9),
            "shed_p99_ms": percentile(shed, 0.99),
            "shed_within_target": sum(1 for ms in shed if ms <= SHED_TARGET_MS)}
        print(f"{name}: {rate:.0f} req/s offered for {seconds}s: {statuses}; 200 p50/p99 "
              f"{summary[name]['ok_p50_ms']}/{summary[name]['ok_p99_ms']} ms; shed p50/p90/p99 "
              f"{summary[name]['shed_p50_ms']}/{summary[name]['shed_p90_ms']}/"
              f"{summary[name]['shed_p99_ms']} ms, {summary[name]['shed_within_target']} of "
              f"{len(shed)} within {SHED_TARGET_MS} ms", flush=True)
    base_p99 = summary["baseline"]["ok_p99_ms"] or 0
    recovered = None
    for second in range(int(args.after_seconds)):
        lo = phase_start["recovery"] + second
        window = [r for r in results if r[0] == "recovery" and lo <= r[1] < lo + 1]
        ok = [r[3] for r in window if r[2] == 200]
        if window and len(ok) == len(window) and percentile(ok, 0.99) <= base_p99 * 1.5 + 2:
            recovered = second + 1
            break
    summary["recovered_after_s"] = recovered
    print(f"recovery: 200s' p99 back within 1.5x baseline (+2 ms) after "
          f"{recovered if recovered is not None else 'more than ' + str(args.after_seconds)} s")
    print(json.dumps(summary))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("port", type=int)
    parser.add_argument("queries")
    parser.add_argument("--knee", type=float, required=True)
    parser.add_argument("--base-seconds", type=float, default=10)
    parser.add_argument("--over-seconds", type=float, default=60)
    parser.add_argument("--after-seconds", type=float, default=60)
    parser.add_argument("--max-connections", type=int, default=1024)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
