#!/usr/bin/env bash
# Peak memory (GNU time's maximum RSS) of the published `extractor` on the hostile inputs of issue #22:
# one 20 MB text without a newline, ten 45 MB texts at -j 2 and -j 8, 200,000 nested <b>, a 220 MB JSONL line
# that is skipped unread, and the three sample articles for the model-and-runtime baseline.
#
# With ../shared beside the checkout, also issue 30's item 13: 46 MB of short Wikipedia sentences (4 to 14 words, one per
# line, from ../shared/data/unlabeled) and its first 21.6 MB as a text file and as one JSONL row, written with -o.
#
# Usage: scripts/memory-cases.sh [EXTRACTOR]   (default: publishes this checkout to $MEMORY_WORK/bin)
# Environment: MEMORY_WORK (scratch folder, default .work/memory, git-ignored; needs ~700 MB).
# Needs: dotnet, python3, GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${MEMORY_WORK:-$root/.work/memory}
mkdir -p "$work"
exe=${1:-}
if [ -z "$exe" ]; then
  dotnet publish "$root/src/Extractor.Cli" -c Release -o "$work/bin" >/dev/null
  exe=$work/bin/extractor
fi

# Inputs: words of the sample articles in a seeded random order (name-dense, as news is), so every run
# measures the same bytes.
python3 - "$root/samples" "$work" <<'PY'
import os, random, sys
samples, work = sys.argv[1], sys.argv[2]
words = " ".join(open(os.path.join(samples, f)).read() for f in sorted(os.listdir(samples))).split()
def text(size, seed):
    r = random.Random(seed); out = []; n = 0
    while n < size:
        w = r.choice(words); out.append(w); n += len(w) + 1
    return " ".join(out)
def write(path, data):
    if not os.path.exists(path) or os.path.getsize(path) != len(data.encode()):
        open(path, "w").write(data)
write(os.path.join(work, "one20.txt"), text(20_000_000, 1))
os.makedirs(os.path.join(work, "ten45"), exist_ok=True)
t = text(45_000_000, 2)
for i in range(10): write(os.path.join(work, "ten45", f"f{i}.txt"), t)
write(os.path.join(work, "nested.html"), "<b>" * 200_000 + "Tony Blair spoke.")
write(os.path.join(work, "big.jsonl"), '{"id":"x","text":"' + "a" * 220_000_000 + '"}\n{"text":"Tony Blair"}\n')
PY

measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || true
  read -r wall kb < <(tail -n 1 "$work/time")
  printf '| %s | %s MB | %s s |\n' "$name" $((kb / 1024)) "$wall"
}
echo "| case | peak RSS | wall |"
echo "|---|---:|---:|"
measure "3 sample articles (model and runtime)" "$exe" extract "$root/samples" -q
measure "one 20 MB line, -j 2" "$exe" extract "$work/one20.txt" -q -j 2
measure "ten 45 MB files, -j 2" "$exe" extract "$work/ten45" -q -j 2
measure "ten 45 MB files, -j 8" "$exe" extract "$work/ten45" -q -j 8
measure "200,000 nested <b>" "$exe" extract "$work/nested.html" -q
measure "220 MB JSONL line, skipped" "$exe" extract "$work/big.jsonl" -q

wiki=$root/../shared/data/unlabeled/wikipedia_en_wikiextractor_2015.txt.gz
if [ -f "$wiki" ]; then
  python3 - "$wiki" "$work" <<'PY'
import gzip, json, os, re, sys
wiki, work = sys.argv[1], sys.argv[2]
if not os.path.exists(os.path.join(work, "w21.jsonl")):
    out, n, done = [], 0, False
    with gzip.open(wiki, "rt", encoding="utf-8") as f:
        for line in f:
            for s in re.split(r"(?<=[.!?])\s+", line.strip()):
                if 4 <= len(s.split()) <= 14:
                    b = len(s.encode()) + 1
                    if n + b > 46_000_000: done = True; break
                    out.append(s); n += b
            if done: break
    text = "\n".join(out) + "\n"
    open(os.path.join(work, "w46.txt"), "w").write(text)
    head = text.encode()[:21_600_000].decode("utf-8", "ignore")
    head = head[:head.rfind("\n") + 1]
    open(os.path.join(work, "w21.txt"), "w").write(head)
    open(os.path.join(work, "w21.jsonl"), "w").write(json.dumps({"id": "w21", "text": head}, ensure_ascii=False) + "\n")
PY
  measure "21.6 MB of Wikipedia sentences, -o out.csv" "$exe" extract "$work/w21.txt" -q -o "$work/out.csv"
  measure "the same as one JSONL row, -o out.csv" "$exe" extract "$work/w21.jsonl" -q -o "$work/out.csv"
  measure "46 MB of Wikipedia sentences, -o out.csv" "$exe" extract "$work/w46.txt" -q -o "$work/out.csv"
fi
