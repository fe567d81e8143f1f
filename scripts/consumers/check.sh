#!/usr/bin/env bash
# Reads extractor's tables back with the programs its users load them into, and checks that every one gets the rows
# and values of the JSON output: pandas, csvkit, sqlite3, Miller, LibreOffice Calc (headless) and openpyxl, at
# every level, with non-ASCII names (Cyrillic, Arabic, CJK, combining marks), a formula-looking name, a name holding
# '|', Namibia's code NA, and document ids holding a tab and a newline. CI runs it through .ci/run.
# Needs (Debian): python3-pandas python3-openpyxl csvkit miller sqlite3 libreoffice-calc-nogui; a missing one fails.
# Usage: scripts/consumers/check.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in /usr/bin/python3 csvjson mlr sqlite3 soffice; do
  command -v "$tool" > /dev/null || { echo "consumers: $tool is missing (install: apt-get install python3-pandas python3-openpyxl csvkit miller sqlite3 libreoffice-calc-nogui)" >&2; exit 1; }
done
/usr/bin/python3 -c 'import pandas, openpyxl' 2> /dev/null || { echo "consumers: python3-pandas and python3-openpyxl are missing" >&2; exit 1; }

dotnet build "$root/src/Extractor.Cli" -c Release -o "$work/bin" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
export PATH="$work/bin:$PATH"

lab=$work/lab
mkdir -p "$lab/out"
cp "$root"/samples/*.txt "$lab/"
printf 'Владимир Путин\tPERSON\nمحمد بن سلمان\tPERSON\n习近平\tPERSON\n=Equals Ltd\tORGANIZATION\nCafe\xcc\x81 Zoe\xcc\x88\tORGANIZATION\nFoo|Bar Capital\tORGANIZATION\n' > "$lab/names.tsv"
/usr/bin/python3 - "$lab/news.jsonl" <<'PY'
import json, sys
rows = [
    {"id": "ru\tone", "text": "Владимир Путин met Xi in Moscow. Angela Merkel and =Equals Ltd were there. Namibia and Ghana sent envoys."},
    {"id": "ar\nsa", "text": "Crown Prince محمد بن سلمان spoke with Recep Tayyip Erdoğan. U.S. Secretary of State Marco Rubio visited Windhoek, Namibia, on Monday; Café Zoë hosted him."},
    {"id": "+cmd", "text": "President 习近平 and Chancellor Olaf Scholz met in Berlin. Foo|Bar Capital and the Deutsche Bank were named by Germany."},
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY

cd "$lab"
inputs=(news.jsonl ./*.txt)
for level in mention entity corpus; do
  common=(extract "${inputs[@]}" --lexicon names.tsv -l "$level" -q)
  extractor "${common[@]}" -o "out/$level.jsonl"
  extractor "${common[@]}" -o "out/$level.csv" --no-escape-formulas --schema "out/$level.schema.json"
  extractor "${common[@]}" -o "out/$level.bom.csv" --bom
  extractor "${common[@]}" -o "out/$level.semi.csv" --delimiter ';' --no-escape-formulas
  extractor "${common[@]}" -o "out/$level.escaped.csv"
  extractor "${common[@]}" -o "out/$level.tsv" --no-escape-formulas
  extractor "${common[@]}" -o "out/$level.xlsx" --schema "out/$level.sql"
done
/usr/bin/python3 "$root/scripts/consumers/compare.py" "$lab/out"
