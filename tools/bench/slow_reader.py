#!/usr/bin/env python3
"""T-H6 (RELIABILITY.md), the full variant: a legitimate slow client must finish, a stalled one
must be cut. Indexes one HTML page whose original is SIZE_MIB (a comment pads it), starts
jil-searchd on it with its default write deadline (or --write-timeout), then
  1. reads the original at RATE KiB/s (SO_RCVBUF 4 KiB, paced 4 KiB reads) and checks its sha256;
  2. requests it and reads nothing: reports when searchd cut it and how much had arrived.
  3. with --stalled N: N clients request it and read nothing; searchd's resident memory before
     and while they wait (originals are read 64 KiB at a time as they leave, so this stays flat);
  4. with --range-seconds S: one client asks 64 KiB byte ranges at random offsets for S seconds
     (what a PDF viewer does): ranges per second and MiB/s.
--only-memory skips 1 and 2; --searchd PATH compares another build's jil-searchd on the same
index. Prints figures; asserts nothing. ctest runs a small variant
(tests/integration/http_floods_test.cc, SlowReaders; original_download_test.cc).

  python3 tools/bench/slow_reader.py [--build build/release] [--size-mib 2] [--rate-kib 16]
                                     [--write-timeout SECONDS] [--stalled N]
                                     [--range-seconds S] [--only-memory] [--searchd PATH]
The PR variant is the default (2 MiB at 16 KiB/s: ~2 minutes); --size-mib 20 is the nightly
one (~21 minutes); `--size-mib 48 --stalled 8 --range-seconds 5 --only-memory` the memory one.
"""
import argparse
import hashlib
import json
import os
import random
import re
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def connect(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(b"GET /doc/slow-large/original HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              b"Connection: close\r\n\r\n")
    return s


def metric(port, name):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    found = re.search(rb"\n" + name.encode() + rb" (\d+)\n", data)
    return int(found.group(1)) if found else None


def resident_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stalled_memory(port, pid, clients):
    before = resident_mib(pid)
    sockets = []
    for _ in range(clients):
        s = connect(port)
        head = b""
        while b"\r\n\r\n" not in head:
            head += s.recv(4096)
        sockets.append(s)
    time.sleep(1)
    during = resident_mib(pid)
    for s in sockets:
        s.close()
    print(f"{clients} stalled downloads: searchd resident {before:.1f} MiB before, "
          f"{during:.1f} MiB while they wait (+{during - before:.1f})", flush=True)


def range_rate(port, size, seconds):
    chunk, done, start = 65536, 0, time.monotonic()
    while time.monotonic() - start < seconds:
        # A connection serves a bounded number of requests (server/searchd_options.h), then
        # its last answer says Connection: close and the next one opens.
        with socket.create_connection(("127.0.0.1", port)) as s:
            reader, closing = s.makefile("rb"), False
            while not closing and time.monotonic() - start < seconds:
                first = random.randrange(0, size - chunk)
                s.sendall(f"GET /doc/slow-large/original HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Range: bytes={first}-{first + chunk - 1}\r\n\r\n".encode())
                length = 0
                while (line := reader.readline()) not in (b"\r\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                    closing = closing or line.lower().startswith(b"connection: close")
                reader.read(length)
                done += 1
    took = time.monotonic() - start
    print(f"64 KiB ranges at random offsets, one connection: {done / took:.0f} per second "
          f"({done * chunk / took / 1048576:.1f} MiB/s)", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build/release"))
    parser.add_argument("--size-mib", type=float, default=2)
    parser.add_argument("--rate-kib", type=float, default=16)
    parser.add_argument("--write-timeout", type=int, default=0)
    parser.add_argument("--stalled", type=int, default=0)
    parser.add_argument("--range-seconds", type=float, default=0)
    parser.add_argument("--only-memory", action="store_true")
    parser.add_argument("--searchd", default="")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="jil-slow-")
    source = os.path.join(work, "source")
    os.makedirs(source)
    size = int(args.size_mib * 1024 * 1024)
    head = b"<html><body><p>Judicial integrity for slow readers.</p><!-- "
    tail = b" --></body></html>"
    original = head + b"x" * (size - len(head) - len(tail)) + tail
    with open(os.path.join(source, "large.html"), "wb") as f:
        f.write(original)
    with open(os.path.join(source, "large.html.json"), "w") as f:
        json.dump({"id": "slow-large", "title": "Slow reader test", "language": "en",
                   "type": "guidance", "organisation": "ijin", "country": "",
                   "region": "global", "year": 2024, "topics": ["judicial-ethics"]}, f)
    db, store = os.path.join(work, "db"), os.path.join(work, "store")
    subprocess.run([os.path.join(args.build, "indexer/jil-indexer"), "index", "--db", db,
                    "--store", store, "--quiet", source], check=True, stdout=subprocess.DEVNULL)
    command = [args.searchd or os.path.join(args.build, "searchd/jil-searchd"), "--db", db,
               "--store", store,
               "--web", os.path.join(ROOT, "web"), "--port", "0", "--threads", "2"]
    if args.write_timeout:
        command += ["--write-timeout", str(args.write_timeout)]
    searchd = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r":(\d+)$", searchd.stdout.readline().strip()).group(1))
        expected = hashlib.sha256(original).hexdigest()
        if args.stalled:
            stalled_memory(port, searchd.pid, args.stalled)
        if args.range_seconds:
            range_rate(port, size, args.range_seconds)
        if args.only_memory:
            return

        s = connect(port)
        start, data = time.monotonic(), b""
        step = 4096
        while True:
            due = start + len(data) / (args.rate_kib * 1024)
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
            chunk = s.recv(step)
            if not chunk:
                break
            data += chunk
        s.close()
        took = time.monotonic() - start
        body = data[data.find(b"\r\n\r\n") + 4:]
        status_line = data.split(b"\r\n", 1)[0].decode()
        print(f"slow reader: {len(body)} of {size} bytes in {took:.0f} s "
              f"({len(body) / 1024 / took:.1f} KiB/s), status line "
              f"{status_line}, sha256 "
              f"{'matches' if hashlib.sha256(body).hexdigest() == expected else 'DIFFERS'}",
              flush=True)

        before = metric(port, "jil_responses_cut_total")
        s = connect(port)
        start = time.monotonic()
        while metric(port, "jil_responses_cut_total") == before and time.monotonic() - start < 600:
            time.sleep(0.1)
        cut_after = time.monotonic() - start
        got = b""
        try:
            while chunk := s.recv(65536):
                got += chunk
            ended = "closed"
        except ConnectionResetError:
            ended = "reset"
        s.close()
        print(f"stalled reader (0 B/s): cut after {cut_after:.1f} s ({ended}), "
              f"{len(got)} of {size} bytes had been sent", flush=True)
    finally:
        searchd.terminate()
        searchd.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
