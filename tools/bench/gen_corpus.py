#!/usr/bin/env python3
"""Deterministic benchmark corpus for JIL: N documents in six languages, JIL layout (stdlib only).

  gen_corpus.py --n 20000 --out DIR [--seed 42] [--jobs 2] [--force]

Writes OUT/<lang>/<bucket>/<id>.txt (two thirds) or .html (one third, simple HTML5), each with
its JSON sidecar <file>.json in JIL's metadata schema, and OUT/queries.tsv (lang TAB query).
Prints one JSON line with the figures (docs, text bytes, seconds, sha256) on stdout.

The text is statistically like the peers' corpus (/work/shared/bench-peers/gen_corpus.py), so
figures compare: same Debian word lists (wamerican, hunspell-fr/es/ru/ar, python3-jieba), 60,000
words per language under a Zipf law (s = 1.0), bodies of 300-3000 words (log-uniform), the same
language mix. On top of that it mixes in the sample library: the ids and value distributions of
indexer/schema/vocabularies.json (types, topics, values, organisations, countries and regions per
language), judicial-integrity terms per topic and language (lexicon.py) injected into about a
third of the sentences, and, when corpus/ holds sample documents with sidecars, their sentences
and metadata frequencies. About 10 % of works exist in 2-3 languages (shared "work" id).

Determinism: every work and every document has its own RNG seeded from (seed, work, lang), and
files are written by whichever worker made them, so the output is byte-identical for a given
seed, N and inputs whatever --jobs is; the first K docs of a bigger run equal a K-doc run.
"inputs_sha256" in the summary fingerprints the word lists and sample files used.
"""
import argparse
import hashlib
import html
import itertools
import json
import math
import multiprocessing
import os
import random
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree for the modules below
import lexicon  # noqa: E402
from corpus_inputs import (SOURCES, build_tables, inputs_sha256, load_sample, load_vocab,  # noqa: E402
                           load_vocabularies)
from gen_queries import QUERY_MIX, pick_queries, query_candidates  # noqa: E402
from lexicon import LANGS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SAMPLE = os.path.normpath(os.path.join(HERE, "..", "..", "corpus"))

LANG_WEIGHTS = {"en": 0.34, "fr": 0.15, "es": 0.15, "ru": 0.12, "ar": 0.12, "zh": 0.12}  # as the peers
ZIPF_S = 1.0
TRANSLATED_SHARE = 0.10       # share of works that exist in 2-3 languages
HTML_SHARE = 1.0 / 3.0        # share of documents written as .html (the rest .txt)
TERM_SENTENCE_P = 0.35        # chance that a sentence carries a judicial-integrity term
SAMPLE_SENTENCE_P = 0.05      # chance that a sentence is a real one from the sample library


# ---------------------------------------------------------------- per work / per document

def work_plan(seed, w, tables):
    """Metadata shared by all language versions of work number w (1-based)."""
    rng = random.Random(f"jil-work-{seed}-{w}")
    primary = rng.choices(LANGS, weights=[LANG_WEIGHTS[l] for l in LANGS])[0]
    langs = [primary]
    if rng.random() < TRANSLATED_SHARE:
        others = [l for l in LANGS if l != primary]
        for _ in range(1 if rng.random() < 0.6 else 2):
            pick = rng.choices(others, weights=[LANG_WEIGHTS[l] for l in others])[0]
            others.remove(pick)
            langs.append(pick)
    t = tables["lang"][primary]
    dtype = rng.choices(*t["type"])[0]
    org = rng.choices(*t["org"])[0]
    if org in lexicon.GLOBAL_ORGS and rng.random() < 0.85:
        country, region = "", "global"          # as the sample library: no country, global
    elif org in lexicon.REGIONAL_ORGS and rng.random() < 0.5:
        country, region = "", lexicon.REGIONAL_ORGS[org]
    else:
        country, region = rng.choices(*t["country"])[0]
    topics, (tkeys, tweights) = [], t["topic"]
    for _ in range(rng.choice((1, 1, 2, 2, 3))):  # weighted, without replacement
        pick = rng.choices(tkeys, weights=[0 if k in topics else x for k, x in zip(tkeys, tweights)])[0]
        topics.append(pick)
    return {
        "w": w, "langs": langs, "type": dtype, "organisation": org,
        "country": country, "region": region,
        "year": min(2025, int(rng.triangular(1995, 2026, 2024))),
        "topics": sorted(topics),
        "values": sorted(rng.sample(tables["values"], rng.choice((1, 1, 2)))),
        "nwords": int(math.exp(rng.uniform(math.log(300), math.log(3000)))),
    }


_STATE = {}


def init_worker(seed, out, tables):
    _STATE.update(seed=seed, out=out, tables=tables)
    _STATE["vocab"] = {l: load_vocab(l, seed) for l in LANGS}
    _STATE["cum"] = {l: list(itertools.accumulate(1.0 / (r ** ZIPF_S) for r in range(1, len(v) + 1)))
                     for l, v in _STATE["vocab"].items()}


def draw(rng, lang, k):
    return rng.choices(_STATE["vocab"][lang], cum_weights=_STATE["cum"][lang], k=k)


def pick_term(rng, t, plan):
    r = rng.random()
    if r < 0.6:
        return rng.choice(t["topic_terms"][rng.choice(plan["topics"])])
    if r < 0.8:
        return rng.choice(t["value_terms"][rng.choice(plan["values"])])
    return rng.choice(t["general"])


def make_sentences(rng, lang, nwords, t, plan, used_terms):
    """About nwords Zipf words as sentences; terms put in are appended to used_terms."""
    out, left = [], nwords
    while left > 0:
        if t["sentences"] and rng.random() < SAMPLE_SENTENCE_P:
            s = rng.choice(t["sentences"])
            out.append(s)
            left -= len(s) // 2 if lang == "zh" else len(s.split())
            continue
        k = min(left, rng.randint(6, 24))
        ws = draw(rng, lang, k)
        left -= k
        if rng.random() < TERM_SENTENCE_P:
            term = pick_term(rng, t, plan)
            used_terms.append(term)
            ws.insert(rng.randint(0, len(ws)), term)
        if lang == "zh":
            parts, i = [], 0
            while i < len(ws):
                j = i + rng.randint(4, 9)
                parts.append("".join(ws[i:j]))
                i = j
            out.append("，".join(parts) + "。")
            continue
        if lang != "ar":
            ws[0] = ws[0][:1].upper() + ws[0][1:]
        if len(ws) > 10 and rng.random() < 0.5:
            ws[rng.randint(3, len(ws) - 4)] += "،" if lang == "ar" else ","
        end = "." if rng.random() < 0.93 else ("؟" if lang == "ar" else "?")
        out.append(" ".join(ws) + end)
    return out


def make_title(rng, lang, t, plan):
    label = t["type_label"][plan["type"]]
    term = rng.choice(t["topic_terms"][plan["topics"][0]])
    words = draw(rng, lang, rng.randint(2, 7))
    if lang == "zh":
        return f"{label}：{term}{''.join(words)}"
    title = f"{label}: {term} {' '.join(words)}"
    return title[:1].upper() + title[1:]


def render(lang, fmt, title, paras):
    if fmt == "txt":
        return title + "\n\n" + "\n\n".join(paras) + "\n"
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    dirattr = ' dir="rtl"' if lang == "ar" else ""
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{dirattr}>\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n</head>\n<body>\n<h1>{esc(title)}</h1>\n{body}\n</body>\n</html>\n")


def make_doc(task):
    """Builds and writes one document and its sidecar; returns its figures and query candidates."""
    plan, lang = task
    seed, tables = _STATE["seed"], _STATE["tables"]
    t = tables["lang"][lang]
    w = plan["w"]
    rng = random.Random(f"jil-doc-{seed}-{w}-{lang}")
    work = f"gen-{w:07d}"
    doc_id = work if len(plan["langs"]) == 1 else f"{work}-{lang}"
    fmt = "html" if rng.random() < HTML_SHARE else "txt"
    title = make_title(rng, lang, t, plan)
    used_terms = []
    sents = make_sentences(rng, lang, plan["nwords"], t, plan, used_terms)
    paras, j = [], 0
    sep = "" if lang == "zh" else " "
    while j < len(sents):
        k = rng.randint(2, 7)
        paras.append(sep.join(sents[j:j + k]))
        j += k
    summ_terms = []
    summary = sep.join(make_sentences(rng, lang, rng.randint(15, 35), t, plan, summ_terms))
    meta = {"id": doc_id, "work": work, "title": title, "language": lang}
    if lang == "zh":
        meta["script"] = "Hans"
    meta.update({k: plan[k] for k in ("type", "organisation", "country", "region", "year", "topics", "values")})
    meta["summary"] = summary
    data = render(lang, fmt, title, paras).encode("utf-8")
    side = (json.dumps(meta, ensure_ascii=False) + "\n").encode("utf-8")
    text_bytes = len((title + "\n" + "\n".join(paras)).encode("utf-8"))

    rel = os.path.join(lang, f"{w // 1000:04d}", f"{doc_id}.{fmt}")
    path = os.path.join(_STATE["out"], rel)
    folder = os.path.dirname(path)
    if folder not in _STATE.setdefault("dirs", set()):
        os.makedirs(folder, exist_ok=True)
        _STATE["dirs"].add(folder)
    with open(path, "wb") as f:
        f.write(data)
    with open(path + ".json", "wb") as f:
        f.write(side)
    h = hashlib.sha256(rel.encode() + b"\0" + data + b"\0" + side).digest()
    qrng = random.Random(f"jil-q-{seed}-{w}-{lang}")
    return {"lang": lang, "fmt": fmt, "text": text_bytes, "file": len(data), "side": len(side),
            "sha": h, "q": query_candidates(qrng, lang, sents, used_terms)}


def tasks(seed, n, tables, works_out):
    """(plan, lang) for documents 0..n-1, works in order, each work's languages in its order."""
    done, w = 0, 0
    while done < n:
        w += 1
        plan = work_plan(seed, w, tables)
        works_out.append(len(plan["langs"]))
        for lang in plan["langs"]:
            if done == n:
                return
            done += 1
            yield plan, lang


# ---------------------------------------------------------------- main

def prepare_out(out, force):
    ours = [os.path.join(out, l) for l in LANGS] + [os.path.join(out, "queries.tsv")]
    present = [p for p in ours if os.path.exists(p)]
    if present and not force:
        sys.exit(f"gen_corpus: {out} already has a corpus ({present[0]}); use --force to replace it")
    for p in present:
        shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    os.makedirs(out, exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20000, help="number of documents (default 20000)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (output does not depend on it)")
    ap.add_argument("--queries-per-lang", type=int, default=200, help="queries per language (default 200)")
    ap.add_argument("--sample", default=DEFAULT_SAMPLE,
                    help="sample library: vocabularies.json and documents with sidecars (default: repo corpus/)")
    ap.add_argument("--vocabularies",
                    help="vocabularies.json (default: the schema's, indexer/schema/vocabularies.json)")
    ap.add_argument("--force", action="store_true", help="replace a corpus already in --out")
    a = ap.parse_args()
    t0 = time.monotonic()

    missing = [f"{p} ({pkg})" for p, _, pkg in SOURCES.values() if not os.path.exists(p)]
    if missing:
        sys.exit("gen_corpus: word lists missing, apt-get install: " + ", ".join(missing))
    vpath = a.vocabularies or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                           "indexer", "schema", "vocabularies.json")
    vocab = load_vocabularies(vpath)
    sample, sample_files = load_sample(a.sample, vocab)
    tables = build_tables(vocab, sample)
    inputs = [s[0] for s in SOURCES.values()] + [vpath] + sample_files
    prepare_out(a.out, a.force)

    works = []
    h = hashlib.sha256()
    tot = {"docs": 0, "text_bytes": 0, "file_bytes": 0, "sidecar_bytes": 0}
    per_lang = {l: {"docs": 0, "text_bytes": 0} for l in LANGS}
    fmts = {"txt": 0, "html": 0}
    cands = {l: {k: [] for k, _ in QUERY_MIX} for l in LANGS}
    it_tasks = tasks(a.seed, a.n, tables, works)
    pool = None
    if a.jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        init_worker(a.seed, a.out, tables)  # loaded once; forked workers share it
        pool = multiprocessing.get_context("fork").Pool(a.jobs)
    elif a.jobs > 1:
        pool = multiprocessing.Pool(a.jobs, initializer=init_worker, initargs=(a.seed, a.out, tables))
    else:
        init_worker(a.seed, a.out, tables)
    results = pool.imap(make_doc, it_tasks, chunksize=16) if pool else map(make_doc, it_tasks)
    for r in results:
        h.update(r["sha"])
        tot["docs"] += 1
        tot["text_bytes"] += r["text"]
        tot["file_bytes"] += r["file"]
        tot["sidecar_bytes"] += r["side"]
        per_lang[r["lang"]]["docs"] += 1
        per_lang[r["lang"]]["text_bytes"] += r["text"]
        fmts[r["fmt"]] += 1
        for kind, qs in r["q"].items():
            cands[r["lang"]][kind].extend(qs)
    if pool:
        pool.close()
        pool.join()

    queries = pick_queries(a.seed, cands, a.queries_per_lang)
    qdata = "".join(f"{l}\t{q}\n" for l, q in queries).encode("utf-8")
    with open(os.path.join(a.out, "queries.tsv"), "wb") as f:
        f.write(qdata)
    h.update(qdata)
    secs = time.monotonic() - t0
    summary = {
        "generator": "jil tools/bench/gen_corpus.py", "n": a.n, "seed": a.seed, "jobs": a.jobs,
        **tot, "works": len(works), "translated_works": sum(1 for x in works if x > 1),
        "formats": fmts, "per_lang": per_lang,
        "queries": len(queries), "queries_per_lang": {l: sum(1 for q in queries if q[0] == l) for l in LANGS},
        "sample_docs": sum(sample[l]["docs"] for l in LANGS),
        "seconds": round(secs, 2), "sha256": h.hexdigest(), "inputs_sha256": inputs_sha256(inputs),
    }
    print(json.dumps(summary, ensure_ascii=False))
    print(f"gen_corpus: {tot['docs']} docs ({summary['works']} works, {summary['translated_works']} translated), "
          f"{tot['text_bytes'] / 1e6:.1f} MB text, {tot['file_bytes'] / 1e6:.1f} MB files, "
          f"{len(queries)} queries, {secs:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
