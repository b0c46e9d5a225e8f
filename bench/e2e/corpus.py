#!/usr/bin/env python3
"""Writes a benchmark corpus of real-shaped articles as NDJSON, one article a line.

The texts are the real news articles of ../shared/data (dev set and seed), repeated with unique ids
and small variations so that every article is distinct. Usage:
  corpus.py --count 20000 --out /tmp/corpus.ndjson [--shared ../shared]
"""
import argparse
import json
import os
import random

ap = argparse.ArgumentParser()
ap.add_argument("--count", type=int, default=20000)
ap.add_argument("--out", required=True)
ap.add_argument("--prefix", default="bench")
ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()

texts = []
with open(os.path.join(args.shared, "data", "dev", "news-dev-gold.jsonl"), encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        title, _, body = d["text"].partition("\n")
        texts.append((title, body, d.get("source", "dev"), d.get("published_at") or "2015-08-06"))
with open(os.path.join(args.shared, "data", "seed", "seed-article.txt"), encoding="utf-8") as f:
    title, _, body = f.read().partition("\n")
    texts.append((title, body, "seed", "2024-02-10"))

rng = random.Random(args.seed)
with open(args.out, "w", encoding="utf-8") as out:
    for i in range(args.count):
        title, body, source, day = texts[i % len(texts)]
        paragraphs = body.split("\n")
        rng.shuffle(paragraphs)
        art = {"id": f"{args.prefix}-{i}", "title": title, "body": "\n".join(paragraphs),
               "published_at": day, "source": source, "tags": ["bench"]}
        out.write(json.dumps(art, ensure_ascii=False) + "\n")
