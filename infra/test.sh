#!/usr/bin/env bash
# Runs every test of the project: the .NET solution, the Python model tooling, the evaluation data builders and
# the curation measurement script.
# The services the .NET tests need (PostgreSQL with pgvector, RabbitMQ, Azurite) are installed and started on
# loopback by infra/services.sh; their settings reach the tests as CLIP_TEST_* variables.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the .NET tests load at run time: libturbojpeg0 for the TurboJPEG decoder (its tests fail without
# it rather than skip).
packages=(libturbojpeg0)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y "${missing[@]}"
fi

bash infra/services.sh up
eval "$(bash infra/services.sh env)"

status=0
dotnet test Pipeline.sln --nologo -v q || status=1
bash tools/modeling/run-tests.sh || status=1
bash tools/evaldata/run-tests.sh || status=1
bash tools/curation/run-tests.sh || status=1
exit "$status"
