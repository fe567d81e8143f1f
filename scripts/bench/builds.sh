#!/usr/bin/env bash
# The three builds side by side, interleaved round after round so the machine's slow spells hit each alike:
# framework-dependent ReadyToRun, self-contained ReadyToRun, and Native AOT. Reports start-up plus one
# article, and tagging throughput (the tool's own summary line) on the benchmark corpus and the large one.
#
# Usage: scripts/bench/builds.sh   (about 4 minutes here; needs clang or gcc for the AOT build)
# Environment: BENCH_WORK (scratch folder, default .work/bench), ROUNDS (default 9 start-up, 5 throughput).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_WORK:-$root/.work/bench}
rounds=${ROUNDS:-5}
mkdir -p "$work"
say() { printf '%s\n' "$*" >&2; }
corpus=$work/corpus big=$work/corpus-big
[ -d "$corpus" ] || "$root/scripts/bench/make-corpus.sh" "$corpus"
[ -d "$big" ] || "$root/scripts/bench/make-big-corpus.sh" "$big" "$corpus"
article=$(find "$corpus/" -name '*.txt' | sort | awk 'NR == 1')

say "publishing three builds ..."
r2r=$root/src/Extractor.Cli/obj/Release/net10.0/linux-x64/R2R
rm -rf "$r2r" && dotnet publish "$root/src/Extractor.Cli" -c Release -r linux-x64 --self-contained false -o "$work/build-fd" > "$work/builds.log" 2>&1
rm -rf "$r2r" && dotnet publish "$root/src/Extractor.Cli" -c Release -r linux-x64 --self-contained true -o "$work/build-sc" >> "$work/builds.log" 2>&1
rm -rf "$r2r" && dotnet publish "$root/src/Extractor.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/build-aot" >> "$work/builds.log" 2>&1
# The AOT binary alone, without the models/ folder beside it: the embedded model is what a user runs.
mkdir -p "$work/build-aot-alone" && cp "$work/build-aot/extractor" "$work/build-aot-alone/"
builds=(fd sc aot-alone)
for b in "${builds[@]}"; do
  "$work/build-$b/extractor" extract "$root/samples" -l mention -q > "$work/samples.$b.csv"
  cmp -s "$work/samples.fd.csv" "$work/samples.$b.csv" || { say "$b output differs from fd"; exit 1; }
done

ms_of() { local s; s=$(date +%s%N); "$@" > /dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
rate_of() { "$@" 2>&1 >/dev/null | grep -o '([0-9]* tokens/s)' | tr -dc '0-9'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for b in "${builds[@]}"; do : > "$work/start.$b"; : > "$work/rate.$b"; : > "$work/big.$b"; done
say "start-up plus one article, $((rounds * 2 - 1)) rounds ..."
for _ in $(seq $((rounds * 2 - 1))); do
  for b in "${builds[@]}"; do ms_of "$work/build-$b/extractor" extract "$article" -q >> "$work/start.$b"; done
done
say "benchmark corpus and large corpus, $rounds and 3 rounds ..."
for _ in $(seq "$rounds"); do
  for b in "${builds[@]}"; do rate_of "$work/build-$b/extractor" extract "$corpus" -o "$work/out.csv" >> "$work/rate.$b"; echo >> "$work/rate.$b"; done
done
for _ in 1 2 3; do
  for b in "${builds[@]}"; do rate_of "$work/build-$b/extractor" extract "$big" -o "$work/out.csv" >> "$work/big.$b"; echo >> "$work/big.$b"; done
done
fd_start=$(median < "$work/start.fd")
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); medians."
echo
echo "| build | size | start-up + one article | vs framework-dependent | tokens/s, benchmark corpus | tokens/s, large corpus |"
echo "|---|---:|---:|---:|---:|---:|"
for b in "${builds[@]}"; do
  size=$(du -sm "$work/build-$b" | cut -f1)
  start=$(median < "$work/start.$b")
  echo "| $b | $size MB | $start ms | $(awk -v a="$start" -v b="$fd_start" 'BEGIN { printf "%.2f×", a / b }') | $(median < "$work/rate.$b") | $(median < "$work/big.$b") |"
done
