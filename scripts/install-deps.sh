#!/usr/bin/env bash
# Installs the Debian 12 packages Khabar builds, runs and tests with, skipping those already present.
# Usage: scripts/install-deps.sh [build|test|bench]
set -euo pipefail
mode=${1:-build}
pkgs=(build-essential cmake g++ pkg-config
      libboost1.81-dev libboost-program-options1.81-dev
      libsimdjson-dev librocksdb-dev libspdlog-dev libfmt-dev
      zlib1g-dev libbz2-dev liblz4-dev libsnappy-dev libzstd-dev)
case $mode in
  build) ;;
  test) pkgs+=(libgtest-dev libgmock-dev googletest python3 curl) ;;
  bench) pkgs+=(libgtest-dev libgmock-dev googletest libbenchmark-dev wrk linux-perf python3 curl) ;;
  *) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
