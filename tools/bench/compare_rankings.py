#!/usr/bin/env python3
"""Compares the rankings of two running jil-searchd on the same queries, for a change that should
keep results (a schema or scoring change): per query the overlap of the first ten results, whether
the first result is the same, and whether the totals match.

Usage: compare_rankings.py PORT_BEFORE PORT_AFTER QUERIES.tsv
QUERIES.tsv: lines "lang<TAB>query" (gen_corpus.py writes one as corpus/queries.tsv).
"""
import http.client
import json
import statistics
import sys
import urllib.parse


def results(connection, url):
    connection.request('GET', url)
    return json.loads(connection.getresponse().read())


def main():
    before_port, after_port, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    queries = [line.rstrip('\n').split('\t') for line in open(path, encoding='utf-8') if line.strip()]
    before = http.client.HTTPConnection('127.0.0.1', before_port)
    after = http.client.HTTPConnection('127.0.0.1', after_port)
    overlaps, lowest = [], []
    same_first = same_total = more = fewer = 0
    for lang, query in queries:
        url = '/api/v1/search?' + urllib.parse.urlencode({'q': query, 'lang': lang, 'size': 10})
        x, y = results(before, url), results(after, url)
        ids_x = [hit.get('id') for hit in x.get('results', [])]
        ids_y = [hit.get('id') for hit in y.get('results', [])]
        if not ids_x and not ids_y:
            continue
        overlap = len(set(ids_x) & set(ids_y)) / max(len(ids_x), len(ids_y))
        overlaps.append(overlap)
        lowest.append((overlap, lang, query))
        same_first += bool(ids_x and ids_y and ids_x[0] == ids_y[0])
        total_x, total_y = x.get('total') or 0, y.get('total') or 0
        same_total += total_x == total_y
        more += total_y > total_x
        fewer += total_y < total_x
    print(f'queries with results: {len(overlaps)}; mean overlap of the first ten '
          f'{statistics.mean(overlaps):.3f}; same first result {same_first}; same total '
          f'{same_total}, more {more}, fewer {fewer}')
    print('lowest overlaps:', sorted(lowest)[:8])


if __name__ == '__main__':
    main()
