#!/usr/bin/env bash
# Runs the benchmark suite and prints the figures recorded in docs/benchmarks.md.
#   bench/run.sh [all|micro|ingest|search|analyze]   (default: all)
# Loopback only; every load is bounded in time or count. Needs ../shared (real news).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
scripts/install-deps.sh bench
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DKHABAR_BUILD_TESTS=OFF -DKHABAR_BUILD_BENCH=ON >/dev/null
cmake --build build-bench -j"$(nproc)" --target khabar text_bench protocol_bench >/dev/null
bin=build-bench/server/khabar
work=$(mktemp -d /tmp/khabar-bench-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(git rev-parse --short HEAD)"

serve() {  # serve <data dir> <port>: starts the server and waits until it is ready
  "$bin" serve --port "$2" --data-dir "$1" --access-log false --log-level warn &
  for _ in $(seq 100); do curl -sf "localhost:$2/readyz" >/dev/null && return 0; sleep 0.1; done
  echo "server did not start" >&2; exit 1
}
stop() { kill -TERM "$1"; wait "$1" || true; }

if [[ $what == all || $what == micro ]]; then
  build-bench/bench/text_bench --benchmark_min_time=1
  build-bench/bench/protocol_bench --benchmark_min_time=1
fi
if [[ $what == all || $what == analyze ]]; then
  # The second corpus gives 12% of body words a new clitic/suffix form, as a large real corpus
  # keeps bringing word types the entity tagger's word cache has not seen.
  for fresh in 0 0.12; do
    python3 bench/e2e/corpus.py --count 20000 --fresh-words $fresh --out "$work/analyze.ndjson"
    bytes=$(stat -c %s "$work/analyze.ndjson")
    start=$(date +%s.%N)
    "$bin" analyze < "$work/analyze.ndjson" > /dev/null
    end=$(date +%s.%N)
    python3 -c "print(f'analyze: 20000 articles (fresh words $fresh), {$bytes/1e6:.1f} MB in {$end-$start:.2f} s: {$bytes/1e6/($end-$start):.1f} MB/s')"
  done
fi
if [[ $what == all || $what == ingest ]]; then
  python3 bench/e2e/corpus.py --count 20000 --out "$work/ingest.ndjson"
  serve "$work/single" 18901; pid=$!
  CORPUS="$work/ingest.ndjson" wrk -t2 -c64 -d20s -s bench/e2e/post.lua http://127.0.0.1:18901 | grep -E "Requests/sec|Latency|status|acknowledged"
  bench/e2e/thread_cpu.sh $pid
  stop $pid
  serve "$work/bulk" 18902; pid=$!
  python3 bench/e2e/bulk.py --port 18902 --corpus "$work/ingest.ndjson" --batch 500 --connections 2
  bench/e2e/thread_cpu.sh $pid
  stop $pid
fi
if [[ $what == all || $what == search ]]; then
  python3 bench/e2e/corpus.py --count 100000 --out "$work/search.ndjson" --prefix s
  serve "$work/search" 18903; pid=$!
  python3 bench/e2e/bulk.py --port 18903 --corpus "$work/search.ndjson" --batch 1000 --connections 2
  bench/e2e/thread_cpu.sh $pid
  python3 bench/e2e/search_latency.py --port 18903 --corpus "$work/search.ndjson" --queries 2000
  python3 bench/e2e/search_latency.py --port 18903 --corpus "$work/search.ndjson" --queries 1000 --params "&limit=10&facets=all"
  stop $pid
  bench/e2e/peer_postgres.sh "$work/search.ndjson" 2000
fi
