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
corpus/vocabularies.json (types, topics, values, organisations, countries and regions per
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
import os
import random
import re
import shutil
import sys
import time
from multiprocessing import Pool

import lexicon
from lexicon import LANGS

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SAMPLE = os.path.normpath(os.path.join(HERE, "..", "..", "corpus"))

LANG_WEIGHTS = {"en": 0.34, "fr": 0.15, "es": 0.15, "ru": 0.12, "ar": 0.12, "zh": 0.12}  # as the peers
VOCAB_SIZE = 60000
ZIPF_S = 1.0
TRANSLATED_SHARE = 0.10       # share of works that exist in 2-3 languages
HTML_SHARE = 1.0 / 3.0        # share of documents written as .html (the rest .txt)
TERM_SENTENCE_P = 0.35        # chance that a sentence carries a judicial-integrity term
SAMPLE_SENTENCE_P = 0.05      # chance that a sentence is a real one from the sample library
QUERY_MIX = (("one", 0.35), ("two", 0.30), ("phrase", 0.20), ("topic", 0.15))

SOURCES = {  # path, kind, Debian package
    "en": ("/usr/share/dict/american-english", "plain", "wamerican"),
    "fr": ("/usr/share/hunspell/fr_FR.dic", "hunspell", "hunspell-fr"),
    "es": ("/usr/share/hunspell/es_ES.dic", "hunspell", "hunspell-es"),
    "ru": ("/usr/share/hunspell/ru_RU.dic", "hunspell", "hunspell-ru"),
    "ar": ("/usr/share/hunspell/ar.dic", "hunspell", "hunspell-ar"),
    "zh": ("/usr/lib/python3/dist-packages/jieba/dict.txt", "jieba", "python3-jieba"),
}
FUNCTION_WORDS = {  # the peers' list: real frequent words in front of the shuffled ranks
    "en": "the of and to in a is that for on by with as be this are from at or it an not which judicial court judge".split(),
    "fr": "de la le les des et à en du un une est que pour dans par sur qui au pas avec judiciaire tribunal juge".split(),
    "es": "de la que el en y a los del se las por un para con una su al es judicial tribunal juez".split(),
    "ru": "и в не на что с по к о из за от для это как а суд судья судебный".split(),
    "ar": "في من على إلى أن عن مع هذا التي الذي هذه كان ذلك بين القضاء المحكمة القاضي".split(),
    "zh": [],  # jieba's ranks already put 的/了/是/在 first
}
_CLEAN_ALPHA = re.compile(r"^[^\W\d_]+(?:['\u2019-][^\W\d_]+)*$")
_TAGS = re.compile(r"<[^>]*>")
_SENT_END = re.compile(r"(?<=[.!?。！？؟])\s*")
_MD_MARK = re.compile(r"^(?:#+|[-*+>]|\d+[.)])\s+")
_PUNCT = ",.?!;:،؟\"«»()"


# ---------------------------------------------------------------- inputs

def load_vocab(lang, seed):
    """The peers' word list for `lang`: 60,000 words in Zipf rank order."""
    path, kind, _pkg = SOURCES[lang]
    words, seen = [], set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            line = line.strip()
            if not line:
                continue
            freq = 0.0
            if kind == "hunspell":
                if i == 0 and line.split()[0].isdigit():
                    continue
                w = line.split("/", 1)[0].split("\t", 1)[0].split(" ", 1)[0]
            elif kind == "jieba":
                parts = line.split(" ")
                if len(parts) < 2:
                    continue
                w, freq = parts[0], float(parts[1])
                if not all("\u4e00" <= c <= "\u9fff" for c in w):
                    continue
            else:
                w = line
            if kind != "jieba":
                if not _CLEAN_ALPHA.match(w) or len(w) < 2 or "'" in w:
                    continue
                if lang in ("fr", "es", "ru", "en") and w[0].isupper():
                    continue
                if lang == "ar" and not all("\u0600" <= c <= "\u06ff" for c in w):
                    continue
            if w in seen:
                continue
            seen.add(w)
            words.append((w, freq))
    if kind == "jieba":
        words.sort(key=lambda t: -t[1])
        return [w for w, _ in words[:VOCAB_SIZE]]
    words = [w for w, _ in words]
    random.Random(f"vocab-{seed}-{lang}").shuffle(words)
    fw = FUNCTION_WORDS[lang]
    fws = set(fw)
    return fw + [w for w in words if w not in fws][: VOCAB_SIZE - len(fw)]


def load_vocabularies(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_sample(sample_dir, vocab):
    """Sentences and metadata counts per language from sample documents (<file> + <file>.json)."""
    sample = {l: {"sentences": [], "meta": {}, "docs": 0} for l in LANGS}
    files = []
    if not sample_dir or not os.path.isdir(sample_dir):
        return sample, files
    for root, dirs, names in os.walk(sample_dir):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.endswith((".txt", ".md", ".html")) and os.path.isfile(path + ".json"):
                files.append(path)
    for path in files:
        try:
            with open(path + ".json", encoding="utf-8") as f:
                meta = json.load(f)
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        lang = meta.get("language")
        if lang not in sample:
            continue
        s = sample[lang]
        s["docs"] += 1
        for key, ids in (("type", vocab["type"]), ("organisation", vocab["organisation"])):
            if meta.get(key) in ids:
                s["meta"].setdefault(key, {}).setdefault(meta[key], 0)
                s["meta"][key][meta[key]] += 1
        c, r = meta.get("country"), meta.get("region")
        if isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) and r in vocab["region"]:
            s["meta"].setdefault("country", {}).setdefault((c, r), 0)
            s["meta"]["country"][(c, r)] += 1
        for topic in meta.get("topics") or []:
            if topic in vocab["topic"]:
                s["meta"].setdefault("topic", {}).setdefault(topic, 0)
                s["meta"]["topic"][topic] += 1
        if meta.get("script") == "Hant":
            continue  # generated Chinese is Simplified: take only the metadata
        s["sentences"].extend(sample_sentences(path, text, lang))
    return sample, files
    for root, dirs, names in os.walk(sample_dir):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.endswith((".txt", ".md", ".html")) and os.path.isfile(path + ".json"):
                files.append(path)
    for path in files:
        try:
            with open(path + ".json", encoding="utf-8") as f:
                meta = json.load(f)
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        lang = meta.get("language")
        if lang not in sample:
            continue
        s = sample[lang]
        s["docs"] += 1
        if path.endswith(".html"):
            text = html.unescape(_TAGS.sub(" ", text))
        if meta.get("script") == "Hant":
            continue  # generated Chinese is Simplified; its metadata is all we take
        for sent in _SENT_END.split(" ".join(text.split())):
            n = len(sent) if lang == "zh" else len(sent.split())
            if (10 <= n <= 150) if lang == "zh" else (5 <= n <= 60):
                s["sentences"].append(sent.strip())
        for key, ids in (("type", vocab["type"]), ("organisation", vocab["organisation"])):
            if meta.get(key) in ids:
                s["meta"].setdefault(key, {}).setdefault(meta[key], 0)
                s["meta"][key][meta[key]] += 1
        c, r = meta.get("country"), meta.get("region")
        if isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) and r in vocab["region"]:
            s["meta"].setdefault("country", {}).setdefault((c, r), 0)
            s["meta"]["country"][(c, r)] += 1
        for topic in meta.get("topics") or []:
            if topic in vocab["topic"]:
                s["meta"].setdefault("topic", {}).setdefault(topic, 0)
                s["meta"]["topic"][topic] += 1
    return sample, files


def sample_sentences(path, text, lang):
    """Plain sentences of a sample document (markup, Markdown tables and list marks removed)."""
    if path.endswith(".html"):
        text = html.unescape(_TAGS.sub("\n", text))
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("|") or not line:
            continue
        lines.append(_MD_MARK.sub("", line).replace("**", "").replace("`", ""))
    out = []
    for sent in _SENT_END.split(" ".join(" ".join(lines).split())):
        n = len(sent) if lang == "zh" else len(sent.split())
        if (10 <= n <= 150) if lang == "zh" else (5 <= n <= 60):
            out.append(sent.strip())
    return out


def inputs_sha256(paths):
    h = hashlib.sha256()
    for p in paths:
        h.update(os.path.basename(p).encode() + b"\0")
        with open(p, "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


def build_tables(vocab, sample):
    """Weighted choices per language, from vocabularies.json ids, built-in weights and sample counts."""
    def mix(builtin, counts):
        # built-in weights, or half built-in and half sample frequencies when the sample has any
        total_b = sum(builtin.values())
        out = {k: v / total_b for k, v in builtin.items()}
        if counts:
            total_s = sum(counts.values())
            out = {k: 0.5 * v for k, v in out.items()}
            for k, v in counts.items():
                out[k] = out.get(k, 0.0) + 0.5 * v / total_s
        keys = sorted(out, key=str)
        return keys, [out[k] for k in keys]

    tables = {"topics": sorted(vocab["topic"]), "values": sorted(vocab["value"]), "lang": {}}
    types = {k: lexicon.TYPE_WEIGHTS.get(k, 5) for k in vocab["type"]}
    for lang in LANGS:
        sm = sample[lang]["meta"]
        orgs = {k: v for k, v in lexicon.ORG_WEIGHTS[lang].items() if k in vocab["organisation"]}
        countries = {(c, r): 1 for c, r in lexicon.COUNTRIES[lang].items() if r in vocab["region"]}

        def terms(table, key):
            got = table.get(lang, {}).get(key)
            if got:
                return got
            label = vocab["topic"].get(key) or vocab["value"].get(key) or key
            return [label]
        tables["lang"][lang] = {
            "type": mix(types, sm.get("type")),
            "topic": mix({k: 1 for k in tables["topics"]}, sm.get("topic")),
            "org": mix(orgs, sm.get("organisation")),
            "country": mix(countries, sm.get("country")),
            "type_label": {k: lexicon.TYPE_LABELS[lang].get(k, vocab["type"][k]) for k in vocab["type"]},
            "topic_terms": {k: terms(lexicon.TOPIC_TERMS, k) for k in tables["topics"]},
            "value_terms": {k: terms(lexicon.VALUE_TERMS, k) for k in tables["values"]},
            "general": lexicon.GENERAL_TERMS[lang],
            "sentences": sample[lang]["sentences"],
        }
    return tables


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


def query_candidates(rng, lang, sents, used_terms):
    """A few queries drawn from this document's own text, by kind (one, two, phrase, topic).

    Words are drawn by occurrence (a sentence by its length, then a word in it), so frequent
    words come up as they would in users' queries; "two" takes both words from this document
    (so it has at least one hit), "phrase" two adjacent words of one sentence, quoted.
    """
    cands = {"one": [], "two": [], "phrase": [], "topic": []}
    cum = list(itertools.accumulate(len(x) for x in sents))
    if not sents or not cum[-1]:
        return cands

    def sentence():
        return rng.choices(sents, cum_weights=cum)[0]

    if lang == "zh":
        def sub(n):
            for _ in range(10):
                runs = [r for r in re.split(r"[^\u4e00-\u9fff]+", sentence()) if len(r) >= n]
                if runs:
                    r = rng.choice(runs)
                    st = rng.randrange(0, len(r) - n + 1)
                    return r[st:st + n]
            return None
        cands["one"] = [sub(rng.choice((2, 2, 3, 4))) for _ in range(4)]
        cands["two"] = [f"{x} {y}" for x, y in ((sub(2), sub(rng.choice((2, 3)))) for _ in range(3))
                        if x and y and x != y]
        cands["phrase"] = [f'"{x}"' for x in (sub(4) for _ in range(3)) if x]
    else:
        def clean(w):
            w = w.strip(_PUNCT).lower()
            return w if _CLEAN_ALPHA.match(w) else ""

        def word():
            for _ in range(10):
                w = clean(rng.choice(sentence().split()))
                if len(w) >= 3:
                    return w
            return None
        cands["one"] = [word() for _ in range(4)]
        for _ in range(3):
            x, y = word(), word()
            if x and y and x != y:
                cands["two"].append(f"{x} {y}")
        for _ in range(6):
            raw = sentence().split()
            if len(raw) < 2:
                continue
            j = rng.randrange(len(raw) - 1)
            x, y = clean(raw[j]), clean(raw[j + 1])
            if raw[j][-1:] in _PUNCT or len(x) < 2 or len(y) < 2:
                continue  # punctuation between the words: not a phrase
            cands["phrase"].append(f'"{x} {y}"')
            if len(cands["phrase"]) == 3:
                break
    for _ in range(min(2, len(used_terms))):
        term = rng.choice(used_terms)
        cands["topic"].append(term if lang == "zh" else term.lower())
    cands["one"] = [q for q in cands["one"] if q]
    return cands


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
    os.makedirs(os.path.dirname(path), exist_ok=True)
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


# ---------------------------------------------------------------- queries and main

def pick_queries(seed, cands, per_lang):
    """per_lang queries per language, by QUERY_MIX, unique, deterministic; then interleaved."""
    out = []
    for lang in LANGS:
        chosen, seen = [], set()
        pools = {}
        for kind, _ in QUERY_MIX:
            pool = [q for q in dict.fromkeys(cands[lang][kind]) if q]
            random.Random(f"jil-queries-{seed}-{lang}-{kind}").shuffle(pool)
            pools[kind] = pool
        for kind, share in QUERY_MIX:
            want = int(round(per_lang * share))
            for q in pools[kind]:
                if want == 0:
                    break
                if q not in seen:
                    seen.add(q)
                    chosen.append(q)
                    want -= 1
        for kind, _ in itertools.cycle(QUERY_MIX):  # top up from any kind if a pool ran short
            if len(chosen) >= per_lang or not any(q not in seen for p in pools.values() for q in p):
                break
            for q in pools[kind]:
                if q not in seen:
                    seen.add(q)
                    chosen.append(q)
                    break
        chosen = chosen[:per_lang]
        random.Random(f"jil-queries-{seed}-{lang}-order").shuffle(chosen)
        out.append([(lang, q) for q in chosen])
    mixed = [q for q in itertools.chain.from_iterable(itertools.zip_longest(*out)) if q]
    return mixed


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
    ap.add_argument("--vocabularies", help="vocabularies.json (default: SAMPLE/vocabularies.json)")
    ap.add_argument("--force", action="store_true", help="replace a corpus already in --out")
    a = ap.parse_args()
    t0 = time.monotonic()

    missing = [f"{p} ({pkg})" for p, _, pkg in SOURCES.values() if not os.path.exists(p)]
    if missing:
        sys.exit("gen_corpus: word lists missing, apt-get install: " + ", ".join(missing))
    vpath = a.vocabularies or os.path.join(a.sample, "vocabularies.json")
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
    if a.jobs > 1:
        pool = Pool(a.jobs, initializer=init_worker, initargs=(a.seed, a.out, tables))
        results = pool.imap(make_doc, it_tasks, chunksize=16)
    else:
        init_worker(a.seed, a.out, tables)
        results = map(make_doc, it_tasks)
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
