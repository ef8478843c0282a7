#!/usr/bin/env bash
# Runs the tests of the curation measurement script (Debian's Python, Pillow and numpy; no corpus, no database).
set -euo pipefail
cd "$(dirname "$0")"
exec /usr/bin/python3 -m unittest discover -s tests -t . "$@"
