"""Benchmark queries drawn from the generated text: candidates per document, then the pick.

Used by gen_corpus.py. Kinds: "one" word, "two" words of one document (AND, at least one hit),
"phrase" (two adjacent words, quoted; zh: a quoted 4-character run), "topic" (a judicial-integrity
term that the document contains). zh words are 2-4 character substrings of Han runs.
"""
import itertools
import random
import re

from corpus_inputs import CLEAN_ALPHA
from lexicon import LANGS

QUERY_MIX = (("one", 0.35), ("two", 0.30), ("phrase", 0.20), ("topic", 0.15))
_PUNCT = ",.?!;:،؟\"«»()"


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
            return w if CLEAN_ALPHA.match(w) else ""

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
