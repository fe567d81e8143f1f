#!/usr/bin/env bash
# Runs README.md's recipes as written, so they stay true (CI runs this through .ci/run).
#   - Every indented command line of the "## Recipes" section is run verbatim with bash -o pipefail, in a folder
#     laid out as the recipes assume (articles/, news.jsonl, dump.jsonl, story.txt, story.html, part*.csv), with the
#     freshly built `extractor` first on PATH; each must exit 0 and, unless it writes a file, print something.
#   - The "### Sample output" rows must be what `extractor extract samples/` prints (the same lines, in order).
# A recipe whose tool is missing (GNU parallel, jq, sqlite3, pandas, Miller) fails: README says to install them, and CI does.
# Usage: scripts/recipes/readme.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { printf 'readme: %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/Extractor.Cli" -c Release -o "$work/bin" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
# The recipes call `extractor`, as an installed tool is called.
export PATH="$work/bin:$PATH"
# The pandas recipe needs a python3 with pandas: Debian's (python3-pandas), where the first on PATH (a pyenv one) has none.
if ! python3 -c 'import pandas' 2> /dev/null && /usr/bin/python3 -c 'import pandas' 2> /dev/null; then
  ln -s /usr/bin/python3 "$work/bin/python3"
fi

# The inputs the recipes name.
lab=$work/lab
mkdir -p "$lab/articles"
cp "$root"/samples/*.txt "$lab/articles/"
first=$(ls "$root"/samples/*.txt | head -n 1)
cp "$first" "$lab/story.txt"
{ echo "<html><body><h1>Talks</h1>"; sed 's/^/<p>/; s/$/<\/p>/' "$first"; echo "</body></html>"; } > "$lab/story.html"
python3 - "$root/samples" "$lab" <<'PY'
import json, os, sys
samples, lab = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(samples) if f.endswith(".txt"))
with open(os.path.join(lab, "news.jsonl"), "w") as news, open(os.path.join(lab, "dump.jsonl"), "w") as dump:
    for f in files:
        text = open(os.path.join(samples, f), encoding="utf-8").read()
        news.write(json.dumps({"id": f, "text": text}) + "\n")
        dump.write(json.dumps({"url": "https://example.com/" + f, "body": text}) + "\n")
PY

# The recipe lines: indented by four spaces inside "## Recipes", up to the next "## " heading.
mapfile -t recipes < <(awk '/^## Recipes/ { on = 1; next } /^## / { on = 0 } on && /^    [^ ]/ { sub(/^    /, ""); print }' "$root/README.md")
[ "${#recipes[@]}" -ge 8 ] || { say "found only ${#recipes[@]} recipe lines in README.md"; exit 1; }

failed=0
for recipe in "${recipes[@]}"; do
  out=$work/out
  if (cd "$lab" && bash -o pipefail -c "$recipe") > "$out" 2> "$work/err"; then
    # A recipe that writes a file (-o) prints nothing; every other one must print something.
    if [ ! -s "$out" ] && [[ "$recipe" != *" -o "* && "$recipe" != *" > "* && "$recipe" != *"grep -q"* ]]; then
      say "FAILED (no output): $recipe"; failed=1
    elif [[ "$recipe" == *"|| echo"* && -s "$out" ]]; then
      say "FAILED (printed its failure message): $recipe"; failed=1
    else
      say "ok: $recipe"
    fi
  else
    say "FAILED (exit $?): $recipe"; sed 's/^/  /' "$work/err" >&2; failed=1
  fi
done

# The sample output blocks: every row they show is a row of the real run, in the same order.
sample() {
  local fence=$1; shift
  awk -v fence="$fence" '/^### Sample output/ { on = 1 } on && $0 == "```" fence { grab = 1; next } grab && /^```/ { exit } grab { print }' "$root/README.md" > "$work/shown"
  (cd "$root" && extractor extract samples/ -q "$@") > "$work/real"
  if [ -s "$work/shown" ] && python3 - "$work/shown" "$work/real" <<'PY'
import sys
shown = open(sys.argv[1], encoding="utf-8").read().splitlines()
it = iter(open(sys.argv[2], encoding="utf-8").read().splitlines())
sys.exit(0 if all(any(line == r for r in it) for line in shown) else 1)
PY
  then say "ok: the $fence sample rows are the tool's"; else say "FAILED: README's $fence sample is not what 'extract samples/ $*' prints"; failed=1; fi
}
sample csv
sample json -l mention -f jsonl

[ "$failed" -eq 0 ] || { say "some README recipes failed"; exit 1; }
say "all ${#recipes[@]} recipes ran as written"
