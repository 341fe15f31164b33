#!/usr/bin/env python3
"""Rate limits under load (RELIABILITY T-W10): prints figures, asserts nothing.

Indexes corpus/en into a temporary folder, creates two API keys with `jil-searchd keys create`
(A: --rate RATE --burst BURST; B: the same limit), starts jil-searchd --keys on a free port,
then for SECONDS offers key A and key B OFFER requests/s each, at the same time,
on /api/v1/openapi.json (cheap: the limiter is measured, not the search). Prints per key:
requests offered, 200s, 429s, other answers, and the rate of 200s after the first second
(the burst). Usage:
  python3 tools/bench/rate_limit.py [--build build/release] [--rate 10] [--burst 20]
                                    [--offer 100] [--seconds 30]
"""
import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def offer(port, key, rate, seconds, results):
    """Sends `rate` requests/s with `key` for `seconds` (paced, one connection) into results."""
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
    start = time.monotonic()
    sent = 0
    while True:
        now = time.monotonic() - start
        if now >= seconds:
            break
        due = sent / rate
        if due > now:
            time.sleep(due - now)
        connection.request('GET', '/api/v1/openapi.json', headers={'X-API-Key': key})
        response = connection.getresponse()
        response.read()
        results.append((time.monotonic() - start, response.status))
        sent += 1
    connection.close()


def summary(name, results, seconds):
    ok = [t for t, status in results if status == 200]
    limited = sum(1 for _, status in results if status == 429)
    other = len(results) - len(ok) - limited
    after_burst = [t for t in ok if t >= 1.0]
    rate = len(after_burst) / (seconds - 1.0)
    print(f'{name}: offered {len(results)} ({len(results) / seconds:.1f}/s), 200: {len(ok)}, '
          f'429: {limited}, other: {other}, accepted after the first second: {rate:.2f}/s')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--build', default=os.path.join(ROOT, 'build', 'release'))
    parser.add_argument('--rate', default='10')
    parser.add_argument('--burst', default='20')
    parser.add_argument('--offer', type=float, default=100)
    parser.add_argument('--seconds', type=float, default=30)
    args = parser.parse_args()
    indexer = os.path.join(args.build, 'indexer', 'jil-indexer')
    searchd = os.path.join(args.build, 'searchd', 'jil-searchd')
    with tempfile.TemporaryDirectory(prefix='jil-rate-') as work:
        subprocess.run([indexer, 'index', '--db', f'{work}/db', '--store', f'{work}/store', '--quiet',
                        os.path.join(ROOT, 'corpus', 'en')], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        keys = []
        for name in ('A', 'B'):
            created = subprocess.run([searchd, 'keys', 'create', '--keys', f'{work}/keys.json', '--name', name,
                                      '--rate', args.rate, '--burst', args.burst],
                                     check=True, capture_output=True, text=True)
            keys.append(created.stdout.split('\n')[0])
        server = subprocess.Popen([searchd, '--db', f'{work}/db', '--store', f'{work}/store', '--web',
                                   os.path.join(ROOT, 'web'), '--port', '0', '--threads', '2',
                                   '--keys', f'{work}/keys.json'],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            port = int(re.search(r':(\d+)$', line.strip()).group(1))
            results = {'A': [], 'B': []}
            threads = [threading.Thread(target=offer, args=(port, keys[0], args.offer, args.seconds, results['A'])),
                       threading.Thread(target=offer, args=(port, keys[1], args.offer, args.seconds, results['B']))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            _, errors = server.communicate(timeout=30)
        print(f'keys: rate {args.rate}/s, burst {args.burst}; {args.seconds:.0f} s')
        summary('key A', results['A'], args.seconds)
        summary('key B', results['B'], args.seconds)
        print('raw keys in searchd output:', sum(errors.count(key) for key in keys))


if __name__ == '__main__':
    sys.exit(main())
