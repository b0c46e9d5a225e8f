#!/bin/sh
# Ten-fold cross-validation of the whole entity pipeline on ANERcorp train (docs/design/entities.md):
# for each tenth K, trains the tagger on the other nine (scripts/train-ner.sh's settings), builds
# khabar-analyze with that model, and scores the held-out tenth with evaluate.py ner. Prints the
# micro F1 of each fold and their mean. About a minute and a half on two cores.
#
#   scripts/cv-ner.sh            seed 1
#   SEED=100 scripts/cv-ner.sh   another shuffle of the training order
#
# Environment: SEED (default 1), BUILD (default build-ner), SHARED (default ../shared).
set -eu
cd "$(dirname "$0")/.."
SEED=${SEED:-1}
BUILD=${BUILD:-build-ner}
SHARED=${SHARED:-../shared}
TRAIN="$SHARED/data/ner/anercorp-train.conll"
SETTINGS=$(sed -n 's/^SETTINGS="\(.*\)"$/\1/p' scripts/train-ner.sh)
WORK=$(mktemp -d /tmp/khabar-cv-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
make -C "$BUILD" -j"$(nproc)" khabar-train-ner >/dev/null
for k in 0 1 2 3 4 5 6 7 8 9; do
  # shellcheck disable=SC2086
  if ! "$BUILD/tools/train_ner/khabar-train-ner" --train "$TRAIN" $SETTINGS --dev-fraction 0.1 \
    --dev-fold "$k" --seed "$SEED" --dev-out "$WORK/dev$k.conll" --out "$WORK/fold$k.model" \
    >"$WORK/train.log" 2>&1; then
    cat "$WORK/train.log" >&2
    exit 1
  fi
  cmake -S . -B "$BUILD-cv" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHABAR_NER_MODEL="$WORK/fold$k.model" >/dev/null
  make -C "$BUILD-cv" -j"$(nproc)" khabar-analyze >/dev/null
  python3 "$SHARED/eval/evaluate.py" ner "$WORK/dev$k.conll" -- "$BUILD-cv/server/khabar-analyze" \
    >"$WORK/eval.log"
  f1=$(tail -1 "$WORK/eval.log" | sed -n 's/^ner micro F1 \([0-9.]*\).*/\1/p')
  [ -n "$f1" ] || { echo "fold $k: no score" >&2; cat "$WORK/eval.log" >&2; exit 1; }
  echo "fold $k: $f1"
  echo "$f1" >>"$WORK/f1"
done
awk '{s += $1} END {printf "ten-fold mean micro F1 (seed %s): %.4f\n", seed, s / NR}' seed="$SEED" "$WORK/f1"
