#!/usr/bin/env python3
"""xmlpipe2 feed for Sphinx's `indexer` from a gen_corpus.py corpus (stdlib only).

  sphinx_feed.py CORPUS_DIR OUT.xml [--ids OUT_IDS.tsv]

Walks CORPUS_DIR/<lang>/<bucket>/ for the documents (.txt and .html, each with its .json sidecar),
in sorted path order, and writes one <sphinx:document> per document: a numeric id (1, 2, ... in
that order; --ids writes "number TAB JIL id TAB path"), the fields title (from the sidecar) and
body (the text's paragraphs: a .txt file's lines after the title, an .html file's <p> contents,
HTML entities decoded), and the attributes lang (string) and year (int), as the peers' feed.
Text is XML-escaped, and characters XML 1.0 forbids (C0 controls but tab and newline, lone
surrogates, U+FFFE/U+FFFF) are replaced by spaces, so the stream always parses.

Prints one JSON line on stdout: docs, text_bytes (title + newline + paragraphs joined by
newlines, UTF-8: the same definition as gen_corpus.py's, so it should equal gen.json's),
feed_bytes, seconds.
"""
import argparse
import html
import json
import os
import re
import sys
import time
from xml.sax.saxutils import escape

P_RE = re.compile(r"<p>(.*?)</p>", re.S)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HEADER = ('<?xml version="1.0" encoding="utf-8"?>\n<sphinx:docset>\n<sphinx:schema>\n'
          '<sphinx:field name="title"/>\n<sphinx:field name="body"/>\n'
          '<sphinx:attr name="lang" type="string"/>\n'
          '<sphinx:attr name="year" type="int" bits="16" default="0"/>\n'
          '</sphinx:schema>\n')


def documents(root):
    """Sorted relative paths of the corpus's documents (files with a sidecar, not the sidecars)."""
    out = []
    for lang in sorted(os.listdir(root)):
        top = os.path.join(root, lang)
        if not os.path.isdir(top):
            continue
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".txt", ".html")) and name + ".json" in files:
                    out.append(os.path.relpath(os.path.join(folder, name), root))
    return out


def paragraphs(path, data):
    if path.endswith(".html"):
        return [html.unescape(p) for p in P_RE.findall(data)]
    # .txt: title, blank line, paragraphs separated by blank lines
    parts = data.split("\n\n")
    return [p.strip("\n") for p in parts[1:] if p.strip()]


def clean(s):
    return escape(NOT_XML.sub(" ", s))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--ids", help="also write number TAB id TAB path per document")
    a = ap.parse_args()
    t0 = time.perf_counter()
    paths = documents(a.corpus)
    if not paths:
        sys.exit(f"sphinx_feed: no documents with sidecars under {a.corpus}")
    text_bytes = 0
    ids = open(a.ids, "w", encoding="utf-8") if a.ids else None
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as xml:
        xml.write(HEADER)
        for num, rel in enumerate(paths, 1):
            path = os.path.join(a.corpus, rel)
            with open(path, encoding="utf-8", errors="replace") as f:
                data = f.read()
            with open(path + ".json", encoding="utf-8") as f:
                meta = json.load(f)
            title = str(meta.get("title") or "")
            paras = paragraphs(path, data)
            text_bytes += len((title + "\n" + "\n".join(paras)).encode("utf-8"))
            lang = str(meta.get("language") or rel.split(os.sep, 1)[0])
            year = meta.get("year")
            year = year if isinstance(year, int) and 0 <= year < 65536 else 0
            xml.write(f'<sphinx:document id="{num}">\n<title>{clean(title)}</title>\n'
                      f'<body>{clean(chr(10).join(paras))}</body>\n'
                      f'<lang>{clean(lang)}</lang><year>{year}</year>\n</sphinx:document>\n')
            if ids:
                ids.write(f"{num}\t{meta.get('id', '')}\t{rel}\n")
        xml.write("</sphinx:docset>\n")
    os.replace(tmp, a.out)
    if ids:
        ids.close()
    print(json.dumps({"docs": len(paths), "text_bytes": text_bytes, "feed_bytes": os.path.getsize(a.out),
                      "seconds": round(time.perf_counter() - t0, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
