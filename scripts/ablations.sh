#!/usr/bin/env bash
# Measures what each feature group and the tag encoding add on the dev set (eng.testa), one training
# run per line, all with the same seed. Used to justify the features in models/README.md.
# Usage: scripts/ablations.sh [extra train options, e.g. --clusters kmeans1000.paths --list wn-per=FILE]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${DATA:-$here/../shared/data/conll2003}
out=${OUT_DIR:-$(mktemp -d)}
mkdir -p "$out"
dotnet build "$here/src/Extractor.Cli" -c Release -v q -nologo >/dev/null
cli="dotnet $here/src/Extractor.Cli/bin/Release/net10.0/extractor.dll"
run() {
  local name=$1; shift
  local f1
  f1=$($cli train --train "$data/eng.train" --dev "$data/eng.testa" -o "$out/$name.model" "$@" | sed -n 's/^kept dev F1 \([0-9.]*\);.*/\1/p')
  printf '%-28s %s\n' "$name" "$f1"
}
echo "variant                      dev F1"
run full "$@"
run bio --encoding Bio "$@"
groups=(SecondPass Window Shape Affixes Capitalization Gazetteers DocumentCase WordClasses)
# The phrase lists (--list NAME=FILE) are a group only when the model is given some.
case " $* " in *" --list "*) groups+=(PhraseLists) ;; esac
for group in "${groups[@]}"; do
  run "without-$group" --without "$group" "$@"
done
