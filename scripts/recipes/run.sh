#!/usr/bin/env bash
# Runs the distributed recipes of docs/distributed.md end to end and checks that each equals a single run:
#   1. GNU parallel: a folder split into shards by --shard, the corpus tables merged; mention rows concatenated.
#   2. Dask distributed: a scheduler and two workers on 127.0.0.1, a bag of shard indexes mapped to
#      `extractor extract --shard k/N`, reduced by `extractor merge`.
#   3. Streaming (Spark RDD.pipe / Hadoop Streaming): JSONL lines split across two pipes give the single run's rows.
# A recipe whose engine is not installed (Debian packages parallel, python3-distributed) is skipped with a
# message; CI installs both (.ci/run). Input: the benchmark corpus when ../shared/data is there, else samples/.
# Usage: scripts/recipes/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; rm -rf "$work"' EXIT
say() { printf 'recipes: %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/Extractor.Cli" -c Release -o "$work/bin" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
export PATH="$work/bin:$PATH"
corpus=$work/corpus
if ! "$root/scripts/bench/make-corpus.sh" "$corpus" 2> /dev/null; then
  say "benchmark corpus unavailable (../shared/data): using samples/"
  corpus=$root/samples
fi
shards=4
failed=0
check() { if cmp -s "$1" "$2"; then say "ok: $3"; else say "FAILED: $3 ($1 and $2 differ)"; failed=1; fi; }

extractor extract "$corpus" -l corpus -q -o "$work/single-corpus.csv"
extractor extract "$corpus" -l mention -f jsonl -q | sort > "$work/single-mentions.jsonl"

# --- 1. GNU parallel -------------------------------------------------------------------------------
if command -v parallel > /dev/null; then
  mkdir -p "$work/parallel"
  # The recipe, as docs/distributed.md gives it:
  parallel -j 2 extractor extract "$corpus" --shard {}/$shards -l corpus -q -o "$work/parallel/part{}.csv" ::: $(seq 0 $((shards - 1)))
  extractor merge "$work"/parallel/part*.csv -o "$work/parallel/corpus.csv"
  check "$work/single-corpus.csv" "$work/parallel/corpus.csv" "GNU parallel, $shards shards merged = single run's corpus table"
  parallel -j 2 extractor extract "$corpus" --shard {}/$shards -l mention -f jsonl -q ::: $(seq 0 $((shards - 1))) | sort > "$work/parallel/mentions.jsonl"
  check "$work/single-mentions.jsonl" "$work/parallel/mentions.jsonl" "GNU parallel, $shards shards' mention rows = single run's"
else
  say "skipped GNU parallel: not installed (Debian package 'parallel')"
fi

# --- 2. Dask distributed ---------------------------------------------------------------------------
if /usr/bin/python3 -c 'import distributed' 2> /dev/null; then
  mkdir -p "$work/dask"
  port=$((20000 + RANDOM % 20000))
  dask-scheduler --host 127.0.0.1 --port $port --no-dashboard > "$work/dask/scheduler.log" 2>&1 & pids+=($!)
  for w in 1 2; do
    dask-worker tcp://127.0.0.1:$port --nworkers 1 --nthreads 1 --host 127.0.0.1 --no-dashboard > "$work/dask/worker$w.log" 2>&1 & pids+=($!)
  done
  /usr/bin/python3 "$root/scripts/recipes/dask_shards.py" tcp://127.0.0.1:$port "$corpus" $shards "$work/dask" \
    || { say "FAILED: the Dask recipe ended with an error"; tail -5 "$work"/dask/*.log >&2; failed=1; }
  [ -f "$work/dask/corpus.csv" ] && check "$work/single-corpus.csv" "$work/dask/corpus.csv" "Dask (scheduler + 2 workers), $shards shards merged = single run's corpus table"
else
  say "skipped Dask: python3 cannot import distributed (Debian package 'python3-distributed')"
fi

# --- 3. Streaming: JSONL on stdin, JSONL on stdout, as RDD.pipe and Hadoop Streaming run it ----------
/usr/bin/python3 - "$corpus" > "$work/rows.jsonl" <<'PY'
import json, os, sys
root = sys.argv[1]
for name in sorted(os.listdir(root))[:200]:
    if name.endswith(".txt"):
        with open(os.path.join(root, name), encoding="utf-8") as f:
            print(json.dumps({"id": name, "text": f.read()}))
PY
extractor extract --input-format jsonl -l mention -f jsonl -q < "$work/rows.jsonl" | sort > "$work/stream-single.jsonl"
split -n l/2 "$work/rows.jsonl" "$work/rows-part-"
for part in "$work"/rows-part-*; do extractor extract --input-format jsonl -l mention -f jsonl -q < "$part"; done | sort > "$work/stream-split.jsonl"
check "$work/stream-single.jsonl" "$work/stream-split.jsonl" "streaming: JSONL split across two pipes = one pipe"

exit "$failed"
