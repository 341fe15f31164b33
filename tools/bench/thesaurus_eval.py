#!/usr/bin/env python3
"""Measures what the thesaurus adds to search across languages (issue 7, item 6).

For every query of tools/bench/thesaurus_queries.json (written for this: 20+ per language, each
with the corpus documents judged relevant in every language), asks a running jil-searchd for all
results with the query's language as the reader's language (hl=), with the thesaurus (cross=1)
and without it (cross=0), and reports per language the share of the relevant documents in OTHER
languages that the search finds, the same for the query's own language, and the precision of the
other-language results and of the own-language results, and the own-language results' mean
average precision (MAP: relevant documents found and ranked high).

  python3 tools/bench/thesaurus_eval.py --port 8080 [--json out.json]
  bash tools/bench/thesaurus_eval.sh       # indexes corpus/ with build/release and runs this
"""
import argparse
import json
import os
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def all_results(port, query, home, cross):
    ids, page = [], 1
    while True:
        params = urllib.parse.urlencode(
            {"q": query, "hl": home, "cross": cross, "size": 50, "page": page,
             "versions": "all"})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/search?{params}") as reply:
            body = json.load(reply)
        ids += [(hit["id"], hit["language"]) for hit in body["results"]]
        if len(ids) >= body["total"] or not body["results"] or page * 50 >= 1000:
            return ids
        page += 1


def average_precision(ranked, relevant):
    """Mean of the precision at each relevant document's rank: rewards finding them and ranking
    them high (a missed one counts zero)."""
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked, 1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def share(found, wanted):
    return len(found & wanted) / len(wanted) if wanted else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--queries", default=os.path.join(HERE, "thesaurus_queries.json"))
    parser.add_argument("--json", help="write the figures here too")
    args = parser.parse_args()
    queries = json.load(open(args.queries, encoding="utf-8"))["queries"]
    language_of = {}
    for root, _, files in os.walk(os.path.join(HERE, "..", "..", "corpus")):
        for name in files:
            if name.endswith(".json"):
                meta = json.load(open(os.path.join(root, name), encoding="utf-8"))
                language_of[meta["id"]] = meta["language"]
    per_language = {}
    for entry in queries:
        lang, relevant = entry["lang"], set(entry["relevant"])
        other_relevant = {i for i in relevant if language_of.get(i) != lang}
        home_relevant = relevant - other_relevant
        row = per_language.setdefault(lang, {"queries": 0, "with": [], "without": [],
                                             "home_with": [], "home_without": [],
                                             "precision_with": [], "precision_without": [],
                                             "home_precision_with": [],
                                             "home_precision_without": [],
                                             "home_ap_with": [], "home_ap_without": []})
        row["queries"] += 1
        for cross, suffix in (("1", "with"), ("0", "without")):
            results = all_results(args.port, entry["q"], lang, cross)
            found = {i for i, _ in results}
            other_found = {i for i, l in results if l != lang}
            home_found = found - other_found
            if home_relevant:
                row["home_ap_" + suffix].append(average_precision(
                    [i for i, l in results if l == lang], home_relevant))
            if home_found:
                row["home_precision_" + suffix].append(len(home_found & relevant) / len(home_found))
            row[suffix].append(share(found, other_relevant))
            if home_relevant:
                row["home_" + suffix].append(share(found, home_relevant))
            if other_found:
                row["precision_" + suffix].append(len(other_found & relevant) / len(other_found))
    mean = lambda values: sum(values) / len(values) if values else 0.0
    print("share of relevant documents found (all results), per query language")
    print(f"{'lang':5} {'queries':>7} {'other langs: without':>21} {'with thesaurus':>15} "
          f"{'own lang: without':>18} {'with':>6} {'other-lang precision w/o':>25} {'with':>6} "
          f"{'own-lang precision w/o':>23} {'with':>6} {'own-lang MAP w/o':>17} {'with':>6}")
    figures = {}
    for lang in sorted(per_language):
        row = per_language[lang]
        figures[lang] = {key: (mean(values) if isinstance(values, list) else values)
                         for key, values in row.items()}
        f = figures[lang]
        print(f"{lang:5} {f['queries']:7d} {f['without']:21.1%} {f['with']:15.1%} "
              f"{f['home_without']:18.1%} {f['home_with']:6.1%} "
              f"{f['precision_without']:25.1%} {f['precision_with']:6.1%} "
              f"{f['home_precision_without']:23.1%} {f['home_precision_with']:6.1%} "
              f"{f['home_ap_without']:17.1%} {f['home_ap_with']:6.1%}")
    everything = [value for row in per_language.values() for value in row["with"]]
    nothing = [value for row in per_language.values() for value in row["without"]]
    print(f"all   {len(queries):7d} {mean(nothing):21.1%} {mean(everything):15.1%}")
    if args.json:
        json.dump(figures, open(args.json, "w"), indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
