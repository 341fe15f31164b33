"""Inputs of the benchmark corpus: Debian word lists, vocabularies.json and the sample library.

Used by gen_corpus.py. load_vocab reproduces the peers' word lists (/work/shared/bench-peers/
gen_corpus.py) so that both corpora have the same vocabulary statistics; build_tables turns
vocabularies.json, lexicon.py and the sample documents' metadata into weighted choices.
"""
import hashlib
import html
import json
import os
import random
import re

import lexicon
from lexicon import LANGS

VOCAB_SIZE = 60000
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
CLEAN_ALPHA = re.compile(r"^[^\W\d_]+(?:['\u2019-][^\W\d_]+)*$")
_TAGS = re.compile(r"<[^>]*>")
_SENT_END = re.compile(r"(?<=[.!?。！？؟])\s*")
_MD_MARK = re.compile(r"^(?:#+|[-*+>]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


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
                if not CLEAN_ALPHA.match(w) or len(w) < 2 or "'" in w:
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
