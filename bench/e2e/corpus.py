#!/usr/bin/env python3
"""Writes a benchmark corpus of real-shaped Arabic news articles as NDJSON, one article a line.

Articles are composed from real sentences: the paragraphs of the development news articles and
the sentences of the ANERcorp training part in ../shared/data, drawn at random, so that the
vocabulary and term frequencies look like news rather than like a few repeated texts.
  corpus.py --count 100000 --out /tmp/corpus.ndjson [--shared ../shared] [--prefix bench]
            [--fresh-words 0.12]

The sentences of ../shared repeat, so their word types are soon all known to the entity tagger's
word cache. Real news keeps bringing word types not seen before (names, and the many clitic and
suffix forms of each Arabic word). --fresh-words P gives each Arabic word of the body, with
probability P, another clitic and suffix form, mostly one never seen before, so that the analyzer
pays for new words as it does on a large real corpus.
"""
import argparse
import json
import os
import random
import re

ap = argparse.ArgumentParser()
ap.add_argument("--count", type=int, default=20000)
ap.add_argument("--out", required=True)
ap.add_argument("--prefix", default="bench")
ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--fresh-words", type=float, default=0.0)
args = ap.parse_args()

paragraphs, titles, sources = [], [], []
with open(os.path.join(args.shared, "data", "dev", "news-dev-gold.jsonl"), encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        title, _, body = d["text"].partition("\n")
        titles.append(title)
        sources.append(d.get("source", "dev"))
        paragraphs += [p for p in body.split("\n") if len(p) > 40]
sentence, ner_sentences = [], []
with open(os.path.join(args.shared, "data", "ner", "anercorp-train.conll"), encoding="utf-8") as f:
    for line in f:
        parts = line.split()
        if not parts:
            continue
        if parts[0] in (".", "$#$") and sentence:
            sentence.append(".")
            if len(sentence) > 6:
                ner_sentences.append(" ".join(sentence))
            sentence = []
        elif parts[0] != "$#$":
            sentence.append(parts[0])

rng = random.Random(args.seed)
PROCLITICS = ["", "\u0648", "\u0641", "\u0628", "\u0644", "\u0643", "\u0648\u0628", "\u0648\u0644", "\u0641\u0644"]
SUFFIXES = ["", "\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627", "\u0643\u0645", "\u0646\u0627",
            "\u0627\u062a", "\u0648\u0646", "\u064a\u0646", "\u064a\u0629", "\u0627\u0646"]
ARABIC_WORD = re.compile("[\u0621-\u064a]{3,}")


def freshen(text):
    """Gives some Arabic words another clitic and suffix form (see --fresh-words)."""
    if args.fresh_words <= 0:
        return text

    def one(m):
        if rng.random() >= args.fresh_words:
            return m.group(0)
        return rng.choice(PROCLITICS[1:]) + m.group(0) + rng.choice(SUFFIXES[1:])
    return ARABIC_WORD.sub(one, text)


with open(args.out, "w", encoding="utf-8") as out:
    for i in range(args.count):
        body = []
        for _ in range(rng.randint(4, 9)):
            if rng.random() < 0.5:
                body.append(rng.choice(paragraphs))
            else:
                body.append(" ".join(rng.choice(ner_sentences) for _ in range(rng.randint(1, 3))))
        title = rng.choice(titles) if rng.random() < 0.3 else " ".join(rng.choice(ner_sentences).split()[:9])
        day = 1 + rng.randrange(365)
        published = f"2015-{1 + (day - 1) // 31 % 12:02d}-{1 + (day - 1) % 28:02d}"
        art = {"id": f"{args.prefix}-{i}", "title": title, "body": freshen("\n".join(body)),
               "published_at": published, "source": rng.choice(sources), "tags": ["bench"]}
        out.write(json.dumps(art, ensure_ascii=False) + "\n")
