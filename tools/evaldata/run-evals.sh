#!/usr/bin/env bash
# Runs every clip eval of docs/evaluation.md on the sets built by build-all.sh and keeps the tables and JSON reports.
# Usage: tools/evaldata/run-evals.sh MODEL_DIR [DATA (default /tmp/evaldata)] [REPORTS (default DATA/reports)]
# CLIP overrides the command (default: dotnet run --project src/Clip.Cli -c Release --).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
model="${1:?usage: run-evals.sh MODEL_DIR [DATA] [REPORTS]}"
data="${2:-/tmp/evaldata}"
reports="${3:-$data/reports}"
read -r -a clip <<< "${CLIP:-dotnet run --project $repo/src/Clip.Cli -c Release --}"
mkdir -p "$reports"

run() {
  local name="$1"
  shift
  { printf '$ clip'; printf ' %q' "$@"; printf '\n'; } | tee "$reports/$name.md"
  "${clip[@]}" "$@" --model "$model" --json "$reports/$name.json" | tee -a "$reports/$name.md"
}

emoji="$here/emoji-templates.txt"
run names eval --zero-shot "$data/twemoji-names" --class-names "$data/twemoji-names.class-names.json" \
  --compare --template "an emoji of {}." --templates "$emoji"
run names-imagenet80 eval --zero-shot "$data/twemoji-names" --class-names "$data/twemoji-names.class-names.json" \
  --templates imagenet80
run groups eval --zero-shot "$data/twemoji-groups" --compare --template "an emoji of {}." --templates "$emoji"
run groups-probe eval --linear-probe "$data/twemoji-groups" --folds 5
run voc-emoji eval --multilabel "$data/voc-emoji/labels.json" --templates "$emoji"
run retrieval eval --retrieval "$data/retrieval/dataset_twemoji.json" --split test
"${clip[@]}" probe train --memes "$data/memes/train.jsonl" --out "$reports/meme-probe.json" --model "$model" \
  | tee "$reports/meme-probe.txt"
run memes-dev eval --memes "$data/memes/dev.jsonl" --policy "$repo/docs/examples/policies/hateful-memes.json" \
  --probe "$reports/meme-probe.json"
run memes-train-cv eval --memes "$data/memes/train.jsonl" \
  --policy "$repo/docs/examples/policies/hateful-memes.json" --folds 5
echo "reports in $reports"
