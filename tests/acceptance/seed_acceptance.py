#!/usr/bin/env python3
"""The analysis acceptance of the seed article, run by CTest:
- evaluate.py extract on the seed gold scores 1.000 on figures, dates and quotes;
- the seed's people, places and organizations are found, each with one canonical for all its
  spellings.
Usage: seed_acceptance.py KHABAR_BINARY SHARED_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

khabar, shared = sys.argv[1], sys.argv[2]
failures = []

with tempfile.TemporaryDirectory() as tmp:
    metrics_path = os.path.join(tmp, "metrics.json")
    run = subprocess.run([sys.executable, os.path.join(shared, "eval", "evaluate.py"), "extract",
                          os.path.join(shared, "data", "seed", "seed-gold.jsonl"), "--json", metrics_path,
                          "--", khabar, "analyze"], capture_output=True, text=True)
    print(run.stdout)
    if run.returncode != 0:
        sys.exit(f"evaluate.py failed: {run.stderr[-2000:]}")
    metrics = json.load(open(metrics_path))
    for key, first in (("figures", "value"), ("dates", "value"), ("quotes", "speaker")):
        f1 = metrics[key][f"with_{first}"]["f1"]
        if f1 < 1.0:
            failures.append(f"{key}: F1 with right {first} is {f1}, not 1.000")

with open(os.path.join(shared, "data", "seed", "seed-article.txt"), encoding="utf-8") as f:
    title, _, body = f.read().partition("\n")
article = json.dumps({"id": "seed", "title": title, "body": body, "published_at": "2024-02-10"},
                     ensure_ascii=False)
out = subprocess.run([khabar, "analyze"], input=article + "\n", capture_output=True, text=True, check=True)
analysis = json.loads(out.stdout)
canon = {}
for e in analysis["entities"]:
    canon.setdefault((e["type"], e["text"]), set()).add(e["canonical"])

expected = {
    "person": [["فلاديمير بوتين", "بوتين"], ["تاكر كارلسون", "كارلسون"],
               ["دميتري بيسكوف", "ديمتري بيسكوف", "بيسكوف"], ["جون كيربي", "كيربي"], ["إيلون ماسك"]],
    "place": [["موسكو"], ["أوكرانيا"]],
    "organization": [["الكرملين"], ["البيت الأبيض"]],
}
for kind, groups in expected.items():
    for spellings in groups:
        seen = set()
        for s in spellings:
            names = canon.get((kind, s))
            if not names:
                failures.append(f"{kind} '{s}' not found")
            else:
                seen |= names
        if len(seen) > 1:
            failures.append(f"{kind} {spellings} have several canonicals: {sorted(seen)}")

for f in failures:
    print("FAIL:", f)
print("seed acceptance:", "failed" if failures else "passed")
sys.exit(1 if failures else 0)
