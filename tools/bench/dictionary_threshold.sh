#!/bin/bash
# How much text of one language a zstd dictionary needs (schema/text_dictionary.h
# kMinTrainingBytes): per language folder of a bench corpus, cuts the .txt files into 4 KiB
# blocks, trains a 110 KiB dictionary (`zstd --train`) on the first 1, 2, 4 and 8 MiB of blocks
# and compresses the blocks of the last 150 files (not trained on) at level 9, each block its own
# frame. Prints, per language, the plain bytes, the bytes without a dictionary and with each.
# Usage: tools/bench/dictionary_threshold.sh CORPUS WORKDIR   (CORPUS/{ar,en,...}/**/*.txt)
set -eu  # no pipefail: awk stops reading the block list early
corpus=$1
work=$2
mkdir -p "$work"
for lang in ar en es fr ru zh; do
  rm -rf "${work:?}/$lang"
  mkdir -p "$work/$lang/train" "$work/$lang/test"
  mapfile -t files < <(find "$corpus/$lang" -name '*.txt' | sort)
  count=${#files[@]}
  index=0
  for file in "${files[@]:$((count - 150))}"; do
    split -b 4096 -a 4 "$file" "$work/$lang/test/$index-"
    index=$((index + 1))
  done
  index=0
  for file in "${files[@]:0:$((count - 150))}"; do
    split -b 4096 -a 4 "$file" "$work/$lang/train/$(printf %05d $index)-"
    index=$((index + 1))
  done
  line="$lang plain=$(cat "$work/$lang"/test/* | wc -c) none=$(zstd -q -9 -c "$work/$lang"/test/* | wc -c)"
  for mib in 1 2 4 8; do
    # The first blocks, in file order, up to `mib` MiB.
    picked=$(find "$work/$lang/train" -type f -printf '%s %p\n' | sort -k2 |
      awk -v limit=$((mib * 1048576)) '{ print $2; total += $1; if (total >= limit) exit }')
    # shellcheck disable=SC2086
    zstd -q -f --train --maxdict=112640 -o "$work/$lang/dictionary-$mib" $picked
    line="$line ${mib}MiB=$(zstd -q -9 -D "$work/$lang/dictionary-$mib" -c "$work/$lang"/test/* | wc -c)"
  done
  echo "$line"
done
