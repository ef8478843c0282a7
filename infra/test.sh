#!/usr/bin/env bash
# Runs every test of the project: the .NET solution, the Python model tooling, the evaluation data builders and
# the curation measurement script.
# The services the .NET tests need (PostgreSQL with pgvector, RabbitMQ, Azurite) are installed and started on
# loopback by infra/services.sh; their settings reach the tests as CLIP_TEST_* variables.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/services.sh up
eval "$(bash infra/services.sh env)"

status=0
dotnet test Pipeline.sln --nologo -v q || status=1
bash tools/modeling/run-tests.sh || status=1
bash tools/evaldata/run-tests.sh || status=1
bash tools/curation/run-tests.sh || status=1
exit "$status"
