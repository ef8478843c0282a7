#!/usr/bin/env bash
# Runs every test of the solution. Services that tests need are started by the scripts beside this one.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Pipeline.sln --nologo -v q
