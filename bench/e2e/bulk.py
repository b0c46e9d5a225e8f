#!/usr/bin/env python3
"""Bulk-ingests an NDJSON corpus through POST /v1/articles/_bulk and reports articles/s.
  bulk.py --port 8080 --corpus /tmp/corpus.ndjson [--batch 500] [--connections 2] [--limit N]
"""
import argparse
import http.client
import queue
import threading
import time

ap = argparse.ArgumentParser()
ap.add_argument("--host", default="127.0.0.1")
ap.add_argument("--port", type=int, default=8080)
ap.add_argument("--corpus", required=True)
ap.add_argument("--batch", type=int, default=500)
ap.add_argument("--connections", type=int, default=2)
ap.add_argument("--limit", type=int, default=0)
args = ap.parse_args()

batches = queue.Queue()
lines, total, size = [], 0, 0
with open(args.corpus, "rb") as f:
    for line in f:
        lines.append(line)
        total += 1
        size += len(line)
        if len(lines) == args.batch:
            batches.put(b"".join(lines))
            lines = []
        if args.limit and total >= args.limit:
            break
if lines:
    batches.put(b"".join(lines))

errors = [0]
def worker():
    conn = http.client.HTTPConnection(args.host, args.port, timeout=600)
    while True:
        try:
            body = batches.get_nowait()
        except queue.Empty:
            return
        conn.request("POST", "/v1/articles/_bulk", body, {"Content-Type": "application/x-ndjson"})
        r = conn.getresponse()
        data = r.read()
        if r.status != 200 or b'"errors":true' in data:
            errors[0] += 1

start = time.monotonic()
threads = [threading.Thread(target=worker) for _ in range(args.connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
print(f"bulk: {total} articles, {size / 1e6:.1f} MB in {elapsed:.2f} s: {total / elapsed:.0f} articles/s, "
      f"{size / 1e6 / elapsed:.1f} MB/s; batches with errors: {errors[0]}")
