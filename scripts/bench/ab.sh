#!/usr/bin/env bash
# Interleaved A/B timing of two commands: A and B run in turn N times each, so that a busy spell of a shared machine
# hits both alike; prints the median and quartiles of each (wall time, milliseconds). Used for start-up changes (#33);
# scripts/bench/ab.py does the same with less overhead (posix_spawn) and adds CPU time, page faults and peak memory.
# Usage: scripts/bench/ab.sh N COMMAND-A... -- COMMAND-B...
#   e.g. scripts/bench/ab.sh 60 old/extractor extract article.txt -q -- new/extractor extract article.txt -q
set -euo pipefail
n=$1; shift
A=(); B=(); side=A
for word in "$@"; do
  if [ "$word" = "--" ]; then side=B; continue; fi
  if [ "$side" = A ]; then A+=("$word"); else B+=("$word"); fi
done
[ "${#A[@]}" -gt 0 ] && [ "${#B[@]}" -gt 0 ] || { echo "usage: $0 N COMMAND-A... -- COMMAND-B..." >&2; exit 2; }
# Microseconds from bash's own clock (EPOCHREALTIME, no process): spawning `date` around each run added ~8 ms to every figure.
a=(); b=()
for _ in $(seq "$n"); do
  s=${EPOCHREALTIME/[.,]/}; "${A[@]}" > /dev/null 2>&1 || true; e=${EPOCHREALTIME/[.,]/}; a+=($(( 10#$e - 10#$s )))
  s=${EPOCHREALTIME/[.,]/}; "${B[@]}" > /dev/null 2>&1 || true; e=${EPOCHREALTIME/[.,]/}; b+=($(( 10#$e - 10#$s )))
done
summary() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "median %.1f ms (p25 %.1f, p75 %.1f; %d runs)\n", v[int((NR + 1) / 2)] / 1000, v[int((NR + 3) / 4)] / 1000, v[int((3 * NR + 3) / 4)] / 1000, NR }'; }
echo "A: $(summary "${a[@]}")"
echo "B: $(summary "${b[@]}")"
