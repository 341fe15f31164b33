#!/usr/bin/env python3
"""Mixed-format batch for the ingest benchmark (mixed_batch.sh), stdlib + LibreOffice only.

  mixed_batch_gen.py --plain DIR --out DIR [--n 1260] [--soffice soffice]

Takes the first N documents (the language folders interleaved) of a plain corpus made by gen_corpus.py (text and
HTML in six languages, with sidecars) and writes each in one of nine forms, in turn:

  html, md, txt (UTF-8), txt (UTF-16 with BOM), txt (legacy code page: windows-1252 for
  en/fr/es, windows-1251 ru, windows-1256 ar, GB18030 zh), docx, odt, pdf, epub

as OUT/<lang>/<id>.<ext> with its sidecar <file>.json (the same metadata). DOCX, ODT and PDF are
converted from HTML by LibreOffice headless, one soffice call per format for the whole batch
(`soffice --headless --convert-to docx --outdir ...  *.html`); EPUB is written here (a minimal
EPUB 3: mimetype, container, package, one XHTML chapter), because LibreOffice 7.4 has no EPUB
export from HTML. Prints one JSON line: documents per format, bytes, seconds.
"""
import argparse
import html
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

FORMS = ["html", "md", "txt-utf8", "txt-utf16", "txt-legacy", "docx", "odt", "pdf", "epub"]
LEGACY = {"en": "cp1252", "fr": "cp1252", "es": "cp1252", "ru": "cp1251", "ar": "cp1256",
          "zh": "gb18030"}
# Bodies are cut to this many paragraphs so that LibreOffice converts the batch in minutes.
MAX_PARAGRAPHS = 40


def plain_documents(plain):
    """The corpus's documents, the six language folders interleaved (sorted within each)."""
    by_language = {}
    for folder, _, names in os.walk(plain):
        for name in names:
            if name.endswith((".txt", ".html")) and os.path.exists(os.path.join(folder, name + ".json")):
                language = os.path.relpath(folder, plain).split(os.sep)[0]
                by_language.setdefault(language, []).append(os.path.join(folder, name))
    lists = [sorted(paths) for _, paths in sorted(by_language.items())]
    return [path for group in itertools.zip_longest(*lists) for path in group if path]


def title_and_paragraphs(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".html"):
        title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))
        paras = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", text, re.S)]
    else:
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        title, paras = blocks[0], blocks[1:]
    return title, paras[:MAX_PARAGRAPHS]


def as_html(lang, title, paras):
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    rtl = ' dir="rtl"' if lang == "ar" else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{rtl}>\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n</head>\n<body>\n<h1>{esc(title)}</h1>\n{body}\n</body>\n</html>\n")


def write_epub(path, lang, title, paras):
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    chapter = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
               f'lang="{lang}"><head><title>{esc(title)}</title></head><body><h1>{esc(title)}</h1>'
               + "".join(f"<p>{esc(p)}</p>" for p in paras) + "</body></html>\n")
    package = ('<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" '
               'version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
               f'<dc:identifier id="id">{esc(os.path.basename(path))}</dc:identifier>'
               f"<dc:title>{esc(title)}</dc:title><dc:language>{lang}</dc:language></metadata>"
               '<manifest><item id="c1" href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest>'
               '<spine><itemref idref="c1"/></spine></package>\n')
    container = ('<?xml version="1.0"?>\n<container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>'
                 "</rootfiles></container>\n")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", container, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/package.opf", package, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/chapter.xhtml", chapter, compress_type=zipfile.ZIP_DEFLATED)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plain", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--n", type=int, default=1260)
    parser.add_argument("--soffice", default="soffice")
    args = parser.parse_args()
    start = time.time()
    sources = plain_documents(args.plain)[: args.n]
    if len(sources) < args.n:
        sys.exit(f"mixed_batch_gen: only {len(sources)} documents in {args.plain}")
    shutil.rmtree(args.out, ignore_errors=True)
    counts = {form: 0 for form in FORMS}
    office = {"docx": [], "odt": [], "pdf": []}  # (html path, final path, sidecar)
    staging = tempfile.mkdtemp(prefix="mixed-html-")
    for number, source in enumerate(sources):
        with open(source + ".json", encoding="utf-8") as f:
            sidecar = f.read()
        meta = json.loads(sidecar)
        lang, doc_id = meta["language"], meta["id"]
        title, paras = title_and_paragraphs(source)
        form = FORMS[(number // 6) % len(FORMS)]  # each language gets every form
        folder = os.path.join(args.out, lang)
        os.makedirs(folder, exist_ok=True)
        ext = {"txt-utf8": "txt", "txt-utf16": "txt", "txt-legacy": "txt"}.get(form, form)
        target = os.path.join(folder, f"{doc_id}.{ext}")
        text = title + "\n\n" + "\n\n".join(paras) + "\n"
        if form == "html":
            open(target, "w", encoding="utf-8").write(as_html(lang, title, paras))
        elif form == "md":
            open(target, "w", encoding="utf-8").write(
                f"# {title}\n\n" + "\n\n".join(p.replace("*", "\\*") for p in paras) + "\n")
        elif form == "txt-utf8":
            open(target, "w", encoding="utf-8").write(text)
        elif form == "txt-utf16":
            open(target, "wb").write(text.encode("utf-16"))  # with BOM
        elif form == "txt-legacy":
            open(target, "wb").write(text.encode(LEGACY[lang], errors="replace"))
        elif form == "epub":
            write_epub(target, lang, title, paras)
        else:
            staged = os.path.join(staging, form, f"{doc_id}.html")
            os.makedirs(os.path.dirname(staged), exist_ok=True)
            open(staged, "w", encoding="utf-8").write(as_html(lang, title, paras))
            office[form].append((staged, target))
        open(target + ".json", "w", encoding="utf-8").write(sidecar)
        counts[form] += 1
    filters = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8", "pdf": "pdf:writer_web_pdf_Export"}
    for form, items in office.items():
        if not items:
            continue
        converted = os.path.join(staging, form + "-out")
        subprocess.run([args.soffice, "--headless", "--convert-to", filters[form], "--outdir", converted]
                       + [staged for staged, _ in items], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for staged, target in items:
            made = os.path.join(converted, os.path.basename(staged)[: -len(".html")] + "." + form)
            if not os.path.exists(made):
                sys.exit(f"mixed_batch_gen: soffice made no {made}")
            shutil.move(made, target)
    shutil.rmtree(staging, ignore_errors=True)
    total = 0
    for folder, _, names in os.walk(args.out):
        total += sum(os.path.getsize(os.path.join(folder, n)) for n in names if not n.endswith(".json"))
    print(json.dumps({"documents": len(sources), "by_form": counts, "original_bytes": total,
                      "seconds": round(time.time() - start, 1)}))


if __name__ == "__main__":
    main()
