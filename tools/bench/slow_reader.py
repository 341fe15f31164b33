#!/usr/bin/env python3
"""T-H6 (RELIABILITY.md), the full variant: a legitimate slow client must finish, a stalled one
must be cut. Indexes one HTML page whose original is SIZE_MIB (a comment pads it), starts
jil-searchd on it with its default write deadline (or --write-timeout), then
  1. reads the original at RATE KiB/s (SO_RCVBUF 4 KiB, paced 4 KiB reads) and checks its sha256;
  2. requests it and reads nothing: reports when searchd cut it and how much had arrived.
Prints figures; asserts nothing. ctest runs a small variant (tests/integration/http_floods_test.cc,
SlowReaders).

  python3 tools/bench/slow_reader.py [--build build/release] [--size-mib 2] [--rate-kib 16]
                                     [--write-timeout SECONDS]
The PR variant is the default (2 MiB at 16 KiB/s: ~2 minutes); --size-mib 20 is the nightly
one (~21 minutes).
"""
import argparse
import hashlib
import json
import os
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build/release"))
    parser.add_argument("--size-mib", type=float, default=2)
    parser.add_argument("--rate-kib", type=float, default=16)
    parser.add_argument("--write-timeout", type=int, default=0)
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
    command = [os.path.join(args.build, "searchd/jil-searchd"), "--db", db, "--store", store,
               "--web", os.path.join(ROOT, "web"), "--port", "0", "--threads", "2"]
    if args.write_timeout:
        command += ["--write-timeout", str(args.write_timeout)]
    searchd = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r":(\d+)$", searchd.stdout.readline().strip()).group(1))
        expected = hashlib.sha256(original).hexdigest()

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
