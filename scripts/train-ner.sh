#!/bin/sh
# Trains the entity tagger and writes text/model/ner.model (docs/design/entities.md).
#
#   scripts/train-ner.sh            the committed model: all of ANERcorp train
#   scripts/train-ner.sh --dev      hold out the last 10% of sentences, print dev scores per epoch,
#                                   write the model to build-ner/ner-dev.model and the split to
#                                   build-ner/ner-dev.conll (for evaluate.py)
#
# Environment: BUILD (default build-ner), SHARED (default ../shared next to the repo).
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-ner}
SHARED=${SHARED:-../shared}
EPOCHS=40
MIN_WEIGHT=1.0
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
make -C "$BUILD" -j1 khabar-train-ner >/dev/null
TRAINER="$BUILD/tools/train_ner/khabar-train-ner"
if [ "${1:-}" = "--dev" ]; then
  "$TRAINER" --train "$SHARED/data/ner/anercorp-train.conll" --dev-fraction 0.1 \
    --dev-out "$BUILD/ner-dev.conll" --epochs "$EPOCHS" --min-weight "$MIN_WEIGHT" --out "$BUILD/ner-dev.model"
else
  "$TRAINER" --train "$SHARED/data/ner/anercorp-train.conll" --epochs "$EPOCHS" --min-weight "$MIN_WEIGHT" \
    --out text/model/ner.model
fi
