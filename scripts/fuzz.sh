#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-16 (address and undefined-behaviour sanitizers) and runs
# each for a bounded time. Usage: scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh test
missing=()
for p in clang-16 libclang-rt-16-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${missing[@]}"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-16 \
  -DKHABAR_BUILD_TESTS=OFF -DKHABAR_FUZZ=ON "-DKHABAR_SANITIZE=address;undefined" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target decode_fuzz text_fuzz
for t in decode text; do
  mkdir -p "build-fuzz/corpus-$t"
  "build-fuzz/tests/fuzz/${t}_fuzz" -max_total_time="$seconds" -max_len=65536 "build-fuzz/corpus-$t"
done
