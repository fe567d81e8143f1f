#!/usr/bin/env bash
# Usage: scripts/bench/make-corpus.sh OUT_DIR
# Builds the benchmark corpus: the BBC News 2004-2005 articles (about 2,160 news-length documents,
# ~1M tokens), one .txt file per article, cut at headline lines (short, no closing punctuation).
# Research-use data: it is generated into OUT_DIR, never committed. Idempotent.
set -euo pipefail
out=${1:?usage: make-corpus.sh OUT_DIR}
src=${BENCH_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/data/unlabeled/bbc_news_2004_2005.txt.gz}
[ -f "$src" ] || src=/work/shared/data/unlabeled/bbc_news_2004_2005.txt.gz
if [ -f "$out/.complete" ]; then exit 0; fi
[ -f "$src" ] || { echo "make-corpus: $src not found (set BENCH_SOURCE)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
zcat "$src" | awk -v dir="$out" '
  NF < 15 && $0 !~ /[.!?"'"'"':)]$/ { if (file) close(file); file = sprintf("%s/%05d.txt", dir, ++n) }
  file { print > file }
  END { if (n < 2000) { print "make-corpus: only " n " documents" > "/dev/stderr"; exit 1 } }'
touch "$out/.complete"
