#!/usr/bin/env bash
# Runs the tests of the evaluation data set builders and converters (Debian's Python and Pillow; no corpus needed).
set -euo pipefail
cd "$(dirname "$0")"
exec /usr/bin/python3 -m unittest discover -s tests -t . "$@"
