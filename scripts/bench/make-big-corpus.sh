#!/usr/bin/env bash
# Usage: scripts/bench/make-big-corpus.sh OUT_DIR BBC_CORPUS_DIR
# Builds the large benchmark corpus: the BBC articles of BBC_CORPUS_DIR (from make-corpus.sh, linked) and the
# Reuters-21578 (1987) articles, one .txt file per article, cut at dateline lines ("CLEVELAND, Feb 26 - ...").
# About 16,600 distinct documents and 4M tokens: unlike the small corpus repeated, every document is new to
# the tagger's word caches, as in a real batch. Research-use data: generated into OUT_DIR, never committed.
# Idempotent.
set -euo pipefail
out=${1:?usage: make-big-corpus.sh OUT_DIR BBC_CORPUS_DIR}
bbc=${2:?usage: make-big-corpus.sh OUT_DIR BBC_CORPUS_DIR}
src=${BENCH_REUTERS:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/data/unlabeled/reuters21578_1987.txt.gz}
[ -f "$src" ] || src=/work/shared/data/unlabeled/reuters21578_1987.txt.gz
if [ -f "$out/.complete" ]; then exit 0; fi
[ -f "$src" ] || { echo "make-big-corpus: $src not found (set BENCH_REUTERS)" >&2; exit 1; }
[ -f "$bbc/.complete" ] || { echo "make-big-corpus: $bbc is not a finished make-corpus.sh folder" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/bbc" "$out/reuters"
ln -s "$(cd "$bbc" && pwd)"/*.txt "$out/bbc/"
zcat "$src" | awk -v dir="$out/reuters" '
  /^[A-Z][A-Z. ,\/()-]+, [A-Z][a-z]+ [0-9]+ - / || !file { if (file) close(file); file = sprintf("%s/%05d.txt", dir, ++n) }
  { print > file }
  END { if (n < 10000) { print "make-big-corpus: only " n " Reuters articles" > "/dev/stderr"; exit 1 } }'
touch "$out/.complete"
