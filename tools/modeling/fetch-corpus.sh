#!/usr/bin/env bash
# Downloads the training/evaluation corpus's source packages into a scratch folder outside the repository
# (default /tmp/corpus) with the registries' ordinary clients, and unpacks them. Idempotent.
# Nothing fetched here is committed; see cliptools/corpus.py for what is used and under which licence.
set -euo pipefail
root="${1:-/tmp/corpus}"
mkdir -p "$root/npm" "$root/apt"

npm_packages=(
  emoji-datasource@16.0.0          # emoji names and categories (MIT)
  emoji-datasource-google@16.0.0   # Noto Emoji art, 64 px PNG (Apache-2.0)
  emoji-datasource-twitter@16.0.0  # Twemoji art, 64 px PNG (CC-BY-4.0), evaluation only
  emojilib@4.0.3                   # emoji keywords (MIT)
  openmoji@17.0.0                  # OpenMoji art, SVG, with CLDR names and tags (CC-BY-SA-4.0)
)
for spec in "${npm_packages[@]}"; do
  name="${spec%@*}"
  version="${spec##*@}"
  if [[ ! -d "$root/npm/$name/package" ]]; then
    (cd "$root/npm" && npm pack --silent "$spec" >/dev/null)
    mkdir -p "$root/npm/$name"
    tar xzf "$root/npm/$name-$version.tgz" -C "$root/npm/$name"
  fi
done

# Tux Paint's stamps: clip art and photographs with one-line English descriptions (GPL-2+ and others).
if [[ ! -d "$root/apt/tuxpaint-stamps-default/usr" ]]; then
  (cd "$root/apt" && apt-get download tuxpaint-stamps-default=2022.06.04-1)
  dpkg-deb -x "$root"/apt/tuxpaint-stamps-default_*.deb "$root/apt/tuxpaint-stamps-default"
fi

command -v rsvg-convert >/dev/null || apt-get install -y librsvg2-bin
echo "corpus sources in $root"
