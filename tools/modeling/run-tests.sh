#!/usr/bin/env bash
# Installs what the model tooling's tests need (idempotent) and runs them with Debian's Python.
# Set CLIP_TOOLS_SKIP_ORT=1 to skip installing ONNX Runtime for Node.js (the parity tests are then skipped).
set -euo pipefail
cd "$(dirname "$0")"

packages=(python3-torch python3-numpy python3-pil python3-onnx python3-regex libopenblas0-openmp)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node.js may come from another source than Debian (whose npm package conflicts with such builds): check commands.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y "${missing[@]}"
fi

# ONNX Runtime is not packaged for Debian's Python; the npm package ships the CPU runtime for Linux x64.
ort_version=1.30.0
ort_folder=build/ort
if [[ "${CLIP_TOOLS_SKIP_ORT:-0}" != 1 && ! -f "$ort_folder/node_modules/onnxruntime-node/package.json" ]]; then
  mkdir -p "$ort_folder"
  (cd "$ort_folder" && npm install --no-save --no-audit --no-fund "onnxruntime-node@$ort_version" >/dev/null)
fi

exec /usr/bin/python3 -m unittest discover -s tests -t . -v "$@"
