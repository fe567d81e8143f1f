#!/usr/bin/env bash
# Builds a self-trained lexicon: the names a model tags, often and with one type, in the 61M tokens of
# unlabeled text in ../shared/data/unlabeled (Wikipedia 2015, Reuters-21578, BBC 2004-2005). One list per
# type, for `extractor train --list`:
#   self-per.txt  self-org.txt  self-loc.txt (countries included)  self-misc.txt
# A surface is kept when the model tags it at least MIN_COUNT times (default 3) with a score of at least
# MIN_SCORE (default 0.5), and that type holds at least MIN_SHARE (default 0.9) of its tagged occurrences.
# The lists come from the model, not from people: to cross-validate them, build one set per fold from the
# fold's own model (scripts/crossval.sh replaces {fold} in its options), so no list knows the scored fold.
# Usage: scripts/gazetteers/self-trained.sh MODEL OUT_DIR   (EXTRACTOR=path/to/extractor skips the build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=${1:?usage: scripts/gazetteers/self-trained.sh MODEL OUT_DIR}
out=${2:?usage: scripts/gazetteers/self-trained.sh MODEL OUT_DIR}
data=${UNLABELED:-$root/../shared/data/unlabeled}
mkdir -p "$out"
if [ -z "${EXTRACTOR:-}" ]; then
  dotnet build "$root/src/Extractor.Cli" -c Release -o "$out/bin" > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
  EXTRACTOR=$out/bin/extractor
fi
[ -f "$model" ] || { echo "self-trained: $model: no such model file" >&2; exit 2; }
# One paragraph per line becomes one JSONL document, so the tagger sees paragraph context and nothing more.
for f in reuters21578_1987 bbc_news_2004_2005 wikipedia_en_wikiextractor_2015; do
  zcat "$data/$f.txt.gz" | python3 -c '
import json, sys
name = sys.argv[1]
for i, line in enumerate(sys.stdin):
    print(json.dumps({"id": f"{name}:{i + 1}", "text": line.rstrip("\n")}, ensure_ascii=False))' "$f"
done | "$EXTRACTOR" extract - --input-format jsonl --model "$model" -l mention -t all -f jsonl -j 2 \
  | python3 -c '
import collections, json, sys
out, min_count, min_score, min_share = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
kinds = {"PERSON": "per", "ORGANIZATION": "org", "LOCATION": "loc", "COUNTRY": "loc", "MISC": "misc"}
counts = collections.defaultdict(collections.Counter)
for row in map(json.loads, sys.stdin):
    if row["score"] >= min_score:
        counts[row["text"]][kinds[row["type"]]] += 1
lists = collections.defaultdict(list)
for surface, by_kind in counts.items():
    kind, n = by_kind.most_common(1)[0]
    if n >= min_count and n >= min_share * sum(by_kind.values()) and len(surface) > 1:
        lists[kind].append(surface)
for kind in ("per", "org", "loc", "misc"):
    names = sorted(lists[kind])
    with open(f"{out}/self-{kind}.txt.part", "w", encoding="utf-8") as f:
        f.write("".join(n + "\n" for n in names))
    print(f"self-trained: self-{kind}.txt: {len(names)} names", file=sys.stderr)' \
    "$out" "${MIN_COUNT:-3}" "${MIN_SCORE:-0.5}" "${MIN_SHARE:-0.9}"
# Only a whole run replaces the lists (pipefail has stopped the script if the tagger failed).
for kind in per org loc misc; do mv "$out/self-$kind.txt.part" "$out/self-$kind.txt"; done
