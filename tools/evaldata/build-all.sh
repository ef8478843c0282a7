#!/usr/bin/env bash
# Builds every evaluation data set of this folder into OUT (default /tmp/evaldata) from the corpus that the model
# tooling fetches into CORPUS (default /tmp/corpus). Nothing is written inside the repository.
# Usage: tools/evaldata/build-all.sh [OUT] [CORPUS] [MODELING]   (MODELING: the model tooling folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-/tmp/evaldata}"
corpus="${2:-/tmp/corpus}"
modeling="${3:-$here/../modeling}"

if [[ ! -x "$modeling/fetch-corpus.sh" ]]; then
  echo "no $modeling/fetch-corpus.sh: pass the model tooling folder as the third argument" >&2
  exit 1
fi
"$modeling/fetch-corpus.sh" "$corpus"

mkdir -p "$out"
for builder in build_classfolders build_memes build_retrieval build_multilabel; do
  /usr/bin/python3 "$here/$builder.py" --out "$out" --corpus "$corpus" --modeling "$modeling"
done
echo "evaluation data sets in $out"
