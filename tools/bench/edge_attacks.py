#!/usr/bin/env python3
"""The long HTTP-edge attacks of RELIABILITY.md (T-H4, T-H7, T-H8) against a running jil-searchd,
with a probe (GET /healthz and one search) once a second throughout. Prints figures: probe
successes and worst latency, searchd's RSS and open descriptors before, during and after each
attack. Asserts nothing (tools/bench prints figures; the integration tests hold the assertions).

  edge_attacks.py PORT PID [--connections N] [--pipelined N]
"""
import argparse
import errno
import http.client
import resource
import socket
import threading
import time
import urllib.request


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def open_fds(pid):
    import os
    return len(os.listdir(f"/proc/{pid}/fd"))


class Probe(threading.Thread):
    """GET /healthz and a search once a second from 127.0.0.2 (another client than the attacks,
    as searchd caps connections per address); counts answers and the slowest."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.ok, self.failed, self.worst = port, 0, 0, 0.0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for target in ("/healthz", "/api/v1/search?q=judge&size=1"):
                start = time.monotonic()
                try:
                    c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5,
                                                   source_address=("127.0.0.2", 0))
                    c.request("GET", target)
                    r = c.getresponse()
                    r.read()
                    c.close()
                    self.ok += r.status == 200
                    self.failed += r.status != 200
                except Exception:
                    self.failed += 1
                self.worst = max(self.worst, time.monotonic() - start)
            self.stopping.wait(1)


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    return s


def flood_stream(port, head, block, total):
    """Sends head then block repeatedly up to total bytes; returns bytes sent and the answer."""
    s = connect(port)
    sent = 0
    try:
        s.sendall(head)
        while sent < total:
            s.sendall(block)
            sent += len(block)
    except OSError:
        pass
    try:
        answer = s.recv(200)
    except OSError:
        answer = b""
    s.close()
    return sent, answer.split(b"\r\n", 1)[0].decode(errors="replace")


def report(name, pid, before_rss, before_fds, probe, started, extra=""):
    print(f"{name}: {time.monotonic() - started:.1f} s; searchd RSS {before_rss} -> {rss_kib(pid)} KiB, "
          f"fds {before_fds} -> {open_fds(pid)}; probe ok {probe.ok}, failed {probe.failed}, "
          f"worst {probe.worst * 1000:.0f} ms {extra}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("pid", type=int)
    parser.add_argument("--connections", type=int, default=20000)
    parser.add_argument("--pipelined", type=int, default=100000)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, args.connections + 1024), hard))

    # T-H4: 8 parallel 64 MiB chunk-extension floods, then 8 trailer floods.
    for name, head, block in (
        ("T-H4 chunk extensions x8", b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;e=",
         b"e" * 65536),
        ("T-H4 trailers x8", b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
         b"X-T: " + b"t" * 65000 + b"\r\n"),
    ):
        probe, rss, fds, started = Probe(args.port), rss_kib(args.pid), open_fds(args.pid), time.monotonic()
        probe.start()
        results = []
        threads = [threading.Thread(target=lambda: results.append(flood_stream(args.port, head, block, 64 << 20)))
                   for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        probe.stopping.set()
        probe.join()
        sent = max(r[0] for r in results)
        report(name, args.pid, rss, fds, probe, started,
               f"; most bytes one attacker got in: {sent}; answers: {sorted(set(r[1] for r in results))}")

    # T-H8: one connection, N pipelined GETs, nothing read for 5 s, then everything read.
    probe, rss, fds, started = Probe(args.port), rss_kib(args.pid), open_fds(args.pid), time.monotonic()
    probe.start()
    s = connect(args.port)
    s.setblocking(False)
    request = b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
    payload = request * args.pipelined
    sent = 0
    deadline = time.monotonic() + 5
    while sent < len(payload) and time.monotonic() < deadline:
        try:
            sent += s.send(payload[sent:sent + 65536])
        except BlockingIOError:
            time.sleep(0.05)
        except OSError:
            break
    peak = rss_kib(args.pid)
    s.setblocking(True)
    s.settimeout(10)
    received = b""
    try:
        while chunk := s.recv(1 << 20):
            received += chunk
    except OSError:
        pass
    s.close()
    probe.stopping.set()
    probe.join()
    report("T-H8 pipelining flood", args.pid, rss, fds, probe, started,
           f"; requests accepted by the socket {sent // len(request)} of {args.pipelined}; "
           f"answers {received.count(b'HTTP/1.1 200')}; RSS while stalled {peak} KiB")

    # T-H7: many idle connections, then 100 normal requests once they are gone.
    probe, rss, fds, started = Probe(args.port), rss_kib(args.pid), open_fds(args.pid), time.monotonic()
    probe.start()
    idle, refused = [], 0
    for _ in range(args.connections):
        try:
            idle.append(connect(args.port))
        except OSError as error:
            if error.errno == errno.EMFILE:  # this client's own limit: stop, keep one fd free
                idle.pop().close()
                break
            refused += 1
    held = open_fds(args.pid)
    for s in idle:
        s.close()
    time.sleep(2)
    ok = 0
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=5) as r:
                ok += r.status == 200
        except Exception:
            pass
    probe.stopping.set()
    probe.join()
    report("T-H7 connection flood", args.pid, rss, fds, probe, started,
           f"; opened {len(idle)}, failed to connect {refused}; searchd fds while held {held}; "
           f"normal requests after: {ok}/100")


if __name__ == "__main__":
    main()
