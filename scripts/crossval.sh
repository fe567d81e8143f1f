#!/usr/bin/env bash
# 5-fold cross-validation over CoNLL-2003 train + dev (1,162 documents, split by document: document i goes to
# fold i mod 5). For fold k: train on the three folds other than k and k+1, pick epochs and fit the confidence
# temperature on fold k+1, score fold k. No fold is both tuned on and scored. Besides overall F1 it reports the
# unseen-name proxy: F1 on fold k's names that are not a gold mention in the training folds.
# Usage: scripts/crossval.sh NAME [extractor train options, e.g. --clusters X --list places=Y]
# "{fold}" in an option becomes the fold number, for lists built per fold (scripts/gazetteers/self-trained.sh).
# Prints one line per fold and a mean line; models and logs go to $CV_DIR (default .work/cv/NAME).
# EXTRACTOR=PATH uses that build instead of building the working tree (runs compared in a series use one build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: scripts/crossval.sh NAME [train options]}; shift
data=${DATA:-$root/../shared/data/conll2003}
work=${CV_DIR:-$root/.work/cv/$name}
folds=5
mkdir -p "$work"
if [ -n "${EXTRACTOR:-}" ]; then cli=$EXTRACTOR; else
  dotnet build "$root/src/Extractor.Cli" -c Release -o "$work/bin" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  cli=$work/bin/extractor
fi
# Split train + dev into folds by -DOCSTART- document.
cat "$data/eng.train" "$data/eng.testa" | awk -v dir="$work" -v n=$folds '
  /^-DOCSTART-/ { doc++ } { f = (doc - 1) % n; print > (dir "/fold" f ".conll") }'
printf '%-6s %8s %8s\n' fold F1 unseen
for k in $(seq 0 $((folds - 1))); do
  dev=$(( (k + 1) % folds ))
  : > "$work/train$k.conll"
  for j in $(seq 0 $((folds - 1))); do [ "$j" -ne "$k" ] && [ "$j" -ne "$dev" ] && cat "$work/fold$j.conll" >> "$work/train$k.conll"; done
  args=(); for a in "$@"; do args+=("${a//\{fold\}/$k}"); done
  "$cli" train --train "$work/train$k.conll" --dev "$work/fold$dev.conll" -o "$work/model$k.model" "${args[@]}" > "$work/train$k.log"
  "$cli" evaluate --gold "$work/fold$k.conll" --model "$work/model$k.model" --unseen-from "$work/train$k.conll" > "$work/eval$k.log"
  f1=$(awk '$1 == "overall" { print $4 }' "$work/eval$k.log")
  unseen=$(awk '$1 == "unseen" { print $4 }' "$work/eval$k.log")
  printf '%-6s %8s %8s\n' "$k" "$f1" "$unseen" | tee -a "$work/folds.txt"
done
awk -v name="$name" '{ f += $2; u += $3; n++ } END { printf "%-6s %8.2f %8.2f  (%s, mean of %d folds)\n", "mean", f / n, u / n, name, n }' "$work/folds.txt"
rm -f "$work/folds.txt"
