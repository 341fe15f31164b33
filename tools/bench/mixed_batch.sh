#!/usr/bin/env bash
# Ingest benchmark (issue 4 item 8): indexes a mixed batch of every format in six languages with
# the Release jil-indexer and prints docs/s, MB/s, the time of a no-change rerun and peak RSS.
#
#   bash tools/bench/mixed_batch.sh                  # 1,260 mixed files in /tmp/jil-mixed
#   SCALE_CORPUS=/tmp/jil-bench/corpus bash tools/bench/mixed_batch.sh   # also the scale corpus
#
# Steps: packages (libreoffice-writer-nogui for DOCX/ODT/PDF, time, the generator's word lists);
# build/release if jil-indexer is missing; the plain corpus (gen_corpus.py, N documents) and from
# it the mixed batch (mixed_batch_gen.py: html, md, txt in UTF-8/UTF-16/legacy code pages, docx,
# odt, pdf, epub); then `jil-indexer index --json` under /usr/bin/time -v into a fresh index, and
# the same command again (nothing changed). With SCALE_CORPUS, the same two runs over that folder
# (the backbone benchmark's plain-text corpus, made by run.sh). Prints figures; asserts nothing.
# Environment: N (1260), SEED (42), WORK (/tmp/jil-mixed), BUILD (build/release), SCALE_CORPUS,
# REGEN=1 (remake the batch), INDEX_ARGS (extra `index` options).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
N=${N:-1260}
SEED=${SEED:-42}
WORK=${WORK:-/tmp/jil-mixed}
BUILD=${BUILD:-$ROOT/build/release}
INDEXER=$BUILD/indexer/jil-indexer
SCALE_CORPUS=${SCALE_CORPUS:-}
REGEN=${REGEN:-0}
INDEX_ARGS=${INDEX_ARGS:-}

log() { echo "mixed_batch: $*" >&2; }
die() { log "$*"; exit 1; }

need_pkgs() {
  local p missing=()
  for p in "$@"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}
need_pkgs python3 libreoffice-writer-nogui time wamerican hunspell-fr hunspell-es hunspell-ru \
  hunspell-ar python3-jieba

if [ ! -x "$INDEXER" ]; then
  log "building $BUILD (Release)"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release > "$WORK.cmake.log" 2>&1
  nice cmake --build "$BUILD" -j2 --target jil-indexer >> "$WORK.cmake.log" 2>&1 \
    || die "build failed; log: $WORK.cmake.log"
fi

mkdir -p "$WORK"
key=$(cat "$HERE/gen_corpus.py" "$HERE/mixed_batch_gen.py" <(echo "n=$N seed=$SEED") | sha256sum | cut -d' ' -f1)
if [ "$REGEN" != 1 ] && [ -d "$WORK/mixed" ] && [ "$(cat "$WORK/mixed.key" 2>/dev/null)" = "$key" ]; then
  log "batch: reusing $WORK/mixed"
else
  log "batch: generating $N plain documents, then converting them (LibreOffice takes minutes)"
  rm -f "$WORK/mixed.key"
  python3 "$HERE/gen_corpus.py" --n "$N" --seed "$SEED" --jobs 2 --out "$WORK/plain" --force > "$WORK/plain.json"
  python3 "$HERE/mixed_batch_gen.py" --plain "$WORK/plain" --out "$WORK/mixed" --n "$N" > "$WORK/mixed.json"
  echo "$key" > "$WORK/mixed.key"
fi
cat "$WORK/mixed.json" >&2

# One measured run: NAME FOLDER. Writes NAME.json (the summary) and NAME.time (time -v).
measure() {
  local name=$1 folder=$2 rc=0
  # shellcheck disable=SC2086  # INDEX_ARGS is a list of words
  /usr/bin/time -v -o "$WORK/$name.time" nice "$INDEXER" index --db "$WORK/db-$3" \
    --store "$WORK/store-$3" --json $INDEX_ARGS "$folder" > "$WORK/$name.json" 2> "$WORK/$name.err" || rc=$?
  [ "$rc" -le 1 ] || die "$name: jil-indexer exited with $rc; see $WORK/$name.err"
}

# Prints one row of figures from a first run and its no-change rerun.
row() {
  python3 - "$WORK/$1.json" "$WORK/$1.time" "$WORK/$2.json" "$WORK/$2.time" "$3" <<'PY'
import json, re, sys
first, first_time, again, again_time, label = sys.argv[1:]
def wall(path):
    text = open(path).read()
    h, m, s = ([0, 0] + re.search(r"Elapsed \(wall clock\) time.*: ([\d:.]+)", text).group(1).split(":"))[-3:]
    return int(h) * 3600 + int(m) * 60 + float(s), int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
run, rerun = json.load(open(first)), json.load(open(again))
seconds, rss = wall(first_time)
again_seconds, again_rss = wall(again_time)
files = run["added"] + run["updated"] + run["unchanged"] + len(run["failed"])
print(f"| {label} | {files:,} files, {run['bytes_read'] / 1e6:.1f} MB | {run['added']:,} added, "
      f"{len(run['failed'])} failed | {files / seconds:.1f} | {run['bytes_read'] / 1e6 / seconds:.2f} | "
      f"{seconds:.1f} s | {again_seconds:.1f} s ({rerun['unchanged']:,} unchanged) | "
      f"{max(rss, again_rss) / 1024:.0f} MB |")
for failure in run["failed"][:5]:
    print(f"  failed: {failure['file']}: {failure['reason']}", file=sys.stderr)
PY
}

rm -rf "$WORK"/db-* "$WORK"/store-*
sync
log "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
log "index: mixed batch"
measure mixed_first "$WORK/mixed" mixed
log "index: mixed batch again (nothing changed)"
measure mixed_again "$WORK/mixed" mixed
rows=$(row mixed_first mixed_again "mixed batch, 9 forms × 6 languages")
if [ -n "$SCALE_CORPUS" ]; then
  log "index: scale corpus $SCALE_CORPUS"
  measure scale_first "$SCALE_CORPUS" scale
  log "index: scale corpus again (nothing changed)"
  measure scale_again "$SCALE_CORPUS" scale
  rows+=$'\n'$(row scale_first scale_again "plain-text scale corpus (run.sh)")
fi
log "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| batch | input | outcome | docs/s | MB/s | first run | no-change rerun | peak RSS |"
echo "|---|---|---|---:|---:|---:|---:|---:|"
echo "$rows"
echo "(jil-indexer $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), Release, $(date -u +%F), raw outputs in $WORK)"
