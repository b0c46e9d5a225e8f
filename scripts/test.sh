#!/usr/bin/env bash
# Sets up and runs every test: installs missing Debian packages, builds everything (with the
# layering check), and runs the unit, integration and analysis-acceptance tests through CTest.
# SANITIZE=1 scripts/test.sh runs the same suite under AddressSanitizer and UBSan (build-asan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
if [ -n "${SANITIZE:-}" ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug "-DKHABAR_SANITIZE=address;undefined" >/dev/null
  cmake --build build-asan -j"$(nproc)"
  cd build-asan
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
else
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHABAR_BUILD_TESTS=ON >/dev/null
  cmake --build build -j"$(nproc)"
  cd build
fi
ctest --output-on-failure -j"$(nproc)" --timeout 600 "$@"
