#!/usr/bin/env bash
# The time of the first searches after small indexer commits (README "After a commit"): starts
# searchd on DB, then each round indexes a folder of 10 documents of CORPUS (5 of them again with
# another year, 5 under new ids and works) and times four searches with curl. Writes into DB and
# STORE: give it copies. Prints one line per round; asserts nothing.
#
#   BUILD=build/release DB=/tmp/copy/db STORE=/tmp/copy/store \
#     CORPUS=/tmp/jil-scale/20000/corpus/en/0000 bash tools/bench/first_search_after_commit.sh
set -u
BUILD=${BUILD:-build/release} PORT=${PORT:-18440} ROUNDS=${ROUNDS:-4}
: "${DB:?copy of an index}" "${STORE:?copy of its store}" "${CORPUS:?folder of documents of DB}"
WEB=$(dirname "$0")/../../web
WORK=$(mktemp -d)
"$BUILD/searchd/jil-searchd" --web "$WEB" --listen 127.0.0.1 --port "$PORT" --db "$DB" \
  --store "$STORE" --no-cache --threads 2 --anonymous-rate 100000 --anonymous-burst 1000000 \
  > "$WORK/searchd.log" 2>&1 &
SEARCHD=$!
trap 'kill $SEARCHD; rm -rf "$WORK"' EXIT
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT/api/v1/search?q=corruption&lang=en"
timed() { curl -s -o /dev/null -w '%{time_total}' "$URL"; }
echo "after start: $(timed) $(timed) $(timed) $(timed)"
for round in $(seq 1 "$ROUNDS"); do
  BATCH="$WORK/batch-$round"
  mkdir -p "$BATCH"
  number=0
  for name in $(ls "$CORPUS" | grep -v '\.json$' | head -10); do
    number=$((number + 1))
    if [ "$number" -le 5 ]; then  # replaced: same id, other text and year
      cp "$CORPUS/$name" "$BATCH/$name"
      echo " corruption round $round" >> "$BATCH/$name"
      python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['year']=2000+$round; json.dump(d,open(sys.argv[2],'w'))" \
        "$CORPUS/$name.json" "$BATCH/$name.json"
    else  # added: a new id and work
      cp "$CORPUS/$name" "$BATCH/new-$name"
      python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['id']=d['work']='new-$round-$number'; json.dump(d,open(sys.argv[2],'w'))" \
        "$CORPUS/$name.json" "$BATCH/new-$name.json"
    fi
  done
  "$BUILD/indexer/jil-indexer" index --db "$DB" --store "$STORE" "$BATCH" > "$WORK/index.log" 2>&1 \
    || { echo "jil-indexer failed:"; tail -3 "$WORK/index.log"; exit 1; }
  echo "round $round: first $(timed) second $(timed) then $(timed) $(timed)"
done
