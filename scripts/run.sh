#!/usr/bin/env bash
# Sets up and runs the Khabar server: installs missing Debian packages, builds a release binary,
# and serves on 127.0.0.1:8080 with an embedded RocksDB in ./data. Extra arguments go to
# `khabar serve` (see `khabar serve --help`; every flag also reads KHABAR_<NAME>).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DKHABAR_BUILD_TESTS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target khabar
exec build-release/server/khabar serve "$@"
