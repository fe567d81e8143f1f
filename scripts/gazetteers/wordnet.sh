#!/usr/bin/env bash
# Builds phrase lists of typed proper nouns from WordNet 3.0 (Debian wordnet-base; WordNet 3.0 licence, Princeton
# University: free use with the copyright notice, see /usr/share/doc/wordnet-base/copyright), for
# `extractor train --list NAME=FILE`. Never edited by hand. One capitalized name per line, sorted, deduplicated:
#   wordnet-per.txt  instance nouns of noun.person (people: "Abu Bakr", "Saladin", "Gorbachev")
#   wordnet-loc.txt  capitalized nouns of noun.location and noun.object (places, rivers, mountains)
#   wordnet-org.txt  capitalized nouns of noun.group (organizations, parties, armed groups: "Hamas", "Abu Sayyaf")
# Usage: scripts/gazetteers/wordnet.sh OUT_DIR   (installs wordnet-base with apt-get when missing and run as root)
set -euo pipefail
out=${1:?usage: scripts/gazetteers/wordnet.sh OUT_DIR}
mkdir -p "$out" && out=$(cd "$out" && pwd)
data=/usr/share/wordnet/data.noun
if [ ! -f "$data" ]; then
  [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null || { echo "wordnet: needs Debian wordnet-base (apt-get install wordnet-base)" >&2; exit 1; }
  apt-get install -y -qq wordnet-base > /dev/null
fi
node - "$data" "$out" <<'JS'
const fs = require("fs");
const [data, out] = process.argv.slice(2);
// data.noun lines: offset lex_filenum ss_type w_cnt(hex) word lex_id ... p_cnt pointers... | gloss
const lists = { per: [], loc: [], org: [] };
for (const line of fs.readFileSync(data, "utf8").split("\n")) {
  if (!line || line.startsWith("  ")) continue;
  const f = line.split(" ");
  const lex = f[1], n = parseInt(f[3], 16);
  const words = [];
  for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, "").replace(/_/g, " "));
  const p = 4 + 2 * n, pointers = parseInt(f[p], 10);
  let instance = false;
  for (let j = 0; j < pointers; j++) if (f[p + 1 + 4 * j] === "@i") instance = true;
  const names = words.filter(w => /^[A-Z]/.test(w) && w.length > 1);
  if (lex === "18" && instance) lists.per.push(...names);
  else if (lex === "15" || lex === "17") lists.loc.push(...names);
  else if (lex === "14") lists.org.push(...names);
}
for (const [type, names] of Object.entries(lists)) {
  const sorted = [...new Set(names)].sort();
  fs.writeFileSync(`${out}/wordnet-${type}.txt`, sorted.join("\n") + "\n");
  console.error(`wordnet: wordnet-${type}.txt: ${sorted.length} names`);
}
JS
