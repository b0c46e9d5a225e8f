#!/bin/sh
# Trains the entity tagger (docs/design/entities.md).
#
#   scripts/train-ner.sh         writes text/model/ner.model from all of ANERcorp train
#   scripts/train-ner.sh --dev   holds out the last 10% of ANERcorp train sentences, trains on the
#                                rest, builds khabar-analyze with that model (in $BUILD-dev) and
#                                scores it on the held-out part with evaluate.py
#
# Environment: BUILD (default build-ner), SHARED (default ../shared next to the repo).
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-ner}
SHARED=${SHARED:-../shared}
TRAIN="$SHARED/data/ner/anercorp-train.conll"
# Tuned by 4-fold cross-validation on ANERcorp train (docs/design/entities.md).
SETTINGS="--epochs 40 --models 5 --min-weight 1.0"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
make -C "$BUILD" -j1 khabar-train-ner >/dev/null
TRAINER="$BUILD/tools/train_ner/khabar-train-ner"
if [ "${1:-}" != "--dev" ]; then
  # shellcheck disable=SC2086
  "$TRAINER" --train "$TRAIN" $SETTINGS --out text/model/ner.model
  exit 0
fi
DEV_MODEL="$(pwd)/$BUILD/ner-dev.model"
# shellcheck disable=SC2086
"$TRAINER" --train "$TRAIN" --dev-fraction 0.1 --dev-out "$BUILD/ner-dev.conll" $SETTINGS \
  --out "$DEV_MODEL"
cmake -S . -B "$BUILD-dev" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHABAR_NER_MODEL="$DEV_MODEL" >/dev/null
make -C "$BUILD-dev" -j1 khabar-analyze >/dev/null
python3 "$SHARED/eval/evaluate.py" ner "$BUILD/ner-dev.conll" -- "$BUILD-dev/server/khabar-analyze"
