#!/usr/bin/env bash
# Issue 33's table, this tree against an earlier commit, side by side in one run: the native (AOT) binary and the
# framework-dependent ReadyToRun build of each, start-up rows interleaved round after round (scripts/bench/ab.py),
# then throughput on the benchmark corpus by the tool's own clock, on two cores and pinned to one, in turn.
# Prints a Markdown table (docs/performance.md and README take it as printed) and checks that both trees give the
# same bytes on samples/ and on the corpus.
#
# Usage: scripts/bench/against.sh [--peers] [BASE]   (BASE: a commit, default HEAD~1; about 10 minutes here)
#   --peers   also time OpenNLP (../shared/peers/run-opennlp-conll) on the same corpus, for the last row
# Environment: BENCH_WORK (scratch, default .work/bench), ROUNDS (start-up rounds, default 30), RATE_ROUNDS (default 5;
# on a machine shared with busy neighbours 15, when the figures decide something: docs/performance.md).
# Needs: dotnet, python3, git, GNU time; clang or gcc for the AOT builds; taskset for the one-core row.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_WORK:-$root/.work/bench}
rounds=${ROUNDS:-30} rate_rounds=${RATE_ROUNDS:-5}
base=HEAD~1 peers=0 flag=
for arg in "$@"; do
  case $arg in
    --peers) peers=1 flag=" --peers" ;;
    -*) echo "usage: scripts/bench/against.sh [--peers] [BASE]" >&2; exit 2 ;;
    *) base=$arg ;;
  esac
done
say() { printf '%s\n' "$*" >&2; }
base_id=$(git -C "$root" rev-parse --short "$base")
head_id="$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src models || echo '+changes')"
mkdir -p "$work" && out=$work/against && rm -rf "$out" && mkdir -p "$out"
corpus=$work/corpus
"$root/scripts/bench/make-corpus.sh" "$corpus"
# One news article of about 2 KB: the first corpus document of 1,800 bytes or more (awk reads to the end: `head`
# would close the pipe early, and under pipefail that ends the script); and an empty file.
article=$(find "$corpus" -name '*.txt' -size +1800c | sort | awk 'NR == 1')
: > "$out/empty.txt"

# The base commit's files, exported beside (kept for the next run against the same commit).
tree=$work/tree-$base_id
[ -f "$tree/.complete" ] || { rm -rf "$tree" && mkdir -p "$tree" && git -C "$root" archive "$base_id" | tar -x -C "$tree" && touch "$tree/.complete"; }
publish() { # publish SRC-ROOT NAME: the AOT binary and the framework-dependent ReadyToRun build
  local src=$1 name=$2 r2r=$1/src/Extractor.Cli/obj/Release/net10.0/linux-x64/R2R
  say "publishing $name ..."
  dotnet publish "$src/src/Extractor.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$out/$name-aot" > "$out/$name.log" 2>&1
  # The SDK would reuse a self-contained build's ReadyToRun images for the framework-dependent one: cleared first.
  rm -rf "$r2r" && dotnet publish "$src/src/Extractor.Cli" -c Release -r linux-x64 --self-contained false -o "$out/$name-fd" >> "$out/$name.log" 2>&1
}
publish "$tree" base
publish "$root" head

# Same bytes: samples/ (mention level) and the corpus (mention JSONL), base against this tree.
same=yes
for b in base head; do
  "$out/$b-aot/extractor" extract "$root/samples" -l mention -q > "$out/samples.$b.csv"
  "$out/$b-aot/extractor" extract "$corpus" -l mention -f jsonl -q > "$out/corpus.$b.jsonl"
done
cmp -s "$out/samples.base.csv" "$out/samples.head.csv" && cmp -s "$out/corpus.base.jsonl" "$out/corpus.head.jsonl" || same=no
tokens=$(find "$corpus" -name '*.txt' -print0 | sort -z | xargs -0 "$out/head-aot/extractor" tokenize | grep -c '^[0-9]')

say "start-up, $rounds rounds ..."
cmds=()
for b in base-aot head-aot base-fd head-fd; do
  x=$out/$b/extractor
  cmds+=("$x --version" "$x extract $article -q" "$x extract $out/empty.txt -q")
done
python3 "$root/scripts/bench/ab.py" --tsv "$rounds" "${cmds[@]}" > "$out/startup.tsv"
wall() { awk -F'\t' -v c="$1" '$1 == c { print $2 }' "$out/startup.tsv"; }

say "throughput, $rate_rounds rounds ..."
pin=(); command -v taskset > /dev/null && pin=(taskset -c 0)
# rate BUILD TAG ARGS...: one run on the corpus; appends the tool's tokens/s to $out/rate.BUILD.TAG, the wall
# seconds to $out/wall.BUILD.TAG and the peak RSS (kB) to $out/rss.BUILD.TAG.
rate() {
  local b=$1 tag=$2; shift 2
  /usr/bin/time -f '%e %M' -o "$out/time1" "$@" "$out/$b/extractor" extract "$corpus" -l mention -o "$out/run.csv" 2> "$out/err"
  grep -o '([0-9]* tokens/s)' "$out/err" | tr -dc '0-9' >> "$out/rate.$b.$tag"; echo >> "$out/rate.$b.$tag"
  awk '{ print $1 }' "$out/time1" >> "$out/wall.$b.$tag"; awk '{ print $2 }' "$out/time1" >> "$out/rss.$b.$tag"
}
for _ in $(seq "$rate_rounds"); do
  for b in base-aot head-aot base-fd head-fd; do
    rate "$b" two
    [ ${#pin[@]} -gt 0 ] && rate "$b" one "${pin[@]}"
  done
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
num() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
one_core() { [ -s "$out/rate.$1.one" ] && num "$(median "$out/rate.$1.one")" || echo "–"; }
scaling() { [ -s "$out/rate.$1.one" ] && awk -v a="$(median "$out/rate.$1.two")" -v b="$(median "$out/rate.$1.one")" 'BEGIN { printf "%.2f×", a / b }' || echo "–"; }
end_to_end() { awk -v t="$tokens" -v s="$(median "$out/wall.$1.two")" 'BEGIN { printf "%.0f", t / s }'; }

opennlp="–"
if [ "$peers" = 1 ]; then
  src=${PEERS_DIR:-$root/../shared/peers}
  pdir=$work/peers && mkdir -p "$pdir" && cp -r "$src/." "$pdir/" && ln -sfn "$(cd "$src/.." && pwd)/data" "$work/data"
  export PEERS_CACHE=${PEERS_CACHE:-$work/peers-cache}
  say "OpenNLP on the corpus ..."
  "$pdir/setup.sh" > "$out/peers-setup.log" 2>&1
  /usr/bin/time -f '%e' -o "$out/time1" "$pdir/run-opennlp-conll" "$corpus" > /dev/null 2> "$out/peer.err"
  opennlp=$(awk -v t="$tokens" -v s="$(cat "$out/time1")" 'BEGIN { printf "%.0f", t / s }')
fi
versus() { [ "$opennlp" = "–" ] && echo "–" || awk -v a="$(end_to_end "$1")" -v b="$opennlp" 'BEGIN { printf "%.1f×", a / b }'; }

a=$out/base-aot/extractor h=$out/head-aot/extractor fb=$out/base-fd/extractor fh=$out/head-fd/extractor
e=$out/empty.txt
cat <<EOF
Measured $(date -u +%Y-%m-%d) with \`scripts/bench/against.sh$flag $base_id\` on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end.
Start-up: wall time from spawn to exit, median of $rounds interleaved rounds; throughput: the tool's own clock (model ready to output committed), median of $rate_rounds rounds in turn; corpus: $(find "$corpus" -name '*.txt' | wc -l) BBC articles, $(num "$tokens") tokens; article: $(wc -c < "$article") bytes. Output of the two trees on samples/ and the corpus identical: $same.

| | AOT $base_id | AOT $head_id | R2R $base_id | R2R $head_id | target (AOT) |
|---|---:|---:|---:|---:|---:|
| \`extractor --version\` | $(wall "$a --version") ms | $(wall "$h --version") ms | $(wall "$fb --version") ms | $(wall "$fh --version") ms | ≤ 15 ms |
| start-up + one article | $(wall "$a extract $article -q") ms | $(wall "$h extract $article -q") ms | $(wall "$fb extract $article -q") ms | $(wall "$fh extract $article -q") ms | ≤ 50 ms (R2R ≤ 150) |
| an empty input | $(wall "$a extract $e -q") ms | $(wall "$h extract $e -q") ms | $(wall "$fb extract $e -q") ms | $(wall "$fh extract $e -q") ms | ≤ 30 ms |
| corpus, 2 cores, tokens/s | $(num "$(median "$out/rate.base-aot.two")") | $(num "$(median "$out/rate.head-aot.two")") | $(num "$(median "$out/rate.base-fd.two")") | $(num "$(median "$out/rate.head-fd.two")") | ≥ 1,000,000 |
| corpus, 1 core (\`taskset -c 0\`), tokens/s | $(one_core base-aot) | $(one_core head-aot) | $(one_core base-fd) | $(one_core head-fd) | |
| scaling, 1 → 2 cores | $(scaling base-aot) | $(scaling head-aot) | $(scaling base-fd) | $(scaling head-fd) | ≥ 1.8× |
| corpus end to end (start-up included), 2 cores, tokens/s | $(num "$(end_to_end base-aot)") | $(num "$(end_to_end head-aot)") | $(num "$(end_to_end base-fd)") | $(num "$(end_to_end head-fd)") | |
| against OpenNLP (end to end, $( [ "$opennlp" = "–" ] && echo "not run: --peers" || echo "$(num "$opennlp") tokens/s")) | $(versus base-aot) | $(versus head-aot) | $(versus base-fd) | $(versus head-fd) | ≥ 15× |
| corpus peak RSS, 2 cores | $(( $(sort -n "$out/rss.base-aot.two" | tail -n 1) / 1024 )) MB | $(( $(sort -n "$out/rss.head-aot.two" | tail -n 1) / 1024 )) MB | $(( $(sort -n "$out/rss.base-fd.two" | tail -n 1) / 1024 )) MB | $(( $(sort -n "$out/rss.head-fd.two" | tail -n 1) / 1024 )) MB | ≤ ~100 MB |
EOF
