#!/usr/bin/env bash
# Sets up and runs every test: installs missing Debian packages, builds everything (with the
# layering check), and runs the unit, integration and analysis-acceptance tests through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHABAR_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600 "$@"
