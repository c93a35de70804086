#!/usr/bin/env bash
# Installs the Debian packages claimtrace builds and tests with, only those
# that are missing. Run as root (or with sudo available).
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libicu-dev libhyperscan-dev libsqlite3-dev libpqxx-dev libpq-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libgumbo-dev libxml2-dev
  libcld2-dev libxxhash-dev libcpp-httplib-dev libmimalloc-dev iso-codes
  libgtest-dev libbenchmark-dev
  postgresql python3
)
[ "${CLAIMTRACE_SETUP_EXTRA:-}" ] && packages+=(${CLAIMTRACE_SETUP_EXTRA})

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: these packages are missing and I am not root: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
