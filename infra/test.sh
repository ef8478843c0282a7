#!/usr/bin/env bash
# Runs every test of the solution. The services the tests need (PostgreSQL with pgvector, RabbitMQ, Azurite)
# are installed and started on loopback by infra/services.sh; their settings reach the tests as CLIP_TEST_*.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/services.sh up
eval "$(bash infra/services.sh env)"
dotnet test Pipeline.sln --nologo -v q
