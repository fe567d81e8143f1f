#!/usr/bin/env bash
# Builds the accurate tier (issue #36) from nothing but ../shared/data: word vectors learned from the unlabeled text,
# the tagger's inputs dumped by the library's own featurizer, the network trained by train.py, packed into
# models/extractor-accurate.model and checked against the training tool's outputs. Maintainer tool; about an hour and
# a half on two cores (word vectors ~50 min on one thread, training ~2 min per epoch). Needs Debian's fasttext, python3
# and python3-torch.
#   scripts/neural/build.sh [WORK_DIR]     (default /tmp/extractor-neural; intermediate files stay there)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/../shared/data
work=${1:-/tmp/extractor-neural}
seed=${SEED:-1}
mkdir -p "$work/text"
py=/usr/bin/python3   # Debian's, which has python3-torch; another python3 first on PATH may not
for tool in fasttext "$py"; do command -v "$tool" > /dev/null || { echo "build.sh: $tool is missing (apt-get install fasttext python3-torch)" >&2; exit 2; }; done
"$py" -c 'import torch' 2>/dev/null || { echo "build.sh: $py has no torch (apt-get install python3-torch)" >&2; exit 2; }

dotnet build "$root/src/Extractor.Cli" -c Release -o "$work/cli" -v q -nologo
dotnet build "$root/src/Extractor.NeuralTool" -c Release -o "$work/tool" -v q -nologo

# 1. Word vectors: the unlabeled text cut by the tool's own tokenizer, one sentence per line, lowercased with every
#    ASCII digit a 0 (NeuralInputs.Normalize), then fastText skip-gram (no subwords: the tagger's character CNN reads
#    spelling). One thread, because fastText's threads update the vectors without locks and so give other bytes
#    on every run; one thread with the seed gives the same bytes (checked: two runs, same md5). The files are split
#    so no document is one 300 MB string.
if [ ! -s "$work/vectors.vec" ]; then
  for f in "$data"/unlabeled/*.txt.gz; do
    zcat "$f" | split -l 20000 -d -a 3 --additional-suffix=.txt - "$work/text/$(basename "$f" .txt.gz)-"
  done
  "$work/cli/extractor" tokenize "$work/text/" \
    | awk -F'\t' 'BEGIN{s=-1} /^#/{if(l!="")print l; l=""; s=-1; next} {if($1!=s && l!=""){print l; l=""} s=$1; w=$4; gsub(/[0-9]/,"0",w); l=(l=="" ? w : l " " w)} END{if(l!="")print l}' \
    | perl -CSD -pe '$_=lc' > "$work/sentences.txt"
  fasttext skipgram -input "$work/sentences.txt" -output "$work/vectors" -dim 100 -epoch 3 -minCount 5 -thread 1 -minn 0 -maxn 0 -seed "$seed"
fi

# 2. The tagger's inputs for CoNLL train and dev, as the library featurizes them with the shipped base model.
"$work/tool/extractor-neural" dump "$root/models/extractor.model" "$data/conll2003/eng.train" "$work/train.tsv"
"$work/tool/extractor-neural" dump "$root/models/extractor.model" "$data/conll2003/eng.testa" "$work/dev.tsv"

# 3. Train (the epoch with the best dev F1 is kept), pack with the base model's weight in the decoding (1) and the
#    marginals' temperature (2), both chosen on dev (models/README.md, "The accurate tier"), and check.
"$py" "$root/scripts/neural/train.py" --train "$work/train.tsv" --dev "$work/dev.tsv" --vectors "$work/vectors.vec" \
  --seed "$seed" --epochs "${EPOCHS:-16}" --out "$work/weights.bin" \
  --reference "$root/tests/Extractor.Tests/Fixtures/neural/accurate-reference.tsv"
"$work/tool/extractor-neural" pack "$work/weights.bin" "$root/models/extractor.model" "${PERCEPTRON_WEIGHT:-1}" "${TEMPERATURE:-2}" "$root/models/extractor-accurate.model"
"$work/tool/extractor-neural" check "$root/models/extractor-accurate.model" "$root/tests/Extractor.Tests/Fixtures/neural/accurate-reference.tsv"
echo "build.sh: wrote models/extractor-accurate.model" >&2
