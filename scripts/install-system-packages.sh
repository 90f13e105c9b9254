#!/usr/bin/env bash
# Installs the Debian packages the build needs (Cairo, bzip2, zlib, a font, pkg-config) when any is
# missing. The one list: `make report`, `make test` and .ci/run all call this script.
set -euo pipefail
packages=(libcairo2-dev libbz2-dev zlib1g-dev fonts-dejavu-core pkg-config)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
