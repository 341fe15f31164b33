#!/usr/bin/env bash
# Installs the Debian 12 packages JIL needs, only those missing (README "Dependencies" says why
# each is there). Usage: tools/setup.sh [build|test|bench|fuzz]  (test adds the browser-test
# packages; bench adds what the benchmarks need on top of test, so CI does not install it; fuzz
# adds clang and libFuzzer for tools/fuzz.sh).
set -euo pipefail

mode="${1:-build}"
packages=(
  cmake ninja-build g++ pkg-config           # build
  libxapian-dev xapian-tools                 # index, and xapian-check/-compact
  libzstd-dev                                # document data: zstd blocks with a trained dictionary
  libicu-dev                                 # segmentation, normalization, transliteration
  libboost1.81-dev                           # Beast and Asio (headers)
  libpoco-dev                                # SHA-2 for the content store; Zip and XML (DOCX/ODT/EPUB)
  libpoppler-cpp-dev                         # PDF text extraction
  libtesseract-dev libleptonica-dev          # OCR of scanned PDF pages, with the six languages' data:
  tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-ara
  tesseract-ocr-chi-sim tesseract-ocr-chi-tra
  nlohmann-json3-dev                         # JSON sidecars, document data, API
  libgumbo-dev libmd4c-dev                   # HTML and Markdown extraction
  libmagic-dev                               # what a file's bytes are, against its name (T-P8)
  libkainjow-mustache-dev                    # logic-less HTML templates
  libcld2-dev                                # language detection (Latin script) for files without one
)
if [ "$mode" = test ] || [ "$mode" = bench ]; then
  packages+=(googletest libgtest-dev clang-format chromium fonts-noto-core fonts-noto-cjk curl python3)
  packages+=(libxml2-utils)  # xmllint: OAI-PMH answers against the schemas in tests/fixtures/oai
  packages+=(strace)  # the order of the indexer's renames and syncs (RELIABILITY.md T-D6)
  command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
fi
if [ "$mode" = fuzz ]; then
  packages+=(clang-14 libclang-rt-14-dev)  # tools/fuzz.sh: libFuzzer, ASan and UBSan runtimes
fi
if [ "$mode" = bench ]; then
  packages+=(libreoffice-writer-nogui)  # tools/bench/mixed_batch.sh makes its DOCX, ODT, PDF
  packages+=(slowhttptest)  # tools/bench/edge_attacks.sh: slow-header, slow-body, slow-read attacks
  # tools/bench/run.sh (it checks these itself too and installs what is missing):
  packages+=(wamerican hunspell-fr hunspell-es hunspell-ru hunspell-ar python3-jieba)  # corpus words
  packages+=(time procps wrk)  # /usr/bin/time -v (wall, CPU, peak RSS), ps, HTTP load
  packages+=(xapian-omega lighttpd)  # the peers in the same run: omindex, Omega's CGI behind lighttpd
  packages+=(sphinxsearch python3-pymysql)  # the peers in the same run: Sphinx's indexer and searchd,
                                            # queried over SphinxQL (the MySQL protocol) by query_bench.py
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#packages[@]} packages present"
fi
