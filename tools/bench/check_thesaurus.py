#!/usr/bin/env python3
"""Check the JIL judicial-integrity thesaurus and its evaluation queries.

Validates indexer/thesaurus/thesaurus.json (six top concepts with the ids of the
"value" vocabulary, every concept labelled in ar/zh/en/fr/es/ru with one pref and
1-5 alt labels, well-formed unique ids, 1-2 existing broader ids per non-top
concept, hierarchy at most 4 levels, no cycles, existing and symmetric related
links that never repeat a broader link, no label shared by two concepts in a
language, every "exact" label one of its language's labels, English scope notes,
>= 160 concepts) and tools/bench/thesaurus_queries.json
(every relevant id is a corpus sidecar id, every concept id exists, >= 20 queries
per language, each query has a relevant document in another language).

Prints counts, warnings and errors; exits 1 on any error. Also reports, as a
sanity figure, how many concepts have a label that occurs literally
(case-insensitive) in the corpus text of that label's language.

Usage: python3 tools/bench/check_thesaurus.py [--thesaurus PATH] [--queries PATH] [--corpus DIR]
Standard library only.
"""
import argparse
import collections
import glob
import html
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGS = ["ar", "zh", "en", "fr", "es", "ru"]
TOPS = ["independence", "impartiality", "integrity", "propriety", "equality", "competence-diligence"]
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HARAKAT_RE = re.compile("[\u064B-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
# Characters that exist only in Traditional Chinese (heuristic check that zh prefs are Simplified).
TRAD_ONLY = set("衝與禮財產護體會詢網謾讚蹤隱設帳號舉報處務們關係審獨潔稱職為說調議員記錄義業發開將際歷黨選區級紀錄個資傳國門對當時過還這來後間問題應該給讓識請認難聽書買賣貪權擔檢證據錢銀機構學習歲條規則續購")
MIN_CONCEPTS = 160
MIN_QUERIES_PER_LANG = 20


# Function words not counted when checking that labels are short (1-4 words).
FUNCTION_WORDS = set("a an the of to by for and in on at with from de la le les des du d l à au aux en et y e el los las del al lo o u a с в и по для о об от на за".split())


def fold(lang, label):
    """Roughly the analyzer's folding: NFKC case folding, accents (Latin), ё, Arabic letter variants."""
    t = unicodedata.normalize("NFKC", label).casefold()
    if lang in ("en", "fr", "es"):
        t = "".join(ch for ch in unicodedata.normalize("NFKD", t) if not unicodedata.combining(ch))
    elif lang == "ru":
        t = t.replace("ё", "е")
    elif lang == "ar":
        t = HARAKAT_RE.sub("", t)
        t = re.sub("[أإآٱ]", "ا", t).replace("ى", "ي").replace("ة", "ه")
    return t


def words(label):
    toks = re.split(r"[\s'’]+", label.casefold())
    return len([t for t in toks if t and t not in FUNCTION_WORDS])


def load_json(path, errors):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        errors.append("%s: cannot read JSON: %s" % (path, e))
        return None


def check_thesaurus(doc, errors, warnings):
    if not isinstance(doc, dict):
        errors.append("thesaurus: top level is not an object")
        return {}
    for key in ("_comment", "version", "languages", "concepts"):
        if key not in doc:
            errors.append("thesaurus: missing key %r" % key)
    if sorted(doc.get("languages", [])) != sorted(LANGS):
        errors.append("thesaurus: languages must be %s" % LANGS)
    concepts = doc.get("concepts", [])
    by_id = {}
    for i, c in enumerate(concepts):
        cid = c.get("id")
        if not isinstance(cid, str) or not ID_RE.match(cid):
            errors.append("concept #%d: bad id %r" % (i, cid))
            continue
        if cid in by_id:
            errors.append("duplicate id %s" % cid)
        by_id[cid] = c
        extra = set(c) - {"id", "broader", "related", "labels", "scope"}
        if extra:
            errors.append("%s: unknown keys %s" % (cid, sorted(extra)))
        if "narrower" in c:
            errors.append("%s: narrower must not be stored" % cid)
    # tops
    tops = sorted(cid for cid, c in by_id.items() if c.get("broader") == [])
    if tops != sorted(TOPS):
        errors.append("top concepts are %s, expected exactly %s" % (tops, TOPS))
    # broader / related
    for cid, c in by_id.items():
        b = c.get("broader")
        r = c.get("related")
        if not isinstance(b, list) or not isinstance(r, list):
            errors.append("%s: broader and related must be lists" % cid)
            continue
        if cid not in TOPS and not 1 <= len(b) <= 2:
            errors.append("%s: needs 1 or 2 broader ids, has %d" % (cid, len(b)))
        if len(set(b)) != len(b) or len(set(r)) != len(r):
            errors.append("%s: repeated id in broader or related" % cid)
        for x in b:
            if x not in by_id:
                errors.append("%s: dangling broader %s" % (cid, x))
            if x == cid:
                errors.append("%s: broader to itself" % cid)
        for x in r:
            if x not in by_id:
                errors.append("%s: dangling related %s" % (cid, x))
                continue
            if x == cid:
                errors.append("%s: related to itself" % cid)
            if cid not in by_id[x].get("related", []):
                errors.append("%s: related %s is not symmetric" % (cid, x))
            if x in b or cid in by_id[x].get("broader", []):
                errors.append("%s: related %s duplicates a broader link" % (cid, x))
    # cycles and depth (top = level 1)
    level = {}
    state = {}

    def depth(cid, stack):
        if state.get(cid) == 1:
            errors.append("cycle through %s" % " -> ".join(stack + [cid]))
            return 1
        if cid in level:
            return level[cid]
        state[cid] = 1
        parents = [p for p in by_id[cid].get("broader", []) if p in by_id]
        d = 1 + max((depth(p, stack + [cid]) for p in parents), default=0)
        state[cid] = 2
        level[cid] = d
        return d

    for cid in by_id:
        depth(cid, [])
    for cid, d in level.items():
        if d > 4:
            errors.append("%s: at level %d, deeper than 4" % (cid, d))
    # labels
    seen = {l: {} for l in LANGS}
    n_labels = collections.Counter()
    for cid, c in by_id.items():
        labels = c.get("labels", {})
        if not isinstance(labels, dict) or sorted(labels) != sorted(LANGS):
            errors.append("%s: labels must have exactly %s" % (cid, LANGS))
            continue
        for l in LANGS:
            entry = labels[l]
            pref = entry.get("pref") if isinstance(entry, dict) else None
            alt = entry.get("alt") if isinstance(entry, dict) else None
            if not isinstance(pref, str) or not pref.strip():
                errors.append("%s/%s: empty or missing pref" % (cid, l))
                continue
            if not isinstance(alt, list) or not 1 <= len(alt) <= 5:
                errors.append("%s/%s: needs 1-5 alt labels" % (cid, l))
                alt = alt if isinstance(alt, list) else []
            for lab in [pref] + alt:
                if not isinstance(lab, str) or not lab.strip() or lab != lab.strip():
                    errors.append("%s/%s: bad label %r" % (cid, l, lab))
                    continue
                n_labels[l] += 1
                key = fold(l, lab)
                if key in seen[l]:
                    errors.append("%s/%s: label %r also used by %s" % (cid, l, lab, seen[l][key]))
                else:
                    seen[l][key] = cid
                if l not in ("zh",) and words(lab) > 4:
                    warnings.append("%s/%s: label %r has more than 4 words" % (cid, l, lab))
                if l == "ar" and HARAKAT_RE.search(lab):
                    errors.append("%s/ar: label %r has harakat or tatweel" % (cid, lab))
                if l == "zh" and re.search(r"[A-Za-z]", lab):
                    warnings.append("%s/zh: label %r has Latin letters" % (cid, lab))
            for lab in entry.get("exact", []):
                if lab not in [pref] + alt:
                    errors.append("%s/%s: exact label %r is not one of its labels" % (cid, l, lab))
            if l == "zh" and set(pref) & TRAD_ONLY:
                errors.append("%s/zh: pref %r looks Traditional (%s)" % (cid, pref, "".join(sorted(set(pref) & TRAD_ONLY))))
        scope = c.get("scope")
        if not isinstance(scope, dict) or not isinstance(scope.get("en"), str) or not scope["en"].strip():
            errors.append("%s: missing English scope" % cid)
    if len(by_id) < MIN_CONCEPTS:
        errors.append("only %d concepts, need at least %d" % (len(by_id), MIN_CONCEPTS))
    per_level = collections.Counter(level.values())
    print("thesaurus: %d concepts; per level: %s" % (len(by_id), ", ".join("L%d=%d" % (k, per_level[k]) for k in sorted(per_level))))
    print("thesaurus: labels per language: %s" % ", ".join("%s=%d" % (l, n_labels[l]) for l in LANGS))
    print("thesaurus: related links (pairs): %d" % (sum(len(c.get("related", [])) for c in by_id.values()) // 2))
    return by_id


def corpus_docs(corpus_dir, errors):
    docs = {}
    for side in sorted(glob.glob(os.path.join(corpus_dir, "*", "*.json"))):
        meta = load_json(side, errors)
        if not isinstance(meta, dict) or "id" not in meta:
            continue
        src = side[: -len(".json")]
        text = ""
        try:
            with open(src, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            pass
        if src.endswith((".html", ".htm")):
            text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        docs[meta["id"]] = {"lang": meta.get("language"),
                            "text": " ".join([meta.get("title", ""), meta.get("summary", ""), text])}
    return docs


def check_queries(doc, concepts, docs, errors, warnings):
    if not isinstance(doc, dict) or not isinstance(doc.get("queries"), list):
        errors.append("queries: top level must have a 'queries' list")
        return
    per_lang = collections.Counter()
    own = collections.Counter()
    used_concepts = set()
    seen = set()
    rel_total = 0
    for i, q in enumerate(doc["queries"]):
        where = "query #%d %r" % (i, q.get("q"))
        lang = q.get("lang")
        if lang not in LANGS:
            errors.append("%s: bad lang %r" % (where, lang))
            continue
        text = q.get("q")
        if not isinstance(text, str) or not text.strip():
            errors.append("%s: empty q" % where)
            continue
        if (lang, text) in seen:
            errors.append("%s: duplicate query" % where)
        seen.add((lang, text))
        if lang != "zh" and words(text) > 4:
            warnings.append("%s: more than 4 words" % where)
        per_lang[lang] += 1
        cs = q.get("concepts")
        if not isinstance(cs, list) or not cs:
            errors.append("%s: needs at least one concept" % where)
            cs = []
        for c in cs:
            if c not in concepts:
                errors.append("%s: unknown concept %s" % (where, c))
            used_concepts.add(c)
        rel = q.get("relevant")
        if not isinstance(rel, list) or not rel:
            errors.append("%s: needs relevant documents" % where)
            continue
        if len(set(rel)) != len(rel):
            errors.append("%s: repeated relevant id" % where)
        rel_total += len(rel)
        langs = set()
        for r in rel:
            if r not in docs:
                errors.append("%s: relevant id %s is not a corpus document" % (where, r))
            else:
                langs.add(docs[r]["lang"])
        if langs and not (langs - {lang}):
            errors.append("%s: no relevant document in another language" % where)
        if lang in langs:
            own[lang] += 1
    for l in LANGS:
        if per_lang[l] < MIN_QUERIES_PER_LANG:
            errors.append("queries: %s has %d queries, need %d" % (l, per_lang[l], MIN_QUERIES_PER_LANG))
    print("queries: %d total; per language: %s" % (sum(per_lang.values()), ", ".join("%s=%d" % (l, per_lang[l]) for l in LANGS)))
    print("queries: with a relevant document in their own language: %s" % ", ".join("%s=%d" % (l, own[l]) for l in LANGS))
    print("queries: %d relevance judgements, %d distinct concepts used" % (rel_total, len(used_concepts)))


def literal_coverage(concepts, docs):
    text = collections.defaultdict(str)
    for d in docs.values():
        text[d["lang"]] += "\n" + d["text"].casefold()
    per_lang = collections.Counter()
    any_lang = 0
    for cid, c in concepts.items():
        hit_any = False
        for l in LANGS:
            e = c.get("labels", {}).get(l, {})
            labs = [e.get("pref", "")] + list(e.get("alt", []))
            if any(lab and lab.casefold() in text[l] for lab in labs):
                per_lang[l] += 1
                hit_any = True
        any_lang += hit_any
    print("corpus: concepts with a label found literally in that language's documents: %s; in at least one language: %d of %d"
          % (", ".join("%s=%d" % (l, per_lang[l]) for l in LANGS), any_lang, len(concepts)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--thesaurus", default=os.path.join(ROOT, "indexer", "thesaurus", "thesaurus.json"))
    ap.add_argument("--queries", default=os.path.join(ROOT, "tools", "bench", "thesaurus_queries.json"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "corpus"))
    ap.add_argument("-q", "--quiet", action="store_true", help="do not list warnings")
    args = ap.parse_args()
    errors, warnings = [], []
    th = load_json(args.thesaurus, errors)
    concepts = check_thesaurus(th, errors, warnings) if th is not None else {}
    docs = corpus_docs(args.corpus, errors)
    print("corpus: %d documents" % len(docs))
    qs = load_json(args.queries, errors)
    if qs is not None:
        check_queries(qs, concepts, docs, errors, warnings)
    if concepts:
        literal_coverage(concepts, docs)
    if not args.quiet:
        for w in warnings:
            print("warning: " + w)
    for e in errors:
        print("error: " + e)
    print("%d errors, %d warnings" % (len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
