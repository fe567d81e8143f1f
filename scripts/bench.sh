#!/usr/bin/env bash
# Whole-run benchmark (issue #6): throughput, start-up, model load and peak memory of the published
# `extractor`, beside the peers in ../shared/peers on the same corpus, in the same run.
#
# Usage: scripts/bench.sh [--micro] [--no-peers]
#   --micro     also run the BenchmarkDotNet suite (tests/Extractor.Benchmarks, a few minutes)
#   --no-peers  skip compromise and OpenNLP
# Environment: BENCH_WORK (scratch folder, default .work/bench, git-ignored), BENCH_RUNS (timed runs
# per measurement, median reported, default 3), PEERS_DIR (default ../shared/peers), PEERS_CACHE (where
# setup.sh puts the trained OpenNLP model, default $BENCH_WORK/peers-cache).
# Needs: dotnet, GNU time (/usr/bin/time), awk; the peers need what their setup.sh installs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-$root/.work/bench}
runs=${BENCH_RUNS:-3}
cores=$(nproc)
micro=0 peers=1
for arg in "$@"; do
  case $arg in
    --micro) micro=1 ;;
    --no-peers) peers=0 ;;
    *) echo "usage: scripts/bench.sh [--micro] [--no-peers]" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
say() { printf '%s\n' "$*" >&2; }

# Runs "$@" N times; prints "median-wall-seconds max-peak-rss-kB median-cpu-seconds" (cpu: user + sys,
# which other machines' load disturbs less than wall time). Output goes to $work/out.
measure() {
  local n=$1; shift
  : > "$work/times"
  for _ in $(seq "$n"); do run_once "$work/times" "$@" || return 1; done
  summarize "$work/times"
}
# Runs "$@" once, appending "wall peak-kB user sys" to file $1.
run_once() {
  local into=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/time1" "$@" > "$work/out" 2> "$work/err" \
    || { say "failed: $*"; cat "$work/err" >&2; return 1; }
  cat "$work/time1" >> "$into"
}
# The median wall, the largest peak and the median CPU time of the runs in file $1.
summarize() {
  local cpu
  cpu=$(awk '{ print $3 + $4 }' "$1" | sort -n | awk '{ c[NR] = $1 } END { print c[int((NR + 1) / 2)] }')
  sort -n "$1" | awk -v cpu="$cpu" '{ w[NR] = $1; if ($2 > m) m = $2 } END { print w[int((NR + 1) / 2)], m, cpu }'
}

# --- corpus, article, binaries ------------------------------------------------------------------
corpus=$work/corpus
"$root/scripts/bench/make-corpus.sh" "$corpus"
documents=$(find "$corpus" -name '*.txt' | wc -l)
one=$work/one && mkdir -p "$one"
# One 1,000-word article: the first thousand words of the corpus, paragraphs kept.
find "$corpus" -name '*.txt' | sort | awk 'NR <= 20' | xargs cat \
  | awk '{ line = ""; for (i = 1; i <= NF && n < 1000; i++) { line = line (i > 1 ? " " : "") $i; n++ } if (line != "") print line }' \
  > "$one/article.txt"

say "publishing (ReadyToRun) ..."
# The SDK keeps ReadyToRun images in one obj folder per RID whether or not the publish is composite, and
# reuses them across the two kinds (the framework-dependent binary then aborts at start): clear it each time.
r2r=$root/src/Extractor.Cli/obj/Release/net10.0/linux-x64/R2R
rm -rf "$r2r" && dotnet publish "$root/src/Extractor.Cli" -c Release -r linux-x64 --self-contained true -o "$work/extractor-sc" > "$work/publish.log" 2>&1
rm -rf "$r2r" && dotnet publish "$root/src/Extractor.Cli" -c Release -r linux-x64 --self-contained false -o "$work/extractor-fd" >> "$work/publish.log" 2>&1
rm -rf "$r2r"
dotnet build "$root/src/Extractor.Cli" -c Release -o "$work/extractor-jit" >> "$work/publish.log" 2>&1
exe=$work/extractor-sc/extractor

# The published binaries must give what `dotnet run` gives.
"$work/extractor-jit/extractor" extract "$root/samples" -l mention -q > "$work/samples.jit.csv"
for b in sc fd; do
  "$work/extractor-$b/extractor" extract "$root/samples" -l mention -q > "$work/samples.$b.csv"
  cmp -s "$work/samples.jit.csv" "$work/samples.$b.csv" || { say "published ($b) output differs from the build's"; exit 1; }
done

tokens=$(find "$corpus" -name '*.txt' -print0 | sort -z | xargs -0 "$exe" tokenize | grep -c '^[0-9]')
words=$(cat "$corpus"/*.txt | wc -w)

# --- Extractor ------------------------------------------------------------------------------------
say "extractor: corpus, --parallel 1 and $cores ..."
# `--parallel 1` still reads and writes on a second thread, which gets the other core: pinned to one
# core (taskset), the run shows what one core does, the base for the speed-up. The three are run in
# turn, round after round, so a slow spell of the machine hits all of them rather than one.
pin=(); command -v taskset > /dev/null && pin=(taskset -c 0)
# in_turn ROUNDS CORPUS TAG: --parallel 1, --parallel N and (with taskset) one core, round after round,
# into $work/times.TAG.1, .n and .0. Without -q, each run ends with its own summary line, whose tokens/s
# are timed by the tool from the model being ready to the output committed (inputs start being read during
# start-up, so the first few are read before that clock starts):
# the tagging throughput, which goes to $work/rates.TAG.1, .n and .0.
in_turn() {
  local rounds=$1 input=$2 tag=$3 way
  for way in 1 n 0; do : > "$work/times.$tag.$way"; : > "$work/rates.$tag.$way"; done
  for _ in $(seq "$rounds"); do
    run_once "$work/times.$tag.1" "$exe" extract "$input" -l mention -j 1 -o "$work/extractor-$tag.csv"; own_rate "$work/rates.$tag.1"
    run_once "$work/times.$tag.n" "$exe" extract "$input" -l mention -j "$cores" -o "$work/extractor-$tag.csv"; own_rate "$work/rates.$tag.n"
    if [ ${#pin[@]} -gt 0 ]; then
      run_once "$work/times.$tag.0" "${pin[@]}" "$exe" extract "$input" -l mention -j 1 -o "$work/extractor-$tag.csv"; own_rate "$work/rates.$tag.0"
    fi
  done
}
# Appends the tokens/s of the summary line in $work/err ("extracted ... in 0.7 s (1436846 tokens/s)") to file $1.
own_rate() {
  grep -o '([0-9]* tokens/s)' "$work/err" | tr -dc '0-9' >> "$1" || { say "no summary line in $work/err"; return 1; }
  echo >> "$1"
}
# The median of the numbers in file $1, one per line.
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
in_turn $((runs + 4)) "$corpus" x1
read -r w1 m1 c1 < <(summarize "$work/times.x1.1")
read -r wn mn cn < <(summarize "$work/times.x1.n")
w0=""; [ ${#pin[@]} -gt 0 ] && read -r w0 _ < <(summarize "$work/times.x1.0")
# How many cores the machine really has free (other tenants): two single-threaded runs side by side.
"$exe" extract "$corpus" -l mention -j 1 -q -o "$work/pair.csv" &
read -r wp _ _ < <(measure 1 "$exe" extract "$corpus" -l mention -j 1 -q -o "$work/extractor.csv")
wait
# Streaming and scaling on a large batch: the BBC articles and the Reuters-21578 ones, ~16,600 distinct
# documents (repeating the small corpus would find every word type cached after the first pass). Peak memory
# must not grow with it, and start-up (~0.1 s, single-threaded) is a small part of the run.
big=$work/corpus-big
"$root/scripts/bench/make-big-corpus.sh" "$big" "$corpus"
big_documents=$(find "$big" -name '*.txt' | wc -l)
big_tokens=$(find "$big" -name '*.txt' -print0 | sort -z | xargs -0 "$exe" tokenize | grep -c '^[0-9]')
say "extractor: large corpus ($big_documents documents), --parallel 1 and $cores ..."
in_turn "$runs" "$big" big
read -r wb1 mb1 < <(summarize "$work/times.big.1")
read -r wb mb < <(summarize "$work/times.big.n")
wb0=""; [ ${#pin[@]} -gt 0 ] && read -r wb0 _ < <(summarize "$work/times.big.0")
say "extractor: start-up plus one article ..."
read -r ws ms cs < <(measure $((runs * 3)) "$exe" extract "$one/article.txt" -q)
read -r wsf _ < <(measure $((runs * 3)) "$work/extractor-fd/extractor" extract "$one/article.txt" -q)
read -r wsj _ < <(measure $((runs * 3)) "$work/extractor-jit/extractor" extract "$one/article.txt" -q)
read -r wt _ < <(measure $((runs * 3)) "$exe" tokenize "$one/article.txt")
dotnet build "$root/tests/Extractor.Benchmarks" -c Release -o "$work/benchmarks" > "$work/build-bench.log" 2>&1
load=$(dotnet "$work/benchmarks/Extractor.Benchmarks.dll" load "$root/models/extractor.model")
model_mb=$(awk -v b="$(stat -c %s "$root/models/extractor.model")" 'BEGIN { printf "%.1f", b / 1048576 }')

# The speed-up of each round (file $2's rate over file $1's, line by line): "median× (lowest–highest)".
paired() {
  paste "$1" "$2" | awk '{ print $2 / $1 }' | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.2f× (%.2f–%.2f× by round)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
rate() { awk -v t="$tokens" -v s="$1" 'BEGIN { printf "%.0f", t / s }'; }
# Thousands separators without depending on the locale.
num() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); o = ""; while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
r1=$(rate "$w1"); rn=$(rate "$wn")

# --- peers --------------------------------------------------------------------------------------
peer_rows=""
best_peer=0 best_name=""
if [ "$peers" = 1 ]; then
  src=${PEERS_DIR:-$root/../shared/peers}
  [ -d "$src" ] || src=/work/shared/peers
  pdir=$work/peers
  export PEERS_CACHE=${PEERS_CACHE:-$work/peers-cache}
  if [ -d "$src" ]; then
    # setup.sh writes beside itself and reads ../data: run it from a writable copy with data linked in.
    mkdir -p "$pdir" && cp -r "$src/." "$pdir/" && ln -sfn "$(cd "$src/.." && pwd)/data" "$work/data"
    if "$pdir/setup.sh" > "$work/peers-setup.log" 2>&1; then
      for peer in run-opennlp-conll run-compromise; do
        say "peer $peer: corpus ..."
        if read -r pw pm < <(measure 1 "$pdir/$peer" "$corpus"); then
          read -r psw _ < <(measure "$runs" "$pdir/$peer" "$one")
          pr=$(rate "$pw")
          peer_rows+="| ${peer#run-} | 1 process (its default) | $(num "$pr") | $(ms "$psw") | $(mb "$pm") | $(awk -v a="$rn" -v b="$pr" 'BEGIN { printf "%.1f×", a / b }') |"$'\n'
          if [ "$pr" -gt "$best_peer" ]; then best_peer=$pr; best_name=${peer#run-}; fi
        else
          peer_rows+="| ${peer#run-} | failed: see $work/err | | | | |"$'\n'
        fi
      done
    else
      say "peers skipped: setup.sh failed (see $work/peers-setup.log)"
      peer_rows="| peers | skipped: setup.sh failed, see .work/bench/peers-setup.log | | | | |"$'\n'
    fi
  else
    say "peers skipped: no peers folder at $src"
    peer_rows="| peers | skipped: no peers folder | | | | |"$'\n'
  fi
fi

# --- report -------------------------------------------------------------------------------------
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Corpus: $documents BBC news articles, $(num "$words") words, $(num "$tokens") tokens; median of $runs runs ($((runs + 4)) for the first three rows; the throughput runs take turns); binary: self-contained ReadyToRun publish."
  echo
  echo "| measurement | figure |"
  echo "|---|---:|"
  if [ -n "$w0" ]; then
    echo "| throughput on one core (\`taskset -c 0\`, \`--parallel 1\`) | $(num "$(rate "$w0")") tokens/s (\`--parallel $cores\` on $cores cores: $(awk -v a="$w0" -v b="$wn" 'BEGIN { printf "%.2f×", a / b }')) |"
  fi
  if [ -s "$work/rates.x1.0" ]; then
    echo "| tagging throughput, the tool's own clock (start-up excluded), one core / \`--parallel 1\` / \`--parallel $cores\` | $(num "$(median "$work/rates.x1.0")") / $(num "$(median "$work/rates.x1.1")") / $(num "$(median "$work/rates.x1.n")") tokens/s ($(paired "$work/rates.x1.0" "$work/rates.x1.n") against one core) |"
    echo "| the same on the large corpus | $(num "$(median "$work/rates.big.0")") / $(num "$(median "$work/rates.big.1")") / $(num "$(median "$work/rates.big.n")") tokens/s ($(paired "$work/rates.big.0" "$work/rates.big.n") against one core) |"
  fi
  echo "| throughput, \`--parallel 1\` (end to end, start-up included) | $(num "$r1") tokens/s |"
  echo "| throughput, \`--parallel $cores\` (default) | $(num "$rn") tokens/s ($(awk -v a="$rn" -v b="$r1" 'BEGIN { printf "%.2f×", a / b }'); cores kept busy: $(awk -v c="$cn" -v w="$wn" 'BEGIN { printf "%.1f", c / w }')) |"
  rate_big() { num "$(awk -v t="$big_tokens" -v s="$1" 'BEGIN { print t / s }')"; }
  if [ -n "$wb0" ]; then
    echo "| the same on the large corpus ($big_documents BBC and Reuters documents, $(num "$big_tokens") tokens), one core / \`--parallel 1\` / \`--parallel $cores\` | $(rate_big "$wb0") / $(rate_big "$wb1") / $(rate_big "$wb") tokens/s ($(awk -v a="$wb0" -v b="$wb" 'BEGIN { printf "%.2f×", a / b }') against one core, $(awk -v a="$wb1" -v b="$wb" 'BEGIN { printf "%.2f×", a / b }') against \`--parallel 1\`) |"
  else
    echo "| the same on the large corpus ($big_documents documents), \`--parallel 1\` / \`--parallel $cores\` | $(rate_big "$wb1") / $(rate_big "$wb") tokens/s ($(awk -v a="$wb1" -v b="$wb" 'BEGIN { printf "%.2f×", a / b }')) |"
  fi
  echo "| the machine's spare capacity: two \`--parallel 1\` runs at once, each (wall) | $(ms "$wp") ms, against $(ms "$w1") ms alone |"
  echo "| CPU time per run, \`--parallel 1\` / \`--parallel $cores\` (user + sys; tokens per CPU-second) | $c1 s / $cn s ($(num "$(rate "$c1")") / $(num "$(rate "$cn")")) |"
  echo "| start-up plus one 1,000-word article: self-contained ReadyToRun (CPU time) | $(ms "$ws") ms ($(ms "$cs") ms) |"
  echo "| the same, framework-dependent ReadyToRun / plain \`dotnet build\` (JIT) | $(ms "$wsf") ms / $(ms "$wsj") ms |"
  echo "| start-up without the model (\`extractor tokenize\` of the article) | $(ms "$wt") ms |"
  echo "| model load, in process | ${load#model load: } |"
  echo "| peak memory, corpus, \`--parallel 1\` / \`--parallel $cores\` | $(mb "$m1") MB / $(mb "$mn") MB |"
  echo "| peak memory, large corpus ($big_documents documents), \`--parallel 1\` / \`--parallel $cores\` | $(mb "$mb1") MB / $(mb "$mb") MB |"
  echo "| peak memory, one article (model file: $model_mb MB) | $(mb "$ms") MB |"
  if [ "$peers" = 1 ]; then
    echo
    echo "| system | how run | tokens/s | start-up + one article (ms) | peak MB | Extractor (default) is |"
    echo "|---|---|---:|---:|---:|---:|"
    echo "| Extractor | \`--parallel $cores\` (default) | $(num "$rn") | $(ms "$ws") | $(mb "$mn") | 1.0× |"
    printf '%s' "$peer_rows"
    if [ "$best_peer" -gt 0 ]; then
      echo
      echo "Against the fastest peer ($best_name): $(awk -v a="$rn" -v b="$best_peer" 'BEGIN { printf "%.1f×", a / b }') by default, $(awk -v a="$r1" -v b="$best_peer" 'BEGIN { printf "%.1f×", a / b }') on one core. Peer tokens/s use Extractor's token count of the same corpus."
    fi
  fi
} | tee "$work/results.md"

if [ "$micro" = 1 ]; then
  say "BenchmarkDotNet suite ..."
  (cd "$work" && BENCH_CORPUS=$corpus dotnet "$work/benchmarks/Extractor.Benchmarks.dll" --filter '*' --join) | tee "$work/micro.txt"
fi
