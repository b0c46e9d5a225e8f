#!/usr/bin/env python3
"""Measures /v1/search latency from one client: two-word queries drawn from the corpus (two
random non-trivial words of a random article, so every query has hits), sent one after another.
  search_latency.py --port 8080 --corpus /tmp/corpus.ndjson [--queries 2000] [--params "&limit=10"]
"""
import argparse
import http.client
import json
import random
import re
import statistics
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1")
ap.add_argument("--port", type=int, default=8080)
ap.add_argument("--corpus", required=True)
ap.add_argument("--queries", type=int, default=2000)
ap.add_argument("--params", default="&limit=10")
ap.add_argument("--seed", type=int, default=11)
ap.add_argument("--emit-sql", action="store_true", help="print the same queries as PostgreSQL statements")
ap.add_argument("--read-timings", action="store_true", help="summarize psql \\timing lines from stdin")
args = ap.parse_args()

rng = random.Random(args.seed)
sample = []
with open(args.corpus, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % 50 == 0:
            sample.append(json.loads(line)["body"])
        if len(sample) >= 2000:
            break
word = re.compile(r"[\u0621-\u064A]{4,}")
queries = []
while len(queries) < args.queries:
    words = word.findall(rng.choice(sample))
    if len(words) >= 2:
        queries.append(" ".join(rng.sample(words, 2)))

def summarize(lat, label):
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))]
    print(f"{label}: {len(lat)} two-word queries: p50 {pct(50):.2f} ms, p90 {pct(90):.2f} ms, "
          f"p99 {pct(99):.2f} ms, max {lat[-1]:.2f} ms")

if args.emit_sql:
    print("\\timing on")
    for q in queries[:100] + queries:  # The first 100 warm up, as for Khabar.
        lit = q.replace("'", "''")
        print(f"SELECT id, ts_rank(doc, query) AS r, count(*) OVER () FROM articles, "
              f"plainto_tsquery('simple', '{lit}') query WHERE doc @@ query ORDER BY r DESC LIMIT 10;")
    raise SystemExit(0)
if args.read_timings:
    import sys
    times = [float(l.split()[1]) for l in sys.stdin if l.startswith("Time: ")]
    summarize(times[100:], "postgres search")
    raise SystemExit(0)

conn = http.client.HTTPConnection(args.host, args.port, timeout=60)
def run(q):
    t0 = time.perf_counter()
    conn.request("GET", "/v1/search?q=" + urllib.parse.quote(q) + args.params)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"{r.status} {body[:200]}")
    return (time.perf_counter() - t0) * 1000, json.loads(body)["total"]

for q in queries[:100]:  # Warm-up.
    run(q)
lat, totals = [], []
for q in queries:
    ms, total = run(q)
    lat.append(ms)
    totals.append(total)
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))]
print(f"search: {len(lat)} two-word queries ({args.params}), median hits {statistics.median(totals):.0f}: "
      f"p50 {pct(50):.2f} ms, p90 {pct(90):.2f} ms, p99 {pct(99):.2f} ms, max {lat[-1]:.2f} ms")
